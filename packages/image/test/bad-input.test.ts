// Truncated, corrupt and oversized inputs: errno 1, no crash, nothing written
// (the guest's output buffer is surrounded by guard bytes and pre-filled).
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeImageSessions, ImageLoadError, loadImage } from '../src/load-image.js';
import { folderWith, loadThroughGuest } from './helpers.js';
import { deflateSync } from 'node:zlib';
import { bmp, bombJpeg, bombPng, encode, expectedRgb, handmadePng, pattern, pngChunk, pngSignature, ppm } from './images.js';

afterAll(() => disposeImageSessions());

let jpeg: Buffer;
let progressive: Buffer;
let png: Buffer;
beforeAll(async () => {
  const samples = pattern(64, 48, 3);
  jpeg = await encode(samples, 64, 48, 3).jpeg({ quality: 85 }).toBuffer();
  progressive = await encode(samples, 64, 48, 3).jpeg({ quality: 85, progressive: true }).toBuffer();
  png = await encode(samples, 64, 48, 3).png().toBuffer();
});

function refused(bytes: Uint8Array, options: { width?: number; height?: number; flags?: string[] } = {}): void {
  const dir = folderWith({ 'bad.bin': bytes });
  const result = loadThroughGuest(dir, 'bad.bin', { width: options.width ?? 16, height: options.height ?? 12, type: 0 }, options.flags);
  expect(result).toMatchObject({ errno: 1, guards: 'intact', output: 'untouched' });
}

function startOfScan(file: Buffer): number {
  const sos = file.indexOf(Buffer.from([0xff, 0xda]));
  return sos + 2 + file.readUInt16BE(sos + 2);
}

describe('truncated files', () => {
  it('JPEG cut inside the entropy-coded data -> errno 1 (no grey-filled half picture)', () => {
    const scan = startOfScan(jpeg);
    for (const cut of [scan + 1, Math.floor((scan + jpeg.length) / 2), jpeg.length - 10]) {
      expect(() => loadImage(jpeg.subarray(0, cut), { width: 16, height: 12 })).toThrow(ImageLoadError);
    }
    refused(jpeg.subarray(0, Math.floor((scan + jpeg.length) / 2)));
  });

  it('JPEG cut inside the headers -> errno 1', () => {
    for (const cut of [2, 3, 20, startOfScan(jpeg) - 3]) refused(jpeg.subarray(0, cut));
  });

  it('progressive JPEG cut after some scans -> errno 1', () => {
    refused(progressive.subarray(0, Math.floor(progressive.length * 0.6)));
  });

  it('a JPEG missing only its final EOI marker still decodes (all pixels present)', () => {
    const withoutEoi = jpeg.subarray(0, jpeg.length - 2);
    expect(loadImage(withoutEoi, { width: 64, height: 48 })).toEqual(loadImage(jpeg, { width: 64, height: 48 }));
  });

  it('PNG cut anywhere -> errno 1', () => {
    for (const cut of [8, 20, 33, Math.floor(png.length / 2), png.length - 13]) refused(png.subarray(0, cut));
  });

  it('a PNG missing only its IEND chunk still decodes', () => {
    expect(loadImage(png.subarray(0, png.length - 12), { width: 64, height: 48 })).toEqual(loadImage(png, { width: 64, height: 48 }));
  });

  it('PPM, 16-bit PGM, TGA and BMP cut inside their pixels -> errno 1 (stb_image alone hands over uninitialised host memory for PNM and TGA)', () => {
    const rgb = expectedRgb(pattern(64, 48, 3), 3);
    const tga = Buffer.concat([Buffer.from([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 0, 48, 0, 24, 0]), Buffer.from(rgb)]);
    const pgm16 = Buffer.concat([Buffer.from('P5\n64 48\n65535\n', 'latin1'), Buffer.alloc(64 * 48 * 2, 0x80)]);
    const files = { ppm: ppm(rgb, 64, 48), pgm16, tga, bmp: bmp(rgb, 64, 48) };
    for (const [name, file] of Object.entries(files)) {
      expect(loadImage(file, { width: 64, height: 48 }).length, `${name} complete`).toBe(64 * 48 * 3);
      for (const cut of [file.length - 1, Math.floor(file.length / 2)]) {
        expect(() => loadImage(file.subarray(0, cut), { width: 64, height: 48 }), `${name} cut at ${cut}`).toThrow(ImageLoadError);
      }
    }
    refused(files.tga.subarray(0, files.tga.length - 100));
  });

  it('a PGM that ends inside its maxval (16-bit only when the last digit is read) -> errno 1, no heap over-read', () => {
    // stb's probe stops one digit early at the end of the buffer ("65": 8-bit)
    // while its load reads "655" (16-bit): the 8-bit path then reads twice the
    // picture's size from its heap. A 6000x6000 declaration makes that a crash.
    refused(Buffer.from('P5\n6000 6000\n655', 'latin1'));
    refused(Buffer.from('P5\n13 9\n655', 'latin1'));
  });
});

describe('corrupt files', () => {
  it('JPEG whose scan data hits a marker early -> errno 1', () => {
    const broken = Buffer.from(jpeg);
    const scan = startOfScan(broken);
    broken[scan + 10] = 0xff;
    broken[scan + 11] = 0xd9; // EOI in the middle of the data
    refused(broken);
  });

  it('JPEG with a corrupt header (bad component count, bad Huffman table) -> errno 1', () => {
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    const badComponents = Buffer.from(jpeg);
    badComponents[sof + 9] = 0;
    refused(badComponents);
    const dht = jpeg.indexOf(Buffer.from([0xff, 0xc4]));
    const badTable = Buffer.from(jpeg);
    badTable.fill(0xff, dht + 5, dht + 21); // code counts that overflow
    refused(badTable);
  });

  it('random bytes after a JPEG signature -> errno 1', () => {
    const noise = Buffer.alloc(4096);
    let seed = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    refused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), noise]));
    refused(Buffer.concat([pngSignature, noise]));
  });

  it('PNG with a damaged IDAT (CRC mismatch) -> errno 1', () => {
    const broken = Buffer.from(png);
    const idat = broken.indexOf(Buffer.from('IDAT', 'latin1'));
    broken[idat + 10] ^= 0xff;
    refused(broken);
  });

  it('PNG whose zlib stream is garbage (valid CRC) -> errno 1', () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(8, 0);
    ihdr.writeUInt32BE(8, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const file = Buffer.concat([pngSignature, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.from('not a zlib stream at all')), pngChunk('IEND', new Uint8Array())]);
    refused(file);
  });

  it('PNG with invalid IHDR (bit depth 7, colour type 5) -> errno 1', () => {
    refused(handmadePng({ width: 4, height: 4, bitDepth: 7, colorType: 2, rows: [] }));
    refused(handmadePng({ width: 4, height: 4, bitDepth: 8, colorType: 5, rows: [] }));
  });

  it('PNG with zero width -> errno 1', () => {
    refused(handmadePng({ width: 0, height: 4, bitDepth: 8, colorType: 2, rows: [] }));
  });

  it('after all of that, a good file still decodes in the same module', () => {
    expect(loadImage(png, { width: 64, height: 48 }).length).toBe(64 * 48 * 3);
  });
});

describe('decompression bombs: refused from the header, before allocating', () => {
  function rssGrowthMb(action: () => void): number {
    const before = process.memoryUsage().rss;
    action();
    return (process.memoryUsage().rss - before) / 1048576;
  }

  it('PNG declaring 100000 x 100000 (10 gigapixels) -> errno 1 at once, no big allocation', () => {
    const bomb = bombPng(100000, 100000);
    expect(bomb.length).toBeLessThan(100);
    const started = performance.now();
    const growth = rssGrowthMb(() => expect(() => loadImage(bomb, { width: 224, height: 224 })).toThrow(ImageLoadError));
    expect(performance.now() - started).toBeLessThan(2000); // decoding 10 GP would take minutes
    expect(growth).toBeLessThan(64);
    refused(bomb);
  });

  it('JPEG declaring 65000 x 65000 (4.2 gigapixels) -> errno 1 at once, no big allocation', async () => {
    const bomb = await bombJpeg(65000, 65000);
    const growth = rssGrowthMb(() => expect(() => loadImage(bomb, { width: 224, height: 224 })).toThrow(ImageLoadError));
    expect(growth).toBeLessThan(64);
    refused(bomb);
  });

  it('PNG declaring 10001 x 10000 (just above 100 megapixels) -> errno 1; 100 x 100 declared but empty -> errno 1', () => {
    refused(bombPng(10001, 10000));
    refused(bombPng(100, 100)); // within the limit, but the data ends: a decode error, not a crash
  });

  it('the limit is the image-max-pixels option: 2500 pixels refused at 2499, accepted at 2500', async () => {
    const small = await encode(pattern(50, 50, 3), 50, 50, 3).png().toBuffer();
    expect(() => loadImage(small, { width: 8, height: 8, maxPixels: 2499 })).toThrow(ImageLoadError);
    expect(loadImage(small, { width: 8, height: 8, maxPixels: 2500 }).length).toBe(8 * 8 * 3);
    refused(small, { flags: ['--image-max-pixels', '2499'] });
    const dir = folderWith({ 'ok.png': small });
    expect(loadThroughGuest(dir, 'ok.png', { width: 8, height: 8 }, ['--image-max-pixels', '2500']).errno).toBe(0);
    // JPEG and the stb formats obey it too.
    const smallJpeg = await sharp(small).jpeg().toBuffer();
    expect(() => loadImage(smallJpeg, { width: 8, height: 8, maxPixels: 2499 })).toThrow(ImageLoadError);
    const gif = await sharp(small).gif().toBuffer();
    expect(() => loadImage(gif, { width: 8, height: 8, maxPixels: 2499 })).toThrow(ImageLoadError);
    expect(loadImage(gif, { width: 8, height: 8, maxPixels: 2500 }).length).toBe(8 * 8 * 3);
  });
});

describe('metadata is skipped, not inflated', () => {
  it('a PNG with a zTXt chunk that inflates to 64 MB decodes quickly and without a big allocation', () => {
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
    const zTXt = pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), bomb]));
    const iend = png.length - 12;
    const file = Buffer.concat([png.subarray(0, 33), zTXt, png.subarray(33, iend), png.subarray(iend)]);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(loadImage(file, { width: 64, height: 48 })).toEqual(loadImage(png, { width: 64, height: 48 }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect((process.memoryUsage().rss - before) / 1048576).toBeLessThan(32);
  });
});

describe('mutated files (deterministic fuzzing): errno 0 or 1, never a crash', () => {
  let seeds: Record<string, Buffer>;
  beforeAll(async () => {
    const samples = pattern(40, 30, 3);
    const rgb = expectedRgb(samples, 3);
    seeds = {
      jpeg,
      progressive,
      png,
      palette: await encode(samples, 40, 30, 3).png({ palette: true }).toBuffer(),
      interlaced: await encode(samples, 40, 30, 3).png({ progressive: true }).toBuffer(),
      gif: await encode(samples, 40, 30, 3).gif().toBuffer(),
      bmp: bmp(rgb, 40, 30),
      ppm: ppm(rgb, 40, 30),
    };
  });
  let state = 0x9e3779b9;
  const random = (limit: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % limit;
  };
  for (const name of ['jpeg', 'progressive', 'png', 'palette', 'interlaced', 'gif', 'bmp', 'ppm']) {
    it(`${name}: 150 mutations (byte flips, truncations, 0xFF runs)`, () => {
      const seed = seeds[name]!;
      const outcomes = { ok: 0, refused: 0 };
      for (let i = 0; i < 150; i++) {
        const length = random(4) === 0 ? 1 + random(seed.length) : seed.length;
        const mutated = Buffer.from(seed.subarray(0, length));
        for (let k = 1 + random(8); k > 0; k--) mutated[random(length)] = random(3) === 0 ? 0xff : random(256);
        const format = (['rgb8', 'bgr8', 'rgb32f', 'bgr32f'] as const)[random(4)]!;
        try {
          loadImage(mutated, { width: 1 + random(64), height: 1 + random(64), format });
          outcomes.ok++;
        } catch (error) {
          expect(error).toBeInstanceOf(ImageLoadError);
          outcomes.refused++;
        }
      }
      expect(outcomes.ok + outcomes.refused).toBe(150);
    });
  }
});

describe('loadImage argument errors', () => {
  it('width/height out of range and unknown formats are RangeErrors, before any native call', () => {
    expect(() => loadImage(png, { width: 0, height: 4 })).toThrow(RangeError);
    expect(() => loadImage(png, { width: 4, height: 1.5 })).toThrow(RangeError);
    expect(() => loadImage(png, { width: 0x7fffffff, height: 1, format: 'rgb32f' })).toThrow(RangeError);
    expect(() => loadImage(png, { width: 4, height: 4, format: 'rgba8' as 'rgb8' })).toThrow(RangeError);
    expect(() => loadImage(png, { width: 70000, height: 70000 })).toThrow(/do not fit in a 4 GiB guest memory/);
  });

  it('the error message names the input and the fix', () => {
    expect(() => loadImage(Buffer.from('hello'), { width: 4, height: 4 })).toThrow(
      /could not turn the input \(5 bytes, starting 68 65 6c 6c\) into 4x4 rgb8 \(errno 1\)\. Pass a complete JPEG, PNG/,
    );
  });
});
