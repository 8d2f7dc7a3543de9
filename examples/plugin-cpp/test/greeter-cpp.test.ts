// Runs the C++ example through the ws CLI exactly as the README shows and
// checks stdout byte for byte, plus the traps for bad guest pointers.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, runWs } from '@ws/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = resolve(exampleDir, '../../native/build/examples/plugin-cpp/libexample_cpp.so');
const guest = join(exampleDir, 'guests/build/greet.wasm');

function ws(options: string[], args: string[] = []) {
  assertBuilt([
    [plugin, 'node scripts/build-native.mjs'],
    [guest, 'pnpm --filter @ws/example-plugin-cpp build'],
  ]);
  return runWs(['run', '--plugin-path', plugin, ...options, guest, ...args], { cwd: exampleDir });
}

const long = 'x'.repeat(70);

// [what the row shows, CLI options, guest arguments, exact stdout]
const rows: [string, string[], string[], string][] = [
  ['default greeting and name', [], [], 'Hello, world!\nlength=13 calls=1\n'],
  ['a name from the guest', [], ['Ada'], 'Hello, Ada!\nlength=11 calls=1\n'],
  ['--cpp-greeting sets the greeting', ['--cpp-greeting', 'Bonjour'], ['Ada'], 'Bonjour, Ada!\nlength=13 calls=1\n'],
  ['--cpp-greeting without text (another option follows) uses Hi', ['--cpp-greeting', '--plugin-path', plugin], ['Ada'], 'Hi, Ada!\nlength=8 calls=1\n'],
  ['a text longer than the 64-byte buffer is cut; the length says how long it is', [], [long], `Hello, ${long}!`.slice(0, 64) + '\nlength=78 calls=1\n'],
];

describe('C++ example plug-in example_cpp', () => {
  it.each(rows)('%s', (_title, options, args, expected) => {
    const run = ws(options, args);
    expect(run.stdout).toBe(expected);
    expect(run.status, run.stderr).toBe(0);
  });

  it('an output pointer past the end of memory traps the guest with out of bounds memory access', () => {
    const run = ws([], ['Ada', 'oob']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('host function greeter_cpp.greet of plug-in example_cpp failed with WasmEdge error 0x0408 (out of bounds memory access)');
  });

  it('an output size of 4 GiB - 1 (-1 as i32) traps the guest with out of bounds memory access', () => {
    const run = ws([], ['Ada', 'huge']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('host function greeter_cpp.greet of plug-in example_cpp failed with WasmEdge error 0x0408 (out of bounds memory access)');
  });

  it('ws plugins lists the plug-in, its module and its option', () => {
    const result = runWs(['plugins', '--plugin-path', plugin, '--json'], { cwd: exampleDir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('example_cpp');
    expect(result.stdout).toContain('cpp-greeting');
  });
});
