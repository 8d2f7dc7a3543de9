// wasmedge_tensorflowlite_* (WasmEdge <= 0.12) called directly: u64 handles
// that are ids, not host pointers, so forged, stale and out-of-range values
// fail quietly with the ABI's failure values.
import type { HostModule } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTensorflowLiteModule } from '../src/modules.js';
import { bind, GuestMemory, model, type Bound } from './helpers.js';

let module: HostModule;
let mem: GuestMemory;
let f: Bound;
beforeAll(() => {
  module = createTensorflowLiteModule();
  mem = new GuestMemory(2);
  f = bind(module, mem);
});
afterAll(() => module.dispose());

const legacy = (name: string) => f[`wasmedge_tensorflowlite_${name}`]!;

function newSession(): bigint {
  const [ptr, len] = mem.put(model('add_f32.tflite'));
  const handle = legacy('create_session')(ptr, len) as bigint;
  expect(handle).toBeGreaterThan(0n);
  return handle;
}

describe('legacy ABI', () => {
  it('handles: session = id + 1, tensor = (id + 1) << 32 | (index + 1); current and legacy share the session table', () => {
    const handle = newSession();
    const id = Number(handle - 1n);
    const [x, xl] = mem.put('x');
    legacy('append_input')(handle, x, xl, ...mem.f32([1, 1, 1, 1]));
    expect(legacy('run_session')(handle)).toBe(0);
    const [y, yl] = mem.put('y');
    const tensor = legacy('get_output_tensor')(handle, y, yl) as bigint;
    expect(tensor).toBe((BigInt(id + 1) << 32n) | 1n);
    expect(legacy('get_tensor_len')(tensor)).toBe(16);
    const out = mem.alloc(16);
    expect(legacy('get_tensor_data')(tensor, out)).toBeUndefined();
    expect(mem.readF32(out, 4)).toEqual([2, 3, 4, 5]);
    // The same session through the current ABI.
    expect(f.run_session!(id)).toBe(0);
    legacy('delete_session')(handle);
    expect(f.run_session!(id)).toBe(1);
  });

  it('forged, zero, stale and huge handles fail quietly', () => {
    const handle = newSession();
    legacy('delete_session')(handle);
    for (const bad of [0n, handle, 0xdeadbeefn, (1n << 63n) - 1n, -1n]) {
      expect(legacy('run_session')(bad)).toBe(1);
      expect(legacy('get_output_tensor')(bad, 0, 1)).toBe(0n);
      expect(legacy('get_tensor_len')(bad)).toBe(0);
      expect(legacy('get_tensor_data')(bad, 0)).toBeUndefined();
      expect(legacy('append_input')(bad, 0, 1, 0, 16)).toBeUndefined();
      expect(legacy('delete_session')(bad)).toBeUndefined();
    }
    expect(legacy('get_tensor_len')((handle << 32n) | 2n)).toBe(0); // output index 1 does not exist
  });

  it('out-of-range pointers: create fails, input is ignored, data is not written', () => {
    expect(legacy('create_session')(mem.size - 8, 64)).toBe(0n);
    expect(legacy('create_session')(0, 0xffffffff)).toBe(0n);
    const handle = newSession();
    const [x, xl] = mem.put('x');
    legacy('append_input')(handle, x, xl, ...mem.f32([5, 5, 5, 5]));
    legacy('append_input')(handle, x, xl, mem.size - 8, 16);
    legacy('append_input')(handle, mem.size, 1, 0, 16);
    expect(legacy('run_session')(handle)).toBe(0);
    const [y, yl] = mem.put('y');
    expect(legacy('get_output_tensor')(handle, mem.size - 1, 4)).toBe(0n);
    const tensor = legacy('get_output_tensor')(handle, y, yl) as bigint;
    // The whole tensor (16 bytes) must fit: 8 bytes before the end does not.
    const tail = mem.size - 8;
    mem.bytes.fill(0x77, tail);
    legacy('get_tensor_data')(tensor, tail);
    expect([...mem.bytes.subarray(tail)]).toEqual(new Array(8).fill(0x77));
    const out = mem.alloc(16);
    legacy('get_tensor_data')(tensor, out);
    expect(mem.readF32(out, 4)).toEqual([6, 7, 8, 9]);
  });

  it('get_tensor_data before a successful run writes nothing (the output arena is uninitialised host memory)', () => {
    // A session that ran leaves its outputs in freed heap memory that a new
    // session's arena may reuse.
    const ran = newSession();
    const [x, xl] = mem.put('x');
    legacy('append_input')(ran, x, xl, ...mem.f32([41, 41, 41, 41]));
    expect(legacy('run_session')(ran)).toBe(0);
    legacy('delete_session')(ran);
    const handle = newSession();
    const [y, yl] = mem.put('y');
    const tensor = legacy('get_output_tensor')(handle, y, yl) as bigint;
    expect(tensor).not.toBe(0n);
    expect(legacy('get_tensor_len')(tensor)).toBe(16); // the shape is known before a run
    const out = mem.alloc(16);
    mem.bytes.fill(0x77, out, out + 16);
    legacy('get_tensor_data')(tensor, out);
    expect([...mem.bytes.subarray(out, out + 16)]).toEqual(new Array(16).fill(0x77));
    // After a successful run the data is the result.
    legacy('append_input')(handle, x, xl, ...mem.f32([1, 1, 1, 1]));
    expect(legacy('run_session')(handle)).toBe(0);
    legacy('get_tensor_data')(tensor, out);
    expect(mem.readF32(out, 4)).toEqual([2, 3, 4, 5]);
    legacy('delete_session')(handle);
  });

  it('corrupt models give handle 0', () => {
    for (const name of ['truncated.tflite', 'noise.tflite', 'empty.tflite']) {
      const [ptr, len] = mem.put(model(name));
      expect(legacy('create_session')(ptr, len)).toBe(0n);
    }
  });
});
