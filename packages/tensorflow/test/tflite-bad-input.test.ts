// wasmedge_tensorflowlite, current ABI: bad input of every kind returns the
// errno WasmEdge specifies (spec §6.1, §6.3) and never crashes or writes
// outside the ranges the guest gave.
import type { HostModule } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TensorflowErrno as E } from '../src/errno.js';
import { createTensorflowLiteModule } from '../src/modules.js';
import { bind, GuestMemory, model, type Bound } from './helpers.js';

const ID = 0, TENSOR = 4, LEN = 8, WRITTEN = 12;

let module: HostModule;
let mem: GuestMemory;
let f: Bound;
let session: number;
let x: [number, number], y: [number, number], input: [number, number];

beforeAll(() => {
  module = createTensorflowLiteModule();
  mem = new GuestMemory(2); // 128 KiB
  f = bind(module, mem);
  const [ptr, len] = mem.put(model('add_f32.tflite'));
  expect(f.create_session!(ptr, len, ID)).toBe(E.Success);
  session = mem.u32(ID);
  x = mem.put('x');
  y = mem.put('y');
  input = mem.f32([1, 2, 3, 4]);
});
afterAll(() => module.dispose());

const OUT = () => mem.size; // first byte past memory
const HUGE = 0xffffffff;

describe('out-of-range pointers and lengths → 3 (MissingMemory)', () => {
  it('create_session: model range, id pointer', () => {
    expect(f.create_session!(OUT() - 4, 16, ID)).toBe(E.MissingMemory);
    expect(f.create_session!(0, HUGE, ID)).toBe(E.MissingMemory);
    expect(f.create_session!(HUGE, 2, ID)).toBe(E.MissingMemory);
    const [ptr, len] = mem.put(model('add_f32.tflite'));
    expect(f.create_session!(ptr, len, OUT() - 3)).toBe(E.MissingMemory);
    expect(f.create_session!(ptr, len, HUGE)).toBe(E.MissingMemory);
  });

  it('append_input: name range, data range', () => {
    expect(f.append_input!(session, OUT(), 1, ...input)).toBe(E.MissingMemory);
    expect(f.append_input!(session, x[0], HUGE, ...input)).toBe(E.MissingMemory);
    expect(f.append_input!(session, ...x, OUT() - 8, 16)).toBe(E.MissingMemory);
    expect(f.append_input!(session, ...x, input[0], HUGE)).toBe(E.MissingMemory);
  });

  it('get_output_tensor: name range, id pointer', () => {
    expect(f.get_output_tensor!(session, OUT(), 1, TENSOR)).toBe(E.MissingMemory);
    expect(f.get_output_tensor!(session, y[0], HUGE, TENSOR)).toBe(E.MissingMemory);
    expect(f.get_output_tensor!(session, ...y, OUT() - 2)).toBe(E.MissingMemory);
  });

  it('get_tensor_len: length pointer', () => {
    expect(f.get_tensor_len!(session, 0, OUT() - 1)).toBe(E.MissingMemory);
    expect(f.get_tensor_len!(session, 0, HUGE)).toBe(E.MissingMemory);
  });

  it('get_tensor_data: buffer range, written pointer', () => {
    expect(f.append_input!(session, ...x, ...input)).toBe(E.Success);
    expect(f.run_session!(session)).toBe(E.Success);
    expect(f.get_tensor_data!(session, 0, OUT() - 8, 16, WRITTEN)).toBe(E.MissingMemory);
    expect(f.get_tensor_data!(session, 0, 1024, HUGE, WRITTEN)).toBe(E.MissingMemory);
    expect(f.get_tensor_data!(session, 0, 1024, 16, OUT())).toBe(E.MissingMemory);
  });
});

describe('unknown and deleted sessions → 1 (InvalidArgument)', () => {
  it('every function that takes a session', () => {
    for (const id of [1, 77, HUGE]) {
      expect(f.append_input!(id, ...x, ...input)).toBe(E.InvalidArgument);
      expect(f.run_session!(id)).toBe(E.InvalidArgument);
      expect(f.get_output_tensor!(id, ...y, TENSOR)).toBe(E.InvalidArgument);
      expect(f.get_tensor_len!(id, 0, LEN)).toBe(E.InvalidArgument);
      expect(f.get_tensor_data!(id, 0, 1024, 16, WRITTEN)).toBe(E.InvalidArgument);
      expect(f.delete_session!(id)).toBe(E.Success); // upstream: always 0
    }
  });

  it('a deleted session is gone; deleting twice is fine', () => {
    const [ptr, len] = mem.put(model('add_f32.tflite'));
    expect(f.create_session!(ptr, len, ID)).toBe(E.Success);
    const doomed = mem.u32(ID);
    expect(f.delete_session!(doomed)).toBe(E.Success);
    expect(f.delete_session!(doomed)).toBe(E.Success);
    expect(f.run_session!(doomed)).toBe(E.InvalidArgument);
    expect(f.append_input!(doomed, ...x, ...input)).toBe(E.InvalidArgument);
    expect(f.get_tensor_data!(doomed, 0, 1024, 16, WRITTEN)).toBe(E.InvalidArgument);
  });
});

describe('wrong sizes, names, tensor ids, order → 1', () => {
  it('append_input: data length must be the tensor byte size', () => {
    for (const length of [0, 4, 12, 15, 17, 32]) expect(f.append_input!(session, ...x, input[0], length)).toBe(E.InvalidArgument);
  });

  it('unknown tensor names (exact match, no op:index syntax)', () => {
    for (const name of ['', 'X', 'x ', 'x:0', 'y', 'xx']) expect(f.append_input!(session, ...mem.put(name), ...input)).toBe(E.InvalidArgument);
    for (const name of ['', 'Y', 'y:0', 'x', 'sum']) expect(f.get_output_tensor!(session, ...mem.put(name), TENSOR)).toBe(E.InvalidArgument);
  });

  it('tensor ids past the outputs', () => {
    expect(f.get_tensor_len!(session, 1, LEN)).toBe(E.InvalidArgument);
    expect(f.get_tensor_len!(session, HUGE, LEN)).toBe(E.InvalidArgument);
    expect(f.get_tensor_data!(session, 1, 1024, 16, WRITTEN)).toBe(E.InvalidArgument);
  });

  it('get_tensor_data: the buffer length must be the byte size; written is 0 on failure', () => {
    mem.setU32(WRITTEN, 1234);
    expect(f.get_tensor_data!(session, 0, 1024, 15, WRITTEN)).toBe(E.InvalidArgument);
    expect(mem.u32(WRITTEN)).toBe(0);
    expect(f.get_tensor_data!(session, 0, 1024, 17, WRITTEN)).toBe(E.InvalidArgument);
  });

  it('reading an output before any run → 1, and nothing is written to the buffer', () => {
    const [ptr, len] = mem.put(model('add_f32.tflite'));
    expect(f.create_session!(ptr, len, ID)).toBe(E.Success);
    const fresh = mem.u32(ID);
    const buffer = mem.put(new Uint8Array(16).fill(0x5a))[0];
    expect(f.get_tensor_len!(fresh, 0, LEN)).toBe(E.Success);
    expect(mem.u32(LEN)).toBe(16);
    expect(f.get_tensor_data!(fresh, 0, buffer, 16, WRITTEN)).toBe(E.InvalidArgument);
    expect([...mem.bytes.subarray(buffer, buffer + 16)]).toEqual(new Array(16).fill(0x5a));
    f.delete_session!(fresh);
  });
});

describe('corrupt models → 1', () => {
  it.each(['truncated.tflite', 'noise.tflite', 'empty.tflite'])('%s', (name) => {
    const [ptr, len] = mem.put(model(name));
    mem.setU32(ID, 0xdeadbeef);
    expect(f.create_session!(ptr, len, ID)).toBe(E.InvalidArgument);
    expect(mem.u32(ID)).toBe(0xdeadbeef); // no id written on failure
  });

  it('a valid flatbuffer header over garbage', () => {
    const good = model('add_f32.tflite');
    const bad = new Uint8Array(good);
    for (let i = 16; i < bad.length; i += 3) bad[i] ^= 0xff;
    const [ptr, len] = mem.put(bad);
    expect([E.InvalidArgument, E.Busy]).toContain(f.create_session!(ptr, len, ID));
  });

  it('the module still works after all of the above', () => {
    expect(f.append_input!(session, ...x, ...mem.f32([0, 0, 0, 0]))).toBe(E.Success);
    expect(f.run_session!(session)).toBe(E.Success);
    const out = mem.alloc(16);
    expect(f.get_tensor_data!(session, 0, out, 16, WRITTEN)).toBe(E.Success);
    expect(mem.readF32(out, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe('no memory in the calling frame', () => {
  it('every function returns 3 or 1 without a memory, never traps', () => {
    const noMemory = module.bind(new WebAssembly.Memory({ initial: 0 })) as unknown as Bound;
    expect(noMemory.create_session!(0, 16, 0)).toBe(E.MissingMemory);
    expect(noMemory.append_input!(session, 0, 1, 0, 16)).toBe(E.MissingMemory);
    expect(noMemory.get_output_tensor!(session, 0, 1, 0)).toBe(E.MissingMemory);
    expect(noMemory.get_tensor_len!(session, 0, 0)).toBe(E.MissingMemory);
    expect(noMemory.get_tensor_data!(session, 0, 0, 16, 0)).toBe(E.MissingMemory);
    expect(noMemory.run_session!(session)).toBe(E.Success);
  });
});
