'use strict';
// Helpers for testing a plug-in: run guests through the real `ws` CLI of the
// @ws/core installed next to the caller, and say which build step is missing.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

/** Path of the ws CLI (packages/core/dist/cli/main.js) of the @ws/core that `fromDir` resolves. */
function wsCliPath(fromDir = process.cwd()) {
  let manifest;
  try {
    manifest = require.resolve('@ws/core/package.json', { paths: [fromDir] });
  } catch {
    throw new Error(`@ws/core is not installed for ${fromDir}. Add it: npm install --save-dev @ws/core`);
  }
  return path.join(path.dirname(manifest), 'dist', 'cli', 'main.js');
}

/** Throws one message listing every [file, command that makes it] whose file is missing. */
function assertBuilt(needs) {
  const missing = needs.filter(([file]) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(missing.map(([file, fix]) => `${file} is missing. Run: ${fix}`).join('\n'));
  }
}

/**
 * Runs `ws <args...>` in a child process and returns { status, stdout, stderr }.
 * Options: cwd (also where @ws/core is resolved from), env (added to process.env), timeout (ms).
 */
function runWs(args, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const cli = options.cli ?? wsCliPath(cwd);
  assertBuilt([[cli, 'the build of @ws/core (pnpm --filter @ws/core build)']]);
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 30000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

module.exports = { wsCliPath, assertBuilt, runWs };
