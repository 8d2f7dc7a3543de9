// The session budget of both plug-ins (--tflite-max-sessions,
// --tensorflow-max-sessions): a real guest through the `ws` CLI and the real
// wasmedge_tensorflowlite plug-in, module instances through the JS API, and
// wasmedge_tensorflow on the stand-in TensorFlow library.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TensorflowErrno as E } from '../src/errno.js';
import { createTensorflowLiteModule, createTensorflowModule } from '../src/modules.js';
import { toTensorflowLitePluginOptions, toTensorflowPluginOptions } from '../src/options.js';
import { bind, GuestMemory, guestPath, model, modelsDir, packageDir, repoRoot, runGuest } from './helpers.js';

const fakeLibrary = process.env.WS_FAKE_LIBTENSORFLOW ?? join(repoRoot, 'native', 'build', 'test-plugins', 'tensorflow', 'libws_fake_libtensorflow.so');
// Loaded once per process on the first wasmedge_tensorflow call; this file runs in its own worker.
process.env.WS_LIBTENSORFLOW = fakeLibrary;

function refusalLine(plugin: string, sessions: number, option: string): string {
  return `[ws:${plugin}] This guest holds ${sessions} sessions, the most one module instance may: creating another returns 4 (Busy) until one is deleted. Delete sessions the guest no longer needs, or raise the limit with --${option} N.\n`;
}

function sessionsGuest(count: number, flags: string[] = []) {
  return runGuest(guestPath(packageDir, 'tflite_sessions'), ['/m/add_f32.tflite', String(count)], { dirs: [`/m:${modelsDir}`], flags });
}

describe('wasmedge_tensorflowlite: sessions per module instance', () => {
  it('--tflite-max-sessions N: N sessions, the next one 4 (Busy) with one line on stderr, a deleted one makes room', () => {
    const run = sessionsGuest(10, ['--tflite-max-sessions', '3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(['session 3: 4', 'created 3', 'delete 0: 0', 'create after delete: 0 id 0', 'create again: 4', ''].join('\n'));
    expect(run.stderr).toBe(refusalLine('tensorflowlite', 3, 'tflite-max-sessions'));
  });

  it('is 64 by default', () => {
    const atLimit = sessionsGuest(64);
    expect(atLimit.stdout).toBe(['created 64', 'delete 0: 0', 'create after delete: 0 id 0', 'create again: 4', ''].join('\n'));
    expect(sessionsGuest(100).stdout.split('\n').slice(0, 2)).toEqual(['session 64: 4', 'created 64']);
  });

  it('is maxSessions of the JS options, and a new module instance starts from zero', () => {
    const mem = new GuestMemory(16);
    const [pointer, length] = mem.put(model('add_f32.tflite'));
    for (let round = 0; round < 3; ++round) {
      const module = createTensorflowLiteModule({ maxSessions: 2 });
      const f = bind(module, mem);
      expect([0, 1, 2].map(() => f.create_session!(pointer, length, 0))).toEqual([E.Success, E.Success, E.Busy]);
      // The legacy ABI counts against the same budget: its handle 0 means "no session".
      expect(f.wasmedge_tensorflowlite_create_session!(pointer, length)).toBe(0n);
      module.dispose();
    }
    expect(toTensorflowLitePluginOptions({ maxSessions: 5 })).toEqual({ 'tflite-max-sessions': '5' });
    expect(() => toTensorflowLitePluginOptions({ maxSessions: 0 })).toThrow('[ws:tensorflow] maxSessions must be an integer from 1 to 1048576, got 0. Pass e.g. 64.');
  });

  it('dispose frees every session a guest left open: 1000 create/dispose cycles of 16 sessions do not grow memory', () => {
    const mem = new GuestMemory(16);
    const [pointer, length] = mem.put(model('add_f32.tflite'));
    const cycle = () => {
      const module = createTensorflowLiteModule({ maxSessions: 16 });
      const f = bind(module, mem);
      for (let i = 0; i < 16; ++i) expect(f.create_session!(pointer, length, 0)).toBe(E.Success);
      module.dispose();
    };
    for (let i = 0; i < 100; ++i) cycle();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 1000; ++i) cycle();
    // Measured here: about 20 MB with dispose freeing the sessions, 210 MB without.
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(100);
  });
});

describe('wasmedge_tensorflow: sessions per module instance (stand-in library)', () => {
  const GRAPH = 'WSFAKEGRAPH\nx 1\ny 2\n';

  it('maxSessions N: N sessions, then 4 (Busy); dispose and a new instance starts from zero', () => {
    if (!existsSync(fakeLibrary)) throw new Error(`${fakeLibrary} is missing: run node scripts/build-native.mjs`);
    const mem = new GuestMemory(16);
    const [pointer, length] = mem.put(GRAPH);
    for (let round = 0; round < 2; ++round) {
      const module = createTensorflowModule({ maxSessions: 2 });
      const f = bind(module, mem);
      expect([0, 1, 2].map(() => f.create_session!(pointer, length, 0))).toEqual([E.Success, E.Success, E.Busy]);
      expect(f.delete_session!(0)).toBe(E.Success);
      expect(f.create_session!(pointer, length, 0)).toBe(E.Success);
      expect(mem.u32(0)).toBe(0);
      module.dispose();
    }
    expect(toTensorflowPluginOptions({ maxSessions: 7 })).toEqual({ 'tensorflow-max-sessions': '7' });
  });
});

describe('declared options', () => {
  it('both plug-ins declare their max-sessions option with default 64', async () => {
    const { loadTensorflowLitePlugin, loadTensorflowPlugin } = await import('../src/modules.js');
    const lite = loadTensorflowLitePlugin().options.find((o) => o.name === 'tflite-max-sessions');
    const full = loadTensorflowPlugin().options.find((o) => o.name === 'tensorflow-max-sessions');
    expect([lite?.type, lite?.defaultValue, full?.type, full?.defaultValue]).toEqual(['uint32', '64', 'uint32', '64']);
    expect(readFileSync(join(packageDir, 'README.md'), 'utf8')).toContain('--tflite-max-sessions N');
  });
});
