import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostModule } from '@ws/core';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const cliMain = join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js');
/** The two plug-ins of this checkout's native build, for `ws run --plugin-path`. */
export const tensorflowLitePluginFile = join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeTensorflowLite.so');
export const tensorflowPluginFile = join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeTensorflow.so');

/** The tiny TFLite models written by @ws/wasi-nn's build (scripts/make-test-models.mjs there). */
export const modelsDir = join(repoRoot, 'packages', 'wasi-nn', 'test-models', 'build');

export function model(name: string): Uint8Array {
  const path = join(modelsDir, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm --filter @ws/wasi-nn build (it writes the test models)`);
  return readFileSync(path);
}

/** MediaPipe's short-range face detector (npm @mediapipe/face_detection, Apache-2.0). */
export function faceModelPath(): string {
  const packageJson = createRequire(join(packageDir, 'package.json')).resolve('@mediapipe/face_detection/package.json');
  return join(dirname(packageJson), 'face_detection_short_range.tflite');
}

/**
 * A bump allocator over a wasm memory: the tests lay out guest data the way
 * a guest would, then pass offsets to the bound host functions.
 */
export class GuestMemory {
  readonly memory: WebAssembly.Memory;
  #next = 64; // 0..63: out-values (u32 slots)

  constructor(pages = 16) {
    this.memory = new WebAssembly.Memory({ initial: pages });
  }

  get bytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  get size(): number {
    return this.memory.buffer.byteLength;
  }

  /** Copies bytes in; returns [offset, length]. */
  put(data: Uint8Array | string): [number, number] {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const offset = this.#next;
    this.bytes.set(bytes, offset);
    this.#next = (offset + bytes.length + 15) & ~15;
    return [offset, bytes.length];
  }

  f32(values: number[]): [number, number] {
    return this.put(new Uint8Array(new Float32Array(values).buffer));
  }

  i64(values: number[]): [number, number] {
    return this.put(new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer));
  }

  /** Reserves zeroed bytes; returns the offset. */
  alloc(length: number): number {
    return this.put(new Uint8Array(length))[0];
  }

  u32(offset: number): number {
    return new DataView(this.memory.buffer).getUint32(offset, true);
  }

  setU32(offset: number, value: number): void {
    new DataView(this.memory.buffer).setUint32(offset, value, true);
  }

  readF32(offset: number, count: number): number[] {
    return [...new Float32Array(this.memory.buffer.slice(offset, offset + count * 4))];
  }
}

export type Bound = Record<string, (...args: (number | bigint)[]) => number | bigint | undefined>;

export function bind(module: HostModule, memory: GuestMemory): Bound {
  return module.bind(memory.memory) as unknown as Bound;
}

export interface GuestRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function guestPath(dir: string, name: string): string {
  const path = join(dir, 'guests', 'build', `${name}.wasm`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm build in ${dir}`);
  return path;
}

/** Runs a guest through the `ws` CLI with both TensorFlow plug-ins and wasmedge_image. */
export function runGuest(wasm: string, args: string[], options: { dirs?: string[]; env?: NodeJS.ProcessEnv; flags?: string[] } = {}): GuestRun {
  const imagePlugin = join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeImage.so');
  const cliArgs = [cliMain, 'run', '--plugin-path', tensorflowLitePluginFile, '--plugin-path', tensorflowPluginFile, '--plugin-path', imagePlugin];
  for (const dir of options.dirs ?? []) cliArgs.push('--dir', dir);
  const result = spawnSync(process.execPath, [...cliArgs, ...(options.flags ?? []), wasm, ...args], {
    encoding: 'utf8',
    env: options.env ?? process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
