// scripts/publish.mjs: the order packages are published in, the lockstep
// version check, and the refusals a maintainer sees before anything is sent.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
// @ts-expect-error: a plain .mjs script without declarations
import { lockstepVersion, publishOrder } from '../../scripts/publish-plan.mjs';

type Manifest = { name: string; version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
const pkg = (manifest: Manifest) => ({ manifest });
const names = (list: { manifest: Manifest }[]) => list.map((p) => p.manifest.name);

describe('publishOrder', () => {
  it('puts platform packages before their wrappers and the core before plug-ins', () => {
    const packages = [
      pkg({ name: '@ws/wasi-nn', version: '1.0.0', dependencies: { '@ws/core': '1.0.0' }, optionalDependencies: { '@ws/wasi-nn-linux-x64-gnu': '1.0.0' } }),
      pkg({ name: '@ws/core', version: '1.0.0', optionalDependencies: { '@ws/core-linux-x64-gnu': '1.0.0' }, peerDependencies: { koffi: '3.3.4' } }),
      pkg({ name: '@ws/wasi-nn-linux-x64-gnu', version: '1.0.0' }),
      pkg({ name: '@ws/core-linux-x64-gnu', version: '1.0.0' }),
      pkg({ name: '@ws/process', version: '1.0.0', dependencies: { '@ws/core': '1.0.0' } }),
    ];
    expect(names(publishOrder(packages))).toEqual(['@ws/core-linux-x64-gnu', '@ws/core', '@ws/process', '@ws/wasi-nn-linux-x64-gnu', '@ws/wasi-nn']);
  });

  it('ends on a dependency cycle instead of looping', () => {
    const packages = [pkg({ name: 'a', version: '1.0.0', dependencies: { b: '1' } }), pkg({ name: 'b', version: '1.0.0', dependencies: { a: '1' } })];
    expect(names(publishOrder(packages)).sort()).toEqual(['a', 'b']);
  });
});

describe('lockstepVersion', () => {
  it('is the one version of every package', () => {
    expect(lockstepVersion([{ name: 'a', version: '1.2.3' }, { name: 'b', version: '1.2.3' }])).toEqual({ version: '1.2.3' });
  });

  it('names every package and its version when they disagree', () => {
    const { version, problem } = lockstepVersion([{ name: '@ws/core', version: '1.0.0' }, { name: '@ws/process', version: '1.0.1' }]);
    expect(version).toBeUndefined();
    expect(problem).toBe(
      'the @ws packages disagree on their version (they move in lockstep):\n  @ws/core@1.0.0\n  @ws/process@1.0.1\nSet one version in every package.json, then run node scripts/package-binaries.mjs.',
    );
  });
});

describe('scripts/publish.mjs refuses before sending anything', () => {
  const publish = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [join(root, 'scripts/publish.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

  it('without --registry', () => {
    const result = publish([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('[ws publish] --registry is required.\nUsage: node scripts/publish.mjs --registry URL [--tag TAG] [--dry-run] [--allow-dirty]\n');
  });

  it('from a dirty tree', () => {
    // A repository of its own with one uncommitted file (git reads GIT_DIR / GIT_WORK_TREE), so this tree is never touched.
    const repo = mkdtempSync(join(tmpdir(), 'ws-dirty-'));
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, 'new-file'), 'x');
    const result = publish(['--registry', 'http://127.0.0.1:9/'], { GIT_DIR: join(repo, '.git'), GIT_WORK_TREE: repo });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      '[ws publish] Refusing to publish from a dirty tree (1 changed file; see git status). Commit them first, or pass --allow-dirty for a trial publish to a local registry.\n',
    );
  });
});
