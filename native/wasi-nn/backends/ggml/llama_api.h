/*
 * The part of llama.cpp's C API (llama.h) this backend uses, for the
 * libllama shipped by @node-llama-cpp/linux-x64 3.22.1 (no headers are
 * shipped). Only functions whose arguments are scalars or pointers are
 * declared with their real types; the by-value parameter structs
 * (llama_model_params: 80 bytes, llama_context_params: 160 bytes in this
 * build) are handled as opaque blobs larger than the real structs: on x86-64
 * and AArch64 a struct this large is returned through a caller-provided
 * buffer and passed as a copy in memory, so a larger blob is safe. Only
 * n_ctx, n_batch and n_ubatch (offsets 0, 4, 8) of llama_context_params are
 * written, after checking that the library's defaults sit there.
 *
 * Every declaration below (arguments, their order and widths, bool / float,
 * by-value struct sizes, return types) and the layouts of llama_batch,
 * llama_token_data and llama_token_data_array were checked against this
 * binary: for each function, a call site in llama-addon.node or
 * libllama-common.so (which were compiled with the real llama.h) and the
 * function's own prologue in libllama.v0.5.0.so. This build's API differs
 * from other llama.h versions in places (see llama_sampler_init_penalties),
 * so a header from elsewhere is no proof. To
 * re-check a new version, in its bins/<platform>/ folder:
 *   objdump -d --no-show-raw-insn llama-addon.node libllama-common.so | grep -B20 'call.*<NAME@plt>'
 *   objdump -d --no-show-raw-insn libllama.v*.so | grep -A30 '<NAME>:'
 * and read which registers are set before each call (x86-64: edi/esi/edx/
 * ecx/r8d/r9d, or rdi.. for 64-bit values, integers and pointers in order;
 * xmm0.. for floats; structs over 16 bytes as pushes, their count giving the
 * size, or a hidden pointer in rdi for a returned one).
 */
#ifndef WS_WASI_NN_LLAMA_API_H
#define WS_WASI_NN_LLAMA_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t llama_token;
typedef struct llama_model llama_model;
typedef struct llama_context llama_context;
typedef struct llama_vocab llama_vocab;
typedef struct llama_sampler llama_sampler;
typedef struct llama_memory_i *llama_memory_t;

/* Opaque, oversized stand-ins for the by-value parameter structs. */
typedef struct llama_params_blob {
  _Alignas(16) uint8_t Bytes[1024];
} llama_params_blob;

/* 56 bytes: the library's callers push it as 7 quadwords; llama_batch_get_one
 * writes n_tokens at 0 and token at 8. */
typedef struct llama_batch {
  int32_t n_tokens;
  llama_token *token;
  float *embd;
  int32_t *pos;
  int32_t *n_seq_id;
  int32_t **seq_id;
  int8_t *logits;
} llama_batch;

/* The candidates a sampler works on (llama_sampler_apply): 12-byte elements,
 * logit at 4 (the greedy sampler); selected is an int64 at 16, set to -1,
 * and sorted a bool at 24 (llama-addon.node's setTokenCandidates). */
typedef struct llama_token_data {
  llama_token id;
  float logit;
  float p;
} llama_token_data;

typedef struct llama_token_data_array {
  llama_token_data *data;
  size_t size;
  int64_t selected; /* the index in data (not the token) */
  bool sorted;
} llama_token_data_array;

/* One byte: returned in al, passed in dil (llama_sampler_chain_init). */
typedef struct llama_sampler_chain_params {
  bool no_perf;
} llama_sampler_chain_params;

_Static_assert(sizeof(llama_batch) == 56, "llama_batch is 56 bytes in this libllama");
_Static_assert(sizeof(llama_token_data) == 12, "llama_token_data is {id, logit, p}");
_Static_assert(offsetof(llama_token_data_array, selected) == 16 && offsetof(llama_token_data_array, sorted) == 24,
               "llama_token_data_array is {data, size, selected, sorted}");

/* Level is enum ggml_log_level (4 = error in this build). */
typedef void (*ggml_log_callback)(int Level, const char *Text, void *User);

typedef struct llama_api {
  char Directory[4096];  /* where libllama was found (its CPU backends are there too) */
  void (*ggml_backend_load_all_from_path)(const char *Directory);
  void (*llama_backend_init)(void);
  void (*llama_log_set)(ggml_log_callback Callback, void *User);
  llama_params_blob (*llama_model_default_params)(void);
  llama_params_blob (*llama_context_default_params)(void);
  llama_model *(*llama_model_load_from_file)(const char *Path, llama_params_blob Params);
  void (*llama_model_free)(llama_model *Model);
  llama_context *(*llama_init_from_model)(llama_model *Model, llama_params_blob Params);
  void (*llama_free)(llama_context *Context);
  void (*llama_set_n_threads)(llama_context *Context, int32_t Threads, int32_t BatchThreads);
  uint32_t (*llama_n_ctx)(const llama_context *Context);
  uint32_t (*llama_n_batch)(const llama_context *Context);
  int32_t (*llama_model_n_ctx_train)(const llama_model *Model);
  const llama_vocab *(*llama_model_get_vocab)(const llama_model *Model);
  llama_memory_t (*llama_get_memory)(const llama_context *Context);
  void (*llama_memory_clear)(llama_memory_t Memory, bool Data);
  int32_t (*llama_decode)(llama_context *Context, llama_batch Batch);
  int32_t (*llama_tokenize)(const llama_vocab *Vocab, const char *Text, int32_t TextLength, llama_token *Tokens,
                            int32_t MaxTokens, bool AddSpecial, bool ParseSpecial);
  int32_t (*llama_token_to_piece)(const llama_vocab *Vocab, llama_token Token, char *Buffer, int32_t Length,
                                  int32_t LStrip, bool Special);
  bool (*llama_vocab_is_eog)(const llama_vocab *Vocab, llama_token Token);
  int32_t (*llama_vocab_n_tokens)(const llama_vocab *Vocab);
  float *(*llama_get_logits_ith)(llama_context *Context, int32_t Index);
  /* Embeddings (metadata "embedding"): checked against llama-addon.node's
   * AddonContext::GetEmbedding (get_embeddings_ith(ctx, -1 in esi),
   * get_embeddings_seq(ctx, 0 in esi), llama_pooling_type(ctx)) and the
   * prologues (llama_set_embeddings takes the bool in sil; llama_model_n_embd
   * returns an int32 field of the model in eax). */
  void (*llama_set_embeddings)(llama_context *Context, bool Embeddings);
  float *(*llama_get_embeddings_ith)(llama_context *Context, int32_t Index);
  float *(*llama_get_embeddings_seq)(llama_context *Context, int32_t SequenceId);
  int32_t (*llama_pooling_type)(const llama_context *Context);
  int32_t (*llama_model_n_embd)(const llama_model *Model);
  llama_sampler_chain_params (*llama_sampler_chain_default_params)(void);
  llama_sampler *(*llama_sampler_chain_init)(llama_sampler_chain_params Params);
  void (*llama_sampler_chain_add)(llama_sampler *Chain, llama_sampler *Sampler);
  llama_sampler *(*llama_sampler_init_greedy)(void);
  llama_sampler *(*llama_sampler_init_dist)(uint32_t Seed);
  llama_sampler *(*llama_sampler_init_top_k)(int32_t K);
  llama_sampler *(*llama_sampler_init_top_p)(float P, size_t MinKeep);
  llama_sampler *(*llama_sampler_init_temp)(float T);
  /* This libllama's penalties sampler takes the vocabulary size first (its own
   * callers pass llama_vocab_n_tokens()); with the 4-argument form of other
   * llama.cpp versions, LastN would be read from a stale register and size a
   * ring buffer of gigabytes. */
  llama_sampler *(*llama_sampler_init_penalties)(int32_t VocabSize, int32_t LastN, float Repeat, float Frequency,
                                                 float Presence);
  llama_sampler *(*llama_sampler_init_grammar)(const llama_vocab *Vocab, const char *Grammar, const char *Root);
  void (*llama_sampler_apply)(llama_sampler *Sampler, llama_token_data_array *Candidates);
  void (*llama_sampler_accept)(llama_sampler *Sampler, llama_token Token);
  void (*llama_sampler_reset)(llama_sampler *Sampler);
  void (*llama_sampler_free)(llama_sampler *Sampler);
} llama_api;

/* The functions of the libllama in use (resolved by the backend's Open). */
extern llama_api Api;

/* dlopens Path (libllama), resolves every function and checks the layout of
 * llama_context_params' first fields. Returns 0, or -1 with a reason. */
int llama_api_open(llama_api *Api, const char *Path, char *Reason, size_t ReasonLen);

/* Writes n_ctx, n_batch and n_ubatch into a llama_context_params blob. */
void llama_context_params_set(llama_params_blob *Params, uint32_t Context, uint32_t Batch);

#endif /* WS_WASI_NN_LLAMA_API_H */
