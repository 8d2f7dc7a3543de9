import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWasiCryptoModules, type WasiCryptoModules } from '../src/crypto-modules.js';
import type {
  WasiEphemeralCryptoAsymmetricCommonFunctions,
  WasiEphemeralCryptoCommonFunctions,
  WasiEphemeralCryptoKxFunctions,
  WasiEphemeralCryptoSignaturesFunctions,
  WasiEphemeralCryptoSymmetricFunctions,
} from '../src/types.js';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const cliMain = join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js');
/** The plug-in for `ws run --plugin-path`: WS_WASI_CRYPTO_LIBRARY (scripts/sanitize.sh sets it), else this checkout's build. */
export const cryptoLibrary = process.env.WS_WASI_CRYPTO_LIBRARY ?? join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasiCrypto.so');

export function guestPath(name: string): string {
  const path = join(packageDir, 'guests', 'build', `${name}.wasm`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm --filter @ws/wasi-crypto build`);
  return path;
}

export interface GuestRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** "label value" lines of stdout. */
  lines: Map<string, string>;
}

/** Runs guests/build/<guest>.wasm through the `ws` CLI with the real plug-in. */
export function runGuest(guest: string, args: string[] = [], wsFlags: string[] = []): GuestRun {
  const result = spawnSync(process.execPath, [cliMain, 'run', '--plugin-path', cryptoLibrary, ...wsFlags, guestPath(guest), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: packageDir, // npm plug-in discovery sees only this package's dependencies
  });
  const lines = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) lines.set(line.slice(0, space), line.slice(space + 1));
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

export type AllFunctions = WasiEphemeralCryptoCommonFunctions &
  WasiEphemeralCryptoAsymmetricCommonFunctions &
  WasiEphemeralCryptoKxFunctions &
  WasiEphemeralCryptoSignaturesFunctions &
  WasiEphemeralCryptoSymmetricFunctions;

const encoder = new TextEncoder();
const NONE = 0x7fff_fff0; // never a live handle: the low byte 0xf0 is no handle kind

/**
 * The five modules called directly from JavaScript on a scratch memory, like
 * WasmEdge's gtest fixture does: a bump allocator for guest data, readers for
 * out-pointers and array outputs.
 */
export class Direct {
  readonly memory = new WebAssembly.Memory({ initial: 4 });
  readonly set: WasiCryptoModules = createWasiCryptoModules();
  readonly f: AllFunctions;
  /** The same functions with no calling-frame memory. */
  readonly noMemory: AllFunctions;
  #next = 1024;

  constructor() {
    const bound = this.set.bind(this.memory) as unknown as Record<string, object>;
    this.f = Object.assign({}, ...Object.values(bound)) as AllFunctions;
    const unbound = this.set.bind() as unknown as Record<string, object>;
    this.noMemory = Object.assign({}, ...Object.values(unbound)) as AllFunctions;
  }

  dispose(): void {
    this.set.dispose();
  }

  get size(): number {
    return this.memory.buffer.byteLength;
  }

  alloc(length: number): number {
    const pointer = this.#next;
    this.#next = (this.#next + length + 7) & ~7;
    if (this.#next > this.size) throw new Error('scratch memory full');
    return pointer;
  }

  /** Copies bytes (or UTF-8 text) into memory; returns [pointer, length]. */
  put(data: Uint8Array | string): [number, number] {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const pointer = this.alloc(bytes.length);
    new Uint8Array(this.memory.buffer).set(bytes, pointer);
    return [pointer, bytes.length];
  }

  /** An opt_options / opt_symmetric_key struct: some(handle), or none. */
  opt(handle?: number): number {
    const pointer = this.alloc(8);
    const view = new DataView(this.memory.buffer);
    view.setUint8(pointer, handle === undefined ? 1 : 0);
    view.setUint32(pointer + 4, handle ?? 0, true);
    return pointer;
  }

  u32(pointer: number): number {
    return new DataView(this.memory.buffer).getUint32(pointer, true);
  }

  u64(pointer: number): bigint {
    return new DataView(this.memory.buffer).getBigUint64(pointer, true);
  }

  bytes(pointer: number, length: number): Buffer {
    return Buffer.from(new Uint8Array(this.memory.buffer, pointer, length));
  }

  /** Calls `fn` with an out-pointer appended; returns [errno, value written]. */
  out(fn: (...args: never[]) => number, ...args: (number | bigint)[]): [number, number] {
    const pointer = this.alloc(4);
    new DataView(this.memory.buffer).setUint32(pointer, NONE, true);
    const code = (fn as (...a: (number | bigint)[]) => number)(...args, pointer);
    return [code, this.u32(pointer)];
  }

  /** Like {@link out} but throws unless the call succeeds. */
  ok(fn: (...args: never[]) => number, ...args: (number | bigint)[]): number {
    const [code, value] = this.out(fn, ...args);
    if (code !== 0) throw new Error(`call failed with crypto_errno ${code}`);
    return value;
  }

  /** Reads an array_output completely (len, then one pull). */
  read(output: number): Buffer {
    const [code, length] = this.out(this.f.array_output_len, output);
    if (code !== 0) throw new Error(`array_output_len failed with ${code}`);
    const buffer = this.alloc(length || 1);
    const [pullCode, pulled] = this.out(this.f.array_output_pull, output, buffer, length);
    if (pullCode !== 0 || pulled !== length) throw new Error(`array_output_pull failed with ${pullCode}`);
    return this.bytes(buffer, length);
  }

  // ---- shortcuts used by many tests ----

  symmetricKey(algorithm: string, raw: Uint8Array): number {
    return this.ok(this.f.symmetric_key_import, ...this.put(algorithm), ...this.put(raw));
  }

  options(type: number, values: Record<string, Uint8Array> = {}): number {
    const options = this.ok(this.f.options_open, type);
    for (const [name, value] of Object.entries(values)) {
      const code = this.f.options_set(options, ...this.put(name), ...this.put(value));
      if (code !== 0) throw new Error(`options_set(${name}) failed with ${code}`);
    }
    return options;
  }

  /** [errno, state] of symmetric_state_open. */
  openState(algorithm: string, key?: number, options?: number): [number, number] {
    return this.out(this.f.symmetric_state_open, ...this.put(algorithm), this.opt(key), this.opt(options));
  }

  state(algorithm: string, key?: number, options?: number): number {
    const [code, state] = this.openState(algorithm, key, options);
    if (code !== 0) throw new Error(`symmetric_state_open(${algorithm}) failed with ${code}`);
    return state;
  }

  absorb(state: number, data: Uint8Array | string): number {
    return this.f.symmetric_state_absorb(state, ...this.put(data));
  }

  /** [errno, bytes] of symmetric_state_squeeze. */
  squeeze(state: number, length: number): [number, Buffer] {
    const pointer = this.alloc(length || 1);
    const code = this.f.symmetric_state_squeeze(state, pointer, length);
    return [code, this.bytes(pointer, length)];
  }

  /** The bytes of a tag (symmetric_tag_len then _pull). */
  tag(tag: number): Buffer {
    const length = this.ok(this.f.symmetric_tag_len, tag);
    const pointer = this.alloc(length);
    this.ok(this.f.symmetric_tag_pull, tag, pointer, length);
    return this.bytes(pointer, length);
  }

  keypair(type: number, algorithm: string): number {
    return this.ok(this.f.keypair_generate, type, ...this.put(algorithm), this.opt());
  }

  /** [errno, handle] of an import function (algorithm_type, alg, encoded, encoding). */
  importKey(
    fn: (...args: never[]) => number,
    type: number,
    algorithm: string,
    encoded: Uint8Array | string,
    encoding: number,
  ): [number, number] {
    return this.out(fn, type, ...this.put(algorithm), ...this.put(encoded), encoding);
  }

  /** Exported bytes, or throws. */
  exported(fn: (...args: never[]) => number, handle: number, encoding: number): Buffer {
    return this.read(this.ok(fn, handle, encoding));
  }

  sign(keypair: number, ...chunks: (Uint8Array | string)[]): number {
    const state = this.ok(this.f.signature_state_open, keypair);
    for (const chunk of chunks) {
      if (this.f.signature_state_update(state, ...this.put(chunk)) !== 0) throw new Error('update failed');
    }
    const signature = this.ok(this.f.signature_state_sign, state);
    this.f.signature_state_close(state);
    return signature;
  }

  verify(publicKey: number, signature: number, ...chunks: (Uint8Array | string)[]): number {
    const state = this.ok(this.f.signature_verification_state_open, publicKey);
    for (const chunk of chunks) this.f.signature_verification_state_update(state, ...this.put(chunk));
    const code = this.f.signature_verification_state_verify(state, signature);
    this.f.signature_verification_state_close(state);
    return code;
  }
}

export const hex = (text: string): Buffer => Buffer.from(text, 'hex');
