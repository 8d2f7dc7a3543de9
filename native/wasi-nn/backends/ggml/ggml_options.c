/* A small strict JSON reader for the flat GGML metadata object (see ggml_options.h). */
#include "ggml_options.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ggml_options_default(ggml_options *Options) {
  *Options = (ggml_options){.ContextSize = 0, .BatchSize = 512, .NPredict = -1, .Threads = 0,
                            .Temperature = 0.8f, .TopP = 0.95f, .TopK = 40, .RepeatPenalty = 1.1f,
                            .PresencePenalty = 0.0f, .FrequencyPenalty = 0.0f, .Seed = 42,
                            .EnableLog = false, .StreamStdout = false};
}

typedef struct reader {
  const char *At, *End;
  int Depth;
} reader;

static void skip_space(reader *R) {
  while (R->At < R->End && (*R->At == ' ' || *R->At == '\t' || *R->At == '\n' || *R->At == '\r')) R->At++;
}

static bool take(reader *R, char C) {
  skip_space(R);
  if (R->At < R->End && *R->At == C) return R->At++, true;
  return false;
}

/* A JSON string; copies at most OutLen-1 bytes of it (escapes kept raw) into Out. */
static bool read_string(reader *R, char *Out, size_t OutLen) {
  if (!take(R, '"')) return false;
  size_t Used = 0;
  while (R->At < R->End && *R->At != '"') {
    if ((unsigned char)*R->At < 0x20) return false;
    if (*R->At == '\\') {
      if (++R->At >= R->End) return false;
    }
    if (Out != NULL && Used + 1 < OutLen) Out[Used++] = *R->At;
    R->At++;
  }
  if (Out != NULL) Out[Used] = '\0';
  if (R->At >= R->End) return false;
  R->At++; /* the closing quote */
  return true;
}

static bool read_value(reader *R, double *Number, int *Kind);

/* Kinds of a value read by read_value. */
enum { KIND_NUMBER, KIND_STRING, KIND_BOOL_TRUE, KIND_BOOL_FALSE, KIND_NULL, KIND_COMPOUND };

static bool read_compound(reader *R, char Close) {
  if (++R->Depth > 32) return false;
  if (take(R, Close)) return R->Depth--, true;
  do {
    double Ignored;
    int Kind;
    if (Close == '}' && (!read_string(R, NULL, 0) || !take(R, ':'))) return false;
    if (!read_value(R, &Ignored, &Kind)) return false;
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

static bool read_value(reader *R, double *Number, int *Kind) {
  skip_space(R);
  if (R->At >= R->End) return false;
  char C = *R->At;
  if (C == '"') return *Kind = KIND_STRING, read_string(R, NULL, 0);
  if (C == '{') return R->At++, *Kind = KIND_COMPOUND, read_compound(R, '}');
  if (C == '[') return R->At++, *Kind = KIND_COMPOUND, read_compound(R, ']');
  if (read_literal(R, "true")) return *Kind = KIND_BOOL_TRUE, true;
  if (read_literal(R, "false")) return *Kind = KIND_BOOL_FALSE, true;
  if (read_literal(R, "null")) return *Kind = KIND_NULL, true;
  char Buffer[64];
  size_t Length = 0;
  while (R->At + Length < R->End && Length < sizeof(Buffer) - 1 && strchr("+-0123456789.eE", R->At[Length]) != NULL)
    Length++;
  if (Length == 0) return false;
  memcpy(Buffer, R->At, Length);
  Buffer[Length] = '\0';
  char *EndPtr;
  *Number = strtod(Buffer, &EndPtr);
  if (EndPtr != Buffer + Length || !isfinite(*Number)) return false;
  R->At += Length;
  *Kind = KIND_NUMBER;
  return true;
}

typedef enum { FIELD_U32, FIELD_I32, FIELD_F32, FIELD_BOOL } field_type;

typedef struct field {
  const char *Key;
  field_type Type;
  size_t Offset;
} field;

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
};

static bool apply(ggml_options *Options, const field *Field, double Number, int Kind) {
  uint8_t *At = (uint8_t *)Options + Field->Offset;
  if (Field->Type == FIELD_BOOL) {
    if (Kind != KIND_BOOL_TRUE && Kind != KIND_BOOL_FALSE) return false;
    *(bool *)At = Kind == KIND_BOOL_TRUE;
    return true;
  }
  if (Kind != KIND_NUMBER) return false;
  switch (Field->Type) {
  case FIELD_U32:
    if (Number < 0 || Number > UINT32_MAX) return false;
    *(uint32_t *)At = (uint32_t)Number;
    return true;
  case FIELD_I32:
    if (Number < INT32_MIN || Number > INT32_MAX) return false;
    *(int32_t *)At = (int32_t)Number;
    return true;
  default:
    *(float *)At = (float)Number;
    return true;
  }
}

bool ggml_options_parse(ggml_options *Options, const char *Text, size_t Length) {
  reader R = {Text, Text + Length, 0};
  ggml_options Result = *Options;
  if (!take(&R, '{')) return false;
  if (!take(&R, '}')) {
    do {
      char Key[64];
      double Number = 0;
      int Kind;
      if (!read_string(&R, Key, sizeof(Key)) || !take(&R, ':') || !read_value(&R, &Number, &Kind)) return false;
      for (size_t I = 0; I < sizeof(Fields) / sizeof(Fields[0]); ++I)
        if (strcmp(Key, Fields[I].Key) == 0 && !apply(&Result, &Fields[I], Number, Kind)) return false;
    } while (take(&R, ','));
    if (!take(&R, '}')) return false;
  }
  skip_space(&R);
  if (R.At != R.End) return false;
  *Options = Result;
  return true;
}
