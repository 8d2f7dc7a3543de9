// The allow-list and the child's environment, through the `ws` CLI with the
// real plug-in and a real guest (guests/exec.c).
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runtime } from '@ws/core';
import { toPluginOptions, type ProcessOptions } from '../src/options.js';
import { loadProcessPlugin } from '../src/process-module.js';
import { denial, guestPath, runGuest } from './helpers.js';

let scratchDir: string;
beforeAll(() => {
  scratchDir = mkdtempSync(join(tmpdir(), 'ws-process-policy-'));
  writeFileSync(join(scratchDir, 'hello-ws'), '#!/bin/sh\necho "hello from $0"\n');
  chmodSync(join(scratchDir, 'hello-ws'), 0o755);
  symlinkSync('/usr/bin/echo', join(scratchDir, 'echo-alias'));
});
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

describe('allow-list', () => {
  it('denies every command by default, with WasmEdge\'s exact message and exit code -1', () => {
    const run = runGuest('exec', [], ['echo', 'hi']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(denial('echo'));
    expect(run.exitCode).toBe(-1);
  });

  it('allows a program given with --allow-command, matched as the exact string', () => {
    const allowed = runGuest('exec', ['--allow-command', 'echo'], ['echo', 'hi', 'there']);
    expect(allowed.stdout).toBe('hi there\n');
    expect(allowed.stderr).toBe('');
    expect(allowed.exitCode).toBe(0);
    const otherSpelling = runGuest('exec', ['--allow-command', 'echo'], ['/bin/echo', 'hi']);
    expect(otherSpelling.stderr).toBe(denial('/bin/echo'));
    expect(otherSpelling.exitCode).toBe(-1);
  });

  it('accepts --allow-command=CMD, repeated', () => {
    const run = runGuest('exec', ['--allow-command=printf', '--allow-command', 'echo'], ['printf', '%s-%s', 'a', 'b']);
    expect(run.stdout).toBe('a-b');
    expect(run.exitCode).toBe(0);
    expect(runGuest('exec', ['--allow-command=printf', '--allow-command', 'echo'], ['echo', 'x']).stdout).toBe('x\n');
    expect(runGuest('exec', ['--allow-command=printf', '--allow-command', 'echo'], ['cat']).stderr).toBe(denial('cat'));
  });

  it('an absolute entry allows that path, and a bare name the host PATH resolves to it', () => {
    const flags = ['--allow-command', '/bin/echo'];
    expect(runGuest('exec', flags, ['/bin/echo', 'by path']).stdout).toBe('by path\n');
    // /bin is a symlink to /usr/bin here: directories are canonicalised.
    expect(runGuest('exec', flags, ['/usr/bin/echo', 'canonical']).stdout).toBe('canonical\n');
    const bare = runGuest('exec', flags, ['echo', 'by name']);
    expect(bare.stdout).toBe('by name\n');
    expect(bare.exitCode).toBe(0);
  });

  it('an absolute entry does not allow a same-named program that comes first in the host PATH', () => {
    const shadowDir = join(scratchDir, 'shadow');
    mkdirSync(shadowDir);
    writeFileSync(join(shadowDir, 'echo'), '#!/bin/sh\necho shadowed\n', { mode: 0o755 });
    const env = { ...process.env, PATH: `${shadowDir}:${process.env.PATH}` };
    const bare = runGuest('exec', ['--allow-command', '/usr/bin/echo'], ['echo', 'x'], { env });
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toBe(denial('echo'));
    expect(bare.exitCode).toBe(-1);
    // Through a symlinked directory or "..", the allowed file itself still runs.
    symlinkSync('/usr/bin', join(scratchDir, 'bin-link'));
    expect(runGuest('exec', ['--allow-command', '/usr/bin/echo'], [join(scratchDir, 'bin-link', 'echo'), 'linked']).stdout).toBe('linked\n');
    expect(runGuest('exec', ['--allow-command', '/usr/bin/echo'], ['/usr/bin/../bin/echo', 'dotdot']).stdout).toBe('dotdot\n');
  });

  it('does not follow a symlink in the last component (a multi-call binary under another name stays denied)', () => {
    const alias = join(scratchDir, 'echo-alias');
    const run = runGuest('exec', ['--allow-command', '/usr/bin/echo'], [alias, 'x']);
    expect(run.stderr).toBe(denial(alias));
    expect(run.exitCode).toBe(-1);
  });

  it('--allow-command-all allows anything', () => {
    const run = runGuest('exec', ['--allow-command-all'], ['printf', 'all']);
    expect(run.stdout).toBe('all');
    expect(run.exitCode).toBe(0);
  });
});

describe('program lookup', () => {
  it('resolves a bare name against the host PATH when the command runs', () => {
    const env = { ...process.env, PATH: `${scratchDir}:${process.env.PATH}` };
    const run = runGuest('exec', ['--allow-command', 'hello-ws'], ['hello-ws'], { env });
    expect(run.stdout).toBe(`hello from ${join(scratchDir, 'hello-ws')}\n`);
    expect(run.exitCode).toBe(0);
    const absolute = runGuest('exec', ['--allow-command', join(scratchDir, 'hello-ws')], ['hello-ws'], { env });
    expect(absolute.exitCode).toBe(0);
  });

  it('a program allowed through an absolute entry runs from the path that was checked, not a second PATH lookup', () => {
    // hello-ws prints $0, the path it was executed with. PATH reaches it through
    // a symlinked directory; the policy checks the canonical location, and that
    // exact file is what runs, so nothing can be swapped between check and spawn.
    const linkDir = join(scratchDir, 'path-link');
    symlinkSync(scratchDir, linkDir);
    const env = { ...process.env, PATH: `${linkDir}:${process.env.PATH}` };
    const run = runGuest('exec', ['--allow-command', join(scratchDir, 'hello-ws')], ['hello-ws'], { env });
    expect(run.stdout).toBe(`hello from ${join(realpathSync(scratchDir), 'hello-ws')}\n`);
    expect(run.exitCode).toBe(0);
  });

  it('ignores relative and empty PATH entries (never the host working directory)', () => {
    const env = { ...process.env, PATH: `.::${process.env.PATH}` };
    const spawnedIn = runGuest('exec', ['--allow-command', 'hello-ws'], ['hello-ws'], { env, cwd: scratchDir });
    expect(spawnedIn.stderr).toBe('wasmedge_process: cannot run "hello-ws": command not found in the host PATH. Install it or pass its absolute path.\n');
    expect(spawnedIn.exitCode).toBe(-1);
  });

  it('never uses a shell: metacharacters reach the program literally', () => {
    const run = runGuest('exec', ['--allow-command', 'echo'], ['echo', '$(id)', ';', 'ls', '|', 'cat', '`id`', '*']);
    expect(run.stdout).toBe('$(id) ; ls | cat `id` *\n');
  });
});

describe('child environment', () => {
  it('is only what the guest added: host variables are not inherited', () => {
    const env = { ...process.env, WS_HOST_SECRET: 'must-not-leak' };
    const run = runGuest('exec', ['--allow-command', 'env'], ['--env', 'A=1', '--', 'env'], { env });
    expect(run.stdout).toBe('A=1\n');
  });

  it('drops LD_*, DYLD_* and NODE_OPTIONS', () => {
    const run = runGuest('exec', ['--allow-command', 'env'], [
      '--env', 'LD_PRELOAD=/tmp/evil.so',
      '--env', 'LD_LIBRARY_PATH=/tmp',
      '--env', 'DYLD_INSERT_LIBRARIES=/tmp/evil.dylib',
      '--env', 'NODE_OPTIONS=--require=/tmp/evil.js',
      '--env', 'KEEP=yes',
      '--env', 'NODE_OPTIONS_NOT=kept',
      '--', 'env',
    ]);
    expect(run.stdout).toBe('KEEP=yes\nNODE_OPTIONS_NOT=kept\n');
    expect(run.exitCode).toBe(0);
  });

  it('keeps the first value of a repeated name (WasmEdge\'s emplace)', () => {
    const run = runGuest('exec', ['--allow-command', 'env'], ['--env', 'A=first', '--env', 'A=second', '--', 'env']);
    expect(run.stdout).toBe('A=first\n');
  });
});

describe('JS API: new Runtime({ pluginOptions })', () => {
  async function runInProcess(options: ProcessOptions, guestArgs: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    loadProcessPlugin();
    const stdoutPath = join(scratchDir, 'stdout.txt');
    const stderrPath = join(scratchDir, 'stderr.txt');
    const stdout = openSync(stdoutPath, 'w');
    const stderr = openSync(stderrPath, 'w');
    const runtime = new Runtime({ args: ['exec.wasm', ...guestArgs], pluginOptions: toPluginOptions(options), stdout, stderr });
    try {
      const code = await runtime.run(readFileSync(guestPath('exec')));
      return { code, stdout: readFileSync(stdoutPath, 'utf8'), stderr: readFileSync(stderrPath, 'utf8') };
    } finally {
      runtime.dispose();
      closeSync(stdout);
      closeSync(stderr);
    }
  }

  it('allows what allowCommands lists', async () => {
    expect(await runInProcess({ allowCommands: ['echo'] }, ['echo', 'from', 'js'])).toEqual({ code: 0, stdout: 'from js\n', stderr: 'exit_code=0\n' });
  });

  it('denies by default', async () => {
    expect(await runInProcess({}, ['echo', 'x'])).toEqual({ code: 0, stdout: '', stderr: `${denial('echo')}exit_code=-1\n` });
  });
});
