import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommand, packageManager } from '../src/package-manager.js';

/** A project folder with `lockfile` (if any) and an empty sub-folder to start from. */
function project(lockfile?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ws-package-manager-'));
  if (lockfile) writeFileSync(join(root, lockfile), '');
  const nested = join(root, 'src', 'deep');
  mkdirSync(nested, { recursive: true });
  return nested;
}

describe('packageManager', () => {
  it.each([
    ['npm/10.8.2 node/v20.20.2 linux x64 workspaces/false', 'npm'],
    ['pnpm/12.4.2 npm/? node/v20.20.2 linux x64', 'pnpm'],
    ['yarn/1.22.22 npm/? node/v20.20.2 linux x64', 'yarn'],
    ['bun/1.2.0 npm/? node/v20.20.2 linux x64', 'bun'],
  ] as const)('without a lockfile, from npm_config_user_agent %s', (agent, manager) => {
    expect(packageManager({ env: { npm_config_user_agent: agent }, cwd: project() })).toBe(manager);
  });

  it('a lockfile wins over the user agent (npx ws in a pnpm project)', () => {
    expect(packageManager({ env: { npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false' }, cwd: project('pnpm-lock.yaml') })).toBe('pnpm');
  });

  it.each([
    ['pnpm-lock.yaml', 'pnpm'],
    ['package-lock.json', 'npm'],
    ['npm-shrinkwrap.json', 'npm'],
    ['yarn.lock', 'yarn'],
    ['bun.lockb', 'bun'],
    ['bun.lock', 'bun'],
  ] as const)('from the nearest lockfile walking up: %s', (lockfile, manager) => {
    expect(packageManager({ env: {}, cwd: project(lockfile) })).toBe(manager);
  });

  it('the nearest lockfile wins over one further up', () => {
    const outer = project('yarn.lock');
    const inner = join(outer, 'app');
    mkdirSync(inner);
    writeFileSync(join(inner, 'pnpm-lock.yaml'), '');
    expect(packageManager({ env: {}, cwd: inner })).toBe('pnpm');
    expect(packageManager({ env: {}, cwd: outer })).toBe('yarn');
  });

  it('an agent that is no package manager ws knows is ignored', () => {
    expect(packageManager({ env: { npm_config_user_agent: 'deno/2.0.0' }, cwd: project() })).toBe('npm');
  });

  it('npm without agent or lockfile', () => {
    // tmpdir() has no lockfile above it on the machines the tests run on.
    expect(packageManager({ env: {}, cwd: project() })).toBe('npm');
  });
});

describe('installCommand', () => {
  it.each([
    ['npm', 'npm install @ws/core @ws/process'],
    ['pnpm', 'pnpm add @ws/core @ws/process'],
    ['yarn', 'yarn add @ws/core @ws/process'],
    ['bun', 'bun add @ws/core @ws/process'],
  ] as const)('%s', (manager, command) => {
    expect(installCommand(['@ws/core', '@ws/process'], manager)).toBe(command);
  });
});
