// RuntimePool: many guests on two worker threads (piscina) with exact outputs,
// back-pressure, and close()/destroy() semantics.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Plugin, RuntimePool, WsError } from '@ws/core';
import { guestBytes, root } from '../helpers/paths.js';

const expected = (i: number) => `argc 3\nargv[1] task ${i}\nargv[2] ${i % 5 === 0 ? 'exit7' : 'go'}\nWS_GREETING hello ${i}\n`;
const task = (i: number) => ({ args: ['wasi_only.wasm', `task ${i}`, i % 5 === 0 ? 'exit7' : 'go'], env: { WS_GREETING: `hello ${i}` } });

describe('RuntimePool', () => {
  it('runs 50 guests on 2 workers with their own arguments, environment, output and exit codes', async () => {
    const pool = new RuntimePool({ workers: 2, discoverPackages: false });
    const bytes = guestBytes('wasi_only');
    try {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => pool.run(bytes, task(i))));
      results.forEach((result, i) => {
        expect({ exitCode: result.exitCode, stdout: result.stdout.toString(), stderr: result.stderr.toString() }).toEqual({ exitCode: i % 5 === 0 ? 7 : 0, stdout: expected(i), stderr: '' });
      });
      expect(pool.workers).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('gives each task its stdin and runs plug-in guests with the pool\'s plug-in options', async () => {
    Plugin.loadFromPath(join(root, 'native/build/plugins/libwasmedgePluginWasmEdgeProcess.so'));
    const exec = readFileSync(join(root, 'packages/process/guests/build/exec.wasm'));
    const pool = new RuntimePool({ workers: 2, discoverPackages: false, pluginOptions: { 'allow-command': ['echo', 'cat'] } });
    try {
      const [echo, cat, refused] = await Promise.all([
        pool.run(exec, { args: ['exec.wasm', 'echo', 'one'] }),
        pool.run(exec, { args: ['exec.wasm', '--stdin', 'piped text', 'cat'] }),
        pool.run(exec, { args: ['exec.wasm', 'ls'] }),
      ]);
      expect(echo.stdout.toString()).toBe('one\n');
      expect(cat.stdout.toString()).toBe('piped text');
      expect(refused.stdout.toString()).toBe('');
      expect(refused.stderr.toString()).toBe('Permission denied: Command "ls" is not in the white list. Please use --allow-command=ls or --allow-command-all to add "ls" command into the white list.\nexit_code=-1\n');
    } finally {
      await pool.close();
    }
  });

  it('rejects a task at once with WS_POOL_QUEUE_FULL when workers + maxQueue tasks are unfinished', async () => {
    const pool = new RuntimePool({ workers: 2, maxQueue: 3, discoverPackages: false });
    const bytes = guestBytes('wasi_only');
    try {
      const accepted = Array.from({ length: 5 }, (_, i) => pool.run(bytes, task(i)));
      const refused = await pool.run(bytes, task(5)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WsError);
      expect(refused).toMatchObject({ code: 'WS_POOL_QUEUE_FULL', message: expect.stringContaining('5 tasks accepted and unfinished') });
      const results = await Promise.all(accepted);
      expect(results.map((r) => r.stdout.toString())).toEqual([0, 1, 2, 3, 4].map(expected));
      // Room again once they finished.
      expect((await pool.run(bytes, task(6))).stdout.toString()).toBe(expected(6));
    } finally {
      await pool.close();
    }
  });

  it('close() lets every accepted task finish, then refuses new ones', async () => {
    const pool = new RuntimePool({ workers: 2, discoverPackages: false });
    const bytes = guestBytes('wasi_only');
    const accepted = Array.from({ length: 6 }, (_, i) => pool.run(bytes, task(i)));
    await pool.close();
    expect((await Promise.all(accepted)).map((r) => r.stdout.toString())).toEqual([0, 1, 2, 3, 4, 5].map(expected));
    await expect(pool.run(bytes, task(7))).rejects.toMatchObject({ code: 'WS_POOL_CLOSED', message: expect.stringContaining('was closed') });
  });

  it('destroy() ends running and waiting tasks (guests that never return) with WS_POOL_CLOSED', async () => {
    const pool = new RuntimePool({ workers: 2, discoverPackages: false });
    const spin = guestBytes('spin');
    const tasks = Array.from({ length: 3 }, () => pool.run(spin).catch((e: unknown) => e));
    await pool.destroy();
    for (const error of await Promise.all(tasks)) expect(error).toMatchObject({ code: 'WS_POOL_CLOSED' });
    await expect(pool.run(spin)).rejects.toMatchObject({ code: 'WS_POOL_CLOSED', message: expect.stringContaining('was destroyed') });
  });

  it('a task past its time limit rejects and its worker is replaced', async () => {
    const pool = new RuntimePool({ workers: 1, discoverPackages: false });
    try {
      const error = await pool.run(guestBytes('spin'), { timeLimitMs: 200 }).catch((e: unknown) => e);
      expect(['WS_TIME_LIMIT', 'WS_ISOLATED_TIME_LIMIT']).toContain((error as WsError).code);
      expect((await pool.run(guestBytes('wasi_only'), task(1))).stdout.toString()).toBe(expected(1));
    } finally {
      await pool.close();
    }
  });

  it('a guest error keeps its class and code', async () => {
    const pool = new RuntimePool({ workers: 1, discoverPackages: false });
    try {
      await expect(pool.run(guestBytes('unresolved'))).rejects.toMatchObject({ name: 'ImportResolutionError', code: 'WS_IMPORT_UNRESOLVED' });
      expect(() => new RuntimePool({ workers: 0 })).toThrow(/workers must be a whole number of at least 1, got 0/);
    } finally {
      await pool.close();
    }
  });

  it('without piscina installed (an optional peer dependency), says how to install it', async () => {
    // @ws/core as a user has it without piscina: its files in a folder with no node_modules.
    const copy = mkdtempSync(join(tmpdir(), 'ws-core-no-piscina-'));
    cpSync(join(root, 'packages/core/dist'), join(copy, 'dist'), { recursive: true });
    cpSync(join(root, 'packages/core/package.json'), join(copy, 'package.json'));
    // In a plain Node process, as a user runs it (not through the test runner's module loader).
    const program = `import(${JSON.stringify(pathToFileURL(join(copy, 'dist/index.js')).href)}).then((core) => { try { new core.RuntimePool({ workers: 1 }); console.log('created'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); } });`;
    // NODE_PATH: pnpm's bin shims point it at the store, where piscina is.
    const { NODE_PATH: _storePath, ...env } = process.env;
    const result = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8', cwd: copy, env });
    const error = JSON.parse(result.stdout) as unknown;
    expect(error).toMatchObject({ code: 'WS_POOL_UNAVAILABLE', message: expect.stringMatching(/^RuntimePool runs on piscina, an optional peer dependency of @ws\/core that could not be loaded \(Cannot find module 'piscina'.*\)\. Install it: .*piscina@5\.3\.2\.$/) });
  });
});
