// The embedding of a prompt straight from libllama (through koffi, a
// dependency of @ws/core), to check the backend against: the same calls as
// WasmEdge's getEmbedding with the model's defaults, no ws code involved. The
// declarations are those of native/wasi-nn/backends/ggml/llama_api.h, checked
// there against this libllama; the parameter structs are passed as blobs of
// their size in this build (llama_model_params 80 bytes, llama_context_params 160).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageDir } from './llm-guest.js';

const requireFromCore = createRequire(createRequire(import.meta.url).resolve('@ws/core/package.json'));
// This package's dev dependency (its "exports" hide package.json from resolve).
const libraryDirectory = join(packageDir, 'node_modules', '@node-llama-cpp', 'linux-x64', 'bins', 'linux-x64');

let silentLog: unknown;
let logProto: unknown;

/** The last token's hidden state for Prompt (a model without pooling), not normalized. */
export function directEmbedding(modelPath: string, prompt: string): number[] {
  const koffi = requireFromCore('koffi');
  const library = koffi.load(join(libraryDirectory, 'libllama.v0.5.0.so'));
  const modelParams = koffi.struct('ws_test_llama_model_params', { bytes: koffi.array('uint64', 10) });
  const contextParams = koffi.struct('ws_test_llama_context_params', { bytes: koffi.array('uint64', 20) });
  const batch = koffi.struct('ws_test_llama_batch', {
    n_tokens: 'int32', token: 'void *', embd: 'void *', pos: 'void *', n_seq_id: 'void *', seq_id: 'void *', logits: 'void *',
  });
  const f = (signature: string) => library.func(signature);
  const loadAll = f('void ggml_backend_load_all_from_path(const char *)');
  const backendInit = f('void llama_backend_init()');
  const modelDefaults = library.func('llama_model_default_params', modelParams, []);
  const contextDefaults = library.func('llama_context_default_params', contextParams, []);
  const loadModel = library.func('llama_model_load_from_file', 'void *', ['const char *', modelParams]);
  const initContext = library.func('llama_init_from_model', 'void *', ['void *', contextParams]);
  const setEmbeddings = f('void llama_set_embeddings(void *, bool)');
  const getVocab = f('void *llama_model_get_vocab(void *)');
  const tokenize = f('int32 llama_tokenize(void *, const char *, int32, _Out_ int32 *, int32, bool, bool)');
  const decode = library.func('llama_decode', 'int32', ['void *', batch]);
  const embeddingsIth = f('float *llama_get_embeddings_ith(void *, int32)');
  const nEmbd = f('int32 llama_model_n_embd(void *)');
  const freeContext = f('void llama_free(void *)');
  const freeModel = f('void llama_model_free(void *)');

  // llama.cpp's log (model metadata dumps) kept out of the test output; the
  // callback stays registered for the worker's lifetime.
  logProto ??= koffi.proto('void ws_test_llama_log(int, const char *, void *)');
  const logSet = library.func('llama_log_set', 'void', [koffi.pointer(logProto), 'void *']);
  silentLog ??= koffi.register(() => {}, koffi.pointer(logProto));
  logSet(silentLog, null);
  loadAll(libraryDirectory);
  backendInit();
  const model = loadModel(modelPath, modelDefaults());
  if (!model) throw new Error(`libllama could not load ${modelPath}`);
  const context = initContext(model, contextDefaults());
  setEmbeddings(context, true);
  const tokens = new Int32Array(256);
  const count = tokenize(getVocab(model), prompt, Buffer.byteLength(prompt), tokens, tokens.length, true, true);
  if (count <= 0) throw new Error('tokenize failed');
  const tokenBuffer = Buffer.from(tokens.buffer, 0, count * 4);
  const result = decode(context, {
    n_tokens: count, token: koffi.as(tokenBuffer, 'void *'), embd: null, pos: null, n_seq_id: null, seq_id: null, logits: null,
  });
  if (result !== 0) throw new Error(`llama_decode answered ${result}`);
  const size = nEmbd(model);
  const embedding = Array.from(koffi.decode(embeddingsIth(context, -1), 'float', size) as number[]);
  freeContext(context);
  freeModel(model);
  return embedding;
}
