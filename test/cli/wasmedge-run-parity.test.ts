// `ws run` as a drop-in for `wasmedge run` (issue 16): read-only preopens, the built-in
// wasi:logging/logging, --reactor, statistics, WasmEdge's other options and ws --version, each with
// a real guest and exact output; compared with the real wasmedge 0.17 where it is present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guest, root, runCli } from '../helpers/paths.js';

const wasmedge = join(root, '../shared/tools/wasmedge-0.17/tools/wasmedge/wasmedge');
const haveWasmedge = existsSync(wasmedge);
if (!haveWasmedge) {
  if (process.env.CI) throw new Error(`${wasmedge} is missing: CI compares ws run with the real WasmEdge.`);
  console.log(`Skipping the comparisons with wasmedge 0.17: ${wasmedge} is not there.`);
}

/** A folder with a file `existing` ("hello\n") and an empty folder `folder`. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-preopen-'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'existing'), 'hello\n');
  return dir;
}

const READ_ONLY_ANSWERS = `open read = ok
read = ok
write on a read fd = EBADF
ftruncate on a read fd = ENOTCAPABLE
open write = ok
write = EBADF
open read-write = ok
open truncate = ENOTCAPABLE
open append = ok
open create = ENOTCAPABLE
mkdir = ENOTCAPABLE
rmdir = ENOTCAPABLE
rename = ENOTCAPABLE
unlink = ENOTCAPABLE
symlink = ENOTCAPABLE
link = ENOTCAPABLE
utimes = ENOTCAPABLE
stat = ok
open folder = ok
`;

const READ_WRITE_ANSWERS = `open read = ok
read = ok
write on a read fd = EBADF
ftruncate on a read fd = ENOTCAPABLE
open write = ok
write = ok
open read-write = ok
open truncate = ok
open append = ok
open create = ok
mkdir = ok
rmdir = ok
rename = ok
unlink = ENOENT
symlink = ok
link = ENOENT
utimes = ENOENT
stat = ENOENT
open folder = ok
`;

describe('ws run --dir GUEST:HOST:readonly', () => {
  it('refuses every write under the folder with WasmEdge\'s errno, and changes nothing', () => {
    const dir = sandbox();
    const result = runCli(['run', '--dir', `/d:${dir}:readonly`, guest('readonly_dir'), '/d']);
    expect(result).toEqual({ status: 0, signal: null, stdout: READ_ONLY_ANSWERS, stderr: '' });
    expect(readdirSync(dir).sort()).toEqual(['existing', 'folder']);
    expect(readFileSync(join(dir, 'existing'), 'utf8')).toBe('hello\n');
  });

  it('a read-write preopen beside it stays writable (fds are told apart), and :readwrite is the default', () => {
    const writable = sandbox();
    const readonly = sandbox();
    const result = runCli(['run', '--dir', `/w:${writable}:readwrite`, '--dir', `/r:${readonly}:readonly`, guest('readonly_dir'), '/w']);
    expect(result).toEqual({ status: 0, signal: null, stdout: READ_WRITE_ANSWERS, stderr: '' });
    expect(readdirSync(writable).sort()).toEqual(['created', 'made', 'renamed', 'symlinked']);
    const again = runCli(['run', '--dir', `/w:${writable}`, '--dir', `/r:${readonly}:readonly`, guest('readonly_dir'), '/r']);
    expect(again.stdout).toBe(READ_ONLY_ANSWERS);
    expect(readdirSync(readonly).sort()).toEqual(['existing', 'folder']);
  });

  it.runIf(haveWasmedge)('answers as wasmedge 0.17 does, read-only and read-write', () => {
    for (const mode of ['readonly', 'readwrite']) {
      const [forWs, forWasmedge] = [sandbox(), sandbox()];
      const ours = runCli(['run', '--dir', `/d:${forWs}:${mode}`, guest('readonly_dir'), '/d']);
      const theirs = spawnSync(wasmedge, ['--dir', `/d:${forWasmedge}:${mode}`, guest('readonly_dir'), '/d'], { encoding: 'utf8' });
      expect(ours.stdout).toBe(theirs.stdout);
      expect(readdirSync(forWs).sort()).toEqual(readdirSync(forWasmedge).sort());
    }
  });
});

/** `[2026-12-07 23:02:19.010] [info] text` → `[info] text` (the time stamp checked). */
function withoutTimestamps(text: string): string {
  return text.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] /gm, '');
}

describe('wasi:logging/logging (WasmEdge\'s built-in wasi_logging)', () => {
  it('prints every level as WasmEdge does: stdout by default and for "stdout", stderr for "stderr"', () => {
    const result = runCli(['run', guest('wasi_logging')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[[a-z]+\] .*\n)+$/);
    expect(withoutTimestamps(result.stdout)).toBe(
      '[trace] message at level 0\n[debug] message at level 1\n[info] message at level 2\n[warning] message at level 3\n',
    );
    // A context naming a file: WasmEdge appends to that host file; ws prints it to stderr.
    expect(withoutTimestamps(result.stderr)).toBe('[error] message at level 4\n[critical] message at level 5\n[info] app.log: message at level 2\n');
  });

  it('--log-level drops the lines below it; off drops them all', () => {
    const error = runCli(['run', '--log-level', 'error', guest('wasi_logging')]);
    expect(error.stdout).toBe('');
    expect(withoutTimestamps(error.stderr)).toBe('[error] message at level 4\n[critical] message at level 5\n');
    const off = runCli(['run', '--log-level', 'off', guest('wasi_logging')]);
    expect(off).toEqual({ status: 0, signal: null, stdout: '', stderr: '' });
  });

  it('an unknown level is a host function failure (exit code 1), as in WasmEdge', () => {
    const result = runCli(['run', '--log-level', 'critical', guest('wasi_logging'), 'bad']);
    expect(result.status).toBe(1);
    expect(withoutTimestamps(result.stderr)).toBe(
      '[critical] message at level 5\n[ws] WS_HOST_FUNCTION_FAILED: The guest called wasi:logging/logging log with level 9; the levels are 0 (trace), 1 (debug), 2 (info), 3 (warn), 4 (error) and 5 (critical). Fix the level the guest passes.\n',
    );
  });

  it('--forbidden-plugin wasi_logging takes it away', () => {
    const result = runCli(['run', '--forbidden-plugin', 'wasi_logging', guest('wasi_logging')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('  wasi:logging/logging.log: plug-in wasi_logging provides it, but it is forbidden (forbiddenPlugins / --forbidden-plugin)\n');
  });

  it.runIf(haveWasmedge)('prints the same lines as wasmedge 0.17 (stdout and stderr)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ws-logging-'));
    const theirs = spawnSync(wasmedge, [guest('wasi_logging')], { encoding: 'utf8', cwd });
    const ours = runCli(['run', guest('wasi_logging')]);
    expect(withoutTimestamps(ours.stdout)).toBe(withoutTimestamps(theirs.stdout));
    // WasmEdge wrote the app.log line to that file instead.
    expect(withoutTimestamps(ours.stderr)).toBe(withoutTimestamps(theirs.stderr) + '[info] app.log: message at level 2\n');
    expect(withoutTimestamps(readFileSync(join(cwd, 'app.log'), 'utf8'))).toBe('[info] message at level 2\n');
  });
});
