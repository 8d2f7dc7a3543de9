// Test images, generated: raw pixel patterns, encoded with sharp (libvips) or
// written byte by byte for the formats sharp does not write.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** width*height*channels samples; every channel is a different function of x and y. */
export function pattern(width: number, height: number, channels: number, maxValue = 255): Uint16Array {
  const samples = new Uint16Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        const value = [x * 7 + y * 3, y * 11 + 5, (x * y) % 256 + x, 17 + x * 5 + y * 5][c % 4]!;
        samples[(y * width + x) * channels + c] = Math.round(((value % 256) / 255) * maxValue);
      }
    }
  }
  return samples;
}

export function toBytes(samples: Uint16Array): Buffer {
  return Buffer.from(Uint8Array.from(samples));
}

/** Encodes 8-bit raw samples with sharp. */
export function encode(samples: Uint16Array, width: number, height: number, channels: 1 | 2 | 3 | 4) {
  return sharp(toBytes(samples), { raw: { width, height, channels } });
}

/** 8-bit RGB expectation from raw samples: grey replicated, alpha dropped. */
export function expectedRgb(samples: Uint16Array, channels: number, shift = 0): Uint8Array {
  const pixels = samples.length / channels;
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < 3; c++) {
      const source = channels >= 3 ? samples[p * channels + c]! : samples[p * channels]!;
      rgb[p * 3 + c] = source >> shift;
    }
  }
  return rgb;
}

/** sharp's own decode of an encoded file, as 8-bit RGB (alpha removed). */
export async function sharpRgb(encoded: Uint8Array): Promise<Uint8Array> {
  const { data } = await sharp(encoded).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

// ---- PNG written by hand (chunks, CRC, zlib) ----------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG from raw scanlines (filter byte 0 added here). */
export function handmadePng(options: {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  rows?: Uint8Array[];
  palette?: Uint8Array;
  transparency?: Uint8Array;
}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(options.width, 0);
  ihdr.writeUInt32BE(options.height, 4);
  ihdr[8] = options.bitDepth;
  ihdr[9] = options.colorType;
  const chunks = [pngSignature, pngChunk('IHDR', ihdr)];
  if (options.palette) chunks.push(pngChunk('PLTE', options.palette));
  if (options.transparency) chunks.push(pngChunk('tRNS', options.transparency));
  const rows = options.rows ?? [];
  const raw = Buffer.concat(rows.flatMap((row) => [Buffer.from([0]), Buffer.from(row)]));
  chunks.push(pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array()));
  return Buffer.concat(chunks);
}

/** A PNG that declares width x height but carries almost no data (a decompression bomb's header). */
export function bombPng(width: number, height: number): Buffer {
  return handmadePng({ width, height, bitDepth: 8, colorType: 2, rows: [new Uint8Array(3)] });
}

/** A baseline JPEG whose SOF0 is patched to declare width x height. */
export async function bombJpeg(width: number, height: number): Promise<Buffer> {
  const small = Buffer.from(await encode(pattern(16, 16, 3), 16, 16, 3).jpeg({ quality: 80 }).toBuffer());
  const sof = small.indexOf(Buffer.from([0xff, 0xc0]));
  if (sof < 0) throw new Error('no SOF0 in the generated JPEG');
  small.writeUInt16BE(height, sof + 5);
  small.writeUInt16BE(width, sof + 7);
  return small;
}

// ---- Other formats written by hand --------------------------------------------

/** Binary PPM (P6) of 8-bit RGB samples. */
export function ppm(rgb: Uint8Array, width: number, height: number): Buffer {
  return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`, 'latin1'), Buffer.from(rgb)]);
}

/** 24-bit bottom-up BMP of 8-bit RGB samples. */
export function bmp(rgb: Uint8Array, width: number, height: number): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + stride * height);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      file[row + x * 3] = rgb[p + 2]!;
      file[row + x * 3 + 1] = rgb[p + 1]!;
      file[row + x * 3 + 2] = rgb[p]!;
    }
  }
  return file;
}
