// The wasmedge_tensorflow plug-in's own logic, on a stand-in TensorFlow C
// library (native/tensorflow/test/fake_libtensorflow.c: TensorFlow is in none
// of this project's registries). The stand-in computes output index 0 = 2*x,
// index k = x+k from the first fed FLOAT tensor and fails runs that feed
// "fail". What is tested: argument and range checks, names and op:index,
// input replacement, output registration, reads before a run and after a
// failed run, clearing, sessions, SavedModel arguments, the legacy ABI.
// Nothing here says TensorFlow itself works: see tensorflow-missing.test.ts.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostModule } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TensorflowErrno as E, TfDataType } from '../src/errno.js';
import { createTensorflowModule } from '../src/modules.js';
import { bind, GuestMemory, repoRoot, type Bound } from './helpers.js';

const fakeLibrary = process.env.WS_FAKE_LIBTENSORFLOW ?? join(repoRoot, 'native', 'build', 'test-plugins', 'tensorflow', 'libws_fake_libtensorflow.so');
// The library is loaded once per process on the first call; this file runs in its own worker.
process.env.WS_LIBTENSORFLOW = fakeLibrary;

const GRAPH = 'WSFAKEGRAPH\nx 1\ny 2\nfail 1\n';
const ID = 0, TENSOR = 4, LEN = 8, WRITTEN = 12;

let module: HostModule;
let mem: GuestMemory;
let f: Bound;
let s: number;

const str = (text: string) => mem.put(text);
function newSession(): number {
  expect(f.create_session!(...mem.put(GRAPH), ID)).toBe(E.Success);
  return mem.u32(ID);
}
function input(session: number, name: string, values: number[], dtype: number = TfDataType.FLOAT, dims = [1, values.length]): number {
  const data = mem.f32(values);
  const dimsAt = mem.i64(dims);
  return f.append_input!(session, ...str(name), dimsAt[0], dims.length, dtype, ...data) as number;
}
function output(session: number, name: string): number[] {
  expect(f.get_output_tensor!(session, ...str(name), TENSOR)).toBe(E.Success);
  const tensor = mem.u32(TENSOR);
  expect(f.get_tensor_len!(session, tensor, LEN)).toBe(E.Success);
  const length = mem.u32(LEN);
  const buffer = mem.alloc(length);
  expect(f.get_tensor_data!(session, tensor, buffer, length, WRITTEN)).toBe(E.Success);
  expect(mem.u32(WRITTEN)).toBe(length);
  return mem.readF32(buffer, length / 4);
}

beforeAll(() => {
  if (!existsSync(fakeLibrary)) throw new Error(`${fakeLibrary} is missing: run node scripts/build-native.mjs`);
  module = createTensorflowModule();
  mem = new GuestMemory(16);
  f = bind(module, mem);
  s = newSession();
});
afterAll(() => module?.dispose());

describe('current ABI on the stand-in library', () => {
  it('a whole session: inputs, outputs by name and op:index, run, read', () => {
    expect(s).toBe(0);
    expect(input(s, 'x', [1, 2, 3, 4])).toBe(E.Success);
    expect(f.append_output!(s, ...str('y'))).toBe(E.Success);
    expect(f.append_output!(s, ...str('y:1'))).toBe(E.Success);
    expect(f.append_output!(s, ...str('y'))).toBe(E.Success); // duplicate: ignored
    expect(f.run_session!(s)).toBe(E.Success);
    expect(output(s, 'y')).toEqual([2, 4, 6, 8]);
    expect(output(s, 'y:1')).toEqual([2, 3, 4, 5]);
    expect(f.get_output_tensor!(s, ...str('y:1'), TENSOR)).toBe(E.Success);
    expect(mem.u32(TENSOR)).toBe(1); // append_output order
  });

  it('names are the exact strings given to append_output', () => {
    expect(f.get_output_tensor!(s, ...str('y:0'), TENSOR)).toBe(E.InvalidArgument);
    expect(f.get_output_tensor!(s, ...str('x'), TENSOR)).toBe(E.InvalidArgument);
  });

  it('the same input name replaces the tensor', () => {
    expect(input(s, 'x', [10, 20, 30, 40])).toBe(E.Success);
    expect(f.run_session!(s)).toBe(E.Success);
    expect(output(s, 'y')).toEqual([20, 40, 60, 80]);
  });

  it('get_tensor_data copies min(size, buf_len) and writes that count', () => {
    const buffer = mem.alloc(16);
    expect(f.get_tensor_data!(s, 0, buffer, 8, WRITTEN)).toBe(E.Success);
    expect(mem.u32(WRITTEN)).toBe(8);
    expect(mem.readF32(buffer, 2)).toEqual([20, 40]);
    expect(f.get_tensor_data!(s, 0, buffer, 0, WRITTEN)).toBe(E.Success);
    expect(mem.u32(WRITTEN)).toBe(0);
  });

  it('append_input refuses what TensorFlow would read out of bounds or misparse → 1', () => {
    const data = mem.f32([1, 2, 3, 4]);
    const dims = mem.i64([1, 4]);
    const call = (name: string, dimCount: number, dtype: number, length: number, dimsAt = dims[0]) => f.append_input!(s, ...str(name), dimsAt, dimCount, dtype, data[0], length);
    expect(call('x', 2, TfDataType.FLOAT, 12)).toBe(E.InvalidArgument); // 12 bytes for 4 floats
    expect(call('x', 2, TfDataType.FLOAT, 20)).toBe(E.InvalidArgument);
    expect(call('x', 2, TfDataType.DOUBLE, 16)).toBe(E.InvalidArgument); // 4 doubles are 32 bytes
    expect(call('x', 2, 7, 16)).toBe(E.InvalidArgument); // STRING
    expect(call('x', 2, 99, 16)).toBe(E.InvalidArgument);
    expect(call('x', 2, TfDataType.FLOAT, 16, mem.i64([1, -4])[0])).toBe(E.InvalidArgument);
    expect(call('x', 65, TfDataType.FLOAT, 16, mem.alloc(65 * 8))).toBe(E.InvalidArgument);
    for (const name of ['nope', 'x:1', 'x:', 'x:abc', ':0', '', 'x:99999999999']) expect(call(name, 2, TfDataType.FLOAT, 16)).toBe(E.InvalidArgument);
    expect(call('x', 2, TfDataType.UINT8, 16, mem.i64([4, 4])[0])).toBe(E.Success); // 16 u8 are 16 bytes
    expect(call('x', 0, TfDataType.FLOAT, 4)).toBe(E.Success); // a scalar
    expect(input(s, 'x', [10, 20, 30, 40])).toBe(E.Success);
  });

  it('append_output: unknown ops and output indexes → 1', () => {
    for (const name of ['nope', 'y:2', 'x:1', '']) expect(f.append_output!(s, ...str(name))).toBe(E.InvalidArgument);
  });

  it('reading before any run → 1 (upstream dereferences NULL); get_tensor_len gives 0', () => {
    const fresh = newSession();
    expect(f.append_output!(fresh, ...str('y'))).toBe(E.Success);
    expect(f.get_tensor_len!(fresh, 0, LEN)).toBe(E.Success);
    expect(mem.u32(LEN)).toBe(0);
    expect(f.get_tensor_data!(fresh, 0, 1024, 16, WRITTEN)).toBe(E.InvalidArgument);
    expect(f.delete_session!(fresh)).toBe(E.Success);
  });

  it('a failed run → 4 and leaves no stale outputs (upstream: use after free)', () => {
    expect(f.run_session!(s)).toBe(E.Success);
    expect(input(s, 'fail', [0])).toBe(E.Success);
    expect(f.run_session!(s)).toBe(E.Busy);
    expect(f.get_tensor_len!(s, 0, LEN)).toBe(E.Success);
    expect(mem.u32(LEN)).toBe(0);
    expect(f.get_tensor_data!(s, 0, 1024, 16, WRITTEN)).toBe(E.InvalidArgument);
  });

  it('clear_input and clear_output', () => {
    expect(f.clear_input!(s)).toBe(E.Success);
    expect(f.run_session!(s)).toBe(E.Busy); // the stand-in needs an input
    expect(input(s, 'x', [1])).toBe(E.Success);
    expect(f.run_session!(s)).toBe(E.Success);
    expect(output(s, 'y')).toEqual([2]);
    expect(f.clear_output!(s)).toBe(E.Success);
    expect(f.get_output_tensor!(s, ...str('y'), TENSOR)).toBe(E.InvalidArgument);
    expect(f.get_tensor_len!(s, 0, LEN)).toBe(E.InvalidArgument);
    expect(f.run_session!(s)).toBe(E.Success); // no outputs requested
  });

  it('out-of-range pointers → 3', () => {
    const end = mem.size;
    expect(f.create_session!(end - 4, 16, ID)).toBe(E.MissingMemory);
    expect(f.create_session!(...mem.put(GRAPH), end)).toBe(E.MissingMemory);
    const data = mem.f32([1]);
    expect(f.append_input!(s, end, 1, 0, 0, TfDataType.FLOAT, ...data)).toBe(E.MissingMemory);
    expect(f.append_input!(s, ...str('x'), end - 8, 2, TfDataType.FLOAT, ...data)).toBe(E.MissingMemory);
    expect(f.append_input!(s, ...str('x'), 0, 0x20000000, TfDataType.FLOAT, ...data)).toBe(E.MissingMemory);
    expect(f.append_input!(s, ...str('x'), 0, 0, TfDataType.FLOAT, end - 2, 4)).toBe(E.MissingMemory);
    expect(f.append_output!(s, end - 1, 2)).toBe(E.MissingMemory);
    expect(f.get_output_tensor!(s, ...str('y'), end - 3)).toBe(E.MissingMemory);
    expect(f.get_tensor_len!(s, 0, end)).toBe(E.MissingMemory);
    expect(f.get_tensor_data!(s, 0, end - 4, 16, WRITTEN)).toBe(E.MissingMemory);
    expect(f.get_tensor_data!(s, 0, 1024, 16, 0xffffffff)).toBe(E.MissingMemory);
  });

  it('unknown and deleted sessions → 1 (delete_session always 0); corrupt graphs → 1', () => {
    const doomed = newSession();
    expect(f.delete_session!(doomed)).toBe(E.Success);
    for (const id of [doomed, 999, 0xffffffff]) {
      expect(input(id, 'x', [1])).toBe(E.InvalidArgument);
      expect(f.append_output!(id, ...str('y'))).toBe(E.InvalidArgument);
      expect(f.clear_input!(id)).toBe(E.InvalidArgument);
      expect(f.clear_output!(id)).toBe(E.InvalidArgument);
      expect(f.run_session!(id)).toBe(E.InvalidArgument);
      expect(f.get_output_tensor!(id, ...str('y'), TENSOR)).toBe(E.InvalidArgument);
      expect(f.get_tensor_len!(id, 0, LEN)).toBe(E.InvalidArgument);
      expect(f.get_tensor_data!(id, 0, 1024, 4, WRITTEN)).toBe(E.InvalidArgument);
      expect(f.delete_session!(id)).toBe(E.Success);
    }
    for (const bad of ['', 'WSFAKEGRAPH', 'not a graph', 'WSFAKEGRAPH\nbroken\n']) {
      mem.setU32(ID, 0xdeadbeef);
      expect(f.create_session!(...mem.put(bad), ID)).toBe(E.InvalidArgument);
      expect(mem.u32(ID)).toBe(0xdeadbeef);
    }
  });

  it('40 live sessions stay independent', () => {
    const sessions = Array.from({ length: 40 }, () => newSession());
    sessions.forEach((id, i) => {
      expect(input(id, 'x', [i])).toBe(E.Success);
      expect(f.append_output!(id, ...str('y'))).toBe(E.Success);
    });
    sessions.forEach((id) => expect(f.run_session!(id)).toBe(E.Success));
    sessions.forEach((id, i) => expect(output(id, 'y')).toEqual([2 * i]));
    sessions.forEach((id) => f.delete_session!(id));
  });

  it('create_session_saved_model: host path, {ptr,len} tags', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-tf-saved-'));
    writeFileSync(join(dir, 'graph.txt'), GRAPH);
    const tags = (names: string[]) => {
      const entries = names.map((name) => str(name));
      const table = new Uint8Array(new Uint32Array(entries.flat()).buffer);
      return [mem.put(table)[0], names.length] as const;
    };
    expect(f.create_session_saved_model!(...str(dir), ...tags(['serve']), ID)).toBe(E.Success);
    const saved = mem.u32(ID);
    expect(input(saved, 'x', [5])).toBe(E.Success);
    expect(f.append_output!(saved, ...str('y'))).toBe(E.Success);
    expect(f.run_session!(saved)).toBe(E.Success);
    expect(output(saved, 'y')).toEqual([10]);
    expect(f.create_session_saved_model!(...str(dir), ...tags(['train']), ID)).toBe(E.InvalidArgument);
    expect(f.create_session_saved_model!(...str('/nonexistent'), ...tags(['serve']), ID)).toBe(E.InvalidArgument);
    expect(f.create_session_saved_model!(...str(`${dir}\0x`), ...tags(['serve']), ID)).toBe(E.InvalidArgument);
    expect(f.create_session_saved_model!(mem.size - 2, 8, ...tags(['serve']), ID)).toBe(E.MissingMemory);
    expect(f.create_session_saved_model!(...str(dir), mem.size - 4, 1, ID)).toBe(E.MissingMemory);
    const badEntry = mem.put(new Uint8Array(new Uint32Array([mem.size - 1, 5]).buffer))[0];
    expect(f.create_session_saved_model!(...str(dir), badEntry, 1, ID)).toBe(E.MissingMemory);
    expect(f.create_session_saved_model!(...str(dir), 0, 0x20000000, ID)).toBe(E.MissingMemory);
    expect(f.create_session_saved_model!(...str(dir), ...tags(['serve']), mem.size)).toBe(E.MissingMemory);
  });
});

describe('legacy ABI on the stand-in library', () => {
  const L = (name: string) => f[`wasmedge_tensorflow_${name}`]!;

  it('a whole session with (name, index) pairs; handles are ids', () => {
    const handle = L('create_session')(...mem.put(GRAPH)) as bigint;
    expect(handle).toBeGreaterThan(0n);
    const data = mem.f32([1, 2]);
    const dims = mem.i64([2]);
    L('append_input')(handle, ...str('x'), 0, dims[0], 1, TfDataType.FLOAT, ...data);
    L('append_output')(handle, ...str('y'), 1);
    L('append_output')(handle, ...str('y'), 0);
    expect(L('run_session')(handle)).toBe(0);
    const t1 = L('get_output_tensor')(handle, ...str('y'), 1) as bigint;
    const t0 = L('get_output_tensor')(handle, ...str('y'), 0) as bigint;
    expect(t1).toBe((handle << 32n) | 1n);
    expect(t0).toBe((handle << 32n) | 2n);
    expect(L('get_tensor_len')(t1)).toBe(8);
    const out = mem.alloc(8);
    L('get_tensor_data')(t1, out);
    expect(mem.readF32(out, 2)).toEqual([2, 3]);
    L('get_tensor_data')(t0, out);
    expect(mem.readF32(out, 2)).toEqual([2, 4]);
    // The same session through the current ABI: key "y:1".
    expect(output(Number(handle - 1n), 'y:1')).toEqual([2, 3]);
    expect(L('get_output_tensor')(handle, ...str('y'), 2)).toBe(0n);
    L('clear_output')(handle);
    expect(L('get_tensor_len')(t1)).toBe(0);
    L('clear_input')(handle);
    expect(L('run_session')(handle)).toBe(1);
    L('delete_session')(handle);
    expect(L('run_session')(handle)).toBe(1);
  });

  it('bad handles, pointers and graphs fail quietly', () => {
    expect(L('create_session')(mem.size - 4, 16)).toBe(0n);
    expect(L('create_session')(...mem.put('garbage'))).toBe(0n);
    for (const bad of [0n, 999n, -1n, 1n << 40n]) {
      expect(L('run_session')(bad)).toBe(1);
      expect(L('get_output_tensor')(bad, ...str('y'), 0)).toBe(0n);
      expect(L('get_tensor_len')(bad)).toBe(0);
      expect(L('get_tensor_data')(bad, 0)).toBeUndefined();
      expect(L('append_input')(bad, ...str('x'), 0, 0, 0, 1, 0, 4)).toBeUndefined();
      expect(L('append_output')(bad, ...str('y'), 0)).toBeUndefined();
      expect(L('clear_input')(bad)).toBeUndefined();
      expect(L('clear_output')(bad)).toBeUndefined();
      expect(L('delete_session')(bad)).toBeUndefined();
    }
    const handle = L('create_session')(...mem.put(GRAPH)) as bigint;
    L('append_input')(handle, ...str('x'), 0, mem.size - 4, 1, TfDataType.FLOAT, ...mem.f32([1]));
    L('append_output')(handle, ...str('y'), 0);
    expect(L('run_session')(handle)).toBe(1); // the input was refused: nothing fed
    L('append_input')(handle, ...str('x'), 0, 0, 0, TfDataType.FLOAT, ...mem.f32([3]));
    expect(L('run_session')(handle)).toBe(0);
    expect(L('get_output_tensor')(handle, mem.size - 1, 4, 0)).toBe(0n);
    L('append_output')(handle, mem.size - 1, 4, 0); // ignored
    expect(L('create_session')(0, 0xffffffff)).toBe(0n);
    const tensor = L('get_output_tensor')(handle, ...str('y'), 0) as bigint;
    const tail = mem.size - 2;
    mem.bytes.fill(0x33, tail);
    L('get_tensor_data')(tensor, tail); // 4 bytes do not fit in 2
    expect([...mem.bytes.subarray(tail)]).toEqual([0x33, 0x33]);
    L('delete_session')(handle);
  });
});
