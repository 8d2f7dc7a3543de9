import { WsError } from '../../errors.js';

const signalNames: Record<string, string> = {
  SIGSEGV: 'segmentation fault',
  SIGABRT: 'abort',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
  SIGFPE: 'arithmetic exception',
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
};

/**
 * The child process of a guest run with `isolation: 'process'` died of a
 * signal (a plug-in crashed: SIGSEGV, SIGABRT, ...). The caller's process is
 * unaffected. Code `WS_ISOLATED_CRASH`.
 */
export class IsolatedCrashError extends WsError {
  /** The signal that ended the child process, e.g. `'SIGSEGV'`. */
  readonly signal: string;
  /** Plug-ins whose modules the guest imports (the suspects), in import order. */
  readonly plugins: string[];
  /** The plug-in modules the guest imports. */
  readonly modules: string[];
  constructor(signal: string, imported: readonly { module: string; plugin: string }[]) {
    const plugins = [...new Set(imported.map((i) => i.plugin))];
    const modules = imported.map((i) => i.module);
    const where =
      plugins.length === 0
        ? 'The guest imports no plug-in module, so the crash is in ws or Node itself: please report it with the guest.'
        : `The guest imports ${imported.map((i) => `module ${i.module} of plug-in ${i.plugin}`).join(', ')}: the crash is in ${plugins.length === 1 ? `plug-in ${plugins[0]}` : `one of the plug-ins ${plugins.join(', ')}`}. Report it to the plug-in's authors with the guest and its arguments, and keep running such guests with isolation 'process'.`;
    super('WS_ISOLATED_CRASH', `The guest's isolated process was killed by ${signal} (${signalNames[signal] ?? 'signal'}); this process is unaffected. ${where}`);
    this.name = 'IsolatedCrashError';
    this.signal = signal;
    this.plugins = plugins;
    this.modules = modules;
  }
}

/** The isolated worker or process was ended at its time limit (code `WS_ISOLATED_TIME_LIMIT`). */
export function isolatedTimeLimitError(limitMs: number, where: 'worker thread' | 'process'): WsError {
  return new WsError(
    'WS_ISOLATED_TIME_LIMIT',
    `The guest ran longer than its time limit of ${limitMs} ms and its ${where} was ended. Raise timeLimitMs (--time-limit) if the guest needs longer, or find out why it does not finish.`,
  );
}

/** An isolated side that ended without a result (not a signal). */
export function isolatedExitError(code: number | null, where: 'worker thread' | 'process'): WsError {
  return new WsError(
    'WS_ISOLATION',
    `The guest's ${where} ended with exit code ${code ?? 'none'} before reporting a result. Run the guest without isolation (or with --log-level debug) to see what stopped it.`,
  );
}
