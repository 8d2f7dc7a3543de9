/**
 * A small reader for the parts of a WebAssembly binary the runtime needs and
 * that the JS API does not expose on Node 20: function types of imports and
 * exports, and whether memory 0 is exported. Also adds a `memory` export to a
 * guest that defines but does not export its memory (node:wasi needs it).
 */
import { WsError } from '../errors.js';

export type WasmValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref' | 'unknown';

export interface WasmFunctionType {
  params: WasmValType[];
  results: WasmValType[];
}

export interface WasmImport {
  module: string;
  name: string;
  kind: 'function' | 'table' | 'memory' | 'global' | 'tag';
  /** For functions, when the type section could be read. */
  type?: WasmFunctionType;
}

export interface WasmExport {
  name: string;
  kind: 'function' | 'table' | 'memory' | 'global' | 'tag';
  index: number;
  type?: WasmFunctionType;
}

export interface WasmModuleInfo {
  imports: WasmImport[];
  exports: WasmExport[];
  /** Memories in index space order: imported ones first. */
  memoryCount: number;
  importedMemoryCount: number;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const KINDS = ['function', 'table', 'memory', 'global', 'tag'] as const;
const VALTYPES: Record<number, WasmValType> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };

/** Reads a binary front to back (LEB128 numbers, names). */
export class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError('unexpected end of the binary');
    return this.bytes[this.offset++]!;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 35) throw new RangeError('LEB128 number too long');
    }
  }
  skip(count: number): void {
    if (this.offset + count > this.bytes.length) throw new RangeError('unexpected end of the binary');
    this.offset += count;
  }
  name(): string {
    const length = this.u32();
    const start = this.offset;
    this.skip(length);
    return Buffer.from(this.bytes.subarray(start, start + length)).toString('utf8');
  }
  limits(): void {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
  valType(): WasmValType {
    const code = this.byte();
    if (code === 0x63 || code === 0x64) {
      // (ref null? heaptype): heap type is a signed LEB; read it as bytes.
      const heap = this.byte();
      return heap === 0x70 ? 'funcref' : heap === 0x6f ? 'externref' : 'unknown';
    }
    return VALTYPES[code] ?? 'unknown';
  }
}

/** True when the bytes start with the WebAssembly magic number. */
export function isWasmBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && WASM_MAGIC.every((b, i) => bytes[i] === b);
}

export interface Section {
  id: number;
  start: number; // first byte of the section id
  contentStart: number;
  end: number;
}

/** The sections of a binary whose magic number and version were checked. */
export function sections(bytes: Uint8Array): Section[] {
  const reader = new Reader(bytes);
  reader.skip(8);
  const list: Section[] = [];
  while (!reader.done) {
    const start = reader.offset;
    const id = reader.byte();
    const size = reader.u32();
    const contentStart = reader.offset;
    reader.skip(size);
    list.push({ id, start, contentStart, end: reader.offset });
  }
  return list;
}

/** Reads imports, exports and their function types. Throws WS_NOT_WASM on malformed input. */
export function readModuleInfo(bytes: Uint8Array): WasmModuleInfo {
  if (!isWasmBinary(bytes)) {
    throw new WsError('WS_NOT_WASM', 'The input is not a WebAssembly binary (no \\0asm magic number). Pass a .wasm file compiled for wasm32-wasi.');
  }
  try {
    return parseModuleInfo(bytes);
  } catch (error) {
    throw new WsError('WS_NOT_WASM', `The WebAssembly binary is malformed: ${(error as Error).message}. Rebuild the guest.`, { cause: error });
  }
}

function parseModuleInfo(bytes: Uint8Array): WasmModuleInfo {
  const types: (WasmFunctionType | undefined)[] = [];
  const functionTypeIndices: number[] = [];
  const imports: WasmImport[] = [];
  const exports: WasmExport[] = [];
  let importedFunctionCount = 0;
  let importedMemoryCount = 0;
  let definedMemoryCount = 0;
  for (const section of sections(bytes)) {
    const reader = new Reader(bytes.subarray(0, section.end));
    reader.offset = section.contentStart;
    switch (section.id) {
      case 1: {
        const count = reader.u32();
        for (let i = 0; i < count; i++) {
          const form = reader.byte();
          if (form !== 0x60) {
            // GC proposal types: not used by WASI guests; stop reading types.
            types.length = 0;
            break;
          }
          const params = Array.from({ length: reader.u32() }, () => reader.valType());
          const results = Array.from({ length: reader.u32() }, () => reader.valType());
          types.push({ params, results });
        }
        break;
      }
      case 2: {
        const count = reader.u32();
        for (let i = 0; i < count; i++) {
          const module = reader.name();
          const name = reader.name();
          const kind = KINDS[reader.byte()] ?? 'function';
          const entry: WasmImport = { module, name, kind };
          if (kind === 'function') {
            entry.type = types[reader.u32()];
            importedFunctionCount++;
          } else if (kind === 'table') {
            reader.valType();
            reader.limits();
          } else if (kind === 'memory') {
            reader.limits();
            importedMemoryCount++;
          } else if (kind === 'global') {
            reader.valType();
            reader.byte();
          } else {
            reader.byte();
            reader.u32();
          }
          imports.push(entry);
        }
        break;
      }
      case 3: {
        const count = reader.u32();
        for (let i = 0; i < count; i++) functionTypeIndices.push(reader.u32());
        break;
      }
      case 5:
        definedMemoryCount = reader.u32();
        break;
      case 7: {
        const count = reader.u32();
        for (let i = 0; i < count; i++) {
          const name = reader.name();
          const kind = KINDS[reader.byte()] ?? 'function';
          const index = reader.u32();
          exports.push({ name, kind, index });
        }
        break;
      }
      default:
        break;
    }
  }
  for (const entry of exports) {
    if (entry.kind !== 'function') continue;
    if (entry.index < importedFunctionCount) {
      entry.type = imports.filter((i) => i.kind === 'function')[entry.index]?.type;
    } else {
      const typeIndex = functionTypeIndices[entry.index - importedFunctionCount];
      entry.type = typeIndex === undefined ? undefined : types[typeIndex];
    }
  }
  return { imports, exports, memoryCount: importedMemoryCount + definedMemoryCount, importedMemoryCount };
}

export function encodeU32(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value & 0x7f;
    value >>>= 7;
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

/** Position of the export section in the standard section order. */
const SECTION_ORDER: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };

/**
 * Returns the binary with memory 0 exported as `memory` when it has a memory
 * that is not exported under that name; otherwise returns it unchanged.
 */
export function exportMemoryZero(bytes: Uint8Array, info: WasmModuleInfo): Uint8Array {
  if (info.memoryCount === 0) return bytes;
  if (info.exports.some((e) => e.name === 'memory' && e.kind === 'memory' && e.index === 0)) return bytes;
  if (info.exports.some((e) => e.name === 'memory')) {
    throw new WsError('WS_NOT_WASM', 'The guest exports something else under the name "memory", so its memory 0 cannot be exported for WASI. Rename that export.');
  }
  const entry = [...encodeU32(6), ...Buffer.from('memory'), 0x02, 0x00];
  const list = sections(bytes);
  const existing = list.find((s) => s.id === 7);
  let out: Buffer;
  if (existing) {
    const reader = new Reader(bytes);
    reader.offset = existing.contentStart;
    const count = reader.u32();
    const rest = bytes.subarray(reader.offset, existing.end);
    const content = Buffer.concat([Buffer.from(encodeU32(count + 1)), rest, Buffer.from(entry)]);
    out = Buffer.concat([bytes.subarray(0, existing.start), Buffer.from([7, ...encodeU32(content.length)]), content, bytes.subarray(existing.end)]);
  } else {
    const content = Buffer.from([...encodeU32(1), ...entry]);
    const after = list.find((s) => s.id !== 0 && (SECTION_ORDER[s.id] ?? 0) > SECTION_ORDER[7]!);
    const at = after ? after.start : bytes.length;
    out = Buffer.concat([bytes.subarray(0, at), Buffer.from([7, ...encodeU32(content.length)]), content, bytes.subarray(at)]);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
