// Spec §5.2: WasmEdge HEAD's checks for load_jpg/load_png/load_image, row by
// row, each with its exact errno, from a real guest whose output buffer is
// surrounded by guard bytes (and whose last 64 bytes of memory are guarded
// too, for calls aimed past the end).
import type { HostModule } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageModule } from '../src/image-module.js';
import type { WasmedgeImageFunctions } from '../src/types.js';
import { folderWith, runGuest, upstreamRedJpg, upstreamRedPng } from './helpers.js';

interface Row {
  errno: number;
  guards: string;
  output: string;
  memoryEnd: string;
}

function runTable(file: string, bytes: Uint8Array, fn: string): Map<string, Row> {
  const run = runGuest('check_table', folderWith({ [file]: bytes }), [`/data/${file}`, fn]);
  if (run.status !== 0) throw new Error(`check_table exited with ${run.status}: ${run.stderr}`);
  const rows = new Map<string, Row>();
  for (const match of run.stdout.matchAll(/^(\w+) errno=(\d+) guards=(\w+) output=(\w+) memory_end=(\w+)$/gm)) {
    rows.set(match[1]!, { errno: Number(match[2]), guards: match[3]!, output: match[4]!, memoryEnd: match[5]! });
  }
  return rows;
}

/** [row name, what it checks, expected errno] in WasmEdge HEAD's order. */
const table: [string, string, number][] = [
  ['control', 'valid call (4x3 RGB8)', 0],
  ['input_past_end', '[in_ptr, in_ptr+in_len) past the end of memory', 1],
  ['input_wraps', 'in_ptr + in_len wraps around 2^32', 1],
  ['input_length_huge', 'in_len 0xFFFFFFFF', 1],
  ['output_past_end', '[out_ptr, out_ptr+out_len) past the end of memory', 1],
  ['output_wraps', 'out_ptr + out_len wraps around 2^32', 1],
  ['output_length_huge', 'out_len 0xFFFFFFFF', 1],
  ['type_4', 'out_type 4', 1],
  ['type_max', 'out_type 0xFFFFFFFF', 1],
  ['width_0', 'out_w 0', 1],
  ['height_0', 'out_h 0', 1],
  ['width_800000000', 'out_w > INT32_MAX / 3 (u8)', 1],
  ['height_2147483648', 'out_h > INT32_MAX', 1],
  ['width_f32_limit', 'out_w > INT32_MAX / 12 (f32)', 1],
  ['size_wraps_32_bits', 'out_w*out_h*3 = 2^32 + 2 (64-bit size check)', 1],
  ['output_one_byte_short', 'out_len = w*h*3 - 1', 1],
  ['output_length_0', 'out_len 0', 1],
  ['f32_output_one_byte_short', 'out_len = w*h*12 - 1 (f32)', 1],
  ['input_length_0', 'in_len 0 (decode fails)', 1],
  ['input_not_an_image', 'unknown format (decode fails)', 1],
  ['input_truncated', 'first half of the file (decode fails)', 1],
  ['control_again', 'valid call after all failures', 0],
];

for (const [fn, file, bytes] of [
  ['load_image', 'red.png', upstreamRedPng],
  ['load_image', 'red.jpg', upstreamRedJpg],
  ['load_jpg', 'red.jpg', upstreamRedJpg],
  ['load_png', 'red.png', upstreamRedPng],
] as const) {
  describe(`check table, ${fn} on ${file}`, () => {
    let rows: Map<string, Row>;
    beforeAll(() => {
      rows = runTable(file, bytes, fn);
    });
    it('the guest ran every row', () => expect([...rows.keys()]).toEqual(table.map(([name]) => name)));
    for (const [name, what, errno] of table) {
      it(`${what} -> errno ${errno}, nothing written outside the buffer${errno ? ', output untouched' : ''}`, () => {
        expect(rows.get(name)).toEqual({ errno, guards: 'intact', output: errno ? 'untouched' : 'written', memoryEnd: 'intact' });
      });
    }
  });
}

describe('rows a guest cannot produce', () => {
  let module: HostModule;
  beforeAll(() => {
    module = createImageModule();
  });
  afterAll(() => module.dispose());

  it('calling module has no memory 0 -> errno 1 (no trap)', () => {
    const functions = module.bind() as unknown as WasmedgeImageFunctions;
    expect(functions.load_image(0, 158, 4, 3, 0, 1024, 36)).toBe(1);
    expect(functions.load_jpg(0, 158, 4, 3, 0, 1024, 36)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, 158, 4, 3, 1024)).toBe(1);
  });

  it('in_len > INT32_MAX inside a 2 GiB + 64 KiB memory -> errno 1', () => {
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: 32769 });
    } catch {
      // A machine that cannot reserve 2 GiB of address space: the row is unreachable there.
      return;
    }
    const functions = module.bind(memory) as unknown as WasmedgeImageFunctions;
    new Uint8Array(memory.buffer).set(upstreamRedPng, 0);
    const outOffset = 0x80000000 + 16;
    expect(functions.load_image(0, 0x80000000, 4, 3, 0, outOffset, 36)).toBe(1);
    expect(new Uint8Array(memory.buffer, outOffset, 36).every((b) => b === 0)).toBe(true);
    // Control: the same memory and output with a proper length works.
    expect(functions.load_image(0, upstreamRedPng.length, 4, 3, 0, outOffset, 36)).toBe(0);
    expect([...new Uint8Array(memory.buffer, outOffset, 3)]).toEqual([255, 0, 0]);
  });
});
