// Types without DOM (issue 14, item 5): the declarations of every published
// package compile in a Node project with `"lib": ["ES2022"]` and @types/node
// only. test/install/typecheck/ holds the user's program and tsconfig; the
// install test runs them in a project installed from the registry, this test
// in a project whose node_modules links the workspace packages (their built
// dist/*.d.ts), outside the workspace so that nothing else in scope helps.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';

const typecheckDir = join(root, 'test/install/typecheck');
const packages = ['core', 'process', 'wasi-crypto', 'wasi-nn', 'image', 'tensorflow'];
const projects: string[] = [];

afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** A project outside the workspace: the typecheck folder, @ws/* linked to packages/*, and @types/node. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-no-dom-'));
  projects.push(dir);
  cpSync(typecheckDir, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules/@ws'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  for (const name of packages) symlinkSync(join(root, 'packages', name), join(dir, 'node_modules/@ws', name), 'dir');
  symlinkSync(realpathSync(join(root, 'node_modules/@types/node')), join(dir, 'node_modules/@types/node'), 'dir');
  return dir;
}

describe('types without DOM', () => {
  it('the typecheck program keeps the options of issue 14 and uses every package', () => {
    const config = JSON.parse(readFileSync(join(typecheckDir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toEqual({
      strict: true,
      noEmit: true,
      lib: ['ES2022'],
      types: ['node'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      skipLibCheck: false,
    });
    const program = readFileSync(join(typecheckDir, 'program.mts'), 'utf8');
    for (const name of packages) expect(program).toContain(`from '@ws/${name}'`);
  });

  it('the program type-checks against dist/*.d.ts of every package with lib ES2022 and @types/node only', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', project()], { encoding: 'utf8', timeout: 180000 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 180000);
});
