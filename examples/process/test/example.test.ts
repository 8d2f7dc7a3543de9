// Runs the example exactly as its README shows, through the `ws` CLI.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cliMain = join(exampleDir, '..', '..', 'packages', 'core', 'dist', 'cli', 'main.js');

function ws(...args: string[]) {
  return spawnSync(process.execPath, [cliMain, ...args], { cwd: exampleDir, encoding: 'utf8' });
}

describe('examples/process', () => {
  it('runs an allowed command and prints its output and exit code', () => {
    const result = ws('run', '--allow-command', 'echo', 'guests/build/run.wasm', 'echo', 'hello', 'from', 'the', 'host');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('hello from the host\nexit code: 0\n');
    expect(result.status).toBe(0);
  });

  it('passes a failing command\'s stderr and exit code through', () => {
    const result = ws('run', '--allow-command', 'ls', 'guests/build/run.wasm', 'ls', '/no/such/dir');
    expect(result.stdout).toBe('exit code: 2\n');
    expect(result.stderr).toBe("ls: cannot access '/no/such/dir': No such file or directory\n");
  });

  it('refuses a command that is not allowed', () => {
    const result = ws('run', 'guests/build/run.wasm', 'rm', '-rf', '/tmp/nothing-here');
    expect(result.stdout).toBe('exit code: -1\n');
    expect(result.stderr).toBe(
      'Permission denied: Command "rm" is not in the white list. Please use --allow-command=rm or --allow-command-all to add "rm" command into the white list.\n',
    );
  });
});
