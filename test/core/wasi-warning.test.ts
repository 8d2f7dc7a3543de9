// Node announces node:wasi with an ExperimentalWarning when it is first loaded.
// A program using Runtime does not print it at the default log level (ws
// loads node:wasi for it), prints it from setLogLevel('debug') on, and every
// other warning still reaches Node's default listener.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guest, root } from '../helpers/paths.js';

const program = (level: string) => `
import { Runtime, setLogLevel } from ${JSON.stringify(join(root, 'packages/core/dist/index.js'))};
import { readFileSync } from 'node:fs';
${level ? `setLogLevel(${JSON.stringify(level)});` : ''}
const runtime = new Runtime({ args: ['wasi_only'] });
const code = await runtime.run(readFileSync(${JSON.stringify(guest('wasi_only'))}));
runtime.dispose();
process.emitWarning('a warning of the program');
console.log('exit', code);
`;

function run(level: string) {
  const env = { ...process.env };
  delete env.NODE_NO_WARNINGS;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', program(level)], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, warnings: result.stderr.split('\n').filter((line) => / (ExperimentalWarning|Warning): /.test(line)).map((line) => line.replace(/^\(node:\d+\) /, '')) };
}

describe("node:wasi's ExperimentalWarning", () => {
  it('is not printed at the default log level; other warnings are', () => {
    expect(run('')).toEqual({ status: 0, stdout: 'argc 1\nWS_GREETING (unset)\nexit 0\n', warnings: ['Warning: a warning of the program'] });
  });

  it('is printed from the debug level on', () => {
    expect(run('debug').warnings).toEqual(['ExperimentalWarning: WASI is an experimental feature and might change at any time', 'Warning: a warning of the program']);
  });
});
