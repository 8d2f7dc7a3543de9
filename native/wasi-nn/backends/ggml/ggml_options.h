/*
 * GGML run options from WasmEdge's metadata JSON (builder[1], or set_input
 * index 1): a flat object whose keys mirror llama.cpp's command-line flags.
 * Unknown keys are ignored, as WasmEdge does; JSON that does not parse is
 * InvalidEncoding.
 */
#ifndef WS_WASI_NN_GGML_OPTIONS_H
#define WS_WASI_NN_GGML_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
} ggml_options;

void ggml_options_default(ggml_options *Options);

/* Applies the keys of the JSON object Text[0..Length) to Options. Returns
 * false (and leaves Options unchanged) when Text is not a JSON object or a
 * known key has a value of the wrong type. */
bool ggml_options_parse(ggml_options *Options, const char *Text, size_t Length);

#endif /* WS_WASI_NN_GGML_OPTIONS_H */
