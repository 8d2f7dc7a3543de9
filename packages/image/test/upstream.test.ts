// WasmEdge's own tests of wasmedge_image (test/plugins/wasmedge_image, HEAD,
// spec §5.3), on the same fixtures, with the same memory layout: a 1-page
// memory, input at offset 0, output at 1024, target 50x60, pixel (45,55).
import type { HostModule } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageModule } from '../src/image-module.js';
import type { WasmedgeImageFunctions } from '../src/types.js';
import { guestPath, loadThroughGuest, folderWith, upstreamRedJpg, upstreamRedPng } from './helpers.js';

const width = 50;
const height = 60;
const position = 55 * width + 45;
const inOffset = 0;
const outOffset = 1024;

let module: HostModule;
let memory: WebAssembly.Memory;
let functions: WasmedgeImageFunctions;

beforeAll(() => {
  module = createImageModule();
  memory = new WebAssembly.Memory({ initial: 1 });
  functions = module.bind(memory) as unknown as WasmedgeImageFunctions;
});
afterAll(() => module.dispose());

type Loader = 'load_jpg' | 'load_png' | 'load_image';

/** Clears memory[0, 32768], writes the payload at 0, runs the function, returns errno and pixel (45,55). */
function run(fn: Loader, payload: Uint8Array, type: number, outLength?: number): { errno: number; pixel: number[] } {
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0, 0, 32768);
  bytes.set(payload, inOffset);
  const sample = type >= 2 ? 4 : 1;
  const errno = functions[fn](inOffset, payload.length, width, height, type, outOffset, outLength ?? width * height * 3 * sample) as number;
  const pixel =
    sample === 1
      ? [...bytes.subarray(outOffset + position * 3, outOffset + position * 3 + 3)]
      : [...new Float32Array(memory.buffer, outOffset + position * 12, 3)];
  return { errno, pixel };
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expected.forEach((value, i) => expect(Math.abs(actual[i]! - value)).toBeLessThan(tolerance));
}

describe('WasmEdgeImageTest.Module', () => {
  it('exports load_jpg, load_png and load_image (and the 8 legacy functions, nothing else)', () => {
    const names = module.listFunctions();
    for (const name of ['load_jpg', 'load_png', 'load_image']) expect(names).toContain(name);
    const legacy = names.filter((n) => n.startsWith('wasmedge_image_load_'));
    expect(legacy).toHaveLength(8);
    expect(names).toHaveLength(3 + 8);
    expect(module.functionType('load_image')).toEqual({ params: Array(7).fill('i32'), results: ['i32'] });
  });
});

describe('WasmEdgeImageTest.LoadJPG', () => {
  it('RGB8 -> (254, 0, 0)', () => expect(run('load_jpg', upstreamRedJpg, 0)).toEqual({ errno: 0, pixel: [254, 0, 0] }));
  it('BGR8 -> (0, 0, 254)', () => expect(run('load_jpg', upstreamRedJpg, 1)).toEqual({ errno: 0, pixel: [0, 0, 254] }));
  it('RGB32F -> (1, 0, 0) within 0.01', () => {
    const { errno, pixel } = run('load_jpg', upstreamRedJpg, 2);
    expect(errno).toBe(0);
    expectClose(pixel, [1, 0, 0], 0.01);
    expect(pixel[0]).toBeCloseTo(254 / 255, 6); // default rule v/255
  });
  it('BGR32F -> (0, 0, 1) within 0.01', () => {
    const { errno, pixel } = run('load_jpg', upstreamRedJpg, 3);
    expect(errno).toBe(0);
    expectClose(pixel, [0, 0, 1], 0.01);
  });
});

describe('WasmEdgeImageTest.LoadPNG', () => {
  it('RGB8 -> (255, 0, 0)', () => expect(run('load_png', upstreamRedPng, 0)).toEqual({ errno: 0, pixel: [255, 0, 0] }));
  it('BGR8 -> (0, 0, 255)', () => expect(run('load_png', upstreamRedPng, 1)).toEqual({ errno: 0, pixel: [0, 0, 255] }));
  it('RGB32F -> (1, 0, 0) within 1e-5', () => {
    const { errno, pixel } = run('load_png', upstreamRedPng, 2);
    expect(errno).toBe(0);
    expectClose(pixel, [1, 0, 0], 1e-5);
  });
  it('BGR32F -> (0, 0, 1) within 1e-5', () => {
    const { errno, pixel } = run('load_png', upstreamRedPng, 3);
    expect(errno).toBe(0);
    expectClose(pixel, [0, 0, 1], 1e-5);
  });
});

describe('WasmEdgeImageTest.LoadImage', () => {
  it('JPEG -> BGR8 (0, 0, 254)', () => expect(run('load_image', upstreamRedJpg, 1)).toEqual({ errno: 0, pixel: [0, 0, 254] }));
  it('PNG -> RGB32F (1, 0, 0)', () => {
    const { errno, pixel } = run('load_image', upstreamRedPng, 2);
    expect(errno).toBe(0);
    expectClose(pixel, [1, 0, 0], 1e-5);
  });
  it('all formats in all functions: load_jpg takes the PNG, load_png the JPEG', () => {
    expect(run('load_jpg', upstreamRedPng, 0)).toEqual({ errno: 0, pixel: [255, 0, 0] });
    expect(run('load_png', upstreamRedJpg, 0)).toEqual({ errno: 0, pixel: [254, 0, 0] });
  });
});

describe('WasmEdgeImageTest.InvalidParams (load_image, PNG, 50x60 RGB8)', () => {
  const size = width * height * 3;
  function call(w: number, h: number, type: number, outLength: number, inLength = upstreamRedPng.length): number {
    const bytes = new Uint8Array(memory.buffer);
    bytes.fill(0, 0, 32768);
    bytes.set(upstreamRedPng, 0);
    return functions.load_image(0, inLength, w, h, type, outOffset, outLength) as number;
  }
  it('width 0 -> 1', () => expect(call(0, height, 0, size)).toBe(1));
  it('height 0 -> 1', () => expect(call(width, 0, 0, size)).toBe(1));
  it('width 800000000 -> 1', () => expect(call(800000000, height, 0, size)).toBe(1));
  it('height 2147483648 -> 1', () => expect(call(width, 2147483648 | 0, 0, size)).toBe(1));
  it('out_len one byte short -> 1', () => expect(call(width, height, 0, size - 1)).toBe(1));
  it('out_type 4 -> 1', () => expect(call(width, height, 4, size)).toBe(1));
  it('in_len 0 -> 1', () => expect(call(width, height, 0, size, 0)).toBe(1));
  it('the same call with valid parameters -> 0', () => expect(call(width, height, 0, size)).toBe(0));
});

describe('the same fixtures through a guest (ws run)', () => {
  it('load_jpg RGB8 50x60: pixel (45,55) = (254,0,0), every pixel equal', () => {
    guestPath('load_file');
    const dir = folderWith({ 'red.jpg': upstreamRedJpg, 'red.png': upstreamRedPng });
    const jpeg = loadThroughGuest(dir, 'red.jpg', { fn: 'load_jpg', width, height, type: 0, pixels: [[45, 55]] });
    expect(jpeg).toMatchObject({ errno: 0, guards: 'intact', mean: [254, 0, 0], pixels: { '45,55': [254, 0, 0] } });
    const png = loadThroughGuest(dir, 'red.png', { fn: 'load_png', width, height, type: 3, pixels: [[45, 55]] });
    expect(png).toMatchObject({ errno: 0, guards: 'intact', mean: [0, 0, 1], pixels: { '45,55': [0, 0, 1] } });
  });
});
