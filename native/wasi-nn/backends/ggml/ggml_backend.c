/*
 * GGML backend of wasi_nn (libws_wasi_nn_ggml.so, encoding 6) on llama.cpp's
 * libllama from the npm package @node-llama-cpp/linux-x64. Behaviour follows
 * WasmEdge's GGML backend (spec A.8.5):
 *   builders   [0] "preload:<path>" (from --nn-preload only) or GGUF bytes;
 *              [1] optional metadata JSON (ggml_options.h), bad JSON = InvalidEncoding
 *   set_input  index 0 = the prompt (UTF-8 bytes; type and dims ignored),
 *              index 1 = metadata JSON (re-applied to this context)
 *   compute    the whole generation; end of sequence is Success; with the
 *              metadata "embedding": true, the prompt's embedding instead
 *   get_output index 0 = the generated text (or the embedding as WasmEdge
 *              writes it: {"n_embedding": N, "embedding": [v,...]}, each value
 *              with 10 significant digits), index 1 = JSON token counts
 *   compute_single / get_output_single / fini_single: one token at a time;
 *              EndOfSequence (100) at the end, ContextFull (101) when the
 *              context is exhausted, PromptTooLong (102), ModelNotFound (103).
 * Metadata keys beyond the numeric ones (ggml_options.h, ggml_sampling.c):
 * grammar / json-schema constrain sampling; reverse-prompt stops generation
 * once the output contains it (the text stays in the output, as in
 * WasmEdge); mmproj and image are refused (no libmtmd in this libllama), and
 * so is tts: true; n-gpu-layers is accepted, and a warning says this build
 * runs on the CPU only.
 * Differences from WasmEdge: GGUF bytes from a guest are written to a host
 * temporary file (WasmEdge writes ggml-model.bin into the guest's preopened
 * directory), the default seed is fixed (42) so runs are reproducible,
 * reverse-prompt also ends compute_single streams (WasmEdge leaves that to
 * the guest), and mmproj / image fail at load or set_input(1) instead of at
 * the first prompt.
 * A guest's time limit (ws run --time-limit) is checked between tokens and
 * between prompt batches (ws_interrupt_requested): compute then fails with
 * RuntimeError and the guest is stopped.
 */
#define _GNU_SOURCE
#include "../../backend.h"
#include "../common/library_search.h"
#include "ggml_options.h"
#include "ggml_sampling.h"
#include "ggml_text_checks.h"
#include "json_schema_grammar.h"
#include "llama_api.h"
#include "wasmedge/ws_extensions.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WS_LLAMA_DEFAULT_LIBRARY
#define WS_LLAMA_DEFAULT_LIBRARY ""
#endif

/* libllama inside the @node-llama-cpp platform package for this machine. */
#if defined(__aarch64__)
#define LLAMA_NODE_LIBRARY "@node-llama-cpp/linux-arm64/bins/linux-arm64/libllama.v0.5.0.so"
#else
#define LLAMA_NODE_LIBRARY "@node-llama-cpp/linux-x64/bins/linux-x64/libllama.v0.5.0.so"
#endif

/* WasmEdge's GGML error codes beyond witx's 0-8. */
enum { GGML_END_OF_SEQUENCE = 100, GGML_CONTEXT_FULL = 101, GGML_PROMPT_TOO_LONG = 102, GGML_MODEL_NOT_FOUND = 103 };

llama_api Api;
static volatile int LogEverything; /* set by any graph's enable-log */
static volatile int LogLevel = WS_NN_LOG_LEVEL_DEFAULT; /* the host's, at the last Open / Load */

typedef struct ggml_graph {
  llama_model *Model;
  const llama_vocab *Vocab;
  ggml_options Options;
  uint32_t HostThreads;
} ggml_graph;

typedef struct text_buffer {
  char *Data;
  size_t Length, Capacity;
} text_buffer;

typedef struct ggml_context {
  ggml_graph *Graph;
  ggml_options Options;
  llama_context *Context;
  llama_sampler *Sampler;
  char *Prompt;             /* owned copy, NUL-terminated */
  size_t PromptLength;
  text_buffer Output;       /* the generated text so far */
  char LastPiece[256];      /* the last token's text (get_output_single) */
  uint32_t LastPieceLength;
  uint32_t InputTokens, OutputTokens, Position;
  int Streaming;            /* compute_single has evaluated the prompt */
  int ReversePromptSeen;    /* the output contains the reverse prompt: generation is over */
  ggml_candidates Candidates;
} ggml_context;

/* ggml_log_level of this build: 0 none, 1 debug, 2 info, 3 warn, 4 error
 * (the numbers of WasmEdge_LogLevel), 5 continues the previous message. */
enum { GGML_LOG_NONE = 0, GGML_LOG_INFO = 2, GGML_LOG_WARN = 3, GGML_LOG_CONT = 5 };

/* llama.cpp's log: what the host's level lets through (everything with a
 * graph's enable-log, as in WasmEdge). Its errors show at the default level;
 * its warnings are chatter about its internals (e.g. "n_ctx_seq (256) >
 * n_ctx_train (128)" on every run of a small model), shown from `info` on
 * with its info lines. */
static void log_callback(int Level, const char *Text, void *User) {
  (void)User;
  static _Thread_local int PreviousShown;
  int Shown;
  if (Level == GGML_LOG_CONT) {
    Shown = PreviousShown;
  } else {
    const int Severity = Level == GGML_LOG_NONE || Level == GGML_LOG_WARN ? GGML_LOG_INFO : Level;
    Shown = LogEverything || Severity >= LogLevel;
  }
  PreviousShown = Shown;
  if (Shown) fputs(Text, stderr);
}

static int open_candidate(const char *Path, void *State, char *Reason, size_t ReasonLen) {
  (void)State;
  return llama_api_open(&Api, Path, Reason, ReasonLen);
}

static int ggml_open(const ws_nn_backend_settings *Settings, char *Err, size_t ErrLen) {
  /* Installed from npm, @ws/core passes the path (option nn-ggml-library); otherwise
   * @node-llama-cpp/<platform> next to (or inside) @ws/wasi-nn-ggml. */
  char Hoisted[4096], Nested[4096];
  ws_nn_find_in_node_modules(LLAMA_NODE_LIBRARY, Hoisted, sizeof(Hoisted));
  ws_nn_find_in_node_modules("@ws/wasi-nn-ggml/node_modules/" LLAMA_NODE_LIBRARY, Nested, sizeof(Nested));
  const ws_nn_library_candidate Candidates[] = {
      {"WS_LLAMA_LIBRARY", getenv("WS_LLAMA_LIBRARY")},
      {"nn-ggml-library", Settings->LibraryPath},
      {"node_modules", Hoisted},
      {"node_modules", Nested},
      {"build-time path", WS_LLAMA_DEFAULT_LIBRARY},
  };
  if (ws_nn_library_search(Candidates, 5, open_candidate, NULL, Err, ErrLen) < 0) return -1;
  LogLevel = Settings->LogLevel;
  Api.llama_log_set(log_callback, NULL);
  ggml_json_schema_set_library_directory(Api.Directory);
  Api.ggml_backend_load_all_from_path(Api.Directory);
  Api.llama_backend_init();
  return 0;
}

const char *ws_nn_backend_runtime(void) { return "llama.cpp libllama (ggml 0.5.0, as shipped by @node-llama-cpp 3.22.1)"; }

static void ggml_graph_release(void *Opaque) {
  ggml_graph *Graph = Opaque;
  if (Graph == NULL) return;
  if (Graph->Model != NULL) Api.llama_model_free(Graph->Model);
  ggml_options_free(&Graph->Options);
  free(Graph);
}

/* Writes GGUF bytes from a guest to a temporary file and loads it; the file
 * is removed at once (llama.cpp maps or reads it during the load). */
static llama_model *load_from_bytes(const ws_nn_bytes *Bytes, llama_params_blob Params) {
  const char *Directory = getenv("TMPDIR");
  char Path[4096];
  snprintf(Path, sizeof(Path), "%s/ws-wasi-nn-XXXXXX.gguf", Directory != NULL && Directory[0] ? Directory : "/tmp");
  int File = mkstemps(Path, 5);
  if (File < 0) return NULL;
  size_t Done = 0;
  while (Done < Bytes->Length) {
    ssize_t Written = write(File, Bytes->Data + Done, Bytes->Length - Done);
    if (Written <= 0) break;
    Done += (size_t)Written;
  }
  close(File);
  llama_model *Model = Done == Bytes->Length ? Api.llama_model_load_from_file(Path, Params) : NULL;
  unlink(Path);
  return Model;
}

/* n-gpu-layers is WasmEdge's way to offload layers to a GPU; this build has
 * only llama.cpp's CPU backends. */
static void report_cpu_only(const ggml_options *Options) {
  if (Options->NGpuLayers > 0 && LogLevel <= WS_NN_LOG_LEVEL_DEFAULT)
    fprintf(stderr, "[ws:wasi-nn] GGML: \"n-gpu-layers\": %d has no effect: this build runs llama.cpp on the CPU only.\n",
            Options->NGpuLayers);
}

static uint32_t ggml_load(const ws_nn_bytes *Builders, uint32_t BuilderCount, uint32_t Target,
                          const ws_nn_backend_settings *Settings, void **GraphOut) {
  (void)Target; /* CPU only here; WasmEdge offloads through n-gpu-layers, not the target */
  if (BuilderCount < 1 || BuilderCount > 2 || Builders[0].Length == 0) return WS_NN_INVALID_ARGUMENT;
  ggml_graph *Graph = calloc(1, sizeof(*Graph));
  if (Graph == NULL) return WS_NN_RUNTIME_ERROR;
  ggml_options_default(&Graph->Options);
  Graph->HostThreads = Settings->Threads;
  if (BuilderCount == 2) {
    uint32_t Errno = ggml_options_parse(&Graph->Options, (const char *)Builders[1].Data, Builders[1].Length,
                                        ggml_json_schema_to_grammar);
    if (Errno != WS_NN_SUCCESS) {
      free(Graph);
      return Errno;
    }
  }
  if (Graph->Options.EnableLog) LogEverything = 1;
  LogLevel = Settings->LogLevel;
  report_cpu_only(&Graph->Options);
  llama_params_blob Params = Api.llama_model_default_params();
  const ws_nn_bytes *Model = &Builders[0];
  static const char Prefix[] = "preload:";
  if (Model->Length > sizeof(Prefix) - 1 && memcmp(Model->Data, Prefix, sizeof(Prefix) - 1) == 0) {
    /* Only the generic layer's preload list produces this form (a guest's load() refuses it). */
    char *Path = strndup((const char *)Model->Data + sizeof(Prefix) - 1, Model->Length - (sizeof(Prefix) - 1));
    if (Path == NULL) return ggml_graph_release(Graph), WS_NN_RUNTIME_ERROR;
    if (access(Path, R_OK) != 0) {
      fprintf(stderr, "[ws:wasi-nn] GGML: model file %s not found. Check the --nn-preload path.\n", Path);
      free(Path);
      ggml_graph_release(Graph);
      return GGML_MODEL_NOT_FOUND;
    }
    Graph->Model = Api.llama_model_load_from_file(Path, Params);
    free(Path);
  } else {
    Graph->Model = load_from_bytes(Model, Params);
  }
  if (Graph->Model == NULL) {
    fprintf(stderr, "[ws:wasi-nn] GGML: llama.cpp could not load the model (not a usable GGUF file).\n");
    ggml_graph_release(Graph);
    return WS_NN_INVALID_ARGUMENT;
  }
  Graph->Vocab = Api.llama_model_get_vocab(Graph->Model);
  *GraphOut = Graph;
  return WS_NN_SUCCESS;
}

/* The largest ctx-size accepted: the model's training context, and at least
 * 4096. A guest's metadata must not make the host allocate an unbounded KV
 * cache (ctx-size 1e9 would try to allocate terabytes). */
static uint32_t max_context_size(const llama_model *Model) {
  int32_t Trained = Api.llama_model_n_ctx_train(Model);
  return Trained > 4096 ? (uint32_t)Trained : 4096;
}

/* Threads for llama.cpp: the option, else the host's --nn-threads, at most
 * four per online core (ggml's own hard limit is 512). */
static int32_t thread_count(const ggml_options *Options, uint32_t HostThreads) {
  long Cores = sysconf(_SC_NPROCESSORS_ONLN);
  uint32_t Limit = Cores > 0 ? (uint32_t)Cores * 4 : 4;
  uint32_t Threads = Options->Threads > 0 ? Options->Threads : HostThreads;
  if (Threads > Limit) Threads = Limit;
  if (Threads > 512) Threads = 512;
  return Threads > 0 ? (int32_t)Threads : 1;
}

/* (Re)creates the llama context and sampler for Options, which the caller
 * makes Context->Options on success. A ctx-size or grammar that cannot be
 * used leaves the context as it was. */
static uint32_t build_runtime(ggml_context *Context, const ggml_options *Options) {
  if (Options->ContextSize > max_context_size(Context->Graph->Model)) {
    fprintf(stderr, "[ws:wasi-nn] GGML: ctx-size %u is larger than this model allows (%u). Use a smaller ctx-size.\n",
            Options->ContextSize, max_context_size(Context->Graph->Model));
    return WS_NN_INVALID_ARGUMENT;
  }
  llama_sampler *Sampler = NULL;
  uint32_t Errno = ggml_make_sampler(Context->Graph->Vocab, Options, &Sampler);
  if (Errno != WS_NN_SUCCESS) return Errno;
  if (Context->Sampler != NULL) Api.llama_sampler_free(Context->Sampler);
  if (Context->Context != NULL) Api.llama_free(Context->Context);
  Context->Sampler = NULL;
  Context->Context = NULL;
  llama_params_blob Params = Api.llama_context_default_params();
  uint32_t Size = Options->ContextSize;
  if (Size == 0) {
    int32_t Trained = Api.llama_model_n_ctx_train(Context->Graph->Model);
    Size = Trained > 0 && Trained < 4096 ? (uint32_t)Trained : 4096;
  }
  uint32_t Batch = Options->BatchSize > 0 ? Options->BatchSize : 512;
  llama_context_params_set(&Params, Size, Batch);
  Context->Context = Api.llama_init_from_model(Context->Graph->Model, Params);
  if (Context->Context == NULL) {
    Api.llama_sampler_free(Sampler);
    return WS_NN_RUNTIME_ERROR;
  }
  int32_t Threads = thread_count(Options, Context->Graph->HostThreads);
  Api.llama_set_n_threads(Context->Context, Threads, Threads);
  /* WasmEdge creates the context with embeddings = the metadata's "embedding"
   * (and recreates it when set_input(1) changes it); pooling is the model's. */
  Api.llama_set_embeddings(Context->Context, Options->Embedding);
  Context->Sampler = Sampler;
  Context->Streaming = 0;
  return WS_NN_SUCCESS;
}

static void ggml_context_release(void *Opaque) {
  ggml_context *Context = Opaque;
  if (Context == NULL) return;
  if (Context->Sampler != NULL) Api.llama_sampler_free(Context->Sampler);
  if (Context->Context != NULL) Api.llama_free(Context->Context);
  ggml_options_free(&Context->Options);
  ggml_candidates_free(&Context->Candidates);
  free(Context->Prompt);
  free(Context->Output.Data);
  free(Context);
}

static uint32_t ggml_init_context(void *Opaque, void **ContextOut) {
  ggml_graph *Graph = Opaque;
  if (Graph == NULL || Graph->Model == NULL) return WS_NN_MISSING_MEMORY;
  ggml_context *Context = calloc(1, sizeof(*Context));
  if (Context == NULL) return WS_NN_RUNTIME_ERROR;
  Context->Graph = Graph;
  uint32_t Errno = ggml_options_copy(&Context->Options, &Graph->Options) ? build_runtime(Context, &Context->Options)
                                                                         : WS_NN_RUNTIME_ERROR;
  if (Errno != WS_NN_SUCCESS) {
    ggml_context_release(Context);
    return Errno;
  }
  *ContextOut = Context;
  return WS_NN_SUCCESS;
}

static uint32_t ggml_set_input(void *Opaque, uint32_t Index, const ws_nn_tensor *Tensor) {
  ggml_context *Context = Opaque;
  if (Index == 1) {
    ggml_options Options;
    if (!ggml_options_copy(&Options, &Context->Options)) return WS_NN_RUNTIME_ERROR;
    uint32_t Errno = ggml_options_parse(&Options, (const char *)Tensor->Data, Tensor->DataLength,
                                        ggml_json_schema_to_grammar);
    if (Errno == WS_NN_SUCCESS) {
      if (Options.EnableLog) LogEverything = 1;
      if (Options.NGpuLayers != Context->Options.NGpuLayers) report_cpu_only(&Options);
      Errno = build_runtime(Context, &Options);
    }
    if (Errno == WS_NN_SUCCESS) {
      ggml_options Old = Context->Options;
      Context->Options = Options;
      Options = Old;
    }
    ggml_options_free(&Options);
    return Errno;
  }
  if (Index != 0) return WS_NN_INVALID_ARGUMENT;
  if (Tensor->DataLength == 0) return WS_NN_INVALID_ARGUMENT; /* an empty prompt */
  if (ggml_prompt_has_image((const char *)Tensor->Data, Tensor->DataLength)) return WS_NN_INVALID_ARGUMENT;
  char *Prompt = malloc((size_t)Tensor->DataLength + 1);
  if (Prompt == NULL) return WS_NN_RUNTIME_ERROR;
  memcpy(Prompt, Tensor->Data, Tensor->DataLength);
  Prompt[Tensor->DataLength] = '\0';
  free(Context->Prompt);
  Context->Prompt = Prompt;
  Context->PromptLength = Tensor->DataLength;
  Context->Streaming = 0;
  return WS_NN_SUCCESS;
}

static void clear_output(ggml_context *Context) {
  Context->Output.Length = 0;
  Context->LastPieceLength = 0;
  Context->ReversePromptSeen = 0;
  Context->InputTokens = Context->OutputTokens = Context->Position = 0;
}

/* Decodes Tokens[0..Count) in batches of the context's batch size (which
 * llama.cpp may have lowered to the context size: a larger batch aborts). */
static uint32_t decode(ggml_context *Context, llama_token *Tokens, int32_t Count) {
  int32_t Batch = (int32_t)Api.llama_n_batch(Context->Context);
  if (Batch <= 0) return WS_NN_RUNTIME_ERROR;
  for (int32_t Done = 0; Done < Count; Done += Batch) {
    /* The guest's time limit fired (ws_interrupt_requested): it is being stopped. */
    if (ws_current_interrupt_requested()) return WS_NN_RUNTIME_ERROR;
    int32_t Step = Count - Done < Batch ? Count - Done : Batch;
    llama_batch One = {Step, Tokens + Done, NULL, NULL, NULL, NULL, NULL};
    int32_t Result = Api.llama_decode(Context->Context, One);
    if (Result == 1) return GGML_CONTEXT_FULL;
    if (Result != 0) return WS_NN_RUNTIME_ERROR;
    Context->Position += (uint32_t)Step;
  }
  return WS_NN_SUCCESS;
}

/* Clears the context's memory and evaluates the prompt. */
static uint32_t evaluate_prompt(ggml_context *Context) {
  /* No prompt yet, or a failed set_input(1) left no llama context. */
  if (Context->Prompt == NULL || Context->Context == NULL) return WS_NN_INVALID_ARGUMENT;
  clear_output(Context);
  Api.llama_memory_clear(Api.llama_get_memory(Context->Context), true);
  Api.llama_sampler_reset(Context->Sampler);
  if (Context->PromptLength > INT32_MAX / 2) return GGML_PROMPT_TOO_LONG;
  int32_t Needed = -Api.llama_tokenize(Context->Graph->Vocab, Context->Prompt, (int32_t)Context->PromptLength, NULL, 0,
                                       true, true);
  if (Needed <= 0) return WS_NN_INVALID_ARGUMENT;
  if ((uint32_t)Needed >= Api.llama_n_ctx(Context->Context)) return GGML_PROMPT_TOO_LONG;
  llama_token *Tokens = malloc(sizeof(llama_token) * (size_t)Needed);
  if (Tokens == NULL) return WS_NN_RUNTIME_ERROR;
  int32_t Count = Api.llama_tokenize(Context->Graph->Vocab, Context->Prompt, (int32_t)Context->PromptLength, Tokens,
                                     Needed, true, true);
  /* An embedding is taken from one batch, as in WasmEdge (PromptTooLong when
   * the prompt has more tokens than batch-size). */
  if (Context->Options.Embedding && Count > (int32_t)Api.llama_n_batch(Context->Context)) {
    fprintf(stderr,
            "[ws:wasi-nn] GGML: the prompt has %d tokens, more than the batch size (%u) an embedding is computed in. "
            "Shorten the prompt or raise \"batch-size\".\n",
            Count, Api.llama_n_batch(Context->Context));
    free(Tokens);
    Context->InputTokens = (uint32_t)Count;
    return GGML_PROMPT_TOO_LONG;
  }
  uint32_t Errno = Count == Needed ? decode(Context, Tokens, Count) : WS_NN_RUNTIME_ERROR;
  free(Tokens);
  Context->InputTokens = Count > 0 ? (uint32_t)Count : 0;
  return Errno;
}

static int append(text_buffer *Buffer, const char *Text, size_t Length) {
  if (Buffer->Length + Length > Buffer->Capacity) {
    size_t Capacity = Buffer->Capacity > 0 ? Buffer->Capacity * 2 : 256;
    while (Capacity < Buffer->Length + Length) Capacity *= 2;
    char *Data = realloc(Buffer->Data, Capacity);
    if (Data == NULL) return -1;
    Buffer->Data = Data;
    Buffer->Capacity = Capacity;
  }
  memcpy(Buffer->Data + Buffer->Length, Text, Length);
  Buffer->Length += Length;
  return 0;
}

/* Samples, records and evaluates one token. A token that completes the
 * reverse prompt is kept in the output (as WasmEdge does) but not evaluated:
 * generation is over. */
static uint32_t generate_token(ggml_context *Context) {
  const ggml_options *Options = &Context->Options;
  /* Between tokens: a guest past its time limit stops generating (ws hosts only). */
  if (ws_current_interrupt_requested()) return WS_NN_RUNTIME_ERROR;
  if (Context->ReversePromptSeen) return GGML_END_OF_SEQUENCE;
  if (Options->NPredict >= 0 && Context->OutputTokens >= (uint32_t)Options->NPredict) return GGML_END_OF_SEQUENCE;
  if (Context->Position >= Api.llama_n_ctx(Context->Context)) return GGML_CONTEXT_FULL;
  llama_token Token;
  uint32_t Errno = ggml_sample(Context->Sampler, Context->Context, Context->Graph->Vocab, &Context->Candidates, &Token);
  if (Errno == GGML_NO_TOKEN_ALLOWED) {
    fprintf(stderr,
            "[ws:wasi-nn] GGML: no token of the model can continue the grammar after %u generated tokens; generation "
            "stopped. Make sure the \"grammar\" (or \"json-schema\") can be completed with text this model's "
            "vocabulary can write.\n",
            Context->OutputTokens);
    return WS_NN_RUNTIME_ERROR;
  }
  if (Errno != WS_NN_SUCCESS) return Errno;
  if (Api.llama_vocab_is_eog(Context->Graph->Vocab, Token)) return GGML_END_OF_SEQUENCE;
  /* Control tokens are rendered as their text (special = true), as WasmEdge
   * does, and as llama.cpp's grammar engine sees them: a grammar that lets a
   * control token through has matched that text. */
  int32_t Length = Api.llama_token_to_piece(Context->Graph->Vocab, Token, Context->LastPiece,
                                            (int32_t)sizeof(Context->LastPiece), 0, true);
  if (Length < 0) return WS_NN_RUNTIME_ERROR;
  Context->LastPieceLength = (uint32_t)Length;
  if (append(&Context->Output, Context->LastPiece, (size_t)Length) != 0) return WS_NN_RUNTIME_ERROR;
  Context->OutputTokens++;
  if (Options->StreamStdout) fwrite(Context->LastPiece, 1, (size_t)Length, stdout), fflush(stdout);
  if (ggml_output_contains_stop(Context->Output.Data, Context->Output.Length, (size_t)Length, Options->ReversePrompt)) {
    Context->ReversePromptSeen = 1;
    return WS_NN_SUCCESS;
  }
  return decode(Context, &Token, 1);
}

/* common_embd_normalize of llama.cpp's common library, which WasmEdge calls:
 * -1 none, 0 max absolute scaled to the int16 range, 2 euclidean, other
 * values the p-norm (1 = taxicab). */
static void normalize_embedding(const float *In, float *Out, int32_t Count, int32_t Norm) {
  double Sum = 0.0;
  switch (Norm) {
  case -1:
    Sum = 1.0;
    break;
  case 0:
    for (int32_t I = 0; I < Count; ++I)
      if (Sum < fabsf(In[I])) Sum = fabsf(In[I]);
    Sum /= 32760.0;
    break;
  case 2:
    for (int32_t I = 0; I < Count; ++I) Sum += In[I] * In[I];
    Sum = sqrt(Sum);
    break;
  default:
    for (int32_t I = 0; I < Count; ++I) Sum += pow(fabsf(In[I]), Norm);
    Sum = pow(Sum, 1.0 / Norm);
    break;
  }
  const float Scale = Sum > 0.0 ? (float)(1.0 / Sum) : 0.0f;
  for (int32_t I = 0; I < Count; ++I) Out[I] = In[I] * Scale;
}

/* compute with "embedding": true: evaluates the prompt and writes its
 * embedding to the output as WasmEdge's getEmbedding does: the pooled
 * embedding of sequence 0 when the model pools, else the last token's,
 * normalized (embd-normalize), as {"n_embedding": N, "embedding": [...]}
 * with fmt's {:.10} (printf's %.10g) for each value. */
static uint32_t compute_embedding(ggml_context *Context) {
  uint32_t Errno = evaluate_prompt(Context);
  if (Errno != WS_NN_SUCCESS) return Errno;
  int32_t Size = Api.llama_model_n_embd(Context->Graph->Model);
  if (Size <= 0) return WS_NN_RUNTIME_ERROR;
  const float *Embedding = Api.llama_get_embeddings_seq(Context->Context, 0);
  if (Embedding == NULL) Embedding = Api.llama_get_embeddings_ith(Context->Context, -1);
  float *Normalized = calloc((size_t)Size, sizeof(float));
  if (Normalized == NULL) return WS_NN_RUNTIME_ERROR;
  /* WasmEdge logs a missing embedding and writes zeros. */
  if (Embedding != NULL) normalize_embedding(Embedding, Normalized, Size, Context->Options.EmbdNormalize);
  else fprintf(stderr, "[ws:wasi-nn] GGML: llama.cpp returned no embedding for the prompt; the output is zeros.\n");
  char Number[48];
  int Length = snprintf(Number, sizeof(Number), "{\"n_embedding\": %d, \"embedding\": [", Size);
  int Failed = append(&Context->Output, Number, (size_t)Length);
  for (int32_t I = 0; I < Size && !Failed; ++I) {
    Length = snprintf(Number, sizeof(Number), I == 0 ? "%.10g" : ",%.10g", (double)Normalized[I]);
    Failed = append(&Context->Output, Number, (size_t)Length);
  }
  if (!Failed) Failed = append(&Context->Output, "]}", 2);
  free(Normalized);
  return Failed ? WS_NN_RUNTIME_ERROR : WS_NN_SUCCESS;
}

static uint32_t ggml_compute(void *Opaque) {
  ggml_context *Context = Opaque;
  Context->Streaming = 0;
  if (Context->Options.Embedding) return compute_embedding(Context);
  uint32_t Errno = evaluate_prompt(Context);
  while (Errno == WS_NN_SUCCESS) Errno = generate_token(Context);
  return Errno == GGML_END_OF_SEQUENCE ? WS_NN_SUCCESS : Errno;
}

static uint32_t ggml_compute_single(void *Opaque) {
  ggml_context *Context = Opaque;
  if (!Context->Streaming) {
    uint32_t Errno = evaluate_prompt(Context);
    if (Errno != WS_NN_SUCCESS) return Errno;
    Context->Streaming = 1;
  }
  Context->LastPieceLength = 0;
  return generate_token(Context);
}

static uint32_t ggml_fini_single(void *Opaque) {
  ggml_context *Context = Opaque;
  clear_output(Context);
  Context->Streaming = 0;
  if (Context->Sampler != NULL) Api.llama_sampler_reset(Context->Sampler);
  return WS_NN_SUCCESS;
}

/* Copies Data to the guest buffer, or reports TooLarge with the size. */
static uint32_t copy_out(const char *Data, size_t Length, uint8_t *Buffer, uint32_t BufferLength, uint32_t *Written) {
  if (Length > UINT32_MAX) return WS_NN_TOO_LARGE;
  *Written = (uint32_t)Length;
  if (Length > BufferLength) return WS_NN_TOO_LARGE;
  if (Length > 0) memcpy(Buffer, Data, Length);
  return WS_NN_SUCCESS;
}

static uint32_t metadata_output(const ggml_context *Context, uint8_t *Buffer, uint32_t BufferLength, uint32_t *Written) {
  char Json[256];
  int Length = snprintf(Json, sizeof(Json),
                        "{\"input_tokens\": %u, \"output_tokens\": %u, \"llama_build_number\": 0, "
                        "\"llama_commit\": \"@node-llama-cpp/linux-x64 3.22.1\"}",
                        Context->InputTokens, Context->OutputTokens);
  return copy_out(Json, (size_t)Length, Buffer, BufferLength, Written);
}

static uint32_t ggml_get_output(void *Opaque, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength,
                                uint32_t *Written) {
  ggml_context *Context = Opaque;
  if (Index == 0) return copy_out(Context->Output.Data, Context->Output.Length, Buffer, BufferLength, Written);
  if (Index == 1) return metadata_output(Context, Buffer, BufferLength, Written);
  return WS_NN_INVALID_ARGUMENT;
}

static uint32_t ggml_get_output_single(void *Opaque, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength,
                                       uint32_t *Written) {
  ggml_context *Context = Opaque;
  if (Index == 0) return copy_out(Context->LastPiece, Context->LastPieceLength, Buffer, BufferLength, Written);
  if (Index == 1) return metadata_output(Context, Buffer, BufferLength, Written);
  return WS_NN_INVALID_ARGUMENT;
}

static const ws_nn_backend Backend = {
    .AbiVersion = WS_NN_BACKEND_ABI_VERSION,
    .Name = "GGML",
    .Open = ggml_open,
    .Load = ggml_load,
    .GraphRelease = ggml_graph_release,
    .InitContext = ggml_init_context,
    .ContextRelease = ggml_context_release,
    .SetInput = ggml_set_input,
    .Compute = ggml_compute,
    .GetOutput = ggml_get_output,
    .ComputeSingle = ggml_compute_single,
    .GetOutputSingle = ggml_get_output_single,
    .FiniSingle = ggml_fini_single,
};

__attribute__((visibility("default"))) const ws_nn_backend *ws_wasi_nn_backend(void) { return &Backend; }
