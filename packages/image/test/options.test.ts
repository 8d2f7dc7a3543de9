// Plug-in options: --image-f32-gamma switches f32 outputs from v/255 to
// (v/255)^2.2 (WasmEdge >= 0.15); typed options map onto option names.
import { afterAll, describe, expect, it } from 'vitest';
import { disposeImageSessions, loadImage } from '../src/load-image.js';
import { toPluginOptions } from '../src/options.js';
import { folderWith, loadThroughGuest, upstreamRedJpg, upstreamRedPng } from './helpers.js';

afterAll(() => disposeImageSessions());

describe('f32 rule', () => {
  const dir = folderWith({ 'red.jpg': upstreamRedJpg, 'red.png': upstreamRedPng });

  it('default: JPEG red 254 -> 254/255 = 0.996078 (WasmEdge <= 0.14, what ML guests expect)', () => {
    const result = loadThroughGuest(dir, 'red.jpg', { fn: 'load_jpg', width: 50, height: 60, type: 2, pixels: [[45, 55]] });
    expect(result.pixels['45,55']).toEqual([0.996078, 0, 0]);
  });

  it('--image-f32-gamma: (254/255)^2.2 = 0.991393, the value WasmEdge HEAD records', () => {
    const result = loadThroughGuest(dir, 'red.jpg', { fn: 'load_jpg', width: 50, height: 60, type: 2, pixels: [[45, 55]] }, ['--image-f32-gamma']);
    expect(result.pixels['45,55']).toEqual([0.991393, 0, 0]);
    const bgr = loadThroughGuest(dir, 'red.jpg', { fn: 'load_image', width: 50, height: 60, type: 3, pixels: [[45, 55]] }, ['--image-f32-gamma']);
    expect(bgr.pixels['45,55']).toEqual([0, 0, 0.991393]);
  });

  it('gamma leaves 0 and 255 unchanged and u8 outputs alone', () => {
    const f32 = loadThroughGuest(dir, 'red.png', { width: 50, height: 60, type: 2, pixels: [[0, 0]] }, ['--image-f32-gamma']);
    expect(f32.pixels['0,0']).toEqual([1, 0, 0]);
    const u8 = loadThroughGuest(dir, 'red.jpg', { width: 50, height: 60, type: 0 }, ['--image-f32-gamma']);
    expect(u8.fnv1a).toBe(loadThroughGuest(dir, 'red.jpg', { width: 50, height: 60, type: 0 }).fnv1a);
  });

  it('legacy functions always use v/255, even with --image-f32-gamma', () => {
    const result = loadThroughGuest(dir, 'red.jpg', { fn: 'wasmedge_image_load_jpg_to_rgb32f', width: 50, height: 60, type: 2, pixels: [[45, 55]] }, ['--image-f32-gamma']);
    expect(result.pixels['45,55']).toEqual([0.996078, 0, 0]);
  });

  it('loadImage: f32Gamma per call, each option set its own module', () => {
    const plain = loadImage(upstreamRedJpg, { width: 2, height: 2, format: 'rgb32f' });
    const gamma = loadImage(upstreamRedJpg, { width: 2, height: 2, format: 'rgb32f', f32Gamma: true });
    expect(plain[0]).toBeCloseTo(254 / 255, 6);
    expect(gamma[0]).toBeCloseTo((254 / 255) ** 2.2, 6);
    expect(loadImage(upstreamRedJpg, { width: 2, height: 2, format: 'rgb32f' })[0]).toBeCloseTo(254 / 255, 6);
  });
});

describe('toPluginOptions', () => {
  it('maps typed options to option names', () => {
    expect(toPluginOptions({})).toEqual({});
    expect(toPluginOptions({ f32Gamma: true, maxPixels: 1000 })).toEqual({ 'image-f32-gamma': true, 'image-max-pixels': '1000' });
    expect(toPluginOptions({ f32Gamma: false })).toEqual({});
  });
  it('rejects a maxPixels that is not a positive integer', () => {
    expect(() => toPluginOptions({ maxPixels: 0 })).toThrow(RangeError);
    expect(() => toPluginOptions({ maxPixels: 1.5 })).toThrow(/positive integer/);
  });
});
