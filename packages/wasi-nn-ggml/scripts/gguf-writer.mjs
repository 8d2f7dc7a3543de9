// A small writer for GGUF v3 files (the llama.cpp model format): a header,
// typed key/value metadata, tensor infos and 32-byte aligned tensor data.
// Value types (gguf.h): UINT32 4, INT32 5, FLOAT32 6, BOOL 7, STRING 8,
// ARRAY 9; tensor type F32 = 0. Dimensions are listed innermost first.

const Type = { UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9 };
const ALIGNMENT = 32;

class Out {
  chunks = [];
  length = 0;
  push(buffer) {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  u32(v) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.push(b); }
  i32(v) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.push(b); }
  u64(v) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.push(b); }
  f32(v) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.push(b); }
  str(s) { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.push(b); }
  pad() { const n = (ALIGNMENT - (this.length % ALIGNMENT)) % ALIGNMENT; if (n) this.push(Buffer.alloc(n)); }
  bytes() { return Buffer.concat(this.chunks); }
}

/** Metadata values: { u32: n } | { i32: n } | { f32: n } | { bool: b } | string | { strings: [] } | { f32s: [] } | { i32s: [] }. */
function writeValue(out, value) {
  if (typeof value === 'string') return out.u32(Type.STRING), out.str(value);
  const [kind, v] = Object.entries(value)[0];
  const scalar = { u32: [Type.UINT32, 'u32'], i32: [Type.INT32, 'i32'], f32: [Type.FLOAT32, 'f32'] }[kind];
  if (scalar) return out.u32(scalar[0]), out[scalar[1]](v);
  if (kind === 'bool') return out.u32(Type.BOOL), out.push(Buffer.from([v ? 1 : 0]));
  const array = { strings: [Type.STRING, 'str'], f32s: [Type.FLOAT32, 'f32'], i32s: [Type.INT32, 'i32'] }[kind];
  if (!array) throw new Error(`gguf: unknown value kind ${kind}`);
  out.u32(Type.ARRAY);
  out.u32(array[0]);
  out.u64(v.length);
  for (const item of v) out[array[1]](item);
}

/**
 * metadata: { key: value }; tensors: [{ name, dims: [ne0, ne1, ...], data: Float32Array }].
 * Returns the file bytes.
 */
export function writeGguf(metadata, tensors) {
  const out = new Out();
  out.push(Buffer.from('GGUF', 'ascii'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(Object.keys(metadata).length + 1);
  out.str('general.alignment');
  writeValue(out, { u32: ALIGNMENT });
  for (const [key, value] of Object.entries(metadata)) out.str(key), writeValue(out, value);
  let offset = 0;
  for (const tensor of tensors) {
    if (tensor.data.length !== tensor.dims.reduce((a, b) => a * b, 1)) throw new Error(`gguf: ${tensor.name} has the wrong size`);
    out.str(tensor.name);
    out.u32(tensor.dims.length);
    for (const d of tensor.dims) out.u64(d);
    out.u32(0); // F32
    out.u64(offset);
    offset += Math.ceil((tensor.data.length * 4) / ALIGNMENT) * ALIGNMENT;
  }
  out.pad();
  for (const tensor of tensors) {
    out.push(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    out.pad();
  }
  return out.bytes();
}
