/** One prefix for everything @ws/core prints: `[ws]` or `[ws:<topic>]`. */
export function logPrefix(topic?: string): string {
  return topic ? `[ws:${topic}]` : '[ws]';
}

/**
 * How much ws and the native code it loads print, from nothing (`off`) to
 * everything (`trace`), as WasmEdge's `--log-level` (`wasmedge --log-level debug`).
 * Each level includes the ones before it. Default: `warning`. Backend chatter
 * (TensorFlow Lite's "INFO: Created TensorFlow Lite XNNPACK delegate", llama.cpp's
 * logging, Node's WASI ExperimentalWarning) appears from `info` or `debug` on.
 */
export type LogLevel = 'off' | 'critical' | 'error' | 'warning' | 'info' | 'debug' | 'trace';

/** Every log level, from the quietest to the most verbose. */
export const logLevels: readonly LogLevel[] = Object.freeze(['off', 'critical', 'error', 'warning', 'info', 'debug', 'trace'] as const);

let currentLevel: LogLevel = 'warning';
let levelWasSet = false;

type LevelListener = (level: LogLevel) => void;
const levelListeners = new Set<LevelListener>();

/**
 * Sets the log level: of ws's own warnings in this thread, and of native
 * plug-ins and their backends, which is one for the whole process (the last
 * set wins, from any thread), applied now if the bridge is loaded or else
 * when it loads. Throws a TypeError for a name that is not in {@link logLevels}.
 */
export function setLogLevel(level: LogLevel): void {
  if (!logLevels.includes(level)) {
    throw new TypeError(`Unknown log level ${JSON.stringify(level)}: expected one of ${logLevels.join(', ')}`);
  }
  currentLevel = level;
  levelWasSet = true;
  for (const listener of levelListeners) listener(level);
}

/** The current log level (default `warning`). */
export function getLogLevel(): LogLevel {
  return currentLevel;
}

/** False while this thread has not called setLogLevel (the level is the default). */
export function logLevelWasSet(): boolean {
  return levelWasSet;
}

/** True when a message of this level is shown at the current level. */
export function logLevelEnabled(level: Exclude<LogLevel, 'off'>): boolean {
  return logLevels.indexOf(level) <= logLevels.indexOf(currentLevel);
}

/**
 * Calls `listener` on every setLogLevel (internal: the bridge forwards the
 * level to native code with it). Returns a function that removes it.
 */
export function onLogLevelChange(listener: LevelListener): () => void {
  levelListeners.add(listener);
  return () => levelListeners.delete(listener);
}

type WarningHandler = (code: string, message: string) => void;

let handler: WarningHandler = (code, message) => process.emitWarning(message, { code, type: 'WsWarning' });

/** Where warnings go: process warnings for a library, stderr lines for the CLI. */
export function setWarningHandler(next: WarningHandler): void {
  handler = next;
}

/**
 * Emits a coded warning once per distinct message; nothing below the
 * `warning` level (a dropped warning is not remembered: it shows once the
 * level allows it).
 */
const emitted = new Set<string>();
export function warnOnce(code: string, message: string): void {
  if (!logLevelEnabled('warning')) return;
  const key = `${code}:${message}`;
  if (emitted.has(key)) return;
  emitted.add(key);
  handler(code, message);
}
