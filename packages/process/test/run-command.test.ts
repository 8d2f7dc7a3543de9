import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProcessModule, loadProcessPlugin, processOptionNames, runCommand, toPluginOptions, wasmedgeProcessFunctionNames } from '../src/index.js';
import { generatePluginTypes, Plugin } from '@ws/core';
import { ETIMEDOUT, denial, packageDir } from './helpers.js';

describe('runCommand', () => {
  it('runs a program with arguments and returns exit code, stdout and stderr', () => {
    const result = runCommand({ program: 'echo', args: ['hello', 'world'] });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.toString()).toBe('hello world\n');
    expect(result.stderr.toString()).toBe('');
  });

  it('passes env and stdin (text or bytes)', () => {
    const text = runCommand({ program: 'sh', args: ['-c', 'read line; echo "$line-$GREETING"'], env: { GREETING: 'hi' }, stdin: 'input\n' });
    expect(text.stdout.toString()).toBe('input-hi\n');
    const bytes = runCommand({ program: 'od', args: ['-An', '-tx1'], stdin: new Uint8Array([0, 255, 16]) });
    expect(bytes.stdout.toString()).toBe(' 00 ff 10\n');
  });

  it('returns stderr and the exit code of a failing command', () => {
    const result = runCommand({ program: 'sh', args: ['-c', 'echo oops >&2; exit 3'] });
    expect(result).toEqual({ exitCode: 3, stdout: Buffer.alloc(0), stderr: Buffer.from('oops\n') });
  });

  it('times out after timeoutMs', () => {
    const started = performance.now();
    expect(runCommand({ program: 'sleep', args: ['5'], timeoutMs: 150 }).exitCode).toBe(ETIMEDOUT);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects a timeout that is not a u32 millisecond count', () => {
    expect(() => runCommand({ program: 'true', timeoutMs: -5 })).toThrow('[ws:process] timeoutMs must be an integer from 0 to 4294967295, got -5. Pass a whole number.');
  });

  it('applies the policy given: deny, output limit, default timeout', () => {
    const denied = runCommand({ program: 'echo', args: ['x'] }, { allowCommands: ['printf'] });
    expect(denied.exitCode).toBe(-1);
    expect(denied.stderr.toString()).toBe(denial('echo'));
    const capped = runCommand({ program: 'head', args: ['-c', '5000', '/dev/zero'] }, { allowCommands: ['head'], outputLimitBytes: 1000 });
    expect(capped.stdout.length).toBe(1000);
    expect(capped.stderr.toString()).toBe('wasmedge_process: stdout truncated to 1000 bytes (4000 bytes discarded). Raise the limit with --process-output-limit=BYTES.\n');
    const slow = runCommand({ program: 'sleep', args: ['5'] }, { allowAll: true, defaultTimeoutMs: 100 });
    expect(slow.exitCode).toBe(ETIMEDOUT);
  });

  it('does not leak the policy into later modules (options are reset after creation)', () => {
    runCommand({ program: 'echo' }, { allowAll: true });
    const module = createProcessModule({});
    module.dispose();
    expect(runCommand({ program: 'echo' }, {}).stderr.toString()).toBe(denial('echo'));
  });
});

describe('options', () => {
  it('maps typed options to the plug-in option names', () => {
    expect(toPluginOptions({ allowCommands: ['ls', '/bin/cat'], allowAll: true, outputLimitBytes: 1024, defaultTimeoutMs: 50 })).toEqual({
      'allow-command': ['ls', '/bin/cat'],
      'allow-command-all': true,
      'process-output-limit': '1024',
      'process-timeout-ms': '50',
    });
    expect(toPluginOptions({})).toEqual({});
    expect(toPluginOptions({ inputLimitBytes: 4096 })).toEqual({ 'process-input-limit': '4096' });
    expect(Object.values(processOptionNames)).toEqual(['allow-command', 'allow-command-all', 'process-output-limit', 'process-input-limit', 'process-timeout-ms']);
  });

  it('rejects counts that are not whole numbers in range', () => {
    expect(() => toPluginOptions({ outputLimitBytes: -1 })).toThrow('[ws:process] outputLimitBytes must be an integer from 0 to 9007199254740991, got -1. Pass a whole number.');
    expect(() => toPluginOptions({ defaultTimeoutMs: 2 ** 32 })).toThrow(RangeError);
    expect(() => toPluginOptions({ defaultTimeoutMs: 1.5 })).toThrow(RangeError);
  });

  it('are the ones the plug-in declares, and the manifest names the plug-in', () => {
    const declared = loadProcessPlugin().options.map(({ name, type, defaultValue }) => ({ name, type, defaultValue }));
    expect(declared).toEqual([
      { name: 'allow-command', type: 'string-list', defaultValue: null },
      { name: 'allow-command-all', type: 'toggle', defaultValue: null },
      { name: 'process-output-limit', type: 'uint64', defaultValue: '16777216' },
      { name: 'process-input-limit', type: 'uint64', defaultValue: '16777216' },
      { name: 'process-timeout-ms', type: 'uint32', defaultValue: '10000' },
    ]);
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(manifest.wasmedge).toEqual({ plugin: 'wasmedge_process', modules: ['wasmedge_process'], apiVersion: 5, library: 'libwasmedgePluginWasmEdgeProcess.so' });
  });
});

describe('library and types', () => {
  it('finds its plug-in through @ws/core from its own manifest (Plugin.forPackage), once', () => {
    expect(loadProcessPlugin()).toBe(Plugin.forPackage(packageDir));
    expect(loadProcessPlugin()).toBe(Plugin.find('wasmedge_process'));
  });

  it('runCommand works in a fresh process run outside the repository, without Plugin.loadWithDefaultPaths()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-process-helper-'));
    const entry = pathToFileURL(join(packageDir, 'dist', 'index.js')).href;
    writeFileSync(join(dir, 'main.mjs'), `import { runCommand } from ${JSON.stringify(entry)};\nprocess.stdout.write(runCommand({ program: 'echo', args: ['hi'] }).stdout);\n`);
    const env = { ...process.env };
    delete env.WS_PROCESS_LIBRARY;
    delete env.NODE_PATH; // pnpm's bin shims point it at the workspace's hoisted packages
    const result = spawnSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('hi\n');
    expect(result.status).toBe(0);
  });

  it('src/types.ts is what the plug-in descriptor generates (run pnpm generate-types if not)', () => {
    const module = createProcessModule({});
    const names = module.listFunctions();
    module.dispose();
    expect(names).toEqual([...wasmedgeProcessFunctionNames]);
    expect(generatePluginTypes(loadProcessPlugin())).toBe(readFileSync(join(packageDir, 'src', 'types.ts'), 'utf8'));
  });
});
