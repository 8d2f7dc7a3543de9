#!/usr/bin/env node
// Writes tiny TensorFlow-Lite models into test-models/build/ so that tests can
// assert exact outputs. Each model is a TFLite flatbuffer (file identifier
// "TFL3") built with the flatbuffers runtime from the field numbers of
// TensorFlow's schema.fbs (Model, SubGraph, Tensor, Operator, Buffer,
// OperatorCode). Run by the package's build; no network, no Python.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as flatbuffers from 'flatbuffers';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-models', 'build');

// schema.fbs enum values
const TensorType = { FLOAT32: 0, FLOAT16: 1, INT32: 2, UINT8: 3 };
const BuiltinOperator = { ADD: 0, DEQUANTIZE: 6, MUL: 18, CAST: 53 };

function int32Vector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}

function offsetVector(b, offsets) {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

/**
 * model: { tensors: [{ name, type, shape, data?: Uint8Array }], inputs: [i], outputs: [i],
 *          operators: [{ op, inputs: [i], outputs: [i] }] }
 */
function buildModel(model) {
  const b = new flatbuffers.Builder(1024);
  // Buffer 0 is the empty sentinel; each constant tensor gets its own buffer.
  const bufferData = [null];
  const tensorBuffer = model.tensors.map((t) => {
    if (!t.data) return 0;
    bufferData.push(t.data);
    return bufferData.length - 1;
  });
  const buffers = bufferData.map((data) => {
    const dataOffset = data ? b.createByteVector(data) : 0;
    b.startObject(1);
    if (dataOffset) b.addFieldOffset(0, dataOffset, 0);
    return b.endObject();
  });
  const tensors = model.tensors.map((t, i) => {
    const name = b.createString(t.name);
    const shape = int32Vector(b, t.shape);
    b.startObject(4);
    b.addFieldOffset(0, shape, 0);
    b.addFieldInt8(1, t.type, 0);
    b.addFieldInt32(2, tensorBuffer[i], 0);
    b.addFieldOffset(3, name, 0);
    return b.endObject();
  });
  const opcodes = [...new Set(model.operators.map((o) => o.op))];
  const operatorCodes = opcodes.map((code) => {
    b.startObject(4);
    b.addFieldInt8(0, Math.min(code, 127), 0); // deprecated_builtin_code
    b.addFieldInt32(2, 1, 1); // version
    b.addFieldInt32(3, code, 0); // builtin_code
    return b.endObject();
  });
  const operators = model.operators.map((o) => {
    const inputs = int32Vector(b, o.inputs);
    const outputs = int32Vector(b, o.outputs);
    b.startObject(3);
    b.addFieldInt32(0, opcodes.indexOf(o.op), 0);
    b.addFieldOffset(1, inputs, 0);
    b.addFieldOffset(2, outputs, 0);
    return b.endObject();
  });
  const subgraphName = b.createString('main');
  const tensorsVector = offsetVector(b, tensors);
  const inputsVector = int32Vector(b, model.inputs);
  const outputsVector = int32Vector(b, model.outputs);
  const operatorsVector = offsetVector(b, operators);
  b.startObject(5);
  b.addFieldOffset(0, tensorsVector, 0);
  b.addFieldOffset(1, inputsVector, 0);
  b.addFieldOffset(2, outputsVector, 0);
  b.addFieldOffset(3, operatorsVector, 0);
  b.addFieldOffset(4, subgraphName, 0);
  const subgraph = b.endObject();

  const description = b.createString('ws wasi-nn test model');
  const operatorCodesVector = offsetVector(b, operatorCodes);
  const subgraphsVector = offsetVector(b, [subgraph]);
  const buffersVector = offsetVector(b, buffers);
  b.startObject(5);
  b.addFieldInt32(0, 3, 0); // schema version
  b.addFieldOffset(1, operatorCodesVector, 0);
  b.addFieldOffset(2, subgraphsVector, 0);
  b.addFieldOffset(3, description, 0);
  b.addFieldOffset(4, buffersVector, 0);
  b.finish(b.endObject(), 'TFL3');
  return b.asUint8Array();
}

const f32 = (values) => new Uint8Array(new Float32Array(values).buffer);
const i32 = (values) => new Uint8Array(new Int32Array(values).buffer);

/** The test models and what they compute (the tests assert these exactly). */
export const testModels = {
  // y = x + [1, 2, 3, 4]; x: f32 [1,4]
  'add_f32.tflite': {
    tensors: [
      { name: 'x', type: TensorType.FLOAT32, shape: [1, 4] },
      { name: 'c', type: TensorType.FLOAT32, shape: [1, 4], data: f32([1, 2, 3, 4]) },
      { name: 'y', type: TensorType.FLOAT32, shape: [1, 4] },
    ],
    inputs: [0],
    outputs: [2],
    operators: [{ op: BuiltinOperator.ADD, inputs: [0, 1], outputs: [2] }],
  },
  // sum = a + b; a, b: f32 [2,2]
  'add2_f32.tflite': {
    tensors: [
      { name: 'a', type: TensorType.FLOAT32, shape: [2, 2] },
      { name: 'b', type: TensorType.FLOAT32, shape: [2, 2] },
      { name: 'sum', type: TensorType.FLOAT32, shape: [2, 2] },
    ],
    inputs: [0, 1],
    outputs: [2],
    operators: [{ op: BuiltinOperator.ADD, inputs: [0, 1], outputs: [2] }],
  },
  // y = float(x); x: u8 [1,4]
  'cast_u8.tflite': {
    tensors: [
      { name: 'x', type: TensorType.UINT8, shape: [1, 4] },
      { name: 'y', type: TensorType.FLOAT32, shape: [1, 4] },
    ],
    inputs: [0],
    outputs: [1],
    operators: [{ op: BuiltinOperator.CAST, inputs: [0], outputs: [1] }],
  },
  // y = float32(x) (DEQUANTIZE widens float16); x: f16 [1,4]
  'widen_f16.tflite': {
    tensors: [
      { name: 'x', type: TensorType.FLOAT16, shape: [1, 4] },
      { name: 'y', type: TensorType.FLOAT32, shape: [1, 4] },
    ],
    inputs: [0],
    outputs: [1],
    operators: [{ op: BuiltinOperator.DEQUANTIZE, inputs: [0], outputs: [1] }],
  },
  // y = x + [100, 200, 300, 400]; x: i32 [1,4]
  'add_i32.tflite': {
    tensors: [
      { name: 'x', type: TensorType.INT32, shape: [1, 4] },
      { name: 'c', type: TensorType.INT32, shape: [1, 4], data: i32([100, 200, 300, 400]) },
      { name: 'y', type: TensorType.INT32, shape: [1, 4] },
    ],
    inputs: [0],
    outputs: [2],
    operators: [{ op: BuiltinOperator.ADD, inputs: [0, 1], outputs: [2] }],
  },
  // sum = x + [2, 2, 2], product = x * [2, 2, 2]; x: f32 [1,3]
  'two_outputs.tflite': {
    tensors: [
      { name: 'x', type: TensorType.FLOAT32, shape: [1, 3] },
      { name: 'c', type: TensorType.FLOAT32, shape: [1, 3], data: f32([2, 2, 2]) },
      { name: 'sum', type: TensorType.FLOAT32, shape: [1, 3] },
      { name: 'product', type: TensorType.FLOAT32, shape: [1, 3] },
    ],
    inputs: [0],
    outputs: [2, 3],
    operators: [
      { op: BuiltinOperator.ADD, inputs: [0, 1], outputs: [2] },
      { op: BuiltinOperator.MUL, inputs: [0, 1], outputs: [3] },
    ],
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  for (const [file, model] of Object.entries(testModels)) {
    writeFileSync(join(outDir, file), buildModel(model));
  }
  // Corrupt inputs for the bad-input tests: a truncated model and noise.
  const good = buildModel(testModels['add_f32.tflite']);
  writeFileSync(join(outDir, 'truncated.tflite'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(outDir, 'noise.tflite'), Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) & 0xff));
  writeFileSync(join(outDir, 'empty.tflite'), new Uint8Array(0));
}
