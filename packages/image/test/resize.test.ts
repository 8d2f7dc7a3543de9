// Resizing: the documented filters (checked against an independent
// implementation), antialiased downscaling, and exact outputs pinned by
// checksum through a guest.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeImageSessions, loadImage } from '../src/load-image.js';
import { folderWith, loadThroughGuest } from './helpers.js';
import { encode, expectedRgb, handmadePng, pattern } from './images.js';
import { referenceResize, toU8 } from './resize-reference.js';

afterAll(() => disposeImageSessions());

const inWidth = 37;
const inHeight = 23;
const samples = pattern(inWidth, inHeight, 3);
const rgb = expectedRgb(samples, 3);
let png: Buffer;
beforeAll(async () => {
  png = await encode(samples, inWidth, inHeight, 3).png().toBuffer();
});

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('filters match the documented rule (independent reference)', () => {
  const sizes: [string, number, number][] = [
    ['downscale both axes (Mitchell)', 19, 11],
    ['upscale both axes (Catmull-Rom)', 80, 50],
    ['upscale x, downscale y', 50, 10],
    ['same width (copy), downscale y', 37, 7],
    ['to 1x1', 1, 1],
  ];
  for (const [what, width, height] of sizes) {
    it(`${what}: ${inWidth}x${inHeight} -> ${width}x${height}, u8 within 1, f32 within 1e-5`, () => {
      const u8 = loadImage(png, { width, height });
      expect(maxDifference(u8, toU8(referenceResize(rgb, inWidth, inHeight, width, height)))).toBeLessThanOrEqual(1);
      const f32 = loadImage(png, { width, height, format: 'rgb32f' });
      expect(maxDifference(f32, referenceResize(rgb, inWidth, inHeight, width, height, (v) => v / 255))).toBeLessThan(1e-5);
      const gamma = loadImage(png, { width, height, format: 'rgb32f', f32Gamma: true });
      expect(maxDifference(gamma, referenceResize(rgb, inWidth, inHeight, width, height, (v) => (v / 255) ** 2.2))).toBeLessThan(1e-5);
    });
  }

  it('BGR outputs are the RGB outputs with channels 0 and 2 swapped', () => {
    const rgbOut = loadImage(png, { width: 19, height: 11 });
    const bgrOut = loadImage(png, { width: 19, height: 11, format: 'bgr8' });
    for (let p = 0; p < 19 * 11; p++) expect([bgrOut[p * 3 + 2], bgrOut[p * 3 + 1], bgrOut[p * 3]]).toEqual([rgbOut[p * 3], rgbOut[p * 3 + 1], rgbOut[p * 3 + 2]]);
  });
});

describe('downscaling is antialiased', () => {
  it('a 1-pixel checkerboard 240x240 -> 60x60 becomes flat grey (no aliasing)', async () => {
    const board = new Uint8Array(240 * 240);
    for (let y = 0; y < 240; y++) for (let x = 0; x < 240; x++) board[y * 240 + x] = (x + y) % 2 ? 255 : 0;
    const file = await sharp(board, { raw: { width: 240, height: 240, channels: 1 } }).png().toBuffer();
    const out = loadImage(file, { width: 60, height: 60 });
    // Without antialiasing (bilinear sampling, WasmEdge <= 0.14) every sample would be 0 or 255.
    for (const v of out) {
      expect(v).toBeGreaterThanOrEqual(118);
      expect(v).toBeLessThanOrEqual(137);
    }
    // Away from the edges (where clamping repeats the edge pixel) it is 127.5 within 1.
    for (let y = 2; y < 58; y++) for (let x = 2; x < 58; x++) expect(Math.abs(out[(y * 60 + x) * 3]! - 127.5)).toBeLessThanOrEqual(1);
  });

  it('a 1-pixel stripe pattern 1000x8 -> 7x8 keeps the mean (every column contributes)', async () => {
    const stripes = new Uint8Array(1000 * 8 * 3);
    for (let p = 0; p < 1000 * 8; p++) stripes.fill(p % 1000 % 3 === 0 ? 255 : 0, p * 3, p * 3 + 3);
    const file = await sharp(stripes, { raw: { width: 1000, height: 8, channels: 3 } }).png().toBuffer();
    const out = loadImage(file, { width: 7, height: 8 });
    // Interior columns: the stripes' mean 85. The edge columns lean towards the
    // (white) edge pixel, which clamping repeats beyond the border as in stb.
    for (let y = 0; y < 8; y++) for (let x = 1; x < 6; x++) expect(Math.abs(out[(y * 7 + x) * 3]! - 85)).toBeLessThanOrEqual(1);
    expect(out[0]).toBe(106);
  });
});

describe('extreme downscales of pictures at the pixel limit', () => {
  it('a 10000x10000 PNG (100 megapixels, the default limit) -> 2x2: top white, bottom black, symmetric', () => {
    // Filtering vertically first would keep every source row (10000 rows of
    // 30000 floats, 1.2 GB) and be refused; the resizer must pick the order
    // whose working rows fit.
    const side = 10000;
    const white = new Uint8Array(side / 8).fill(0xff);
    const black = new Uint8Array(side / 8);
    const rows = Array.from({ length: side }, (_, y) => (y < side / 2 ? white : black));
    const file = handmadePng({ width: side, height: side, bitDepth: 1, colorType: 0, rows });
    const out = loadImage(file, { width: 2, height: 2 });
    const top = out[0]!;
    expect(top).toBeGreaterThan(200);
    expect(Array.from(out.subarray(0, 6))).toEqual(new Array(6).fill(top));
    expect(Array.from(out.subarray(6))).toEqual(new Array(6).fill(255 - top));
  });
});

describe('JPEG downscales use DCT scaling and stay close to sharp', () => {
  it('1200x900 JPEG -> 224x224: mean difference to sharp (lanczos3, shrink-on-load) below 2 levels', async () => {
    const jpeg = await sharp(smoothPicture(1200, 900), { raw: { width: 1200, height: 900, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    const ours = loadImage(jpeg, { width: 224, height: 224 });
    const theirs = await sharp(jpeg).resize(224, 224, { fit: 'fill' }).raw().toBuffer();
    let total = 0;
    for (let i = 0; i < ours.length; i++) total += Math.abs(ours[i]! - theirs[i]!);
    expect(total / ours.length).toBeLessThan(2);
  });
});

describe('exact outputs through a guest (checksums)', () => {
  it('37x23 PNG pattern -> 19x11 RGB8 and 80x50 BGR32F', () => {
    const dir = folderWith({ 'p.png': png });
    const down = loadThroughGuest(dir, 'p.png', { width: 19, height: 11, type: 0, pixels: [[0, 0], [18, 10]] });
    expect(down.errno).toBe(0);
    expect(down.guards).toBe('intact');
    const expectedDown = loadImage(png, { width: 19, height: 11 });
    expect(down.pixels['0,0']).toEqual([...expectedDown.subarray(0, 3)]);
    expect(down.fnv1a).toBe(GOLDEN.down);
    const up = loadThroughGuest(dir, 'p.png', { width: 80, height: 50, type: 3 });
    expect(up.fnv1a).toBe(GOLDEN.up);
  });
});

const GOLDEN = { down: 'eaf7208b', up: 'f9d076cd' };

/** Low-frequency colour waves: what resizers agree on (unlike sharp edges). */
function smoothPicture(width: number, height: number): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      rgb[p] = 128 + 100 * Math.sin(x / 37) * Math.cos(y / 23);
      rgb[p + 1] = 128 + 90 * Math.sin((x + y) / 51);
      rgb[p + 2] = 128 + 80 * Math.cos(x / 29 - y / 41);
    }
  return rgb;
}
