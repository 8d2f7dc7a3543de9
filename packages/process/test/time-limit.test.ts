// A guest blocked in wasmedge_process_run (a command that sleeps 30 s) and the guest's time
// limit (ws run --time-limit / RuntimeOptions.timeLimitMs): the plug-in's wait sees the interrupt
// flag (ws_interrupt_requested), kills the command's process group and returns, and V8 stops the
// guest. The command writes its pid before it execs sleep: the test checks the process is gone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plugin, Runtime } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { cliMain, guestPath, processLibrary } from './helpers.js';

/** True while a process with this pid exists (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** exec.wasm's arguments: a plug-in timeout of 60 s, and sh writing its pid, then becoming `sleep 30`. */
function sleeperArguments(): { pidFile: string; args: string[] } {
  const pidFile = join(mkdtempSync(join(tmpdir(), 'ws-time-limit-')), 'pid');
  return { pidFile, args: ['--timeout', '60000', '--', 'sh', '-c', `echo $$ > ${pidFile}; exec sleep 30`] };
}

const timeLimitMessage = (ms: number) =>
  `The guest ran longer than its time limit of ${ms} ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.`;

describe('the time limit and a command the guest runs', () => {
  it('ws run --time-limit kills the command (sleep 30) and exits with 124', () => {
    const { pidFile, args } = sleeperArguments();
    const result = spawnSync(
      process.execPath,
      [cliMain, 'run', '--plugin-path', processLibrary, '--allow-command', 'sh', '--time-limit', '300', guestPath('exec'), ...args],
      { encoding: 'utf8', timeout: 25000 },
    );
    expect(result.signal).toBeNull();
    expect(result.stderr).toBe(`[ws] WS_TIME_LIMIT: ${timeLimitMessage(300)}\n`);
    expect(result.status).toBe(124);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(1);
    expect(alive(pid)).toBe(false);
  });

  it('Runtime({ timeLimitMs }) ends the host call in this process, which then runs the next command', async () => {
    Plugin.loadFromPath(processLibrary);
    const { pidFile, args } = sleeperArguments();
    const devnull = openSync('/dev/null', 'w');
    const blocked = new Runtime({ discoverPackages: false, args: ['exec.wasm', ...args], pluginOptions: { 'allow-command': ['sh'] }, timeLimitMs: 200, stderr: devnull });
    const error = await blocked.run(readFileSync(guestPath('exec'))).then(
      () => undefined,
      (e: unknown) => e,
    );
    blocked.dispose();
    expect(error).toMatchObject({ name: 'TimeLimitError', code: 'WS_TIME_LIMIT', message: timeLimitMessage(200) });
    // Killed and reaped by the plug-in before the host call returned.
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);

    const next = new Runtime({ discoverPackages: false, args: ['exec.wasm', 'echo', 'after'], pluginOptions: { 'allow-command': ['echo'] }, timeLimitMs: 60000, stderr: devnull, stdout: devnull });
    expect(await next.run(readFileSync(guestPath('exec')))).toBe(0);
    next.dispose();
  });
});
