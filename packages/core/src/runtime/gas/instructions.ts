/**
 * Reads WebAssembly instructions one at a time: the opcode and the length of
 * its immediates, which is all the gas meter needs (it copies the bytes and
 * only reads label depths). Covers the MVP, sign extension, saturating
 * truncation, bulk memory, reference types, multi-memory, SIMD (with relaxed
 * SIMD), threads, tail calls and the typed function references' call_ref /
 * br_on_null; exception handling and GC are refused with
 * {@link UnsupportedInstruction}.
 */
import { prefixedKey, type InstructionKey } from './cost-table.js';

export class UnsupportedInstruction extends Error {
  constructor(
    readonly opcode: string,
    readonly offset: number,
  ) {
    super(`instruction ${opcode} at byte ${offset} is not supported by the gas meter`);
  }
}

/** A cursor over a binary with LEB128 readers. */
export class ByteReader {
  offset: number;
  constructor(
    readonly bytes: Uint8Array,
    offset = 0,
    readonly end = bytes.length,
  ) {
    this.offset = offset;
  }
  get done(): boolean {
    return this.offset >= this.end;
  }
  byte(): number {
    if (this.offset >= this.end) throw new RangeError('unexpected end of the binary');
    return this.bytes[this.offset++]!;
  }
  peek(): number {
    if (this.offset >= this.end) throw new RangeError('unexpected end of the binary');
    return this.bytes[this.offset]!;
  }
  /** An unsigned LEB128 number below 2^32. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new RangeError('LEB128 number too long');
    }
  }
  /** Skips a LEB128 number of any width (signed or unsigned, up to 64 bits). */
  skipLeb(): void {
    for (let i = 0; i < 10; i++) if ((this.byte() & 0x80) === 0) return;
    throw new RangeError('LEB128 number too long');
  }
  skip(count: number): void {
    if (this.offset + count > this.end) throw new RangeError('unexpected end of the binary');
    this.offset += count;
  }
}

/** What the meter needs to know about an instruction. */
export interface Instruction {
  /** The opcode byte (the prefix for prefixed instructions). */
  opcode: number;
  /** For the cost table. */
  key: InstructionKey;
  /** Label depths of br, br_if, br_table (every target and the default), br_on_null, br_on_non_null. */
  labels?: number[];
}

/** A block type: 0x40, a value type (one byte, or 0x63/0x64 and a heap type), or a type index. */
export function skipBlockType(reader: ByteReader): void {
  const first = reader.peek();
  if (first === 0x63 || first === 0x64) {
    reader.byte();
    reader.skipLeb();
  } else if (first >= 0x40 && first < 0x80) {
    reader.byte();
  } else {
    reader.skipLeb();
  }
}

/** A value type: one byte, or 0x63/0x64 and a heap type. */
export function skipValueType(reader: ByteReader): void {
  const first = reader.byte();
  if (first === 0x63 || first === 0x64) reader.skipLeb();
}

/** align (with the multi-memory flag 0x40: then a memory index) and offset. */
function skipMemarg(reader: ByteReader): void {
  const align = reader.u32();
  if (align & 0x40) reader.u32();
  reader.skipLeb();
}

const EXCEPTION_OPCODES: Record<number, string> = { 0x06: 'try', 0x07: 'catch', 0x08: 'throw', 0x09: 'rethrow', 0x0a: 'throw_ref', 0x18: 'delegate', 0x19: 'catch_all', 0x1f: 'try_table' };

/** Reads one instruction and its immediates. */
export function readInstruction(reader: ByteReader): Instruction {
  const start = reader.offset;
  const opcode = reader.byte();
  let key: InstructionKey = opcode;
  let labels: number[] | undefined;
  if (opcode <= 0x01 || opcode === 0x05 || opcode === 0x0b || opcode === 0x0f || opcode === 0x1a || opcode === 0x1b || opcode === 0xd1 || opcode === 0xd3 || opcode === 0xd4) {
    // unreachable, nop, else, end, return, drop, select, ref.is_null, ref.eq, ref.as_non_null
  } else if (opcode >= 0x02 && opcode <= 0x04) {
    skipBlockType(reader);
  } else if (opcode === 0x0c || opcode === 0x0d || opcode === 0xd5 || opcode === 0xd6) {
    labels = [reader.u32()];
  } else if (opcode === 0x0e) {
    const count = reader.u32();
    labels = [];
    for (let i = 0; i <= count; i++) labels.push(reader.u32());
  } else if (opcode === 0x10 || opcode === 0x12 || opcode === 0x14 || opcode === 0x15 || opcode === 0xd2) {
    reader.u32(); // function or type index
  } else if (opcode === 0x11 || opcode === 0x13) {
    reader.u32();
    reader.u32();
  } else if (opcode === 0x1c) {
    const count = reader.u32();
    for (let i = 0; i < count; i++) skipValueType(reader);
  } else if (opcode >= 0x20 && opcode <= 0x26) {
    reader.u32();
  } else if (opcode >= 0x28 && opcode <= 0x3e) {
    skipMemarg(reader);
  } else if (opcode === 0x3f || opcode === 0x40) {
    reader.u32();
  } else if (opcode === 0x41 || opcode === 0x42) {
    reader.skipLeb();
  } else if (opcode === 0x43) {
    reader.skip(4);
  } else if (opcode === 0x44) {
    reader.skip(8);
  } else if (opcode >= 0x45 && opcode <= 0xc4) {
    // numeric instructions: no immediates
  } else if (opcode === 0xd0) {
    reader.skipLeb(); // heap type
  } else if (opcode === 0xfc) {
    const sub = reader.u32();
    key = prefixedKey(opcode, sub);
    skipMiscImmediates(reader, sub, start);
  } else if (opcode === 0xfd) {
    const sub = reader.u32();
    key = prefixedKey(opcode, sub);
    skipSimdImmediates(reader, sub);
  } else if (opcode === 0xfe) {
    const sub = reader.u32();
    key = prefixedKey(opcode, sub);
    if (sub === 0x03) reader.byte(); // atomic.fence
    else skipMemarg(reader);
  } else {
    const name = EXCEPTION_OPCODES[opcode] ?? (opcode === 0xfb ? 'of the GC proposal (0xFB)' : `0x${opcode.toString(16).padStart(2, '0')}`);
    throw new UnsupportedInstruction(name, start);
  }
  return labels ? { opcode, key, labels } : { opcode, key };
}

/** 0xFC: saturating truncation (0-7), bulk memory and table instructions (8-17). */
function skipMiscImmediates(reader: ByteReader, sub: number, start: number): void {
  if (sub <= 7) return;
  if (sub === 8 || sub === 10 || sub === 12 || sub === 14) {
    reader.u32();
    reader.u32();
  } else if (sub === 9 || sub === 11 || sub === 13 || sub === 15 || sub === 16 || sub === 17) {
    reader.u32();
  } else {
    throw new UnsupportedInstruction(`0xfc ${sub}`, start);
  }
}

/** 0xFD: SIMD. Memory instructions take a memarg, lane instructions a lane byte, const and shuffle 16 bytes. */
function skipSimdImmediates(reader: ByteReader, sub: number): void {
  if (sub <= 0x0b || sub === 0x5c || sub === 0x5d) skipMemarg(reader);
  else if (sub === 0x0c || sub === 0x0d) reader.skip(16);
  else if (sub >= 0x15 && sub <= 0x22) reader.byte();
  else if (sub >= 0x54 && sub <= 0x5b) {
    skipMemarg(reader);
    reader.byte();
  }
}
