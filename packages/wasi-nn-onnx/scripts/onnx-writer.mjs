// A tiny writer for ONNX models (onnx.proto3 ModelProto), enough to build
// test and example models without Python or a protobuf library. Field numbers
// are those of onnx/onnx.proto: ModelProto{ir_version 1, producer_name 2,
// graph 7, opset_import 8}, GraphProto{node 1, name 2, initializer 5,
// input 11, output 12}, NodeProto{input 1, output 2, name 3, op_type 4,
// attribute 5}, AttributeProto{name 1, f 2, i 3, ints 8, type 20},
// TensorProto{dims 1, data_type 2, name 8, raw_data 9}, ValueInfoProto{name 1,
// type 2}, TypeProto{tensor_type 1}, TypeProto.Tensor{elem_type 1, shape 2},
// TensorShapeProto{dim 1}, Dimension{dim_value 1, dim_param 2},
// OperatorSetIdProto{domain 1, version 2}.

/** TensorProto.DataType */
export const DataType = { FLOAT: 1, UINT8: 2, INT32: 6, INT64: 7, FLOAT16: 10 };
const AttributeType = { FLOAT: 1, INT: 2, INTS: 7 };

function varint(value) {
  let v = BigInt.asUintN(64, BigInt(value));
  const bytes = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v !== 0n);
  return Buffer.from(bytes);
}

const key = (field, wireType) => varint((field << 3) | wireType);
const int = (field, value) => Buffer.concat([key(field, 0), varint(value)]);
const bytes = (field, data) => Buffer.concat([key(field, 2), varint(data.length), data]);
const str = (field, text) => bytes(field, Buffer.from(text, 'utf8'));
const msg = (field, parts) => bytes(field, Buffer.concat(parts));
const f32 = (field, value) => {
  const b = Buffer.alloc(4);
  b.writeFloatLE(value);
  return Buffer.concat([key(field, 5), b]);
};

/** Raw little-endian bytes of values for a TensorProto.DataType. */
export function rawData(type, values) {
  const arrays = { [DataType.FLOAT]: Float32Array, [DataType.UINT8]: Uint8Array, [DataType.INT32]: Int32Array, [DataType.INT64]: BigInt64Array };
  const Array = arrays[type];
  if (!Array) throw new Error(`rawData: unsupported type ${type}`);
  const typed = type === DataType.INT64 ? BigInt64Array.from(values, BigInt) : Array.from(values);
  return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
}

/** A graph input or output: dims are numbers (fixed) or strings (dynamic). */
export function valueInfo(name, elemType, dims) {
  const dimParts = dims.map((d) => msg(1, [typeof d === 'string' ? str(2, d) : int(1, d)]));
  return [str(1, name), msg(2, [msg(1, [int(1, elemType), msg(2, dimParts)])])];
}

/** An initializer (constant tensor). */
export function tensor(name, type, dims, values) {
  return [...dims.map((d) => int(1, d)), int(2, type), str(8, name), bytes(9, rawData(type, values))];
}

/** A node; attributes: { name: number | number[] } (integers) or { name: { f: number } }. */
export function node(opType, inputs, outputs, attributes = {}) {
  const parts = [...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, `${opType}_${outputs[0]}`), str(4, opType)];
  for (const [name, value] of Object.entries(attributes)) {
    if (Array.isArray(value)) parts.push(msg(5, [str(1, name), ...value.map((v) => int(8, v)), int(20, AttributeType.INTS)]));
    else if (typeof value === 'object') parts.push(msg(5, [str(1, name), f32(2, value.f), int(20, AttributeType.FLOAT)]));
    else parts.push(msg(5, [str(1, name), int(3, value), int(20, AttributeType.INT)]));
  }
  return parts;
}

/** The serialized ModelProto (IR version 8, default opset 13). */
export function model({ name, nodes, inputs, outputs, initializers = [] }) {
  const graph = [
    ...nodes.map((n) => msg(1, n)),
    str(2, name),
    ...initializers.map((t) => msg(5, t)),
    ...inputs.map((v) => msg(11, v)),
    ...outputs.map((v) => msg(12, v)),
  ];
  return Buffer.concat([int(1, 8), str(2, 'ws-onnx-writer'), msg(7, graph), msg(8, [str(1, ''), int(2, 13)])]);
}

/** Deterministic pseudo-random numbers in [-scale, scale) (a 32-bit LCG). */
export function randomValues(count, seed, scale = 1) {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return ((state / 2 ** 32) * 2 - 1) * scale;
  });
}
