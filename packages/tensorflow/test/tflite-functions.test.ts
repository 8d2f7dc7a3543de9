// wasmedge_tensorflowlite, current ABI (WasmEdge 0.13+): every function on
// real TFLite models, with exact outputs.
import { readFileSync } from 'node:fs';
import type { HostModule } from '@ws/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TensorflowErrno as E } from '../src/errno.js';
import { createTensorflowLiteModule } from '../src/modules.js';
import { wasmedgeTensorflowLiteFunctionNames } from '../src/types.js';
import { bind, faceModelPath, GuestMemory, model, type Bound } from './helpers.js';

const ID = 0, TENSOR = 4, LEN = 8, WRITTEN = 12; // out-value slots

let modules: HostModule[] = [];
afterEach(() => {
  for (const module of modules) module.dispose();
  modules = [];
});

function setup(pages = 16, options = {}): { mem: GuestMemory; f: Bound } {
  const module = createTensorflowLiteModule(options);
  modules.push(module);
  const mem = new GuestMemory(pages);
  return { mem, f: bind(module, mem) };
}

function createSession(mem: GuestMemory, f: Bound, name: string): number {
  const [ptr, len] = mem.put(model(name));
  expect(f.create_session!(ptr, len, ID)).toBe(E.Success);
  return mem.u32(ID);
}

function setInput(mem: GuestMemory, f: Bound, session: number, name: string, data: [number, number]): number {
  const [namePtr, nameLen] = mem.put(name);
  return f.append_input!(session, namePtr, nameLen, data[0], data[1]) as number;
}

/** get_output_tensor + get_tensor_len + get_tensor_data → f32 values. */
function readOutput(mem: GuestMemory, f: Bound, session: number, name: string): number[] {
  const [namePtr, nameLen] = mem.put(name);
  expect(f.get_output_tensor!(session, namePtr, nameLen, TENSOR)).toBe(E.Success);
  const tensor = mem.u32(TENSOR);
  expect(f.get_tensor_len!(session, tensor, LEN)).toBe(E.Success);
  const length = mem.u32(LEN);
  const buffer = mem.alloc(length);
  expect(f.get_tensor_data!(session, tensor, buffer, length, WRITTEN)).toBe(E.Success);
  expect(mem.u32(WRITTEN)).toBe(length); // the real count (upstream writes 0)
  return mem.readF32(buffer, length / 4);
}

describe('wasmedge_tensorflowlite module', () => {
  it('exports the 7 current functions and the 7 legacy ones', () => {
    const module = createTensorflowLiteModule();
    modules.push(module);
    expect(module.listFunctions()).toEqual([...wasmedgeTensorflowLiteFunctionNames]);
    const current = module.listFunctions().filter((name) => !name.startsWith('wasmedge_'));
    expect(current).toEqual(['append_input', 'create_session', 'delete_session', 'get_output_tensor', 'get_tensor_data', 'get_tensor_len', 'run_session']);
    for (const name of current) expect(module.functionType(name)!.results).toEqual(['i32']);
  });
});

describe('inference through the current ABI', () => {
  it('add_f32: y = x + [1,2,3,4]; session ids start at 0', () => {
    const { mem, f } = setup();
    const session = createSession(mem, f, 'add_f32.tflite');
    expect(session).toBe(0);
    expect(setInput(mem, f, session, 'x', mem.f32([10, 20, 30, 40]))).toBe(E.Success);
    expect(f.run_session!(session)).toBe(E.Success);
    expect(readOutput(mem, f, session, 'y')).toEqual([11, 22, 33, 44]);
  });

  it('two inputs by name (add2_f32) and two outputs by name (two_outputs)', () => {
    const { mem, f } = setup();
    const add2 = createSession(mem, f, 'add2_f32.tflite');
    expect(setInput(mem, f, add2, 'b', mem.f32([0.5, 0.25, 0.125, 1]))).toBe(E.Success);
    expect(setInput(mem, f, add2, 'a', mem.f32([1, 2, 3, 4]))).toBe(E.Success);
    expect(f.run_session!(add2)).toBe(E.Success);
    expect(readOutput(mem, f, add2, 'sum')).toEqual([1.5, 2.25, 3.125, 5]);

    const two = createSession(mem, f, 'two_outputs.tflite');
    expect(two).toBe(1);
    expect(setInput(mem, f, two, 'x', mem.f32([1, 2, 3]))).toBe(E.Success);
    expect(f.run_session!(two)).toBe(E.Success);
    const [productPtr, productLen] = mem.put('product');
    expect(f.get_output_tensor!(two, productPtr, productLen, TENSOR)).toBe(E.Success);
    expect(mem.u32(TENSOR)).toBe(1); // index in the model's outputs
    expect(readOutput(mem, f, two, 'product')).toEqual([2, 4, 6]);
    expect(readOutput(mem, f, two, 'sum')).toEqual([3, 4, 5]);
  });

  it('u8 and i32 tensors (cast_u8, add_i32)', () => {
    const { mem, f } = setup();
    const cast = createSession(mem, f, 'cast_u8.tflite');
    expect(setInput(mem, f, cast, 'x', mem.put(Uint8Array.of(0, 1, 128, 255)))).toBe(E.Success);
    expect(f.run_session!(cast)).toBe(E.Success);
    expect(readOutput(mem, f, cast, 'y')).toEqual([0, 1, 128, 255]);

    const add = createSession(mem, f, 'add_i32.tflite');
    expect(setInput(mem, f, add, 'x', mem.put(new Uint8Array(new Int32Array([1, -2, 3, -4]).buffer)))).toBe(E.Success);
    expect(f.run_session!(add)).toBe(E.Success);
    const [namePtr, nameLen] = mem.put('y');
    expect(f.get_output_tensor!(add, namePtr, nameLen, TENSOR)).toBe(E.Success);
    const out = mem.alloc(16);
    expect(f.get_tensor_data!(add, mem.u32(TENSOR), out, 16, WRITTEN)).toBe(E.Success);
    expect([...new Int32Array(mem.memory.buffer.slice(out, out + 16))]).toEqual([101, 198, 303, 396]);
  });

  it('runs again with a new input', () => {
    const { mem, f } = setup();
    const session = createSession(mem, f, 'add_f32.tflite');
    for (const base of [0, 100, -7.5]) {
      expect(setInput(mem, f, session, 'x', mem.f32([base, base, base, base]))).toBe(E.Success);
      expect(f.run_session!(session)).toBe(E.Success);
      expect(readOutput(mem, f, session, 'y')).toEqual([base + 1, base + 2, base + 3, base + 4]);
    }
  });

  it('the model bytes are copied: overwriting them after create_session changes nothing', () => {
    const { mem, f } = setup();
    const bytes = model('add_f32.tflite');
    const [ptr, len] = mem.put(bytes);
    expect(f.create_session!(ptr, len, ID)).toBe(E.Success);
    mem.bytes.fill(0xa5, ptr, ptr + len);
    const session = mem.u32(ID);
    expect(setInput(mem, f, session, 'x', mem.f32([1, 1, 1, 1]))).toBe(E.Success);
    expect(f.run_session!(session)).toBe(E.Success);
    expect(readOutput(mem, f, session, 'y')).toEqual([2, 3, 4, 5]);
  });

  it('40 live sessions stay independent (upstream corrupts sessions past 16); freed ids are reused lowest first', () => {
    const { mem, f } = setup(64);
    const sessions = Array.from({ length: 40 }, () => createSession(mem, f, 'add_f32.tflite'));
    expect(sessions).toEqual(Array.from({ length: 40 }, (_, i) => i));
    sessions.forEach((s) => expect(setInput(mem, f, s, 'x', mem.f32([s, s, s, s]))).toBe(E.Success));
    sessions.forEach((s) => expect(f.run_session!(s)).toBe(E.Success));
    sessions.forEach((s) => expect(readOutput(mem, f, s, 'y')).toEqual([s + 1, s + 2, s + 3, s + 4]));
    expect(f.delete_session!(17)).toBe(E.Success);
    expect(f.delete_session!(3)).toBe(E.Success);
    expect(createSession(mem, f, 'add_f32.tflite')).toBe(3);
    expect(createSession(mem, f, 'add_f32.tflite')).toBe(17);
    expect(createSession(mem, f, 'add_f32.tflite')).toBe(40);
  });

  it('modules have separate session tables', () => {
    const a = setup();
    const b = setup();
    expect(createSession(a.mem, a.f, 'add_f32.tflite')).toBe(0);
    expect(createSession(b.mem, b.f, 'cast_u8.tflite')).toBe(0);
    expect(setInput(a.mem, a.f, 0, 'x', a.mem.f32([0, 0, 0, 0]))).toBe(E.Success);
    expect(setInput(b.mem, b.f, 0, 'x', b.mem.put(Uint8Array.of(9, 9, 9, 9)))).toBe(E.Success);
  });

  it('threads option: 1 and 4 threads give the same result; bad values are refused with the fix', () => {
    for (const threads of [1, 4]) {
      const { mem, f } = setup(16, { threads });
      const session = createSession(mem, f, 'add_f32.tflite');
      expect(setInput(mem, f, session, 'x', mem.f32([1, 2, 3, 4]))).toBe(E.Success);
      expect(f.run_session!(session)).toBe(E.Success);
      expect(readOutput(mem, f, session, 'y')).toEqual([2, 4, 6, 8]);
    }
    expect(() => createTensorflowLiteModule({ threads: 0 })).toThrow('threads must be an integer from 1 to 256, got 0. Pass e.g. 2.');
    expect(() => createTensorflowLiteModule({ tfliteLibrary: 'lib.so' })).toThrow('must be an absolute path');
  });

  it("MediaPipe's face detector (a real model): input 'input', outputs 'regressors' and 'classificators'", () => {
    const { mem, f } = setup(64);
    const [ptr, len] = mem.put(readFileSync(faceModelPath()));
    expect(f.create_session!(ptr, len, ID)).toBe(E.Success);
    const session = mem.u32(ID);
    const input = mem.f32(new Array(128 * 128 * 3).fill(0));
    expect(setInput(mem, f, session, 'input', input)).toBe(E.Success);
    expect(f.run_session!(session)).toBe(E.Success);
    const regressors = readOutput(mem, f, session, 'regressors');
    const scores = readOutput(mem, f, session, 'classificators');
    expect(regressors).toHaveLength(896 * 16);
    expect(scores).toHaveLength(896);
    // A grey image has no face: every anchor's sigmoid(score) is below 0.5.
    expect(Math.max(...scores)).toBeLessThan(0);
  });
});
