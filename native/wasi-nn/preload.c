/* --nn-preload parsing and model file reading (see preload.h). */
#define _POSIX_C_SOURCE 200809L
#include "preload.h"
#include "backend_registry.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reads a whole file. Returns 0, or errno. */
static int read_file(const char *Path, ws_nn_bytes *Out) {
  FILE *File = fopen(Path, "rb");
  if (File == NULL) return errno;
  int Result = 0;
  uint8_t *Data = NULL;
  long Size = -1;
  if (fseek(File, 0, SEEK_END) == 0) Size = ftell(File);
  if (Size < 0 || Size > (long)UINT32_MAX || fseek(File, 0, SEEK_SET) != 0) {
    Result = Size > (long)UINT32_MAX ? EFBIG : EIO;
  } else if ((Data = malloc(Size > 0 ? (size_t)Size : 1)) == NULL) {
    Result = ENOMEM;
  } else if (Size > 0 && fread(Data, 1, (size_t)Size, File) != (size_t)Size) {
    Result = EIO;
  }
  fclose(File);
  if (Result != 0) {
    free(Data);
    return Result;
  }
  Out->Data = Data;
  Out->Length = (uint32_t)Size;
  return 0;
}

static void free_entry(ws_nn_preload *Entry) {
  for (uint32_t I = 0; I < Entry->BuilderCount; ++I) free((void *)Entry->Builders[I].Data);
  free(Entry->Builders);
  free(Entry->Name);
}

/* Splits Text on ':' into at most MaxFields NUL-terminated fields (in place). */
static uint32_t split_fields(char *Text, char **Fields, uint32_t MaxFields) {
  uint32_t Count = 0;
  char *Cursor = Text;
  while (Count < MaxFields) {
    Fields[Count++] = Cursor;
    char *Colon = strchr(Cursor, ':');
    if (Colon == NULL) break;
    *Colon = '\0';
    Cursor = Colon + 1;
  }
  return Count;
}

/* Encodings whose backend opens the file itself: WasmEdge stores the bytes
 * "preload:<path>" (path fields re-joined with ':') instead of the file. */
static int is_lazy_encoding(const char *EncodingName, int Encoding) {
  return Encoding == WS_NN_ENCODING_GGML || Encoding == WS_NN_ENCODING_BITNET ||
         strcasecmp(EncodingName, "pytorchaoti") == 0;
}

static int parse_entry(const WasmEdge_String *Raw, ws_nn_preload *Entry, char *Err, size_t ErrLen) {
  enum { MaxFields = 64 };
  char *Text = malloc((size_t)Raw->Length + 1);
  if (Text == NULL) return snprintf(Err, ErrLen, "out of memory"), -1;
  if (Raw->Length > 0) memcpy(Text, Raw->Buf, Raw->Length);
  Text[Raw->Length] = '\0';
  char Original[512];
  snprintf(Original, sizeof(Original), "%s", Text);

  char *Fields[MaxFields];
  uint32_t Count = split_fields(Text, Fields, MaxFields);
  int Encoding = Count >= 2 ? ws_nn_encoding_from_name(Fields[1]) : -1;
  int Target = Count >= 3 ? ws_nn_target_from_name(Fields[2]) : -1;
  int Failed = 1;
  if (Count < 4 || Fields[0][0] == '\0') {
    snprintf(Err, ErrLen,
             "--nn-preload %s: expected NAME:ENCODING:TARGET:PATH[:PATH], e.g. "
             "face:TensorflowLite:CPU:/models/face.tflite",
             Original);
  } else if (Encoding < 0) {
    snprintf(Err, ErrLen, "--nn-preload %s: unknown encoding '%s'. Use TensorflowLite for .tflite models",
             Original, Fields[1]);
  } else if (Target < 0) {
    snprintf(Err, ErrLen, "--nn-preload %s: unknown target '%s'. Use CPU, GPU, TPU or AUTO", Original,
             Fields[2]);
  } else {
    Failed = 0;
  }
  if (Failed) {
    free(Text);
    return -1;
  }

  Entry->Name = strdup(Fields[0]);
  Entry->Encoding = (uint32_t)Encoding;
  Entry->Target = (uint32_t)Target;
  uint32_t PathCount = Count - 3;
  int Lazy = is_lazy_encoding(Fields[1], Encoding);
  Entry->Builders = calloc(Lazy ? 1 : PathCount, sizeof(ws_nn_bytes));
  if (Entry->Name == NULL || Entry->Builders == NULL) {
    free(Text);
    snprintf(Err, ErrLen, "out of memory");
    return -1;
  }
  if (Lazy) {
    size_t Length = strlen("preload:");
    for (uint32_t I = 3; I < Count; ++I) Length += strlen(Fields[I]) + 1;
    char *Bytes = malloc(Length + 1);
    if (Bytes == NULL) return free(Text), snprintf(Err, ErrLen, "out of memory"), -1;
    strcpy(Bytes, "preload:");
    for (uint32_t I = 3; I < Count; ++I) {
      if (I > 3) strcat(Bytes, ":");
      strcat(Bytes, Fields[I]);
    }
    Entry->Builders[0] = (ws_nn_bytes){(const uint8_t *)Bytes, (uint32_t)strlen(Bytes)};
    Entry->BuilderCount = 1;
  } else {
    for (uint32_t I = 0; I < PathCount; ++I) {
      const char *Path = Fields[3 + I];
      int Error = read_file(Path, &Entry->Builders[I]);
      if (Error != 0) {
        snprintf(Err, ErrLen, "--nn-preload %s: cannot read model file '%s': %s. Check the path",
                 Fields[0], Path, strerror(Error));
        free(Text);
        return -1;
      }
      Entry->BuilderCount = I + 1;
    }
  }
  free(Text);
  return 0;
}

int ws_nn_preload_parse(const WS_StringList *Entries, ws_nn_preload_list *Out, char *Err,
                        size_t ErrLen) {
  Out->Items = NULL;
  Out->Count = 0;
  if (Entries == NULL || Entries->Length == 0 || Entries->Items == NULL) return 0;
  Out->Items = calloc(Entries->Length, sizeof(ws_nn_preload));
  if (Out->Items == NULL) return snprintf(Err, ErrLen, "out of memory"), -1;
  for (uint32_t I = 0; I < Entries->Length; ++I) {
    ws_nn_preload *Entry = &Out->Items[Out->Count];
    if (parse_entry(&Entries->Items[I], Entry, Err, ErrLen) != 0) {
      free_entry(Entry);
      ws_nn_preload_free(Out);
      return -1;
    }
    Out->Count++;
  }
  return 0;
}

const ws_nn_preload *ws_nn_preload_find(const ws_nn_preload_list *List, const char *Name,
                                        uint32_t Length) {
  /* The last entry with a name wins, as a later --nn-preload overrides. */
  for (uint32_t I = List->Count; I-- > 0;) {
    const ws_nn_preload *Entry = &List->Items[I];
    if (strlen(Entry->Name) == Length && memcmp(Entry->Name, Name, Length) == 0) return Entry;
  }
  return NULL;
}

void ws_nn_preload_free(ws_nn_preload_list *List) {
  for (uint32_t I = 0; I < List->Count; ++I) free_entry(&List->Items[I]);
  free(List->Items);
  List->Items = NULL;
  List->Count = 0;
}
