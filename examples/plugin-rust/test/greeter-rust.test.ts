// Runs the Rust example through the ws CLI exactly as the README shows and
// checks stdout byte for byte, plus the trap for a bad guest pointer.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, runWs } from '@ws/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = resolve(exampleDir, '../../native/build/examples/plugin-rust/libexample_rust.so');
const guest = join(exampleDir, 'guests/build/greet_sized.wasm');

function ws(options: string[], args: string[] = []) {
  assertBuilt([
    [plugin, 'apt-get install -y rustc, then node scripts/build-native.mjs'],
    [guest, 'pnpm --filter @ws/example-plugin-rust build'],
  ]);
  return runWs(['run', '--plugin-path', plugin, ...options, guest, ...args], { cwd: exampleDir });
}

const long = 'a much longer name than sixty-four bytes, to show that the size protocol works';

// [what the row shows, CLI options, guest arguments, exact stdout]
const rows: [string, string[], string[], string][] = [
  ['default greeting and name (two calls: size, then text)', [], [], 'Hello, world!\nneeded=13 calls=2\n'],
  ['--rust-greeting sets the greeting', ['--rust-greeting', 'Bonjour'], ['Ada'], 'Bonjour, Ada!\nneeded=13 calls=2\n'],
  ['--rust-greeting without text (another option follows) uses Hi', ['--rust-greeting', '--plugin-path', plugin], ['Ada'], 'Hi, Ada!\nneeded=8 calls=2\n'],
  ['a long name fits because the guest asks for the size first', [], [long], `Hello, ${long}!\nneeded=${long.length + 8} calls=2\n`],
  ['an empty name', [], [''], 'Hello, !\nneeded=8 calls=2\n'],
];

describe('Rust example plug-in example_rust', () => {
  it.each(rows)('%s', (_title, options, args, expected) => {
    const run = ws(options, args);
    expect(run.stdout).toBe(expected);
    expect(run.status, run.stderr).toBe(0);
  });

  it('a name pointer past the end of memory traps the guest with out of bounds memory access', () => {
    const run = ws([], ['Ada', 'oob']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('host function greeter_rust.greet of plug-in example_rust failed with WasmEdge error 0x0408 (out of bounds memory access)');
  });

  it('a name length of 4 GiB - 1 (-1 as i32) traps the guest with out of bounds memory access', () => {
    const run = ws([], ['Ada', 'huge']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('host function greeter_rust.greet of plug-in example_rust failed with WasmEdge error 0x0408 (out of bounds memory access)');
  });

  it('the library exports only WasmEdge_Plugin_GetDescriptor and needs no libwasmedge', () => {
    const exported = spawnSync('nm', ['-D', '--defined-only', plugin], { encoding: 'utf8' });
    expect(exported.stdout.trim().split('\n').map((line) => line.split(' ').pop())).toEqual(['WasmEdge_Plugin_GetDescriptor']);
    const dynamic = spawnSync('readelf', ['-d', plugin], { encoding: 'utf8' });
    expect(dynamic.stdout).not.toContain('libwasmedge');
  });
});
