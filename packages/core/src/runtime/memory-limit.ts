/**
 * The memory page limit of a guest (RuntimeOptions.memoryPageLimit, `ws run --memory-page-limit`):
 * every memory's declared maximum is rewritten in the binary before it is compiled, so V8 itself
 * enforces it (memory.grow past it returns -1, as in WasmEdge). A declared minimum above the limit
 * cannot be honoured: {@link MemoryPageLimitError}. Imported memories get the same maximum in their
 * import, so a memory given in RuntimeOptions.imports must have a maximum within the limit.
 */
import { MemoryPageLimitError, WsError } from '../errors.js';
import { encodeU32, sections, type Section } from './wasm-binary.js';

/** The largest page limit: 65536 pages of 64 KiB are the 4 GiB of a 32-bit memory. */
export const MAX_MEMORY_PAGE_LIMIT = 65536;

/** Checks a memoryPageLimit / --memory-page-limit value (a whole number of 64 KiB pages). Returns it. */
export function checkMemoryPageLimit(value: unknown, source = 'memoryPageLimit'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_MEMORY_PAGE_LIMIT) {
    throw new WsError('WS_USAGE', `${source} must be a whole number of 64 KiB pages from 0 to ${MAX_MEMORY_PAGE_LIMIT}, not ${String(value)}. Pass e.g. 160 for 10 MiB.`);
  }
  return value;
}

/** An unsigned LEB128 number (up to 64 bits, as memory64 limits are) and where it ends. */
function readLeb(bytes: Uint8Array, offset: number): { value: number; end: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (offset >= bytes.length) throw new RangeError('unexpected end of the binary');
    const b = bytes[offset++]!;
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return { value, end: offset };
    scale *= 128;
  }
  throw new RangeError('LEB128 number too long');
}

/** Rewrites the limits at `offset`; returns the new bytes and where the old ones ended. */
function limitedLimits(bytes: Uint8Array, offset: number, memoryIndex: number, limit: number): { encoded: number[]; end: number } {
  const flags = bytes[offset]!;
  // Only the max-present bit changes: shared (2) and memory64 (4) stay as they are.
  const minimum = readLeb(bytes, offset + 1);
  let end = minimum.end;
  let maximum = Number.POSITIVE_INFINITY;
  if (flags & 1) {
    const read = readLeb(bytes, end);
    maximum = read.value;
    end = read.end;
  }
  if (minimum.value > limit) throw new MemoryPageLimitError(memoryIndex, minimum.value, limit);
  const encoded = [flags | 1, ...encodeU32(minimum.value), ...encodeU32(Math.min(maximum, limit))];
  return { encoded, end };
}

function name(bytes: Uint8Array, offset: number): number {
  const length = readLeb(bytes, offset);
  return length.end + length.value;
}

/** The import section with every memory import's maximum capped; the number of memories it imports. */
function rewriteImports(bytes: Uint8Array, section: Section, limit: number): { content: number[]; memories: number } {
  const count = readLeb(bytes, section.contentStart);
  const content: number[] = [...encodeU32(count.value)];
  let offset = count.end;
  let memories = 0;
  for (let i = 0; i < count.value; i++) {
    const start = offset;
    offset = name(bytes, name(bytes, offset));
    const kind = bytes[offset++];
    if (kind === 0x02) {
      content.push(...bytes.subarray(start, offset));
      const rewritten = limitedLimits(bytes, offset, memories++, limit);
      content.push(...rewritten.encoded);
      offset = rewritten.end;
      continue;
    }
    if (kind === 0x00) offset = readLeb(bytes, offset).end;
    else if (kind === 0x01) {
      // A table: its reference type (0x63/0x64 take a heap type byte), then its limits.
      const type = bytes[offset++];
      if (type === 0x63 || type === 0x64) offset++;
      const flags = bytes[offset++]!;
      offset = readLeb(bytes, offset).end;
      if (flags & 1) offset = readLeb(bytes, offset).end;
    } else if (kind === 0x03) {
      const type = bytes[offset++];
      if (type === 0x63 || type === 0x64) offset++;
      offset++; // mutability
    } else if (kind === 0x04) {
      offset++;
      offset = readLeb(bytes, offset).end;
    } else {
      throw new RangeError(`unknown import kind 0x${(kind ?? 0).toString(16)}`);
    }
    content.push(...bytes.subarray(start, offset));
  }
  return { content, memories };
}

/**
 * The binary with every memory's maximum at most `limit` pages (imported and defined), or the
 * same bytes when it has no memory. Throws {@link MemoryPageLimitError} for a minimum above it.
 */
export function limitMemoryPages(bytes: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let copiedUpTo = 0;
  let importedMemories = 0;
  let changed = false;
  try {
    for (const section of sections(bytes)) {
      let content: number[] | undefined;
      if (section.id === 2) {
        const rewritten = rewriteImports(bytes, section, limit);
        importedMemories = rewritten.memories;
        if (rewritten.memories > 0) content = rewritten.content;
      } else if (section.id === 5) {
        const count = readLeb(bytes, section.contentStart);
        content = [...encodeU32(count.value)];
        let offset = count.end;
        for (let i = 0; i < count.value; i++) {
          const rewritten = limitedLimits(bytes, offset, importedMemories + i, limit);
          content.push(...rewritten.encoded);
          offset = rewritten.end;
        }
      }
      if (!content) continue;
      parts.push(bytes.subarray(copiedUpTo, section.start), Uint8Array.from([section.id, ...encodeU32(content.length), ...content]));
      copiedUpTo = section.end;
      changed = true;
    }
  } catch (error) {
    if (error instanceof WsError) throw error;
    throw new WsError('WS_NOT_WASM', `The WebAssembly binary is malformed: ${(error as Error).message}. Rebuild the guest.`, { cause: error });
  }
  if (!changed) return bytes;
  parts.push(bytes.subarray(copiedUpTo));
  const out = Buffer.concat(parts);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
