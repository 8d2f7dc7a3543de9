// Per-module-instance budgets (--crypto-max-handles, --crypto-max-bytes):
// a real guest (guests/budget.c) through the `ws` CLI and the real plug-in,
// and module sets created and disposed from JavaScript.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { createWasiCryptoModules, loadWasiCryptoPlugin, toWasiCryptoPluginOptions } from '../src/index.js';
import { guestPath, runGuest, type AllFunctions } from './helpers.js';

const TOO_MANY_HANDLES = 18;
const OVERFLOW = 16;

function handlesLine(count: number): string {
  return `[ws:wasi-crypto] This guest holds ${count} handles, the most one module instance may: creating another returns too_many_handles (18) until one is closed. Close handles the guest no longer needs, or raise the limit with --crypto-max-handles N.\n`;
}
function bytesLine(held: number, limit: number): string {
  return `[ws:wasi-crypto] This guest's handles hold ${held} bytes, and the most one module instance may hold is ${limit}: a call that would hold more returns overflow (16). Close states and array outputs the guest no longer needs, or raise the limit with --crypto-max-bytes BYTES.\n`;
}

describe('handles per module instance', () => {
  it('--crypto-max-handles N: N handles, the next too_many_handles (18) with one line on stderr; closing makes room', () => {
    const run = runGuest('budget', ['handles', '10'], ['--crypto-max-handles', '3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`refused 3 ${TOO_MANY_HANDLES}\nopened 3\nclose 0\nreopen 0\nagain ${TOO_MANY_HANDLES}\n`);
    expect(run.stderr).toBe(handlesLine(3));
  });

  it('is 4096 by default', () => {
    const run = runGuest('budget', ['handles', '5000']);
    expect(run.stdout).toBe(`refused 4096 ${TOO_MANY_HANDLES}\nopened 4096\nclose 0\nreopen 0\nagain ${TOO_MANY_HANDLES}\n`);
  });
});

describe('bytes per module instance', () => {
  it('what HKDF absorbs counts: exactly the limit is taken, one byte more is overflow (16)', () => {
    const flags = ['--crypto-max-bytes', '131072'];
    expect(runGuest('budget', ['absorb', 'HKDF-EXTRACT/SHA-256', '131072'], flags)).toMatchObject({ stdout: 'absorbed 131072\n', stderr: '' });
    const over = runGuest('budget', ['absorb', 'HKDF-EXTRACT/SHA-256', '131073'], flags);
    expect(over.stdout).toBe(`refused 131072 ${OVERFLOW}\nabsorbed 131072\n`);
    expect(over.stderr).toBe(bytesLine(131072, 131072));
  });

  it('a hash streams: what it absorbs is not held, so it does not count', () => {
    expect(runGuest('budget', ['absorb', 'SHA-256', '1000000'], ['--crypto-max-bytes', '1000']).stdout).toBe('absorbed 1000000\n');
  });

  it('imported keys and array outputs count', () => {
    // A 500-byte key and its 500-byte export fill 1000 bytes exactly; 501 + 501 do not fit.
    expect(runGuest('budget', ['array', '500'], ['--crypto-max-bytes', '1000']).stdout).toBe('import 0\nexport 0\n');
    const over = runGuest('budget', ['array', '501'], ['--crypto-max-bytes', '1000']);
    expect(over.stdout).toBe(`import 0\nexport ${OVERFLOW}\n`);
    expect(over.stderr).toBe(bytesLine(501, 1000));
  });

  it('is 64 MiB by default', () => {
    const limit = 64 * 1024 * 1024;
    expect(runGuest('budget', ['absorb', 'HKDF-EXTRACT/SHA-256', String(limit)]).stdout).toBe(`absorbed ${limit}\n`);
    expect(runGuest('budget', ['absorb', 'HKDF-EXTRACT/SHA-256', String(limit + 1)]).stdout).toBe(`refused ${limit} ${OVERFLOW}\nabsorbed ${limit}\n`);
  });
});

describe('options and dispose', () => {
  it('maxHandles / maxBytes of createWasiCryptoModules, and each module set starts from zero', () => {
    expect(toWasiCryptoPluginOptions({ maxHandles: 7, maxBytes: 1024 })).toEqual({ 'crypto-max-handles': '7', 'crypto-max-bytes': '1024' });
    expect(() => toWasiCryptoPluginOptions({ maxHandles: -1 })).toThrow('[ws:wasi-crypto] maxHandles must be an integer from 0 to 4294967295, got -1. Pass a whole number.');
    const memory = new WebAssembly.Memory({ initial: 1 });
    for (let round = 0; round < 3; ++round) {
      const set = createWasiCryptoModules({ maxHandles: 2 });
      const f = Object.assign({}, ...Object.values(set.bind(memory) as unknown as Record<string, object>)) as AllFunctions;
      expect([0, 1, 2].map(() => f.options_open(1, 0))).toEqual([0, 0, TOO_MANY_HANDLES]);
      set.dispose();
    }
  });

  it('is pluginOptions of a Runtime, and the next Runtime starts from zero', async () => {
    loadWasiCryptoPlugin();
    const scratch = mkdtempSync(join(tmpdir(), 'ws-crypto-budget-'));
    try {
      for (let round = 0; round < 2; ++round) {
        const outPath = join(scratch, `out-${round}`), errPath = join(scratch, `err-${round}`);
        const stdout = openSync(outPath, 'w'), stderr = openSync(errPath, 'w');
        const runtime = new Runtime({ args: ['budget.wasm', 'handles', '5'], pluginOptions: toWasiCryptoPluginOptions({ maxHandles: 2 }), stdout, stderr });
        try {
          expect(await runtime.run(readFileSync(guestPath('budget')))).toBe(0);
        } finally {
          runtime.dispose();
          closeSync(stdout);
          closeSync(stderr);
        }
        expect(readFileSync(outPath, 'utf8')).toBe(`refused 2 ${TOO_MANY_HANDLES}\nopened 2\nclose 0\nreopen 0\nagain ${TOO_MANY_HANDLES}\n`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('dispose closes every handle the guest left open, while other instances keep the handle space alive: 1000 cycles do not grow memory', () => {
    const keeper = createWasiCryptoModules(); // keeps the process-wide handle space alive throughout
    const memory = new WebAssembly.Memory({ initial: 8 });
    const name = new TextEncoder().encode('HMAC/SHA-256');
    new Uint8Array(memory.buffer).set(name, 64);
    const KEY = 65536, KEY_BYTES = 128 * 1024; // a 128 KiB key at 64 KiB, exported: 256 KiB held per cycle
    const view = () => new DataView(memory.buffer);
    const k = Object.assign({}, ...Object.values(keeper.bind(memory) as unknown as Record<string, object>)) as AllFunctions;
    // Codes of 50 options_open, the key import and export, then what the keeper
    // gets when it closes the first option handle after the set was disposed.
    const cycle = (): number[] => {
      const set = createWasiCryptoModules();
      const f = Object.assign({}, ...Object.values(set.bind(memory) as unknown as Record<string, object>)) as AllFunctions;
      const codes: number[] = [];
      for (let i = 0; i < 50; ++i) {
        codes.push(f.options_open(1, i === 0 ? 12 : 0));
      }
      codes.push(f.symmetric_key_import(64, name.length, KEY, KEY_BYTES, 4));
      codes.push(f.symmetric_key_export(view().getUint32(4, true), 8));
      set.dispose();
      codes.push(k.options_close(view().getUint32(12, true)));
      return codes;
    };
    const expected = [...Array(52).fill(0), 14]; // closed: the handle went with its module instance
    try {
      for (let i = 0; i < 50; ++i) expect(cycle()).toEqual(expected);
      const before = process.memoryUsage().rss;
      for (let i = 0; i < 1000; ++i) expect(cycle()).toEqual(expected);
      // Measured here: about 70 MB (JS module objects) with dispose closing the
      // handles, about 350 MB when it does not (256 MiB of keys and outputs).
      // An ASan build (test/fuzz/node-asan.test.ts) keeps freed memory in quarantine: RSS says nothing there.
      if (!(process.env.LD_PRELOAD ?? '').includes('asan')) expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(200);
    } finally {
      keeper.dispose();
    }
  });
});
