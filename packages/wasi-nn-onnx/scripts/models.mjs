// The ONNX models of the tests, the example and the benchmark, built with
// onnx-writer.mjs. Each function returns the serialized model.
import { DataType, model, node, randomValues, tensor, valueInfo } from './onnx-writer.mjs';

const { FLOAT, UINT8, INT32, INT64, FLOAT16 } = DataType;

/** y = x * 2 + 1, x and y float [1,4]. */
export const scaleShift = () =>
  model({
    name: 'scale_shift',
    inputs: [valueInfo('x', FLOAT, [1, 4])],
    outputs: [valueInfo('y', FLOAT, [1, 4])],
    initializers: [tensor('two', FLOAT, [], [2]), tensor('one', FLOAT, [], [1])],
    nodes: [node('Mul', ['x', 'two'], ['doubled']), node('Add', ['doubled', 'one'], ['y'])],
  });

/** Two inputs a, b float [2,2]; outputs sum = a + b and product = a * b. */
export const twoInputsTwoOutputs = () =>
  model({
    name: 'sum_product',
    inputs: [valueInfo('a', FLOAT, [2, 2]), valueInfo('b', FLOAT, [2, 2])],
    outputs: [valueInfo('sum', FLOAT, [2, 2]), valueInfo('product', FLOAT, [2, 2])],
    nodes: [node('Add', ['a', 'b'], ['sum']), node('Mul', ['a', 'b'], ['product'])],
  });

/** Relu over a float [N,3] input whose first dimension is dynamic. */
export const dynamicRelu = () =>
  model({
    name: 'dynamic_relu',
    inputs: [valueInfo('x', FLOAT, ['N', 3])],
    outputs: [valueInfo('y', FLOAT, ['N', 3])],
    nodes: [node('Relu', ['x'], ['y'])],
  });

/** u8 [1,4] cast to float; i32 [1,4] + 100; f16 [1,2] passed through. */
export const castU8 = () =>
  model({
    name: 'cast_u8',
    inputs: [valueInfo('x', UINT8, [1, 4])],
    outputs: [valueInfo('y', FLOAT, [1, 4])],
    nodes: [node('Cast', ['x'], ['y'], { to: FLOAT })],
  });
export const addI32 = () =>
  model({
    name: 'add_i32',
    inputs: [valueInfo('x', INT32, [1, 4])],
    outputs: [valueInfo('y', INT32, [1, 4])],
    initializers: [tensor('hundred', INT32, [], [100])],
    nodes: [node('Add', ['x', 'hundred'], ['y'])],
  });
export const identityF16 = () =>
  model({
    name: 'identity_f16',
    inputs: [valueInfo('x', FLOAT16, [1, 2])],
    outputs: [valueInfo('y', FLOAT16, [1, 2])],
    nodes: [node('Identity', ['x'], ['y'])],
  });

/** ArgMax over a float [1,5]: an int64 [1,1] output (8 raw bytes). */
export const argMax = () =>
  model({
    name: 'argmax',
    inputs: [valueInfo('x', FLOAT, [1, 5])],
    outputs: [valueInfo('index', INT64, [1, 1])],
    nodes: [node('ArgMax', ['x'], ['index'], { axis: 1, keepdims: 1 })],
  });

/** A model ONNX Runtime accepts at load but that fails at run time: Reshape
 * of a float [1,4] to a shape given as an input, so a bad shape fails in compute. */
export const reshapeByInput = () =>
  model({
    name: 'reshape_by_input',
    inputs: [valueInfo('x', FLOAT, [1, 4]), valueInfo('shape', INT32, [2])],
    outputs: [valueInfo('y', FLOAT, ['A', 'B'])],
    nodes: [node('Cast', ['shape'], ['shape64'], { to: INT64 }), node('Reshape', ['x', 'shape64'], ['y'])],
  });

/**
 * The colour classifier of the example: a small CNN over an RGB image
 * (float [1,3,H,W], values 0..1, H and W dynamic). A 1x1 convolution with
 * fixed weights turns the channels into "redness", "greenness" and
 * "blueness" (each channel minus the mean of the other two), then ReLU,
 * global average pooling, flatten and softmax give the probabilities of the
 * classes red, green and blue.
 */
export const colourClassifier = () => {
  const w = [
    [1, -0.5, -0.5],
    [-0.5, 1, -0.5],
    [-0.5, -0.5, 1],
  ].flat().map((v) => v * 8);
  return model({
    name: 'colour_classifier',
    inputs: [valueInfo('image', FLOAT, [1, 3, 'H', 'W'])],
    outputs: [valueInfo('probabilities', FLOAT, [1, 3])],
    initializers: [tensor('w', FLOAT, [3, 3, 1, 1], w), tensor('b', FLOAT, [3], [0, 0, 0])],
    nodes: [
      node('Conv', ['image', 'w', 'b'], ['features'], { kernel_shape: [1, 1] }),
      node('Relu', ['features'], ['active']),
      node('GlobalAveragePool', ['active'], ['pooled']),
      node('Flatten', ['pooled'], ['flat'], { axis: 1 }),
      node('Softmax', ['flat'], ['probabilities'], { axis: 1 }),
    ],
  });
};

/**
 * The benchmark model: a CNN over float [1,3,64,64]: conv 3->32 (3x3, pad 1),
 * ReLU, conv 32->32 (3x3, pad 1), ReLU, global average pool, flatten, dense
 * 32->10. About 41 M multiply-adds per inference; deterministic weights.
 */
export const benchCnn = () =>
  model({
    name: 'bench_cnn',
    inputs: [valueInfo('image', FLOAT, [1, 3, 64, 64])],
    outputs: [valueInfo('logits', FLOAT, [1, 10])],
    initializers: [
      tensor('w1', FLOAT, [32, 3, 3, 3], randomValues(32 * 3 * 9, 1, 0.2)),
      tensor('b1', FLOAT, [32], randomValues(32, 2, 0.1)),
      tensor('w2', FLOAT, [32, 32, 3, 3], randomValues(32 * 32 * 9, 3, 0.05)),
      tensor('b2', FLOAT, [32], randomValues(32, 4, 0.1)),
      tensor('w3', FLOAT, [32, 10], randomValues(320, 5, 0.3)),
      tensor('b3', FLOAT, [10], randomValues(10, 6, 0.1)),
    ],
    nodes: [
      node('Conv', ['image', 'w1', 'b1'], ['c1'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }),
      node('Relu', ['c1'], ['r1']),
      node('Conv', ['r1', 'w2', 'b2'], ['c2'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }),
      node('Relu', ['c2'], ['r2']),
      node('GlobalAveragePool', ['r2'], ['p']),
      node('Flatten', ['p'], ['f'], { axis: 1 }),
      node('Gemm', ['f', 'w3', 'b3'], ['logits']),
    ],
  });
