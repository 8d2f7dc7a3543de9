// A plug-in folder that cannot hurt (issue 15): a truncated plug-in, links that
// loop or dangle, a folder, FIFO or socket named *.so are each rejected with a
// coded reason, never block or crash, and never stop the good plug-in beside
// them; `ws run` of a guest that imports no plug-in still runs.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Plugin } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PLUGIN, guest, runCli } from '../helpers/paths.js';

let dir: string;
let server: Server;

/** The entries every test below expects rejected, by file name. */
const expectedRejections = [
  ['dangling.so', 'WS_PLUGIN_DANGLING_LINK', 'is a symbolic link to missing.so, which does not exist: restore the plug-in it points at, or remove the link.'],
  ['fifo.so', 'WS_PLUGIN_NOT_A_FILE', 'is a FIFO, not a plug-in file: remove it from the plug-in folder, or rename it.'],
  ['folder.so', 'WS_PLUGIN_NOT_A_FILE', 'is a folder, not a plug-in file: remove it from the plug-in folder, or rename it.'],
  ['libcut_4k.so', 'WS_PLUGIN_TRUNCATED', 'is a truncated ELF file (4096 bytes; '],
  ['libcut_64.so', 'WS_PLUGIN_TRUNCATED', 'is a truncated ELF file (64 bytes; its program header table ends at byte '],
  ['libcut_half.so', 'WS_PLUGIN_TRUNCATED', 'is a truncated ELF file ('],
  ['libcut_last.so', 'WS_PLUGIN_TRUNCATED', 'is a truncated ELF file ('],
  ['loop1.so', 'WS_PLUGIN_LINK_LOOP', 'is a symbolic link that loops (ELOOP), not a plug-in file: remove the link, or point it at the plug-in.'],
  ['loop2.so', 'WS_PLUGIN_LINK_LOOP', 'is a symbolic link that loops (ELOOP), not a plug-in file: remove the link, or point it at the plug-in.'],
  ['socket.so', 'WS_PLUGIN_NOT_A_FILE', 'is a socket, not a plug-in file: remove it from the plug-in folder, or rename it.'],
] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ws-bad-folder-'));
  const plugin = readFileSync(FIXTURE_PLUGIN);
  copyFileSync(FIXTURE_PLUGIN, join(dir, 'libws_fixture.so'));
  writeFileSync(join(dir, 'libcut_64.so'), plugin.subarray(0, 64));
  writeFileSync(join(dir, 'libcut_4k.so'), plugin.subarray(0, 4096));
  writeFileSync(join(dir, 'libcut_half.so'), plugin.subarray(0, plugin.length >> 1));
  writeFileSync(join(dir, 'libcut_last.so'), plugin.subarray(0, plugin.length - 1));
  symlinkSync('loop2.so', join(dir, 'loop1.so'));
  symlinkSync('loop1.so', join(dir, 'loop2.so'));
  symlinkSync('missing.so', join(dir, 'dangling.so'));
  mkdirSync(join(dir, 'folder.so'));
  expect(spawnSync('mkfifo', [join(dir, 'fifo.so')]).status).toBe(0);
  server = createServer();
  await new Promise<void>((done) => server.listen(join(dir, 'socket.so'), done));
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('a plug-in folder with bad entries', () => {
  it('`ws plugins --json` loads the good plug-in and lists every bad entry with its code and remedy', () => {
    const result = runCli(['plugins', '--json', '--plugin-path', dir], { env: { WASMEDGE_PLUGIN_PATH: '' } });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { plugins: { name: string; path?: string }[]; rejected: { path: string; code: string; message: string }[] };
    expect(report.plugins.find((p) => p.name === 'ws_fixture')?.path).toBe(join(dir, 'libws_fixture.so'));
    const rejected = report.rejected.filter((r) => r.path.startsWith(dir)).sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(rejected.map((r) => [r.path, r.code])).toEqual(expectedRejections.map(([name, code]) => [join(dir, name), code]));
    for (const [name, , text] of expectedRejections) {
      expect(rejected.find((r) => r.path === join(dir, name))!.message).toContain(`${join(dir, name)} ${text}`);
    }
    expect(rejected.find((r) => r.code === 'WS_PLUGIN_TRUNCATED')!.message).toMatch(/copy the plug-in again, or remove the file from the plug-in directory$/);
  });

  it('`ws run` of a guest that imports no plug-in runs with the folder on WASMEDGE_PLUGIN_PATH (warnings only)', () => {
    const result = runCli(['run', guest('wasi_only'), 'a', 'b c'], { env: { WASMEDGE_PLUGIN_PATH: dir } });
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe('argc 3\nargv[1] a\nargv[2] b c\nWS_GREETING (unset)\n');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`WS_PLUGIN_TRUNCATED: ${join(dir, 'libcut_4k.so')} is a truncated ELF file`);
  });

  it('Plugin.loadFromPath() in this process records them in Plugin.rejected() and throws nothing', () => {
    expect(() => Plugin.loadFromPath(dir)).not.toThrow();
    const codes = Object.fromEntries(Plugin.rejected().filter((r) => r.path.startsWith(dir)).map((r) => [r.path.slice(dir.length + 1), r.code]));
    for (const [name, code] of expectedRejections) expect(codes[name]).toBe(code);
  });

  it('a truncated file or a FIFO given directly is a coded PluginLoadError', () => {
    expect(() => Plugin.loadFromPath(join(dir, 'libcut_half.so'))).toThrow(expect.objectContaining({ code: 'WS_PLUGIN_TRUNCATED', path: join(dir, 'libcut_half.so') }));
    expect(() => Plugin.loadFromPath(join(dir, 'fifo.so'))).toThrow(expect.objectContaining({ code: 'WS_PLUGIN_NOT_A_FILE' }));
  });
});
