// src/types.ts is generated from the plug-ins' descriptors: it must match.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostModule } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { createTensorflowLiteModule, createTensorflowModule } from '../src/modules.js';
// @ts-expect-error plain JS module without declarations
import { renderTypes } from '../scripts/render-types.mjs';
import { packageDir } from './helpers.js';

function describeModule(module: HostModule) {
  const functions = module.listFunctions().map((name) => ({ name, ...module.functionType(name)! }));
  module.dispose();
  return functions;
}

describe('generated host function types', () => {
  it('src/types.ts is what scripts/generate-types.mjs writes for the built plug-ins', () => {
    const modules = { tensorflowlite: describeModule(createTensorflowLiteModule()), tensorflow: describeModule(createTensorflowModule()) };
    expect(readFileSync(join(packageDir, 'src', 'types.ts'), 'utf8')).toBe(renderTypes(modules));
  });

  it('legacy functions take and return u64 handles', () => {
    const module = createTensorflowLiteModule();
    expect(module.functionType('wasmedge_tensorflowlite_create_session')).toEqual({ params: ['i32', 'i32'], results: ['i64'] });
    expect(module.functionType('wasmedge_tensorflowlite_get_tensor_data')).toEqual({ params: ['i64', 'i32'], results: [] });
    module.dispose();
    const tf = createTensorflowModule();
    expect(tf.functionType('wasmedge_tensorflow_append_input')).toEqual({ params: ['i64', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], results: [] });
    expect(tf.functionType('append_input')).toEqual({ params: ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], results: ['i32'] });
    tf.dispose();
  });
});
