/*
 * The sampler chain of a GGML context, with llama.cpp's grammar sampler
 * first when the metadata gives a "grammar" (or a "json-schema"), and the
 * sampling step itself.
 */
#ifndef WS_WASI_NN_GGML_SAMPLING_H
#define WS_WASI_NN_GGML_SAMPLING_H

#include "ggml_options.h"
#include "llama_api.h"

#include <stddef.h>
#include <stdint.h>

/* ggml_sample's answer when the grammar rules out every token. */
enum { GGML_NO_TOKEN_ALLOWED = 1000 };

/* The candidate buffer a context reuses for every token. */
typedef struct ggml_candidates {
  llama_token_data *Data;
  size_t Capacity;
} ggml_candidates;

void ggml_candidates_free(ggml_candidates *Candidates);

/* Builds the chain for Options: grammar, penalties, then greedy (temp <= 0)
 * or top-k, top-p, temperature and a seeded draw. A grammar llama.cpp
 * refuses (its reason is on stderr) is InvalidArgument, as in WasmEdge. */
uint32_t ggml_make_sampler(const llama_vocab *Vocab, const ggml_options *Options, llama_sampler **Out);

/* Samples the next token from the last logits and accepts it, like
 * llama_sampler_sample, except that when the grammar has ruled out every
 * token it answers GGML_NO_TOKEN_ALLOWED instead of accepting one (llama.cpp
 * would throw or abort inside the grammar). */
uint32_t ggml_sample(llama_sampler *Sampler, llama_context *Context, const llama_vocab *Vocab,
                     ggml_candidates *Candidates, llama_token *Token);

#endif /* WS_WASI_NN_GGML_SAMPLING_H */
