// wasmedge_tensorflow without TensorFlow's C library (libtensorflow.so.2 is
// in none of this project's registries): every function answers 1 (current
// ABI) or its failure value (legacy ABI), after one message naming what to
// install. Tests that need the real library skip with a printed reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tfliteLibraryPath } from '../src/tflite-library.js';
import { wasmedgeTensorflowFunctionNames } from '../src/types.js';
import { packageDir, repoRoot, tensorflowPluginFile } from './helpers.js';

function systemHasLibtensorflow(): boolean {
  const fromEnv = process.env.WS_LIBTENSORFLOW;
  if (fromEnv && existsSync(fromEnv)) return true;
  try {
    return /libtensorflow(_cc)?\.so\.2\b/.test(execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

const hasTensorflow = systemHasLibtensorflow();
const script = join(packageDir, 'test', 'scripts', 'call-every-tf-function.mjs');
const coreIndex = join(repoRoot, 'packages', 'core', 'dist', 'index.js');

function callEverything(env: NodeJS.ProcessEnv): { results: Record<string, unknown>; stderr: string } {
  const child = spawnSync(process.execPath, [script, coreIndex, tensorflowPluginFile], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (child.status !== 0) throw new Error(`child failed (${child.status}):\n${child.stderr}`);
  return { results: JSON.parse(child.stdout.trim().split('\n').pop()!), stderr: child.stderr };
}

const expectedWithoutLibrary = {
  create_session: 1,
  create_session_saved_model: 1,
  delete_session: 1,
  append_input: 1,
  append_output: 1,
  clear_input: 1,
  clear_output: 1,
  run_session: 1,
  get_output_tensor: 1,
  get_tensor_len: 1,
  get_tensor_data: 1,
  wasmedge_tensorflow_create_session: '0n',
  wasmedge_tensorflow_delete_session: 'void',
  wasmedge_tensorflow_run_session: 1,
  wasmedge_tensorflow_get_output_tensor: '0n',
  wasmedge_tensorflow_get_tensor_len: 0,
  wasmedge_tensorflow_get_tensor_data: 'void',
  wasmedge_tensorflow_append_input: 'void',
  wasmedge_tensorflow_append_output: 'void',
  wasmedge_tensorflow_clear_input: 'void',
  wasmedge_tensorflow_clear_output: 'void',
  functionCount: 21,
};

describe('wasmedge_tensorflow module', () => {
  it('has the 11 current functions (incl. create_session_saved_model) and the 10 legacy ones', () => {
    const current = wasmedgeTensorflowFunctionNames.filter((name) => !name.startsWith('wasmedge_'));
    expect(current).toEqual([
      'append_input', 'append_output', 'clear_input', 'clear_output', 'create_session', 'create_session_saved_model',
      'delete_session', 'get_output_tensor', 'get_tensor_data', 'get_tensor_len', 'run_session',
    ]);
    expect(wasmedgeTensorflowFunctionNames.length - current.length).toBe(10);
  });
});

describe.skipIf(hasTensorflow)('without libtensorflow', () => {
  it('every function returns its failure value; one message names what to install', () => {
    const { results, stderr } = callEverything({ WS_LIBTENSORFLOW: '' });
    expect(results).toEqual(expectedWithoutLibrary);
    const messages = stderr.split('\n').filter((line) => line.startsWith('[ws:tensorflow]'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toBe(
      "[ws:tensorflow] The TensorFlow C library is not installed; every wasmedge_tensorflow function returns 1 (the error of WasmEdge's stand-in module for a missing plug-in). Tried:",
    );
    expect(stderr).toContain('  - loader search path libtensorflow.so.2: libtensorflow.so.2: cannot open shared object file');
    expect(stderr).toContain('  - loader search path libtensorflow_cc.so.2:');
    expect(stderr).toContain('Install TensorFlow\'s C API 2.x (libtensorflow.so.2 and libtensorflow_framework.so.2, e.g. into /usr/local/lib, then run ldconfig), or set WS_LIBTENSORFLOW=/absolute/path/libtensorflow.so.2.');
  });

  it('WS_LIBTENSORFLOW is tried first and named in the message', () => {
    const { results, stderr } = callEverything({ WS_LIBTENSORFLOW: '/nonexistent/libtensorflow.so.2' });
    expect(results).toEqual(expectedWithoutLibrary);
    expect(stderr).toContain('  - WS_LIBTENSORFLOW /nonexistent/libtensorflow.so.2: /nonexistent/libtensorflow.so.2: cannot open shared object file');
  });

  it('a library that is not TensorFlow is refused by name', () => {
    const tflite = tfliteLibraryPath();
    expect(tflite, 'tfjs-tflite-node is a dependency of this package').toBeDefined();
    const { results, stderr } = callEverything({ WS_LIBTENSORFLOW: tflite! });
    expect(results).toEqual(expectedWithoutLibrary);
    expect(stderr).toContain(`  - WS_LIBTENSORFLOW ${tflite}: no symbol TF_Version (not a TensorFlow 2.x C library)`);
  });
});

describe('with libtensorflow', () => {
  it.skipIf(!hasTensorflow)('loads it (graph-level tests need a frozen GraphDef and run only where TensorFlow is installed)', () => {
    const { stderr } = callEverything({});
    expect(stderr).not.toContain('[ws:tensorflow] The TensorFlow C library is not installed');
  });
  if (!hasTensorflow) {
    console.log('[ws:tensorflow test] skipped the libtensorflow tests: libtensorflow.so.2 is not installed here (not in this project\'s registries); set WS_LIBTENSORFLOW to run them.');
  }
});
