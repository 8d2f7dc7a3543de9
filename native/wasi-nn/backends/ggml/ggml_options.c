/* A small strict JSON reader for the flat GGML metadata object (see ggml_options.h). */
#include "ggml_options.h"
#include "../../nn_types.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ggml_options_default(ggml_options *Options) {
  *Options = (ggml_options){.ContextSize = 0, .BatchSize = 512, .NPredict = -1, .Threads = 0,
                            .Temperature = 0.8f, .TopP = 0.95f, .TopK = 40, .RepeatPenalty = 1.1f,
                            .PresencePenalty = 0.0f, .FrequencyPenalty = 0.0f, .Seed = 42,
                            .EnableLog = false, .StreamStdout = false, .Embedding = false, .EmbdNormalize = 2,
                            .NGpuLayers = -1, .Grammar = NULL, .ReversePrompt = NULL};
}

void ggml_options_free(ggml_options *Options) {
  free(Options->Grammar);
  free(Options->ReversePrompt);
  Options->Grammar = Options->ReversePrompt = NULL;
}

bool ggml_options_copy(ggml_options *To, const ggml_options *From) {
  *To = *From;
  To->Grammar = From->Grammar != NULL ? strdup(From->Grammar) : NULL;
  To->ReversePrompt = From->ReversePrompt != NULL ? strdup(From->ReversePrompt) : NULL;
  if ((From->Grammar != NULL && To->Grammar == NULL) || (From->ReversePrompt != NULL && To->ReversePrompt == NULL)) {
    ggml_options_free(To);
    ggml_options_default(To);
    return false;
  }
  return true;
}

typedef struct reader {
  const char *At, *End;
  int Depth, MaxDepth;
} reader;

/* Kinds of a value read by read_value. */
enum { KIND_NUMBER, KIND_STRING, KIND_BOOL_TRUE, KIND_BOOL_FALSE, KIND_NULL, KIND_COMPOUND };

/* One value: its kind, its number, and where its text is (for a string,
 * between the quotes, escapes still encoded). */
typedef struct value {
  int Kind;
  double Number;
  bool Integral; /* a number written without fraction or exponent (simdjson's int64) */
  const char *Start, *End;
} value;

static void skip_space(reader *R) {
  while (R->At < R->End && (*R->At == ' ' || *R->At == '\t' || *R->At == '\n' || *R->At == '\r')) R->At++;
}

static bool take(reader *R, char C) {
  skip_space(R);
  if (R->At < R->End && *R->At == C) return R->At++, true;
  return false;
}

static int hex_digit(char C) {
  if (C >= '0' && C <= '9') return C - '0';
  if (C >= 'a' && C <= 'f') return C - 'a' + 10;
  if (C >= 'A' && C <= 'F') return C - 'A' + 10;
  return -1;
}

/* The 4 hex digits at At (At + 4 <= End checked by the caller), or -1. */
static long hex4(const char *At) {
  long Value = 0;
  for (int I = 0; I < 4; ++I) {
    int Digit = hex_digit(At[I]);
    if (Digit < 0) return -1;
    Value = Value * 16 + Digit;
  }
  return Value;
}

static size_t put_utf8(char *Out, unsigned long Code) {
  if (Code < 0x80) return Out[0] = (char)Code, 1;
  if (Code < 0x800) return Out[0] = (char)(0xC0 | (Code >> 6)), Out[1] = (char)(0x80 | (Code & 0x3F)), 2;
  if (Code < 0x10000) {
    Out[0] = (char)(0xE0 | (Code >> 12));
    Out[1] = (char)(0x80 | ((Code >> 6) & 0x3F));
    Out[2] = (char)(0x80 | (Code & 0x3F));
    return 3;
  }
  Out[0] = (char)(0xF0 | (Code >> 18));
  Out[1] = (char)(0x80 | ((Code >> 12) & 0x3F));
  Out[2] = (char)(0x80 | ((Code >> 6) & 0x3F));
  Out[3] = (char)(0x80 | (Code & 0x3F));
  return 4;
}

/* Decodes the escapes of a JSON string body [Start, End) into Out (which has
 * room for End - Start + 1 bytes: no escape decodes longer than it is written)
 * and returns the decoded length, or -1 for a bad escape. */
static long decode_string(const char *Start, const char *End, char *Out) {
  size_t Used = 0;
  for (const char *At = Start; At < End;) {
    if (*At != '\\') {
      Out[Used++] = *At++;
      continue;
    }
    if (++At >= End) return -1;
    char C = *At++;
    const char *Simple = strchr("\"\\/bfnrt", C);
    if (C != '\0' && Simple != NULL) {
      Out[Used++] = "\"\\/\b\f\n\r\t"[Simple - "\"\\/bfnrt"];
      continue;
    }
    if (C != 'u' || End - At < 4) return -1;
    long Code = hex4(At);
    if (Code < 0) return -1;
    At += 4;
    if (Code >= 0xD800 && Code <= 0xDBFF) { /* a high surrogate must pair with a low one */
      if (End - At < 6 || At[0] != '\\' || At[1] != 'u') return -1;
      long Low = hex4(At + 2);
      if (Low < 0xDC00 || Low > 0xDFFF) return -1;
      At += 6;
      Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
    } else if (Code >= 0xDC00 && Code <= 0xDFFF) {
      return -1;
    }
    Used += put_utf8(Out + Used, (unsigned long)Code);
  }
  Out[Used] = '\0';
  return (long)Used;
}

/* A JSON string; [*Start, *End) receives its body. */
static bool read_string(reader *R, const char **Start, const char **End) {
  if (!take(R, '"')) return false;
  *Start = R->At;
  while (R->At < R->End && *R->At != '"') {
    if ((unsigned char)*R->At < 0x20) return false;
    if (*R->At == '\\' && ++R->At >= R->End) return false;
    R->At++;
  }
  if (R->At >= R->End) return false;
  *End = R->At++; /* the closing quote */
  return true;
}

/* The decoded text of a string value, malloc'd; NULL for a bad escape or no memory. */
static char *string_of(const value *Value) {
  char *Text = malloc((size_t)(Value->End - Value->Start) + 1);
  if (Text != NULL && decode_string(Value->Start, Value->End, Text) < 0) free(Text), Text = NULL;
  return Text;
}

static bool read_value(reader *R, value *Value);

static bool read_compound(reader *R, char Close) {
  if (++R->Depth > R->MaxDepth) return false;
  if (take(R, Close)) return R->Depth--, true;
  do {
    value Ignored;
    const char *KeyStart, *KeyEnd;
    if (Close == '}' && (!read_string(R, &KeyStart, &KeyEnd) || !take(R, ':'))) return false;
    if (!read_value(R, &Ignored)) return false;
  } while (take(R, ','));
  R->Depth--;
  return take(R, Close);
}

static bool read_literal(reader *R, const char *Word) {
  size_t Length = strlen(Word);
  if ((size_t)(R->End - R->At) < Length || memcmp(R->At, Word, Length) != 0) return false;
  R->At += Length;
  return true;
}

static bool read_value(reader *R, value *Value) {
  skip_space(R);
  if (R->At >= R->End) return false;
  char C = *R->At;
  Value->Start = R->At;
  if (C == '"') return Value->Kind = KIND_STRING, read_string(R, &Value->Start, &Value->End);
  bool Ok;
  if (C == '{' || C == '[') {
    R->At++;
    Value->Kind = KIND_COMPOUND;
    Ok = read_compound(R, C == '{' ? '}' : ']');
  } else if (read_literal(R, "true")) {
    Ok = true, Value->Kind = KIND_BOOL_TRUE;
  } else if (read_literal(R, "false")) {
    Ok = true, Value->Kind = KIND_BOOL_FALSE;
  } else if (read_literal(R, "null")) {
    Ok = true, Value->Kind = KIND_NULL;
  } else {
    char Buffer[64];
    size_t Length = 0;
    while (R->At + Length < R->End && Length < sizeof(Buffer) - 1 && strchr("+-0123456789.eE", R->At[Length]) != NULL)
      Length++;
    if (Length == 0) return false;
    memcpy(Buffer, R->At, Length);
    Buffer[Length] = '\0';
    char *EndPtr;
    Value->Number = strtod(Buffer, &EndPtr);
    if (EndPtr != Buffer + Length || !isfinite(Value->Number)) return false;
    R->At += Length;
    Value->Kind = KIND_NUMBER;
    Value->Integral = strpbrk(Buffer, ".eE") == NULL;
    Ok = true;
  }
  Value->End = R->At;
  return Ok;
}

bool ggml_json_within_depth(const char *Text, size_t Length, int MaxDepth) {
  reader R = {Text, Text + Length, 0, MaxDepth};
  value Value;
  if (!read_value(&R, &Value)) return false;
  skip_space(&R);
  return R.At == R.End;
}

/* The type a key's value must have, as WasmEdge reads it with simdjson:
 * integers are numbers written without fraction or exponent (get<int64_t>),
 * numbers any number (get<double>), bools only true / false. The FIELD_ANY_*
 * keys are checked and otherwise ignored (nothing in this backend uses them). */
typedef enum {
  FIELD_U32, FIELD_I32, FIELD_F32, FIELD_BOOL,
  FIELD_ANY_INTEGER, FIELD_ANY_UNSIGNED, FIELD_ANY_NUMBER, FIELD_ANY_BOOL, FIELD_ANY_STRING
} field_type;

typedef struct field {
  const char *Key;
  field_type Type;
  size_t Offset;
} field;

#define IGNORED(Key, Type) {Key, Type, 0}
static const field Fields[] = {
    {"ctx-size", FIELD_U32, offsetof(ggml_options, ContextSize)},
    {"batch-size", FIELD_U32, offsetof(ggml_options, BatchSize)},
    {"n-predict", FIELD_I32, offsetof(ggml_options, NPredict)},
    {"threads", FIELD_U32, offsetof(ggml_options, Threads)},
    {"temp", FIELD_F32, offsetof(ggml_options, Temperature)},
    {"top-p", FIELD_F32, offsetof(ggml_options, TopP)},
    {"top-k", FIELD_I32, offsetof(ggml_options, TopK)},
    {"repeat-penalty", FIELD_F32, offsetof(ggml_options, RepeatPenalty)},
    {"presence-penalty", FIELD_F32, offsetof(ggml_options, PresencePenalty)},
    {"frequency-penalty", FIELD_F32, offsetof(ggml_options, FrequencyPenalty)},
    {"seed", FIELD_U32, offsetof(ggml_options, Seed)},
    {"enable-log", FIELD_BOOL, offsetof(ggml_options, EnableLog)},
    {"stream-stdout", FIELD_BOOL, offsetof(ggml_options, StreamStdout)},
    {"embedding", FIELD_BOOL, offsetof(ggml_options, Embedding)},
    {"embd-normalize", FIELD_I32, offsetof(ggml_options, EmbdNormalize)},
    {"n-gpu-layers", FIELD_I32, offsetof(ggml_options, NGpuLayers)},
    /* The rest of WasmEdge's keys: llama.cpp options for GPUs, servers,
     * benchmarks, speculative decoding, samplers this backend does not build,
     * files and downloads. */
    IGNORED("main-gpu", FIELD_ANY_INTEGER), IGNORED("n-cpu-moe", FIELD_ANY_INTEGER),
    IGNORED("ubatch-size", FIELD_ANY_INTEGER), IGNORED("n-keep", FIELD_ANY_INTEGER),
    IGNORED("n-chunks", FIELD_ANY_INTEGER), IGNORED("n-parallel", FIELD_ANY_INTEGER),
    IGNORED("n-sequences", FIELD_ANY_INTEGER), IGNORED("grp-attn-n", FIELD_ANY_INTEGER),
    IGNORED("grp-attn-w", FIELD_ANY_INTEGER), IGNORED("n-print", FIELD_ANY_INTEGER),
    IGNORED("yarn-orig-ctx", FIELD_ANY_INTEGER), IGNORED("priority", FIELD_ANY_INTEGER),
    IGNORED("poll", FIELD_ANY_INTEGER), IGNORED("priority-batch", FIELD_ANY_INTEGER),
    IGNORED("poll-batch", FIELD_ANY_INTEGER), IGNORED("numa", FIELD_ANY_INTEGER),
    IGNORED("rope-scaling-type", FIELD_ANY_INTEGER), IGNORED("pooling-type", FIELD_ANY_INTEGER),
    IGNORED("attention-type", FIELD_ANY_INTEGER), IGNORED("threads-batch", FIELD_ANY_INTEGER),
    IGNORED("n-prev", FIELD_ANY_INTEGER), IGNORED("n-probs", FIELD_ANY_INTEGER),
    IGNORED("min-keep", FIELD_ANY_INTEGER), IGNORED("last-n-penalty", FIELD_ANY_INTEGER),
    IGNORED("dry-allowed-length", FIELD_ANY_INTEGER), IGNORED("dry-last-n-penalty", FIELD_ANY_INTEGER),
    IGNORED("mirostat", FIELD_ANY_INTEGER), IGNORED("n-max-speculative", FIELD_ANY_INTEGER),
    IGNORED("n-min-speculative", FIELD_ANY_INTEGER), IGNORED("n-gpu-layers-speculative", FIELD_ANY_INTEGER),
    IGNORED("verbosity", FIELD_ANY_INTEGER), IGNORED("control-vector-layer-start", FIELD_ANY_INTEGER),
    IGNORED("control-vector-layer-end", FIELD_ANY_INTEGER), IGNORED("ppl-stride", FIELD_ANY_INTEGER),
    IGNORED("ppl-output-type", FIELD_ANY_INTEGER), IGNORED("cache-type-k", FIELD_ANY_INTEGER),
    IGNORED("cache-type-v", FIELD_ANY_INTEGER), IGNORED("port", FIELD_ANY_INTEGER),
    IGNORED("timeout-read", FIELD_ANY_INTEGER), IGNORED("timeout-write", FIELD_ANY_INTEGER),
    IGNORED("n-threads-http", FIELD_ANY_INTEGER), IGNORED("n-cache-reuse", FIELD_ANY_INTEGER),
    IGNORED("n-pp", FIELD_ANY_INTEGER), IGNORED("n-tg", FIELD_ANY_INTEGER), IGNORED("n-pl", FIELD_ANY_INTEGER),
    IGNORED("chunk-size", FIELD_ANY_INTEGER), IGNORED("n-junk", FIELD_ANY_INTEGER),
    IGNORED("i-pos", FIELD_ANY_INTEGER), IGNORED("n-out-freq", FIELD_ANY_INTEGER),
    IGNORED("n-save-freq", FIELD_ANY_INTEGER), IGNORED("i-chunk", FIELD_ANY_INTEGER),
    IGNORED("n-pca-batch", FIELD_ANY_INTEGER), IGNORED("n-pca-iterations", FIELD_ANY_INTEGER),
    IGNORED("hellaswag-tasks", FIELD_ANY_UNSIGNED), IGNORED("winogrande-tasks", FIELD_ANY_UNSIGNED),
    IGNORED("multiple-choice-tasks", FIELD_ANY_UNSIGNED),
    IGNORED("rope-freq-base", FIELD_ANY_NUMBER), IGNORED("rope-freq-scale", FIELD_ANY_NUMBER),
    IGNORED("yarn-ext-factor", FIELD_ANY_NUMBER), IGNORED("yarn-attn-factor", FIELD_ANY_NUMBER),
    IGNORED("yarn-beta-fast", FIELD_ANY_NUMBER), IGNORED("yarn-beta-slow", FIELD_ANY_NUMBER),
    IGNORED("min-p", FIELD_ANY_NUMBER), IGNORED("xtc-probability", FIELD_ANY_NUMBER),
    IGNORED("xtc-threshold", FIELD_ANY_NUMBER), IGNORED("typ-p", FIELD_ANY_NUMBER),
    IGNORED("dynatemp-range", FIELD_ANY_NUMBER), IGNORED("dynatemp-exponent", FIELD_ANY_NUMBER),
    IGNORED("dry-multipier", FIELD_ANY_NUMBER), /* sic: WasmEdge's spelling */
    IGNORED("dry-base", FIELD_ANY_NUMBER), IGNORED("mirostat-eta", FIELD_ANY_NUMBER),
    IGNORED("p-split-speculative", FIELD_ANY_NUMBER), IGNORED("p-min-speculative", FIELD_ANY_NUMBER),
    IGNORED("slot-prompt-similarity", FIELD_ANY_NUMBER),
    IGNORED("enable-debug-log", FIELD_ANY_BOOL), IGNORED("cpu-moe", FIELD_ANY_BOOL),
    IGNORED("mask-valid", FIELD_ANY_BOOL), IGNORED("strict-cpu", FIELD_ANY_BOOL),
    IGNORED("mask-valid-batch", FIELD_ANY_BOOL), IGNORED("strict-cpu-batch", FIELD_ANY_BOOL),
    IGNORED("always-regenerate-image-embd", FIELD_ANY_BOOL), IGNORED("ignore-eos", FIELD_ANY_BOOL),
    IGNORED("no-perf-sampling", FIELD_ANY_BOOL), IGNORED("timing-per-token", FIELD_ANY_BOOL),
    IGNORED("lora-init-without-apply", FIELD_ANY_BOOL), IGNORED("hellaswag", FIELD_ANY_BOOL),
    IGNORED("winogrande", FIELD_ANY_BOOL), IGNORED("multiple-choice", FIELD_ANY_BOOL),
    IGNORED("kl-divergence", FIELD_ANY_BOOL), IGNORED("usage", FIELD_ANY_BOOL), IGNORED("use-color", FIELD_ANY_BOOL),
    IGNORED("special", FIELD_ANY_BOOL), IGNORED("interactive", FIELD_ANY_BOOL),
    IGNORED("interactive-first", FIELD_ANY_BOOL), IGNORED("prompt-cache-all", FIELD_ANY_BOOL),
    IGNORED("prompt-cache-ro", FIELD_ANY_BOOL), IGNORED("escape", FIELD_ANY_BOOL),
    IGNORED("multiline-input", FIELD_ANY_BOOL), IGNORED("simple-io", FIELD_ANY_BOOL),
    IGNORED("cont-batching", FIELD_ANY_BOOL), IGNORED("no-perf", FIELD_ANY_BOOL), IGNORED("ctx-shift", FIELD_ANY_BOOL),
    IGNORED("input-prefix-bos", FIELD_ANY_BOOL), IGNORED("use-mlock", FIELD_ANY_BOOL),
    IGNORED("use-mmap", FIELD_ANY_BOOL), IGNORED("verbose-prompt", FIELD_ANY_BOOL),
    IGNORED("display-prompt", FIELD_ANY_BOOL), IGNORED("no-kv-offload", FIELD_ANY_BOOL),
    IGNORED("warmup", FIELD_ANY_BOOL), IGNORED("check-tensors", FIELD_ANY_BOOL), IGNORED("reranking", FIELD_ANY_BOOL),
    IGNORED("enable-chat-template", FIELD_ANY_BOOL), IGNORED("webui", FIELD_ANY_BOOL),
    IGNORED("endpoint-slots", FIELD_ANY_BOOL), IGNORED("endpoint-props", FIELD_ANY_BOOL),
    IGNORED("endpoint-metrics", FIELD_ANY_BOOL), IGNORED("log-json", FIELD_ANY_BOOL),
    IGNORED("is-pp-shared", FIELD_ANY_BOOL), IGNORED("process-output", FIELD_ANY_BOOL),
    IGNORED("compute-ppl", FIELD_ANY_BOOL), IGNORED("spm-infill", FIELD_ANY_BOOL),
    IGNORED("batched-bench-output-jsonl", FIELD_ANY_BOOL), IGNORED("tts", FIELD_ANY_BOOL), /* true is refused */
    IGNORED("tensor-split", FIELD_ANY_STRING), IGNORED("split-mode", FIELD_ANY_STRING),
    IGNORED("model-vocoder", FIELD_ANY_STRING), IGNORED("tts-output-file", FIELD_ANY_STRING),
    IGNORED("tts-speaker-file", FIELD_ANY_STRING), IGNORED("hf-repo-vocoder", FIELD_ANY_STRING),
    IGNORED("hf-file-vocoder", FIELD_ANY_STRING), IGNORED("model-url-vocoder", FIELD_ANY_STRING),
    IGNORED("model-alias", FIELD_ANY_STRING), IGNORED("model-url", FIELD_ANY_STRING),
    IGNORED("hf-token", FIELD_ANY_STRING), IGNORED("hf-repo", FIELD_ANY_STRING), IGNORED("hf-file", FIELD_ANY_STRING),
    IGNORED("prompt-file", FIELD_ANY_STRING), IGNORED("path-prompt-cache", FIELD_ANY_STRING),
    IGNORED("input-prefix", FIELD_ANY_STRING), IGNORED("input-suffix", FIELD_ANY_STRING),
    IGNORED("lookup-cache-static", FIELD_ANY_STRING), IGNORED("lookup-cache-dynamic", FIELD_ANY_STRING),
    IGNORED("logits-file", FIELD_ANY_STRING), IGNORED("flash-attn", FIELD_ANY_STRING),
    IGNORED("load-mode", FIELD_ANY_STRING), IGNORED("embd-out", FIELD_ANY_STRING), IGNORED("embd-sep", FIELD_ANY_STRING),
    IGNORED("hostname", FIELD_ANY_STRING), IGNORED("public-path", FIELD_ANY_STRING),
    IGNORED("chat-template", FIELD_ANY_STRING), IGNORED("ssl-file-key", FIELD_ANY_STRING),
    IGNORED("ssl-file-cert", FIELD_ANY_STRING), IGNORED("slot-save-path", FIELD_ANY_STRING),
    IGNORED("context-files", FIELD_ANY_STRING), IGNORED("chunk-separator", FIELD_ANY_STRING),
    IGNORED("out-file", FIELD_ANY_STRING), IGNORED("cvector-dimre-method", FIELD_ANY_STRING),
    IGNORED("cvector-positive-file", FIELD_ANY_STRING), IGNORED("cvector-negative-file", FIELD_ANY_STRING),
};
#undef IGNORED

static bool is_integer(const value *Value) {
  return Value->Kind == KIND_NUMBER && Value->Integral && Value->Number >= -9223372036854775808.0 &&
         Value->Number < 9223372036854775808.0;
}

static bool apply(ggml_options *Options, const field *Field, const value *Value) {
  uint8_t *At = (uint8_t *)Options + Field->Offset;
  switch (Field->Type) {
  case FIELD_ANY_INTEGER: return is_integer(Value);
  case FIELD_ANY_UNSIGNED: return is_integer(Value) && Value->Number >= 0;
  case FIELD_ANY_NUMBER: return Value->Kind == KIND_NUMBER;
  case FIELD_ANY_BOOL: return Value->Kind == KIND_BOOL_TRUE || Value->Kind == KIND_BOOL_FALSE;
  case FIELD_ANY_STRING: return Value->Kind == KIND_STRING;
  case FIELD_BOOL:
    if (Value->Kind != KIND_BOOL_TRUE && Value->Kind != KIND_BOOL_FALSE) return false;
    *(bool *)At = Value->Kind == KIND_BOOL_TRUE;
    return true;
  case FIELD_U32:
    if (!is_integer(Value) || Value->Number < 0 || Value->Number > UINT32_MAX) return false;
    *(uint32_t *)At = (uint32_t)Value->Number;
    return true;
  case FIELD_I32:
    if (!is_integer(Value) || Value->Number < INT32_MIN || Value->Number > INT32_MAX) return false;
    *(int32_t *)At = (int32_t)Value->Number;
    return true;
  default:
    if (Value->Kind != KIND_NUMBER) return false;
    *(float *)At = (float)Value->Number;
    return true;
  }
}

/* The keys whose values are text; WasmEdge applies them in this order. */
enum { TEXT_GRAMMAR, TEXT_JSON_SCHEMA, TEXT_REVERSE_PROMPT, TEXT_MMPROJ, TEXT_IMAGE, TEXT_KEYS };
static const char *const TextKeys[TEXT_KEYS] = {"grammar", "json-schema", "reverse-prompt", "mmproj", "image"};

/* Multimodal input needs llama.cpp's libmtmd, which the shipped libllama lacks. */
static uint32_t refuse_multimodal(const char *Key, const char *Value) {
  fprintf(stderr,
          "[ws:wasi-nn] GGML: metadata \"%s\" (\"%.200s\") needs multimodal support, which this build does not have: "
          "the libllama shipped by @node-llama-cpp 3.22.1 comes without libmtmd, llama.cpp's multimodal library that "
          "loads the projector (\"mmproj\") and the images. Remove \"mmproj\" and \"image\" from the metadata, or run "
          "the guest on WasmEdge's wasi_nn-ggml plug-in, which is built with libmtmd.\n",
          Key, Value);
  return WS_NN_INVALID_ARGUMENT;
}

/* Applies the text keys found in one document, in WasmEdge's order. */
static uint32_t apply_text(ggml_options *Options, char *Text[TEXT_KEYS], const value *Schema,
                           ggml_schema_converter Convert) {
  if (Text[TEXT_MMPROJ] != NULL && Text[TEXT_MMPROJ][0] != '\0') return refuse_multimodal("mmproj", Text[TEXT_MMPROJ]);
  if (Text[TEXT_IMAGE] != NULL && Text[TEXT_IMAGE][0] != '\0') return refuse_multimodal("image", Text[TEXT_IMAGE]);
  if (Text[TEXT_GRAMMAR] != NULL) {
    free(Options->Grammar);
    Options->Grammar = Text[TEXT_GRAMMAR], Text[TEXT_GRAMMAR] = NULL;
  }
  if (Schema->Start != NULL) {
    /* WasmEdge takes the schema as a string holding JSON; ws also takes the
     * schema object itself. */
    const char *Start = Schema->Start;
    size_t Length = (size_t)(Schema->End - Schema->Start);
    if (Text[TEXT_JSON_SCHEMA] != NULL) Start = Text[TEXT_JSON_SCHEMA], Length = strlen(Start);
    char Err[512] = "";
    char *Grammar = Convert != NULL ? Convert(Start, Length, Err, sizeof(Err)) : NULL;
    if (Grammar == NULL) {
      fprintf(stderr, "[ws:wasi-nn] GGML: metadata \"json-schema\" cannot be used: %s\n", Err);
      return WS_NN_INVALID_ARGUMENT;
    }
    free(Options->Grammar);
    Options->Grammar = Grammar;
  }
  if (Text[TEXT_REVERSE_PROMPT] != NULL) {
    free(Options->ReversePrompt);
    Options->ReversePrompt = Text[TEXT_REVERSE_PROMPT], Text[TEXT_REVERSE_PROMPT] = NULL;
  }
  return WS_NN_SUCCESS;
}

/* Reads the members of the object; Text and Schema receive the text keys.
 * A key given twice counts once, with its first value: WasmEdge looks each
 * key up with simdjson's at_key, which finds the first. */
static uint32_t read_members(reader *R, ggml_options *Result, char *Text[TEXT_KEYS], value *Schema) {
  enum { FIELD_COUNT = sizeof(Fields) / sizeof(Fields[0]) };
  bool Seen[FIELD_COUNT + TEXT_KEYS] = {false};
  if (take(R, '}')) return WS_NN_SUCCESS;
  do {
    value Key, Value;
    if (!read_string(R, &Key.Start, &Key.End) || !take(R, ':') || !read_value(R, &Value)) return WS_NN_INVALID_ENCODING;
    char Name[32];
    size_t Length = (size_t)(Key.End - Key.Start);
    if (Length >= sizeof(Name) || memchr(Key.Start, '\\', Length) != NULL) continue; /* no key of ours */
    memcpy(Name, Key.Start, Length);
    Name[Length] = '\0';
    bool Repeated = false;
    for (size_t I = 0; I < FIELD_COUNT; ++I) {
      if (strcmp(Name, Fields[I].Key) != 0) continue;
      if (Seen[I]) {
        Repeated = true;
        continue;
      }
      Seen[I] = true;
      if (!apply(Result, &Fields[I], &Value)) return WS_NN_INVALID_ENCODING;
    }
    if (Repeated) continue;
    if (strcmp(Name, "tts") == 0 && Value.Kind == KIND_BOOL_TRUE) {
      fprintf(stderr, "[ws:wasi-nn] GGML: metadata \"tts\": true (text to speech) needs a vocoder model and llama.cpp's "
                      "TTS support, which this build does not have. Remove \"tts\" from the metadata, or run the guest "
                      "on WasmEdge's wasi_nn-ggml plug-in.\n");
      return WS_NN_INVALID_ARGUMENT;
    }
    for (int I = 0; I < TEXT_KEYS; ++I) {
      if (strcmp(Name, TextKeys[I]) != 0 || Seen[FIELD_COUNT + I]) continue;
      Seen[FIELD_COUNT + I] = true;
      if (I == TEXT_JSON_SCHEMA && Value.Kind == KIND_COMPOUND && *Value.Start == '{') {
        *Schema = Value;
        free(Text[I]), Text[I] = NULL;
        continue;
      }
      if (Value.Kind != KIND_STRING) return WS_NN_INVALID_ENCODING;
      free(Text[I]);
      if ((Text[I] = string_of(&Value)) == NULL) return WS_NN_INVALID_ENCODING;
      if (I == TEXT_JSON_SCHEMA) *Schema = Value;
    }
  } while (take(R, ','));
  return take(R, '}') ? WS_NN_SUCCESS : WS_NN_INVALID_ENCODING;
}

uint32_t ggml_options_parse(ggml_options *Options, const char *Text, size_t Length, ggml_schema_converter Convert) {
  reader R = {Text, Text + Length, 0, 32};
  ggml_options Result;
  if (!ggml_options_copy(&Result, Options)) return WS_NN_RUNTIME_ERROR;
  char *Strings[TEXT_KEYS] = {NULL};
  value Schema = {.Start = NULL};
  uint32_t Errno = take(&R, '{') ? read_members(&R, &Result, Strings, &Schema) : WS_NN_INVALID_ENCODING;
  if (Errno == WS_NN_SUCCESS) {
    skip_space(&R);
    if (R.At != R.End) Errno = WS_NN_INVALID_ENCODING;
  }
  if (Errno == WS_NN_SUCCESS) Errno = apply_text(&Result, Strings, &Schema, Convert);
  for (int I = 0; I < TEXT_KEYS; ++I) free(Strings[I]);
  if (Errno != WS_NN_SUCCESS) {
    ggml_options_free(&Result);
    return Errno;
  }
  ggml_options_free(Options);
  *Options = Result;
  return WS_NN_SUCCESS;
}
