// Runs WasmEdge's get-string example through the ws CLI exactly as the README
// shows and checks stdout byte for byte (the guest prints no newline); where the
// real wasmedge 0.17 is there (../shared/tools/wasmedge-0.17), the same plug-in
// and guest under it print the same.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { haveRealWasmedge, realWasmedge } from '../../../test/helpers/real-wasmedge.js';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(exampleDir, '../..');
const cli = join(root, 'packages/core/dist/cli/main.js');
const plugin = join(root, 'native/build/examples/plugin-get-string/libGetString.so');
const guest = join(exampleDir, 'guests/build/get_string.wasm');

function ws(...options: string[]) {
  for (const [path, fix] of [
    [cli, 'pnpm --filter @ws/core build'],
    [plugin, 'node scripts/build-native.mjs'],
    [guest, 'pnpm --filter @ws/example-plugin-get-string build'],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing. Run: ${fix}`);
  }
  const result = spawnSync(process.execPath, [cli, 'run', '--plugin-path', plugin, ...options, guest], {
    cwd: exampleDir,
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const long = 'abcdefghij'.repeat(10);

// [what the row shows, CLI options, exact stdout]
const rows: [string, string[], string][] = [
  ['no option: hello, the plug-in\'s initial value', [], 'hello'],
  ['--string world prints world', ['--string', 'world'], 'world'],
  ['--upper alone prints HELLO', ['--upper'], 'HELLO'],
  ['--string=foo prints foo', ['--string=foo'], 'foo'],
  ['--upper --string=foo prints FOO', ['--upper', '--string=foo'], 'FOO'],
  ['--string --upper uses the implicit value hello and prints HELLO', ['--string', '--upper'], 'HELLO'],
  ['--string foo (value as the next argument) prints foo', ['--string', 'foo'], 'foo'],
  ['a string longer than the 64-byte buffer is cut at 64 bytes (WasmEdge would overflow)', [`--string=${long}`], long.slice(0, 64)],
];

describe('get-string example (spec §2.3 table)', () => {
  it.each(rows)('%s', (_title, options, expected) => {
    const run = ws(...options);
    expect(run.stdout).toBe(expected);
    expect(run.status, run.stderr).toBe(0);
  });
});

// WasmEdge finds the plug-in through WASMEDGE_PLUGIN_PATH.
describe.runIf(haveRealWasmedge('the get-string example'))('the same under wasmedge 0.17', () => {
  it.each(rows)('%s', (_title, options, expected) => {
    const reference = spawnSync(realWasmedge, ['run', ...options, guest], {
      encoding: 'utf8',
      env: { ...process.env, WASMEDGE_PLUGIN_PATH: dirname(plugin) },
      timeout: 20000,
    });
    expect(reference.stdout, reference.stderr).toBe(expected);
    expect(reference.status).toBe(0);
  });
});
