// @ws/core's public declarations, compiled from an application's point of
// view (consumer.ts; strict, skipLibCheck off): the API of the core issue,
// typed host-function calls through an interface from `ws typegen`, and the
// error classes. A broken .d.ts (a private type leaking, a missing export)
// fails here rather than in a user's build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';

describe('public types of @ws/core', () => {
  it('an application using the documented API type-checks against dist/*.d.ts', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'test', 'types', 'tsconfig.json')], { encoding: 'utf8', timeout: 180000 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 180000);
});
