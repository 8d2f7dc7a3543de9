/**
 * Gas metering by rewriting the guest's binary before it is compiled.
 *
 * The guest gets one more mutable i64 global (appended, so no index moves),
 * exported as {@link GAS_EXPORT}, and each function one more i64 local, its copy
 * of the counter (loaded on entry and after calls, stored before calls, returns
 * and traps). Each basic block starts with a meter that adds the block's cost to
 * the local and, with a limit, traps (`unreachable`) when the sum passes the
 * limit: the runtime then reads the global to tell a gas trap from the guest's
 * own. No function, type or local index moves. What counts is what WasmEdge's interpreter counts,
 * measured against the real `wasmedge` 0.17 (see DESIGN.md "Gas"):
 *
 * - every executed instruction, the `end` of a block reached by a branch or by
 *   falling through, `loop` on every iteration, `else` on both paths of an `if`;
 * - not the function's `end` after `return` (or a tail call);
 * - at instantiation, every instruction (with `end`) of the global
 *   initialisers, active segment offsets and element expressions (two per
 *   function index): the global starts at that sum.
 *
 * Blocks end after calls too, so a guest stopped by the limit has made exactly
 * the host calls WasmEdge would have let it make.
 */
import { defaultCostTable, type CostTable } from './cost-table.js';
import { ByteReader, readInstruction, skipValueType, UnsupportedInstruction } from './instructions.js';
import { encodeU32, sections, type Section } from '../wasm-binary.js';

/** The export name of the gas counter (an i64 global; read it as unsigned). */
export const GAS_EXPORT = 'ws:gas_used';

export interface GasInstrumentOptions {
  /** Trap when the gas used passes this (unsigned 64-bit). Without it the meter only counts. */
  limit?: bigint;
  /** Default: WasmEdge's, every instruction costs 1. */
  costTable?: CostTable;
}

/** The binary cannot be metered: the reason, for the caller's coded error. */
export class GasInstrumentError extends Error {}

/** A function type's results as raw value-type bytes (for a wrapper block type). */
interface FunctionType {
  paramCount: number;
  results: Uint8Array[];
}

/** Section id → position in the standard order (custom sections keep their place). */
const SECTION_ORDER: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };

const OP = { unreachable: 0x00, block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, brTable: 0x0e, return: 0x0f, call: 0x10, callIndirect: 0x11, returnCall: 0x12, returnCallIndirect: 0x13, callRef: 0x14, returnCallRef: 0x15, brOnNull: 0xd5, brOnNonNull: 0xd6 } as const;

/** Returns the metered binary. Throws {@link GasInstrumentError} for what it cannot meter. */
export function instrumentGas(bytes: Uint8Array, options: GasInstrumentOptions = {}): Uint8Array {
  try {
    return new Instrumenter(bytes, options).run();
  } catch (error) {
    if (error instanceof GasInstrumentError) throw error;
    if (error instanceof UnsupportedInstruction || error instanceof RangeError) throw new GasInstrumentError(error.message, { cause: error });
    throw error;
  }
}

class Instrumenter {
  readonly #bytes: Uint8Array;
  readonly #cost: CostTable;
  readonly #limit: bigint | undefined;
  readonly #sections: Section[];
  readonly #types: (FunctionType | undefined)[] = [];
  readonly #functionTypes: number[] = [];
  /** Types appended for wrapper blocks of multi-value functions, by results key. */
  readonly #addedTypes = new Map<string, { index: number; bytes: number[] }>();
  #importedGlobals = 0;
  #definedGlobals = 0;
  #instantiationCost = 0n;
  #gasGlobal = 0;

  constructor(bytes: Uint8Array, options: GasInstrumentOptions) {
    this.#bytes = bytes;
    this.#cost = options.costTable ?? defaultCostTable;
    this.#limit = options.limit;
    this.#sections = sections(bytes);
  }

  run(): Uint8Array {
    for (const section of this.#sections) this.#read(section);
    this.#gasGlobal = this.#importedGlobals + this.#definedGlobals;
    const code = this.#sections.find((s) => s.id === 10);
    const replaced = new Map<number, number[] | Uint8Array>();
    if (code) replaced.set(10, this.#meterCode(code));
    replaced.set(6, this.#globalSection());
    replaced.set(7, this.#exportSection());
    if (this.#addedTypes.size > 0) replaced.set(1, this.#typeSection());
    return assemble(this.#bytes, this.#sections, replaced);
  }

  #reader(section: Section): ByteReader {
    return new ByteReader(this.#bytes, section.contentStart, section.end);
  }

  #read(section: Section): void {
    const reader = this.#reader(section);
    switch (section.id) {
      case 1:
        for (let i = 0, count = reader.u32(); i < count; i++) this.#types.push(readType(reader));
        break;
      case 2:
        for (let i = 0, count = reader.u32(); i < count; i++) {
          reader.skip(reader.u32());
          reader.skip(reader.u32());
          const kind = reader.byte();
          if (kind === 0x00) reader.u32();
          else if (kind === 0x01) {
            skipValueType(reader);
            skipLimits(reader);
          } else if (kind === 0x02) skipLimits(reader);
          else if (kind === 0x03) {
            skipValueType(reader);
            reader.byte();
            this.#importedGlobals++;
          } else {
            reader.byte();
            reader.u32();
          }
        }
        break;
      case 3:
        for (let i = 0, count = reader.u32(); i < count; i++) this.#functionTypes.push(reader.u32());
        break;
      case 6:
        this.#definedGlobals = reader.u32();
        for (let i = 0; i < this.#definedGlobals; i++) {
          skipValueType(reader);
          reader.byte();
          this.#instantiationCost += this.#constantExpression(reader);
        }
        break;
      case 9:
        this.#readElements(reader);
        break;
      case 11:
        for (let i = 0, count = reader.u32(); i < count; i++) {
          const flags = reader.u32();
          if (flags === 2) reader.u32();
          if (flags !== 1) this.#instantiationCost += this.#constantExpression(reader);
          reader.skip(reader.u32());
        }
        break;
      default:
        break;
    }
  }

  /** Element segments: active offsets, then each element (a function index costs ref.func + end). */
  #readElements(reader: ByteReader): void {
    for (let i = 0, count = reader.u32(); i < count; i++) {
      const flags = reader.u32();
      const active = (flags & 1) === 0;
      if (active && flags & 2) reader.u32(); // table index
      if (active) this.#instantiationCost += this.#constantExpression(reader);
      const expressions = (flags & 4) !== 0;
      if (flags & 3) {
        // passive, declarative or with a table index: an element kind or reference type
        if (expressions) skipValueType(reader);
        else reader.byte();
      }
      const elements = reader.u32();
      for (let e = 0; e < elements; e++) {
        if (expressions) this.#instantiationCost += this.#constantExpression(reader);
        else {
          reader.u32();
          this.#instantiationCost += BigInt(this.#cost(0xd2) + this.#cost(OP.end));
        }
      }
    }
  }

  /** The cost of a constant expression, its `end` included. */
  #constantExpression(reader: ByteReader): bigint {
    let cost = 0;
    for (;;) {
      const instruction = readInstruction(reader);
      cost += this.#cost(instruction.key);
      if (instruction.opcode === OP.end) return BigInt(cost);
    }
  }

  #meterCode(section: Section): Uint8Array {
    const reader = this.#reader(section);
    const count = reader.u32();
    const parts: Uint8Array[] = [Uint8Array.from(encodeU32(count))];
    for (let i = 0; i < count; i++) {
      const size = reader.u32();
      const start = reader.offset;
      reader.skip(size);
      const typeIndex = this.#functionTypes[i];
      const body = this.#meterFunction(start, reader.offset, typeIndex === undefined ? undefined : this.#types[typeIndex]);
      parts.push(Uint8Array.from(encodeU32(body.reduce((sum, part) => sum + part.length, 0))), ...body);
    }
    return Buffer.concat(parts);
  }

  /**
   * One function body: its locals and one more i64 local, the counter's copy for this call
   * (V8 keeps it in a register), then the expression with a meter at each block start. The copy
   * is loaded from the global on entry and after each call, and stored back before each call,
   * return, `unreachable` and the function's end, and when the limit traps.
   */
  #meterFunction(start: number, end: number, type: FunctionType | undefined): Uint8Array[] {
    if (!type) throw new GasInstrumentError('a function has a type the gas meter cannot read');
    const reader = new ByteReader(this.#bytes, start, end);
    const groups = reader.u32();
    const groupsStart = reader.offset;
    let localCount = type.paramCount;
    for (let i = 0; i < groups; i++) {
      localCount += reader.u32();
      skipValueType(reader);
    }
    const expressionStart = reader.offset;
    const code = new MeterCode(this.#gasGlobal, localCount, this.#limit);
    const inserts: Insert[] = [{ at: expressionStart, rank: LOAD, code: code.load }];
    // The block being summed: where its meter goes and its cost so far.
    let blockAt = expressionStart;
    let blockCost = 0;
    const startBlock = (at: number, initialCost: number): void => {
      if (blockCost > 0) inserts.push({ at: blockAt, rank: METER, code: code.meter(blockCost) });
      blockAt = at;
      blockCost = initialCost;
    };
    // Control frames: is a branch to this label's end taken anywhere (then its end is a block start)?
    const frames: { opcode: number; targeted: boolean }[] = [{ opcode: -1, targeted: false }];
    let finalEnd = -1;
    let functionTargeted = false;
    while (finalEnd === -1) {
      const at = reader.offset;
      const instruction = readInstruction(reader);
      const cost = this.#cost(instruction.key);
      for (const depth of instruction.labels ?? []) {
        const frame = frames[frames.length - 1 - depth];
        if (frame) frame.targeted = true;
      }
      switch (instruction.opcode) {
        case OP.block:
          blockCost += cost;
          frames.push({ opcode: OP.block, targeted: false });
          break;
        case OP.loop:
          // A branch to a loop runs `loop` again: it opens the block of every iteration.
          startBlock(reader.offset, cost);
          frames.push({ opcode: OP.loop, targeted: false });
          break;
        case OP.if:
          blockCost += cost;
          frames.push({ opcode: OP.if, targeted: false });
          startBlock(reader.offset, 0);
          break;
        case OP.else:
          blockCost += cost;
          startBlock(reader.offset, cost);
          break;
        case OP.end: {
          const frame = frames.pop()!;
          if (frames.length === 0) {
            finalEnd = at;
            functionTargeted = frame.targeted;
            // Reached by branches: metered after a wrapper block's end (below); by falling through: here.
            if (!frame.targeted) blockCost += cost;
            startBlock(at, 0);
            if (!frame.targeted) inserts.push({ at, rank: STORE, code: code.store });
          } else if (frame.opcode === OP.if || frame.targeted) {
            startBlock(reader.offset, cost);
          } else {
            blockCost += cost;
          }
          break;
        }
        case OP.call:
        case OP.callIndirect:
        case OP.callRef:
          blockCost += cost;
          inserts.push({ at, rank: STORE, code: code.store }, { at: reader.offset, rank: LOAD, code: code.load });
          startBlock(reader.offset, 0);
          break;
        case OP.return:
        case OP.unreachable:
        case OP.returnCall:
        case OP.returnCallIndirect:
        case OP.returnCallRef:
          blockCost += cost;
          inserts.push({ at, rank: STORE, code: code.store });
          startBlock(reader.offset, 0);
          break;
        case OP.brIf:
        case OP.brOnNull:
        case OP.brOnNonNull:
        case OP.br:
        case OP.brTable:
          blockCost += cost;
          startBlock(reader.offset, 0);
          break;
        default:
          blockCost += cost;
      }
    }
    if (reader.offset !== end) throw new GasInstrumentError('a function body has bytes after its final end');
    // Same place: load (after a call), then the meter, then store (before a call or return).
    inserts.sort((x, y) => x.at - y.at || x.rank - y.rank);
    const parts: Uint8Array[] = [Uint8Array.from(encodeU32(groups + 1)), this.#bytes.subarray(groupsStart, expressionStart), I64_LOCAL];
    if (functionTargeted) parts.push(Uint8Array.from([OP.block, ...this.#wrapperBlockType(type)]));
    let position = expressionStart;
    for (const insert of inserts) {
      parts.push(this.#bytes.subarray(position, insert.at), insert.code);
      position = insert.at;
    }
    parts.push(this.#bytes.subarray(position, finalEnd + 1));
    // With a wrapper, the copied end closes it; the function's end is metered after it.
    if (functionTargeted) parts.push(code.meter(this.#cost(OP.end)), code.store, Uint8Array.of(OP.end));
    return parts;
  }

  /**
   * A branch to the function's label runs its `end` (a `return` does not): such
   * a body is wrapped in a block whose end is followed by the meter of that
   * `end`. The block type is the function's results.
   */
  #wrapperBlockType(type: FunctionType): number[] {
    if (type.results.length === 0) return [0x40];
    if (type.results.length === 1) return [...type.results[0]!];
    const key = type.results.map((r) => [...r].join(',')).join(';');
    const same = this.#types.findIndex((t) => t && t.paramCount === 0 && t.results.map((r) => [...r].join(',')).join(';') === key);
    if (same !== -1) return encodeS64(BigInt(same));
    let added = this.#addedTypes.get(key);
    if (!added) {
      const index = this.#types.length + this.#addedTypes.size;
      added = { index, bytes: [0x60, 0x00, ...encodeU32(type.results.length), ...type.results.flatMap((r) => [...r])] };
      this.#addedTypes.set(key, added);
    }
    return encodeS64(BigInt(added.index));
  }

  #globalSection(): number[] {
    const existing = this.#sections.find((s) => s.id === 6);
    const rest: number[] = [];
    if (existing) {
      const reader = this.#reader(existing);
      reader.u32();
      for (let i = reader.offset; i < existing.end; i++) rest.push(this.#bytes[i]!);
    }
    // (global (mut i64) (i64.const <instantiation cost>))
    return [...encodeU32(this.#definedGlobals + 1), ...rest, 0x7e, 0x01, 0x42, ...encodeS64(this.#instantiationCost), 0x0b];
  }

  #exportSection(): number[] {
    const existing = this.#sections.find((s) => s.id === 7);
    let count = 0;
    const rest: number[] = [];
    if (existing) {
      const reader = this.#reader(existing);
      count = reader.u32();
      for (let i = reader.offset; i < existing.end; i++) rest.push(this.#bytes[i]!);
    }
    const name = [...Buffer.from(GAS_EXPORT, 'utf8')];
    return [...encodeU32(count + 1), ...rest, ...encodeU32(name.length), ...name, 0x03, ...encodeU32(this.#gasGlobal)];
  }

  #typeSection(): number[] {
    const existing = this.#sections.find((s) => s.id === 1)!;
    const reader = this.#reader(existing);
    const count = reader.u32();
    const out = [...encodeU32(count + this.#addedTypes.size)];
    for (let i = reader.offset; i < existing.end; i++) out.push(this.#bytes[i]!);
    for (const added of this.#addedTypes.values()) out.push(...added.bytes);
    return out;
  }
}

/** Code inserted into a function body, and its order among inserts at the same place. */
interface Insert {
  at: number;
  rank: number;
  code: Uint8Array;
}
const LOAD = 0;
const METER = 1;
const STORE = 2;
/** One local of type i64 (the locals entry appended to a function). */
const I64_LOCAL = Uint8Array.of(0x01, 0x7e);

/** The meter's instructions for one function (its counter local). */
class MeterCode {
  /** `local = global` */
  readonly load: Uint8Array;
  /** `global = local` */
  readonly store: Uint8Array;
  readonly #local: number[];
  readonly #limit: number[] | undefined;
  readonly #meters = new Map<number, Uint8Array>();

  constructor(global: number, local: number, limit: bigint | undefined) {
    const globalIndex = encodeU32(global);
    this.#local = encodeU32(local);
    this.#limit = limit === undefined ? undefined : encodeS64(BigInt.asIntN(64, limit));
    this.load = Uint8Array.from([0x23, ...globalIndex, 0x21, ...this.#local]);
    this.store = Uint8Array.from([0x20, ...this.#local, 0x24, ...globalIndex]);
  }

  /** `local += cost`; with a limit, `if (local > limit) { global = local; unreachable }`. */
  meter(cost: number): Uint8Array {
    let code = this.#meters.get(cost);
    if (!code) {
      const add = [0x20, ...this.#local, 0x42, ...encodeS64(BigInt(cost)), 0x7c];
      code = Uint8Array.from(
        this.#limit === undefined
          ? [...add, 0x21, ...this.#local]
          : [...add, 0x22, ...this.#local, 0x42, ...this.#limit, 0x56, 0x04, 0x40, ...this.store, 0x00, 0x0b],
      );
      this.#meters.set(cost, code);
    }
    return code;
  }
}

function readType(reader: ByteReader): FunctionType | undefined {
  const form = reader.byte();
  if (form !== 0x60) throw new GasInstrumentError(`type form 0x${form.toString(16)} (GC proposal) is not supported by the gas meter`);
  const paramCount = reader.u32();
  for (let i = 0; i < paramCount; i++) skipValueType(reader);
  const results: Uint8Array[] = [];
  for (let i = 0, count = reader.u32(); i < count; i++) {
    const from = reader.offset;
    skipValueType(reader);
    results.push(reader.bytes.slice(from, reader.offset));
  }
  return { paramCount, results };
}

/** Limits of a table or memory: flags, min, max (if flag 1), page size (if flag 8). */
function skipLimits(reader: ByteReader): void {
  const flags = reader.byte();
  reader.skipLeb();
  if (flags & 1) reader.skipLeb();
  if (flags & 8) reader.u32();
}

/**
 * The module with sections replaced; a replaced section the module lacks is
 * inserted before the first section that follows it in the standard order.
 */
function assemble(bytes: Uint8Array, sections: Section[], replaced: ReadonlyMap<number, number[] | Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  const pending = new Map(replaced);
  const emit = (id: number, content: number[] | Uint8Array): void => {
    parts.push(Uint8Array.from([id, ...encodeU32(content.length)]), Uint8Array.from(content));
    pending.delete(id);
  };
  for (const section of sections) {
    const order = SECTION_ORDER[section.id];
    if (order !== undefined) {
      for (const [id, content] of [...pending].sort(([a], [b]) => SECTION_ORDER[a]! - SECTION_ORDER[b]!)) {
        if (SECTION_ORDER[id]! < order && !sections.some((s) => s.id === id)) emit(id, content);
      }
    }
    const content = pending.get(section.id);
    if (content && section.id !== 0) emit(section.id, content);
    else parts.push(bytes.subarray(section.start, section.end));
  }
  for (const [id, content] of pending) emit(id, content);
  return Uint8Array.from(Buffer.concat(parts));
}

function encodeS64(value: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(value & 0x7fn);
    value >>= 7n;
    if ((value === 0n && (b & 0x40) === 0) || (value === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
