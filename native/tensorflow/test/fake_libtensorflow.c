/*
 * A stand-in for TensorFlow's C library, for tests only: TensorFlow is in
 * none of this project's registries, so the wasmedge_tensorflow plug-in's own
 * logic (argument checks, session table, names, input/output bookkeeping,
 * run failures, both ABIs) is tested against this small library that
 * exports the 25 TF_* functions the plug-in uses. It proves nothing about
 * TensorFlow itself.
 *
 * "GraphDef": text starting with "WSFAKEGRAPH\n", then one "NAME OUTPUTS"
 * line per operation. A run computes every requested output from the FLOAT
 * tensor fed first: output index 0 = 2*x, index 1 = x+1, index k = x+k.
 * Feeding an operation named "fail" makes the run fail. SavedModel: a
 * directory holding "graph.txt" in the same format, loaded with tag "serve".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct TF_Status { int Code; char Message[256]; } TF_Status;
typedef struct TF_Buffer { void *Data; size_t Length; } TF_Buffer;
typedef struct TF_Operation { char Name[64]; int Outputs; } TF_Operation;
typedef struct TF_Graph { TF_Operation Ops[32]; int Count; } TF_Graph;
typedef struct TF_ImportGraphDefOptions { int Unused; } TF_ImportGraphDefOptions;
typedef struct TF_SessionOptions { int Unused; } TF_SessionOptions;
typedef struct TF_Session { TF_Graph *Graph; } TF_Session;
typedef struct TF_Tensor { int Type; int64_t Dims[8]; int DimCount; size_t Length; uint8_t *Data; } TF_Tensor;
typedef struct TF_Output { TF_Operation *oper; int index; } TF_Output;

static void set_status(TF_Status *S, int Code, const char *Message) {
  S->Code = Code;
  snprintf(S->Message, sizeof(S->Message), "%s", Message);
}

EXPORT const char *TF_Version(void) { return "ws-fake-2"; }
EXPORT TF_Status *TF_NewStatus(void) { return calloc(1, sizeof(TF_Status)); }
EXPORT void TF_DeleteStatus(TF_Status *S) { free(S); }
EXPORT int TF_GetCode(const TF_Status *S) { return S->Code; }
EXPORT const char *TF_Message(const TF_Status *S) { return S->Message; }
EXPORT TF_Graph *TF_NewGraph(void) { return calloc(1, sizeof(TF_Graph)); }
EXPORT void TF_DeleteGraph(TF_Graph *G) { free(G); }

EXPORT TF_Buffer *TF_NewBufferFromString(const void *Proto, size_t Length) {
  TF_Buffer *B = calloc(1, sizeof(*B));
  B->Data = malloc(Length + 1);
  memcpy(B->Data, Proto, Length);
  ((char *)B->Data)[Length] = '\0';
  B->Length = Length;
  return B;
}
EXPORT void TF_DeleteBuffer(TF_Buffer *B) {
  if (B != NULL) free(B->Data);
  free(B);
}
EXPORT TF_ImportGraphDefOptions *TF_NewImportGraphDefOptions(void) { return calloc(1, sizeof(TF_ImportGraphDefOptions)); }
EXPORT void TF_DeleteImportGraphDefOptions(TF_ImportGraphDefOptions *O) { free(O); }

static int parse_graph(TF_Graph *G, const char *Text, size_t Length) {
  static const char Magic[] = "WSFAKEGRAPH\n";
  if (Length < sizeof(Magic) - 1 || memcmp(Text, Magic, sizeof(Magic) - 1) != 0) return -1;
  const char *Line = Text + sizeof(Magic) - 1;
  while (*Line != '\0' && G->Count < 32) {
    TF_Operation *Op = &G->Ops[G->Count];
    if (sscanf(Line, "%63s %d", Op->Name, &Op->Outputs) != 2) return -1;
    G->Count++;
    const char *Next = strchr(Line, '\n');
    if (Next == NULL) break;
    Line = Next + 1;
  }
  return 0;
}

EXPORT void TF_GraphImportGraphDef(TF_Graph *G, const TF_Buffer *B, const TF_ImportGraphDefOptions *O, TF_Status *S) {
  (void)O;
  if (parse_graph(G, B->Data, B->Length) != 0) set_status(S, 3, "Invalid GraphDef");
  else set_status(S, 0, "");
}

EXPORT TF_Operation *TF_GraphOperationByName(TF_Graph *G, const char *Name) {
  for (int I = 0; I < G->Count; ++I)
    if (strcmp(G->Ops[I].Name, Name) == 0) return &G->Ops[I];
  return NULL;
}
EXPORT int TF_OperationNumOutputs(TF_Operation *Op) { return Op->Outputs; }
EXPORT TF_SessionOptions *TF_NewSessionOptions(void) { return calloc(1, sizeof(TF_SessionOptions)); }
EXPORT void TF_DeleteSessionOptions(TF_SessionOptions *O) { free(O); }

EXPORT TF_Session *TF_NewSession(TF_Graph *G, const TF_SessionOptions *O, TF_Status *S) {
  (void)O;
  set_status(S, 0, "");
  TF_Session *Session = calloc(1, sizeof(*Session));
  Session->Graph = G;
  return Session;
}

EXPORT TF_Session *TF_LoadSessionFromSavedModel(const TF_SessionOptions *O, const TF_Buffer *RunOptions, const char *Dir,
                                                const char *const *Tags, int TagCount, TF_Graph *G, TF_Buffer *Meta,
                                                TF_Status *S) {
  (void)RunOptions;
  (void)Meta;
  int Serve = 0;
  for (int I = 0; I < TagCount; ++I) Serve |= strcmp(Tags[I], "serve") == 0;
  char Path[4096], Text[4096];
  snprintf(Path, sizeof(Path), "%s/graph.txt", Dir);
  FILE *File = fopen(Path, "rb");
  size_t Length = File != NULL ? fread(Text, 1, sizeof(Text) - 1, File) : 0;
  if (File != NULL) fclose(File);
  Text[Length] = '\0';
  if (!Serve || File == NULL || parse_graph(G, Text, Length) != 0) {
    set_status(S, 5, "SavedModel not found");
    return NULL;
  }
  return TF_NewSession(G, O, S);
}

EXPORT void TF_CloseSession(TF_Session *Session, TF_Status *S) {
  (void)Session;
  set_status(S, 0, "");
}
EXPORT void TF_DeleteSession(TF_Session *Session, TF_Status *S) {
  free(Session);
  set_status(S, 0, "");
}

EXPORT TF_Tensor *TF_AllocateTensor(int Type, const int64_t *Dims, int DimCount, size_t Length) {
  if (DimCount > 8) return NULL;
  TF_Tensor *T = calloc(1, sizeof(*T));
  T->Type = Type;
  T->DimCount = DimCount;
  if (DimCount > 0) memcpy(T->Dims, Dims, (size_t)DimCount * sizeof(int64_t));
  T->Length = Length;
  T->Data = calloc(1, Length > 0 ? Length : 1);
  return T;
}
EXPORT void TF_DeleteTensor(TF_Tensor *T) {
  if (T != NULL) free(T->Data);
  free(T);
}
EXPORT void *TF_TensorData(const TF_Tensor *T) { return T->Data; }
EXPORT size_t TF_TensorByteSize(const TF_Tensor *T) { return T->Length; }

EXPORT void TF_SessionRun(TF_Session *Session, const TF_Buffer *RunOptions, const TF_Output *Inputs,
                          TF_Tensor *const *InputValues, int InputCount, const TF_Output *Outputs, TF_Tensor **OutputValues,
                          int OutputCount, const void *const *Targets, int TargetCount, TF_Buffer *Metadata, TF_Status *S) {
  (void)Session, (void)RunOptions, (void)Targets, (void)TargetCount, (void)Metadata;
  for (int I = 0; I < InputCount; ++I) {
    if (strcmp(Inputs[I].oper->Name, "fail") == 0) {
      set_status(S, 13, "fail was fed");
      return;
    }
  }
  if (InputCount == 0 || InputValues[0]->Type != 1) {
    set_status(S, 3, "needs a FLOAT input");
    return;
  }
  const TF_Tensor *X = InputValues[0];
  for (int O = 0; O < OutputCount; ++O) {
    TF_Tensor *Y = TF_AllocateTensor(1, X->Dims, X->DimCount, X->Length);
    const float *In = (const float *)X->Data;
    float *Out = (float *)Y->Data;
    for (size_t I = 0; I < X->Length / 4; ++I) Out[I] = Outputs[O].index == 0 ? In[I] * 2 : In[I] + (float)Outputs[O].index;
    OutputValues[O] = Y;
  }
  set_status(S, 0, "");
}
