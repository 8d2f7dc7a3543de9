// Test the install, not only the code (house style point 15): the packed
// packages are installed into temporary projects outside the workspace with
// npm and with pnpm, offline, and a guest runs through the wasmedge_process
// plug-in (a) normally, (b) with --ignore-scripts, (c) with optional
// dependencies omitted: then the exact checklist error, while a WASI-only
// guest still runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guest, root } from '../helpers/paths.js';
import { cleanEnv, installProject, packAll, type Manager, type Packed } from './pack.js';

const version = (JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { version: string }).version;
let work: string;
let packed: Packed;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ws-install-'));
  packed = packAll(work);
}, 120000);

afterAll(() => {
  // Six installed projects and the tarballs: tens of MB per run.
  if (work) rmSync(work, { recursive: true, force: true });
});

type Variant = 'normal' | 'ignore-scripts' | 'omit-optional';

const installArgs: Record<Manager, Record<Variant, string[]>> = {
  npm: {
    normal: ['--no-audit', '--no-fund'],
    'ignore-scripts': ['--no-audit', '--no-fund', '--ignore-scripts'],
    'omit-optional': ['--no-audit', '--no-fund', '--omit=optional'],
  },
  pnpm: {
    normal: [],
    'ignore-scripts': ['--ignore-scripts'],
    'omit-optional': ['--no-optional'],
  },
};

/** A new project depending on @ws/core and @ws/process; every package resolves to a local tarball. */
function install(manager: Manager, variant: Variant): string {
  const app = installProject(work, packed, manager, `${manager}-${variant}`, ['@ws/core', '@ws/process'], installArgs[manager][variant]);
  copyFileSync(join(root, 'packages/process/guests/build/exec.wasm'), join(app, 'exec.wasm'));
  copyFileSync(guest('wasi_only'), join(app, 'wasi_only.wasm'));
  return app;
}

function ws(app: string, args: string[]) {
  const result = spawnSync(join(app, 'node_modules/.bin/ws'), args, { cwd: app, encoding: 'utf8', env: cleanEnv(), timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const missingBinaryError = [
  '[ws] WS_PLUGIN_NOT_FOUND: Could not load the wasmedge_process plug-in (@ws/process) for linux-x64-gnu:',
  '  - @ws/process-linux-x64-gnu: not installed',
  'Possible solutions:',
  '  - Install the prebuilt binary for linux-x64-gnu (an optional dependency of @ws/process: it is left out by npm --omit=optional, pnpm --no-optional or a lockfile made on another platform):',
  `      npm install @ws/core-linux-x64-gnu@${version} @ws/process-linux-x64-gnu@${version}`,
  `      pnpm add @ws/core-linux-x64-gnu@${version} @ws/process-linux-x64-gnu@${version}`,
  '  - Or set WS_PROCESS_LIBRARY to the path of libwasmedgePluginWasmEdgeProcess.so.',
  '',
].join('\n');

describe('the packed packages', () => {
  it('have no install scripts', () => {
    for (const [name, tarball] of Object.entries(packed.tarballs)) {
      if (!name.startsWith('@ws/')) continue;
      const manifest = JSON.parse(execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' })) as { scripts?: Record<string, string> };
      expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s)), name).toEqual([]);
    }
  });

  it('list the platform packages as optional dependencies at the same version', () => {
    const manifest = JSON.parse(execFileSync('tar', ['xzf', packed.tarballs['@ws/process']!, '-O', 'package/package.json'], { encoding: 'utf8' })) as { optionalDependencies: Record<string, string> };
    expect(manifest.optionalDependencies).toEqual({ '@ws/process-linux-x64-gnu': version, '@ws/process-linux-arm64-gnu': version });
  });
});

describe.each(['npm', 'pnpm'] as const)('installed with %s', (manager) => {
  it.each(['normal', 'ignore-scripts'] as const)('%s: a wasmedge_process guest runs through the platform package', (variant) => {
    const app = install(manager, variant);
    const run = ws(app, ['run', '--allow-command', 'echo', 'exec.wasm', 'echo', 'installed', 'ok']);
    expect(run).toEqual({ status: 0, stdout: 'installed ok\n', stderr: 'exit_code=0\n' });
    const doctor = ws(app, ['doctor']);
    expect(doctor.stdout).toMatch(new RegExp(`^  wasmedge_process [0-9.]+: loads \\(${app}/node_modules/.*@ws/process-linux-x64-gnu/lib/libwasmedgePluginWasmEdgeProcess\\.so\\)$`, 'm'));
    expect(doctor.stdout).toMatch(/^native bridge: ok .*\n  \/.*@ws\/core-linux-x64-gnu\/lib\/libwasmedge\.so\.0$/m);
    // The platform package carries ws_bridge_v8_<ABI>.so: installed, guest → host calls take the V8 path.
    expect(doctor.stdout).toContain('\n  host calls: v8\n');
    // Backend libraries probed with koffi (installed without its install script).
    expect(doctor.stdout).toMatch(/\nbackend libraries \(optional\):\n(  [^\n]+ \([^\n]+\): (found \([^\n]+\)|not found)\n){7}$/);
    expect(doctor.stdout).toContain('  libjpeg (wasmedge_image): found (libjpeg.so.62)\n');
    expect(doctor.stdout).toMatch(/^platform: linux-x64-gnu\nos: .+\nlibc: glibc 2\.[0-9]+\nnode: v[0-9.]+ \(N-API [0-9]+\)\n/);
  });

  it('omit-optional: the exact checklist error; WASI-only guests still run', () => {
    const app = install(manager, 'omit-optional');
    expect(ws(app, ['run', '--allow-command', 'echo', 'exec.wasm', 'echo', 'hi'])).toEqual({ status: 1, stdout: '', stderr: missingBinaryError });
    expect(ws(app, ['run', 'wasi_only.wasm', 'a'])).toEqual({ status: 0, stdout: 'argc 2\nargv[1] a\nWS_GREETING (unset)\n', stderr: '' });
    const doctor = ws(app, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain('native bridge: FAILED\n  Could not load the ws native bridge (@ws/core) for linux-x64-gnu:\n    - @ws/core-linux-x64-gnu: not installed\n');
    expect(doctor.stdout).toContain('\nplug-ins:\n  wasmedge_process (@ws/process): not loaded (the native bridge failed)\n');
    expect(doctor.stdout).toMatch(/\nbackend libraries \(optional\):\n  not probed: Probing backend libraries needs koffi, an optional dependency of @ws\/core that could not be loaded \(.*\)\. Install it: npm install koffi@3\.3\.4 \(or pnpm add koffi@3\.3\.4\)\.\n$/);
  });
});
