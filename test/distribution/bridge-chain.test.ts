// The bridge's loader chain in an npm-style install outside the repository:
// @ws/core with its platform package next to it (copied files, real
// binaries). The right version loads from the platform package; another
// version is refused with both numbers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';

const version = (JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { version: string }).version;

function installCore(platformVersion: string): string {
  const app = mkdtempSync(join(tmpdir(), 'ws-bridge-chain-'));
  const core = join(app, 'node_modules/@ws/core');
  mkdirSync(core, { recursive: true });
  copyFileSync(join(root, 'packages/core/package.json'), join(core, 'package.json'));
  cpSync(join(root, 'packages/core/dist'), join(core, 'dist'), { recursive: true });
  const binary = join(app, 'node_modules/@ws/core-linux-x64-gnu');
  mkdirSync(join(binary, 'lib'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'npm/core/linux-x64-gnu/package.json'), 'utf8')) as { version: string };
  writeFileSync(join(binary, 'package.json'), JSON.stringify({ ...manifest, version: platformVersion }));
  copyFileSync(join(root, 'npm/core/linux-x64-gnu/index.cjs'), join(binary, 'index.cjs'));
  for (const file of ['ws_bridge.node', 'libwasmedge.so.0']) copyFileSync(join(root, 'native/build/host', file), join(binary, 'lib', file));
  writeFileSync(
    join(app, 'load.mjs'),
    `import { loadBridge } from './node_modules/@ws/core/dist/native/load-bridge.js';
try { console.log(JSON.stringify({ standIn: loadBridge().hostInfo().standInPath })); }
catch (error) { console.log(JSON.stringify({ code: error.code, message: error.message })); }\n`,
  );
  return app;
}

function load(app: string): { standIn?: string; code?: string; message?: string } {
  const env = { ...process.env };
  delete env.WS_CORE_BRIDGE;
  delete env.NODE_PATH;
  // As `node load.mjs` typed by a user: no package manager's user agent (the suite may run under pnpm).
  delete env.npm_config_user_agent;
  const result = spawnSync(process.execPath, ['load.mjs'], { cwd: app, encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('the bridge from its platform package', () => {
  it('loads ws_bridge.node and libwasmedge.so.0 from @ws/core-linux-x64-gnu', () => {
    const app = installCore(version);
    expect(load(app)).toEqual({ standIn: join(app, 'node_modules/@ws/core-linux-x64-gnu/lib/libwasmedge.so.0') });
  });

  it('refuses a platform package of another version, naming both', () => {
    expect(load(installCore('9.9.9'))).toEqual({
      code: 'WS_BRIDGE_LOAD_FAILED',
      message: [
        'Could not load the ws native bridge (@ws/core) for linux-x64-gnu:',
        `  - @ws/core-linux-x64-gnu: version 9.9.9 does not match @ws/core ${version}; both must be the same version`,
        'Possible solutions:',
        `  - Install matching versions: npm install @ws/core@${version} @ws/core-linux-x64-gnu@${version}`,
        '  - Or set WS_CORE_BRIDGE to the path of ws_bridge.node.',
      ].join('\n'),
    });
  });
});
