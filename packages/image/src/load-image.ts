import type { HostModule } from '@ws/core';
import { imageFormatDataType, sampleSize, type ImageFormat } from './data-type.js';
import { createImageModule } from './image-module.js';
import type { ImageOptions } from './options.js';
import type { WasmedgeImageFunctions } from './types.js';

/** What {@link loadImage} produces. */
export interface LoadImageRequest extends ImageOptions {
  /** Output width in pixels (1 .. 2^31-1 / sample bytes / 3). */
  width: number;
  /** Output height in pixels. */
  height: number;
  /** Sample layout. Default: `'rgb8'`. */
  format?: ImageFormat;
}

/** The plug-in refused the input (errno 1). `code` is `WS_IMAGE_LOAD_FAILED`. */
export class ImageLoadError extends Error {
  readonly code = 'WS_IMAGE_LOAD_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'ImageLoadError';
  }
}

const pageSize = 65536;
const maxMemoryBytes = 65536 * pageSize;

/** One module and one memory per option set, reused across calls. */
interface Session {
  module: HostModule;
  memory: WebAssembly.Memory;
  functions: WasmedgeImageFunctions;
}
const sessions = new Map<string, Session>();

function session(options: ImageOptions): Session {
  const key = `${options.f32Gamma === true}|${options.maxPixels ?? ''}`;
  let found = sessions.get(key);
  if (!found) {
    const module = createImageModule(options);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
    found = { module, memory, functions: module.bind(memory) as unknown as WasmedgeImageFunctions };
    sessions.set(key, found);
  }
  return found;
}

function checkSide(name: string, value: number, limit: number): void {
  if (!Number.isInteger(value) || value < 1 || value > limit) {
    throw new RangeError(`[ws:image] ${name} must be an integer from 1 to ${limit}, got ${value}. Pass the tensor size your model expects.`);
  }
}

function describe(bytes: Uint8Array): string {
  const head = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${bytes.length} bytes${bytes.length > 0 ? `, starting ${head}` : ''}`;
}

/**
 * Decodes an encoded image (JPEG, PNG, BMP, GIF, TGA, PSD, HDR, PIC, PNM) and
 * resizes it to `width × height` through the native wasmedge_image plug-in,
 * exactly as a guest calling `wasmedge_image.load_image` gets it: 3 interleaved
 * channels, alpha dropped, grey replicated; downscaling antialiased.
 *
 * Returns `width*height*3` samples: a Uint8Array for `rgb8`/`bgr8`, a
 * Float32Array (v/255, or (v/255)^2.2 with `f32Gamma`) for `rgb32f`/`bgr32f`.
 */
export function loadImage(bytes: Uint8Array, request: LoadImageRequest & { format: 'rgb32f' | 'bgr32f' }): Float32Array;
export function loadImage(bytes: Uint8Array, request: LoadImageRequest & { format?: 'rgb8' | 'bgr8' }): Uint8Array;
export function loadImage(bytes: Uint8Array, request: LoadImageRequest): Uint8Array | Float32Array;
export function loadImage(bytes: Uint8Array, request: LoadImageRequest): Uint8Array | Float32Array {
  const format = request.format ?? 'rgb8';
  if (!(format in imageFormatDataType)) {
    throw new RangeError(`[ws:image] format must be one of ${Object.keys(imageFormatDataType).join(', ')}, got ${String(format)}.`);
  }
  const sample = sampleSize(format);
  checkSide('width', request.width, Math.floor(0x7fffffff / (3 * sample)));
  checkSide('height', request.height, 0x7fffffff);
  const inputLength = bytes.length;
  const outputPointer = Math.ceil(inputLength / 16) * 16;
  const outputLength = request.width * request.height * 3 * sample;
  const needed = outputPointer + outputLength;
  if (needed > maxMemoryBytes) {
    throw new RangeError(`[ws:image] input (${inputLength} bytes) and output (${outputLength} bytes) do not fit in a 4 GiB guest memory. Ask for a smaller width and height.`);
  }

  const { memory, functions } = session(request);
  if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / pageSize));
  new Uint8Array(memory.buffer, 0, inputLength).set(bytes);
  const errno = functions.load_image(0, inputLength, request.width, request.height, imageFormatDataType[format], outputPointer, outputLength);
  if (errno !== 0) {
    throw new ImageLoadError(
      `[ws:image] wasmedge_image.load_image could not turn the input (${describe(bytes)}) into ${request.width}x${request.height} ${format} (errno ${errno}). ` +
        `Pass a complete JPEG, PNG, BMP, GIF, TGA, PSD, HDR, PIC or PNM file whose width*height is at most maxPixels (default 100000000).`,
    );
  }
  const output = memory.buffer.slice(outputPointer, outputPointer + outputLength);
  return sample === 1 ? new Uint8Array(output) : new Float32Array(output);
}

/** Disposes the cached module instances (they are recreated on next use). */
export function disposeImageSessions(): void {
  for (const found of sessions.values()) found.module.dispose();
  sessions.clear();
}
