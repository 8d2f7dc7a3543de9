// Child process for tensorflow-missing.test.ts: calls all 21 functions of
// module wasmedge_tensorflow once and prints their results as JSON (the
// library-loading state and its message are per process).
//   node call-every-tf-function.mjs <core dist index.js> <plug-in .so>
const [coreIndex, pluginPath] = process.argv.slice(2);
const { Plugin } = await import(coreIndex);
const [plugin] = Plugin.loadFromPath(pluginPath);
const module = plugin.createModule('wasmedge_tensorflow');
const memory = new WebAssembly.Memory({ initial: 1 });
const f = module.bind(memory);
new Uint8Array(memory.buffer).set(new TextEncoder().encode('x'), 100);
const calls = {
  create_session: [200, 64, 0],
  create_session_saved_model: [100, 1, 300, 0, 0],
  delete_session: [0],
  append_input: [0, 100, 1, 400, 1, 1, 500, 4],
  append_output: [0, 100, 1],
  clear_input: [0],
  clear_output: [0],
  run_session: [0],
  get_output_tensor: [0, 100, 1, 8],
  get_tensor_len: [0, 0, 8],
  get_tensor_data: [0, 0, 500, 4, 8],
  wasmedge_tensorflow_create_session: [200, 64],
  wasmedge_tensorflow_delete_session: [1n],
  wasmedge_tensorflow_run_session: [1n],
  wasmedge_tensorflow_get_output_tensor: [1n, 100, 1, 0],
  wasmedge_tensorflow_get_tensor_len: [(1n << 32n) | 1n],
  wasmedge_tensorflow_get_tensor_data: [(1n << 32n) | 1n, 500],
  wasmedge_tensorflow_append_input: [1n, 100, 1, 0, 400, 1, 1, 500, 4],
  wasmedge_tensorflow_append_output: [1n, 100, 1, 0],
  wasmedge_tensorflow_clear_input: [1n],
  wasmedge_tensorflow_clear_output: [1n],
};
const results = {};
for (const [name, args] of Object.entries(calls)) {
  const value = f[name](...args);
  results[name] = typeof value === 'bigint' ? `${value}n` : value === undefined ? 'void' : value;
}
results.functionCount = module.listFunctions().length;
module.dispose();
console.log(JSON.stringify(results));
