/*
 * GGML run options from WasmEdge's metadata JSON (builder[1], or set_input
 * index 1): a flat object whose keys mirror llama.cpp's command-line flags.
 * Every key WasmEdge's parser (GGML/metadata/metadata_parser.cpp) reads is
 * known here with WasmEdge's type (integer, number, bool or string); the ones
 * this backend cannot use are type-checked and otherwise ignored. Unknown keys
 * are ignored, as WasmEdge does; JSON that does not parse, or a known key with
 * a value of the wrong type, is InvalidEncoding (WasmEdge: InvalidArgument).
 */
#ifndef WS_WASI_NN_GGML_OPTIONS_H
#define WS_WASI_NN_GGML_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ggml_options {
  uint32_t ContextSize;   /* ctx-size; 0 (default) = the model's training context, at most 4096 */
  uint32_t BatchSize;     /* batch-size */
  int32_t NPredict;       /* n-predict; -1 = until end of sequence or a full context */
  uint32_t Threads;       /* threads; 0 = the host's --nn-threads */
  float Temperature;      /* temp; <= 0 = greedy */
  float TopP;             /* top-p */
  int32_t TopK;           /* top-k */
  float RepeatPenalty;    /* repeat-penalty */
  float PresencePenalty;  /* presence-penalty */
  float FrequencyPenalty; /* frequency-penalty */
  uint32_t Seed;          /* seed */
  bool EnableLog;         /* enable-log: llama.cpp's own log on stderr */
  bool StreamStdout;      /* stream-stdout: also print tokens to the host's stdout */
  bool Embedding;         /* embedding: compute produces the prompt's embedding instead of text */
  int32_t EmbdNormalize;  /* embd-normalize: -1 none, 0 max-absolute (int16 range), 1 taxicab, 2 (default) euclidean, >2 p-norm */
  int32_t NGpuLayers;     /* n-gpu-layers: accepted; this build is CPU-only, so it has no effect */
  /* Owned strings (ggml_options_copy / ggml_options_free); NULL = not set. */
  char *Grammar;          /* GBNF from grammar, or from json-schema converted; "" = none */
  char *ReversePrompt;    /* reverse-prompt: generation stops once the output contains it */
} ggml_options;

/* Turns a JSON Schema (Schema[0..Length), not NUL-terminated) into a GBNF
 * grammar: a malloc'd string, or NULL with a sentence for people in Err. */
typedef char *(*ggml_schema_converter)(const char *Schema, size_t Length, char *Err, size_t ErrLen);

void ggml_options_default(ggml_options *Options);

/* Deep copy; returns false when out of memory (To is then all defaults). */
bool ggml_options_copy(ggml_options *To, const ggml_options *From);

void ggml_options_free(ggml_options *Options);

/* Applies the keys of the JSON object Text[0..Length) to Options, as
 * WasmEdge does: "grammar" first, then "json-schema" (converted by Convert,
 * so it wins when both are given). Returns WS_NN_SUCCESS, InvalidEncoding
 * (not a JSON object, or a known key with a wrongly typed value) or
 * InvalidArgument (a json-schema that does not convert; "mmproj" or "image",
 * which this build cannot honour); the reason of a failure other than
 * InvalidEncoding is printed on stderr. Options is unchanged on failure. */
uint32_t ggml_options_parse(ggml_options *Options, const char *Text, size_t Length, ggml_schema_converter Convert);

/* Whether Text[0..Length) is one JSON value nested at most MaxDepth deep
 * (objects and arrays), with nothing after it but white space. */
bool ggml_json_within_depth(const char *Text, size_t Length, int MaxDepth);

#ifdef __cplusplus
}
#endif

#endif /* WS_WASI_NN_GGML_OPTIONS_H */
