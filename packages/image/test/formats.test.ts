// Decoding rules (spec §5.2, stb semantics): every format through every
// function, three channels out, grey replicated, alpha dropped (not
// composited), palette expanded, 16-bit reduced to the high byte. Outputs at
// the image's own size are copies, so they are compared sample for sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeImageSessions, loadImage } from '../src/load-image.js';
import { fnv1a, folderWith, loadThroughGuest } from './helpers.js';
import { bmp, encode, expectedRgb, handmadePng, pattern, ppm, sharpRgb, toBytes } from './images.js';

const width = 37;
const height = 23;

afterAll(() => disposeImageSessions());

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('PNG colour types, decoded at their own size (exact)', () => {
  it('RGB 8-bit', async () => {
    const samples = pattern(width, height, 3);
    const png = await encode(samples, width, height, 3).png().toBuffer();
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 3));
  });

  it('RGBA: alpha dropped without compositing (alpha 0 pixels keep their colour)', async () => {
    const samples = pattern(width, height, 4);
    for (let p = 0; p < width * height; p += 3) samples[p * 4 + 3] = 0;
    const png = await encode(samples, width, height, 4).png().toBuffer();
    expect(png[25]).toBe(6); // colour type RGBA
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 4));
  });

  it('grey: replicated into R, G and B', () => {
    const samples = pattern(width, height, 1);
    const rows = Array.from({ length: height }, (_, y) => Uint8Array.from(samples.subarray(y * width, (y + 1) * width)));
    const png = handmadePng({ width, height, bitDepth: 8, colorType: 0, rows });
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 1));
  });

  it('grey + alpha: replicated, alpha dropped', () => {
    const samples = pattern(width, height, 2);
    const rows = Array.from({ length: height }, (_, y) => Uint8Array.from(samples.subarray(y * width * 2, (y + 1) * width * 2)));
    const png = handmadePng({ width, height, bitDepth: 8, colorType: 4, rows });
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 2));
  });

  /** Big-endian 16-bit PNG rows of `channels` samples per pixel. */
  function rows16(samples: Uint16Array, channels: number): Buffer[] {
    return Array.from({ length: height }, (_, y) => {
      const row = Buffer.alloc(width * channels * 2);
      for (let i = 0; i < width * channels; i++) row.writeUInt16BE(samples[y * width * channels + i]!, i * 2);
      return row;
    });
  }

  it('16-bit RGB: the high byte of each sample (v >> 8, as stb)', () => {
    const samples = pattern(width, height, 3, 65535);
    const png = handmadePng({ width, height, bitDepth: 16, colorType: 2, rows: rows16(samples, 3) });
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 3, 8));
  });

  it('16-bit grey + alpha', () => {
    const samples = pattern(width, height, 2, 65535);
    const png = handmadePng({ width, height, bitDepth: 16, colorType: 4, rows: rows16(samples, 2) });
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 2, 8));
  });

  it('palette with tRNS: expanded, transparency ignored', () => {
    const palette = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const rows = Array.from({ length: height }, (_, y) => Uint8Array.from({ length: width }, (_, x) => (x + y) % 4));
    const png = handmadePng({ width, height, bitDepth: 8, colorType: 3, rows, palette, transparency: Uint8Array.from([0, 128]) });
    const expected = new Uint8Array(width * height * 3);
    rows.forEach((row, y) => row.forEach((index, x) => expected.set(palette.subarray(index * 3, index * 3 + 3), (y * width + x) * 3)));
    expect(loadImage(png, { width, height })).toEqual(expected);
  });

  it('1-bit grey: 0 and 1 become 0 and 255', () => {
    const rows = Array.from({ length: 2 }, (_, y) => Uint8Array.from([y === 0 ? 0b10100000 : 0b01000000]));
    const png = handmadePng({ width: 3, height: 2, bitDepth: 1, colorType: 0, rows });
    expect([...loadImage(png, { width: 3, height: 2 })]).toEqual([255, 255, 255, 0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255, 0, 0, 0]);
  });

  it('Adam7 interlaced (sharp progressive PNG)', async () => {
    const samples = pattern(width, height, 3);
    const png = await encode(samples, width, height, 3).png({ progressive: true }).toBuffer();
    expect(png[28]).toBe(1); // interlace method
    expect(loadImage(png, { width, height })).toEqual(expectedRgb(samples, 3));
  });

  it('palette from sharp (quantised): equal to sharp decoding the same file', async () => {
    const png = await encode(pattern(width, height, 3), width, height, 3).png({ palette: true, colours: 16, dither: 0 }).toBuffer();
    expect(png[25]).toBe(3);
    expect(loadImage(png, { width, height })).toEqual(await sharpRgb(png));
  });
});

describe('JPEG variants, decoded at their own size', () => {
  // libjpeg-turbo here and sharp's mozjpeg decoder share the IDCT and the
  // upsampling: outputs are equal or off by one in a few samples.
  it('baseline 4:2:0 RGB: within 1 of sharp', async () => {
    const jpeg = await encode(pattern(width, height, 3), width, height, 3).jpeg({ quality: 90 }).toBuffer();
    const ours = loadImage(jpeg, { width, height });
    const theirs = await sharpRgb(jpeg);
    expect(maxDifference(ours, theirs)).toBeLessThanOrEqual(1);
  });

  it('progressive: within 1 of sharp', async () => {
    const jpeg = await encode(pattern(width, height, 3), width, height, 3).jpeg({ quality: 90, progressive: true }).toBuffer();
    expect(maxDifference(loadImage(jpeg, { width, height }), await sharpRgb(jpeg))).toBeLessThanOrEqual(1);
  });

  it('greyscale JPEG: one component replicated', async () => {
    const jpeg = await encode(pattern(width, height, 1), width, height, 1).toColourspace('b-w').jpeg({ quality: 95 }).toBuffer();
    const ours = loadImage(jpeg, { width, height });
    for (let p = 0; p < width * height; p++) {
      expect(ours[p * 3]).toBe(ours[p * 3 + 1]);
      expect(ours[p * 3]).toBe(ours[p * 3 + 2]);
    }
    expect(maxDifference(ours, await sharpRgb(jpeg))).toBeLessThanOrEqual(1);
  });

  it('CMYK JPEG: converted to RGB (inverted Adobe CMYK times K)', async () => {
    const red = Buffer.alloc(16 * 16 * 3);
    for (let i = 0; i < red.length; i += 3) red[i] = 230;
    const jpeg = await sharp16(red).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(jpeg[sof + 9]).toBe(4); // four components
    const ours = loadImage(jpeg, { width: 16, height: 16 });
    expect(ours[0]).toBeGreaterThan(180);
    expect(ours[1]).toBeLessThan(80);
    expect(ours[2]).toBeLessThan(80);
  });
});

async function sharpModule() {
  return (await import('sharp')).default;
}
function sharp16(rgb: Buffer) {
  return encode(Uint16Array.from(rgb), 16, 16, 3);
}

describe('other formats (stb_image): BMP, PPM, GIF', () => {
  const samples = pattern(width, height, 3);
  const rgb = expectedRgb(samples, 3);
  it('24-bit BMP', () => expect(loadImage(bmp(rgb, width, height), { width, height })).toEqual(rgb));
  it('binary PPM (P6)', () => expect(loadImage(ppm(rgb, width, height), { width, height })).toEqual(rgb));
  for (const [kind, channels, maxval] of [['PGM (P5)', 1, 65535], ['PPM (P6)', 3, 1000]] as const) {
    it(`16-bit ${kind}, maxval ${maxval}: the most significant byte of each sample, grey replicated`, () => {
      // stb_image 2.27 alone over-reads its heap on 16-bit grey and keeps the bytes swapped.
      const samples = pattern(width, height, channels, maxval);
      const body = Buffer.alloc(samples.length * 2);
      samples.forEach((v, i) => body.writeUInt16BE(v, i * 2));
      const file = Buffer.concat([Buffer.from(`P${channels === 1 ? 5 : 6}\n${width} ${height}\n${maxval}\n`, 'latin1'), body]);
      expect(loadImage(file, { width, height })).toEqual(expectedRgb(samples, channels, 8));
    });
  }
  it('GIF (first frame): equal to sharp decoding the same file', async () => {
    const sharp = await sharpModule();
    const gif = await sharp(toBytes(samples), { raw: { width, height, channels: 3 } }).gif({ colours: 16, dither: 0 }).toBuffer();
    expect(loadImage(gif, { width, height })).toEqual(await sharpRgb(gif));
  });
});

describe('every function takes every format (through a guest)', () => {
  let dir: string;
  let files: Record<string, Buffer>;
  beforeAll(async () => {
    const samples = pattern(width, height, 3);
    files = {
      'p.png': await encode(samples, width, height, 3).png().toBuffer(),
      'p.jpg': await encode(samples, width, height, 3).jpeg({ quality: 90 }).toBuffer(),
      'p.bmp': bmp(expectedRgb(samples, 3), width, height),
    };
    dir = folderWith(files);
  });
  for (const fn of ['load_jpg', 'load_png', 'load_image']) {
    it(`${fn}: PNG, JPEG and BMP give the same bytes as loadImage`, () => {
      for (const file of ['p.png', 'p.jpg', 'p.bmp']) {
        const result = loadThroughGuest(dir, file, { fn, width: 19, height: 11, type: 0 });
        expect(result.errno).toBe(0);
        expect(result.guards).toBe('intact');
        expect(result.fnv1a).toBe(fnv1a(loadImage(files[file]!, { width: 19, height: 11 })));
      }
    });
  }
});
