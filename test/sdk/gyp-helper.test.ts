// The SDK's node-gyp helper: build WasmEdge's get-string example plug-in
// (examples/plugin-get-string/native/getstring.c) with node-gyp and a
// binding.gyp that depends on @ws/plugin-sdk's ws_plugin_sdk target, then run
// the example's guest with it. node-gyp is npm's bundled copy; Node's headers
// come from the Node installation (--nodedir), so nothing is downloaded.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guest, root, runCli } from '../helpers/paths.js';

function findNodeGyp(): string | undefined {
  const npmCli = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (!npmCli) return undefined;
  const npmDir = dirname(dirname(realpathSync(npmCli)));
  const gyp = join(npmDir, 'node_modules/node-gyp/bin/node-gyp.js');
  return existsSync(gyp) ? gyp : undefined;
}

const nodeGyp = findNodeGyp();
const nodeDir = dirname(dirname(process.execPath));
const haveHeaders = existsSync(join(nodeDir, 'include/node/node.h'));

describe.skipIf(!nodeGyp || !haveHeaders)('@ws/plugin-sdk node-gyp helper', () => {
  it('builds the get-string plug-in as build/Release/libGetString.so and the guest prints the option', () => {
    const work = mkdtempSync(join(tmpdir(), 'ws-gyp-'));
    mkdirSync(join(work, 'src'));
    mkdirSync(join(work, 'node_modules/@ws'), { recursive: true });
    symlinkSync(join(root, 'packages/plugin-sdk'), join(work, 'node_modules/@ws/plugin-sdk'));
    copyFileSync(join(root, 'examples/plugin-get-string/native/getstring.c'), join(work, 'src/getstring.c'));
    writeFileSync(join(work, 'package.json'), '{ "name": "gyp-plugin", "version": "0.0.0", "private": true }\n');
    writeFileSync(
      join(work, 'binding.gyp'),
      `{
  'targets': [{
    'target_name': 'GetString',
    'type': 'shared_library',
    'product_prefix': 'lib',
    'sources': ['src/getstring.c'],
    'dependencies': ["<!(node -p \\"require('@ws/plugin-sdk').gyp\\"):ws_plugin_sdk"],
  }],
}
`,
    );
    execFileSync(process.execPath, [nodeGyp!, 'rebuild', `--nodedir=${nodeDir}`], { cwd: work, stdio: 'pipe', timeout: 120000 });
    const library = join(work, 'build/Release/libGetString.so');
    expect(existsSync(library)).toBe(true);
    const run = runCli(['run', '--plugin-path', library, '--upper', '--string=gyp', guest('get_string')]);
    expect(run.stdout).toBe('GYP');
    expect(run.status, run.stderr).toBe(0);
  });
});
