// Guests built against older wasi-nn crates number tensor types F16 0, F32 1,
// U8 2, I32 3; WasmEdge >= 0.15 numbers F16 0, F32 1, F64 2, U8 3, I32 4, I64 5.
// The plug-in accepts either where the model's input type makes it unambiguous.
import { describe, expect, it } from 'vitest';
import { guestModel, runGuest } from './run-guest.js';

describe('tensor type numbering', () => {
  it('uint8 input: accepts 3 (U8 now) and 2 (U8 before 0.15), rejects the others', async () => {
    const run = await runGuest([
      'load', guestModel('cast_u8.tflite'), 'init', '0',
      'set', '0', '0', '3', '1,4', 'u8:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'set', '0', '0', '2', '1,4', 'u8:5,6,7,8', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'set', '0', '0', '4', '1,4', 'u8:5,6,7,8', 'set', '0', '0', '1', '1,4', 'u8:5,6,7,8', 'set', '0', '0', '0', '1,4', 'u8:5,6,7,8',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 1 2 3 4', 'set 0', 'compute 0', 'get 0 16 ok 5 6 7 8', 'set 1', 'set 1', 'set 1',
    ]);
  });

  it('int32 input: accepts 4 (I32 now) and 3 (I32 before 0.15), rejects 2 and 5', async () => {
    const run = await runGuest([
      'load', guestModel('add_i32.tflite'), 'init', '0',
      'set', '0', '0', '4', '1,4', 'i32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'i32',
      'set', '0', '0', '3', '1,4', 'i32:5,6,7,8', 'compute', '0', 'get', '0', '0', '16', 'i32',
      'set', '0', '0', '2', '1,4', 'i32:5,6,7,8', 'set', '0', '0', '5', '1,4', 'i32:5,6,7,8', 'set', '0', '0', '1', '1,4', 'i32:5,6,7,8',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 101 202 303 404', 'set 0', 'compute 0', 'get 0 16 ok 105 206 307 408', 'set 1', 'set 1', 'set 1',
    ]);
  });

  it('float32 input: accepts 1 in both numberings only', async () => {
    const run = await runGuest([
      'load', guestModel('add_f32.tflite'), 'init', '0',
      'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'set', '0', '0', '3', '1,4', 'f32:1,2,3,4', 'set', '0', '0', '4', '1,4', 'f32:1,2,3,4',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'set 1', 'set 1']);
  });

  it('float16 input: accepts 0 in both numberings only (bytes are IEEE half floats)', async () => {
    // 1.0 = 0x3C00, -1.0 = 0xBC00, -2.0 = 0xC000, little-endian
    const half = 'u8:0,0x3c,0,0xbc,0,0x3c,0,0xc0';
    const run = await runGuest([
      'load', guestModel('widen_f16.tflite'), 'init', '0',
      'set', '0', '0', '0', '1,4', half, 'compute', '0', 'get', '0', '0', '16', 'f32',
      'set', '0', '0', '1', '1,4', half, 'set', '0', '0', '3', '1,4', half, 'set', '0', '0', '0', '1,4', 'u8:0,0x3c,0,0xbc',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 1 -1 1 -2', 'set 1', 'set 1', 'set 1']);
  });
});
