import type { WasmMemoryLike } from '@ws/core';

const pageBytes = 65536;

/**
 * A WebAssembly.Memory used as the "guest" memory when host code calls the
 * plug-in's functions directly: bytes are laid out one after another and the
 * memory grows as needed.
 */
export class ScratchMemory {
  readonly memory: WasmMemoryLike;
  #end = 0;

  constructor(initialPages = 1) {
    this.memory = new WebAssembly.Memory({ initial: initialPages });
  }

  /** Makes the memory at least `bytes` long. */
  ensure(bytes: number): void {
    const size = this.memory.buffer.byteLength;
    if (bytes > size) this.memory.grow(Math.ceil((bytes - size) / pageBytes));
  }

  /** Copies `bytes` after the previous ones; returns [pointer, length]. */
  write(bytes: Uint8Array): [number, number] {
    const pointer = this.#end;
    this.ensure(pointer + bytes.length);
    new Uint8Array(this.memory.buffer, pointer, bytes.length).set(bytes);
    this.#end += bytes.length;
    return [pointer, bytes.length];
  }

  /** A copy of `length` bytes at `pointer`. */
  read(pointer: number, length: number): Buffer {
    return Buffer.from(new Uint8Array(this.memory.buffer, pointer, length));
  }
}
