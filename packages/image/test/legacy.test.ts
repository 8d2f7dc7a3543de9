// The legacy functions of the archived second-state/WasmEdge-image module,
// (in_ptr, in_len, out_w, out_h, out_ptr) -> errno with the type in the name:
// old guests link and get the same pixels as load_image gives.
import type { HostModule } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageModule } from '../src/image-module.js';
import type { WasmedgeImageFunctions } from '../src/types.js';
import { folderWith, loadThroughGuest, upstreamRedJpg, upstreamRedPng } from './helpers.js';
import { encode, pattern } from './images.js';

const types = [
  ['rgb8', 0],
  ['bgr8', 1],
  ['rgb32f', 2],
  ['bgr32f', 3],
] as const;

describe('legacy functions through a guest', () => {
  let dir: string;
  beforeAll(async () => {
    const samples = pattern(40, 30, 3);
    dir = folderWith({
      'p.jpg': await encode(samples, 40, 30, 3).jpeg().toBuffer(),
      'p.png': await encode(samples, 40, 30, 3).png().toBuffer(),
    });
  });
  for (const format of ['jpg', 'png'] as const) {
    for (const [name, type] of types) {
      it(`wasmedge_image_load_${format}_to_${name} == load_image type ${type}`, () => {
        const legacy = loadThroughGuest(dir, `p.${format}`, { fn: `wasmedge_image_load_${format}_to_${name}`, width: 17, height: 9 });
        const current = loadThroughGuest(dir, `p.${format}`, { fn: 'load_image', width: 17, height: 9, type });
        expect(legacy.errno).toBe(0);
        expect(legacy.guards).toBe('intact');
        expect(legacy.fnv1a).toBe(current.fnv1a);
      });
    }
  }
});

describe('legacy functions called directly (bounds are derived from w*h)', () => {
  let module: HostModule;
  let memory: WebAssembly.Memory;
  let functions: WasmedgeImageFunctions;
  beforeAll(() => {
    module = createImageModule();
    memory = new WebAssembly.Memory({ initial: 1 });
    functions = module.bind(memory) as unknown as WasmedgeImageFunctions;
    new Uint8Array(memory.buffer).set(upstreamRedPng, 0);
    new Uint8Array(memory.buffer).set(upstreamRedJpg, 256);
  });
  afterAll(() => module.dispose());

  it('upstream fixtures: PNG -> (255,0,0), JPEG -> BGR (0,0,254)', () => {
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 50, 60, 1024)).toBe(0);
    expect([...new Uint8Array(memory.buffer, 1024, 3)]).toEqual([255, 0, 0]);
    expect(functions.wasmedge_image_load_jpg_to_bgr8(256, upstreamRedJpg.length, 50, 60, 1024)).toBe(0);
    expect([...new Uint8Array(memory.buffer, 1024, 3)]).toEqual([0, 0, 254]);
  });

  it('an output that would end past the memory -> errno 1, nothing written', () => {
    const bytes = new Uint8Array(memory.buffer);
    const start = 65536 - 50 * 60 * 3 + 1; // one byte too far
    bytes.fill(7, start);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 50, 60, start)).toBe(1);
    expect(bytes.subarray(start).every((b) => b === 7)).toBe(true);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 50, 60, start - 1)).toBe(0);
  });

  it('f32 size check: 50x60x12 bytes do not fit at 40000 -> errno 1', () => {
    expect(functions.wasmedge_image_load_png_to_rgb32f(0, upstreamRedPng.length, 50, 60, 40000)).toBe(1);
  });

  it('bad pointers, zero and huge sizes -> errno 1', () => {
    expect(functions.wasmedge_image_load_png_to_rgb8(65530, 100, 4, 4, 1024)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0xfffffff0 | 0, 0x20, 4, 4, 1024)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 0, 4, 1024)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 4, 0, 1024)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 800000000, 4, 1024)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, upstreamRedPng.length, 4, 0x80000000 | 0, 1024)).toBe(1);
    expect(functions.wasmedge_image_load_png_to_rgb8(0, 0, 4, 4, 1024)).toBe(1);
  });
});
