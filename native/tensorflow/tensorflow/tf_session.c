#include "tf_session.h"

#include <stdlib.h>
#include <string.h>

#include "../common/errno.h"

/* Most dimensions a tensor may have here (TensorFlow allows 254). */
#define WS_TF_MAX_DIMS 64

const ws_tf_api *ws_tf_env_api(ws_tf_env *Env) {
  if (Env->Api == NULL) Env->Api = ws_tf_library(Env->LibraryPath);
  return Env->Api;
}

ws_tf_session *ws_tf_session_get(ws_tf_env *Env, uint32_t Id) { return ws_id_table_get(&Env->Sessions, Id); }

static void free_ports(const ws_tf_api *Api, ws_tf_ports *Ports) {
  for (uint32_t I = 0; I < Ports->Count; ++I) {
    free(Ports->Keys[I]);
    if (Ports->Tensors[I] != NULL) Api->DeleteTensor(Ports->Tensors[I]);
  }
  free(Ports->Keys);
  free(Ports->Ports);
  free(Ports->Tensors);
  memset(Ports, 0, sizeof(*Ports));
}

static void destroy_session(const ws_tf_api *Api, ws_tf_session *Session) {
  free_ports(Api, &Session->Inputs);
  free_ports(Api, &Session->Outputs);
  if (Session->Session != NULL) {
    Api->CloseSession(Session->Session, Session->Status);
    Api->DeleteSession(Session->Session, Session->Status);
  }
  if (Session->Graph != NULL) Api->DeleteGraph(Session->Graph);
  if (Session->Status != NULL) Api->DeleteStatus(Session->Status);
  free(Session);
}

static void destroy_item(void *Api, void *Session) { destroy_session(Api, Session); }

void ws_tf_env_delete(void *Data) {
  ws_tf_env *Env = Data;
  if (Env->Api != NULL) ws_id_table_clear(&Env->Sessions, destroy_item, (void *)Env->Api);
  free(Env->LibraryPath);
  free(Env);
}

void ws_tf_session_delete(ws_tf_env *Env, uint32_t Id) {
  ws_tf_session *Session = ws_id_table_remove(&Env->Sessions, Id);
  if (Session != NULL) destroy_session(Env->Api, Session);
}

static ws_tf_session *new_session(const ws_tf_api *Api) {
  ws_tf_session *Session = calloc(1, sizeof(*Session));
  if (Session == NULL) return NULL;
  Session->Status = Api->NewStatus();
  Session->Graph = Api->NewGraph();
  if (Session->Status == NULL || Session->Graph == NULL) {
    destroy_session(Api, Session);
    return NULL;
  }
  return Session;
}

static uint32_t register_session(ws_tf_env *Env, ws_tf_session *Session, uint32_t *IdOut) {
  if (ws_id_table_add(&Env->Sessions, Session, IdOut)) return WS_TF_SUCCESS;
  destroy_session(Env->Api, Session);
  return WS_TF_BUSY;
}

uint32_t ws_tf_session_create(ws_tf_env *Env, const uint8_t *GraphDef, uint32_t Length, uint32_t *IdOut) {
  const ws_tf_api *Api = ws_tf_env_api(Env);
  if (Api == NULL) return WS_TF_INVALID_ARGUMENT;
  if (ws_id_table_refuses(&Env->Sessions, "tensorflow", "tensorflow-max-sessions")) return WS_TF_BUSY;
  ws_tf_session *Session = new_session(Api);
  if (Session == NULL) return WS_TF_BUSY;
  TF_Buffer *Buffer = Api->NewBufferFromString(GraphDef, Length); /* copies the bytes */
  TF_ImportGraphDefOptions *ImportOptions = Api->NewImportGraphDefOptions();
  Api->GraphImportGraphDef(Session->Graph, Buffer, ImportOptions, Session->Status);
  Api->DeleteImportGraphDefOptions(ImportOptions);
  Api->DeleteBuffer(Buffer);
  if (Api->GetCode(Session->Status) != TF_OK) {
    destroy_session(Api, Session);
    return WS_TF_INVALID_ARGUMENT;
  }
  TF_SessionOptions *Options = Api->NewSessionOptions();
  Session->Session = Api->NewSession(Session->Graph, Options, Session->Status);
  Api->DeleteSessionOptions(Options);
  if (Session->Session == NULL || Api->GetCode(Session->Status) != TF_OK) {
    destroy_session(Api, Session);
    return WS_TF_INVALID_ARGUMENT;
  }
  return register_session(Env, Session, IdOut);
}

uint32_t ws_tf_session_create_saved_model(ws_tf_env *Env, const char *Path, const char *const *Tags, int TagCount,
                                          uint32_t *IdOut) {
  const ws_tf_api *Api = ws_tf_env_api(Env);
  if (Api == NULL) return WS_TF_INVALID_ARGUMENT;
  if (ws_id_table_refuses(&Env->Sessions, "tensorflow", "tensorflow-max-sessions")) return WS_TF_BUSY;
  ws_tf_session *Session = new_session(Api);
  if (Session == NULL) return WS_TF_BUSY;
  TF_SessionOptions *Options = Api->NewSessionOptions();
  Session->Session =
      Api->LoadSessionFromSavedModel(Options, NULL, Path, Tags, TagCount, Session->Graph, NULL, Session->Status);
  Api->DeleteSessionOptions(Options);
  if (Session->Session == NULL || Api->GetCode(Session->Status) != TF_OK) {
    destroy_session(Api, Session);
    return WS_TF_INVALID_ARGUMENT;
  }
  return register_session(Env, Session, IdOut);
}

/* Splits "op" or "op:index" and finds the operation's output. */
static bool resolve_port(const ws_tf_api *Api, ws_tf_session *Session, const uint8_t *Key, uint32_t Length, TF_Output *Port) {
  if (Length == 0 || memchr(Key, '\0', Length) != NULL) return false;
  const uint8_t *Colon = memchr(Key, ':', Length);
  const uint32_t NameLength = Colon != NULL ? (uint32_t)(Colon - Key) : Length;
  uint64_t Index = 0;
  if (Colon != NULL) {
    if (NameLength + 1 == Length) return false;
    for (uint32_t I = NameLength + 1; I < Length; ++I) {
      if (Key[I] < '0' || Key[I] > '9') return false;
      Index = Index * 10 + (uint64_t)(Key[I] - '0');
      if (Index > INT32_MAX) return false;
    }
  }
  char *Name = malloc((size_t)NameLength + 1);
  if (Name == NULL) return false;
  memcpy(Name, Key, NameLength);
  Name[NameLength] = '\0';
  TF_Operation *Operation = Api->GraphOperationByName(Session->Graph, Name);
  free(Name);
  /* Checked here, where upstream would let TF_SessionRun fail later. */
  if (Operation == NULL || (int64_t)Index >= Api->OperationNumOutputs(Operation)) return false;
  Port->oper = Operation;
  Port->index = (int)Index;
  return true;
}

static int32_t find_key(const ws_tf_ports *Ports, const uint8_t *Key, uint32_t Length) {
  for (uint32_t I = 0; I < Ports->Count; ++I)
    if (strlen(Ports->Keys[I]) == Length && memcmp(Ports->Keys[I], Key, Length) == 0) return (int32_t)I;
  return -1;
}

/* Appends a port (tensor NULL); returns its index or -1 when out of memory. */
static int32_t append_port(ws_tf_ports *Ports, const uint8_t *Key, uint32_t Length, TF_Output Port) {
  if (Ports->Count == Ports->Capacity) {
    const uint32_t Capacity = Ports->Capacity == 0 ? 4 : Ports->Capacity * 2;
    char **Keys = realloc(Ports->Keys, Capacity * sizeof(*Keys));
    if (Keys == NULL) return -1;
    Ports->Keys = Keys;
    TF_Output *PortArray = realloc(Ports->Ports, Capacity * sizeof(*PortArray));
    if (PortArray == NULL) return -1;
    Ports->Ports = PortArray;
    TF_Tensor **Tensors = realloc(Ports->Tensors, Capacity * sizeof(*Tensors));
    if (Tensors == NULL) return -1;
    Ports->Tensors = Tensors;
    Ports->Capacity = Capacity;
  }
  char *Copy = malloc((size_t)Length + 1);
  if (Copy == NULL) return -1;
  memcpy(Copy, Key, Length);
  Copy[Length] = '\0';
  Ports->Keys[Ports->Count] = Copy;
  Ports->Ports[Ports->Count] = Port;
  Ports->Tensors[Ports->Count] = NULL;
  return (int32_t)Ports->Count++;
}

/* Bytes per element of a TF_DataType with a fixed-size element, else 0
 * (STRING, RESOURCE, VARIANT and unknown values cannot be fed from bytes). */
static uint32_t element_size(uint32_t DataType) {
  static const uint8_t Sizes[] = {
      [1] = 4,  [2] = 8, [3] = 4,  [4] = 1,  [5] = 2,  [6] = 1,  [8] = 8,  [9] = 8,  [10] = 1, [11] = 1, [12] = 1,
      [13] = 4, [14] = 2, [15] = 2, [16] = 2, [17] = 2, [18] = 16, [19] = 2, [22] = 4, [23] = 8, [24] = 1, [25] = 1,
  };
  return DataType < sizeof(Sizes) ? Sizes[DataType] : 0;
}

uint32_t ws_tf_set_input(const ws_tf_api *Api, ws_tf_session *Session, const uint8_t *Key, uint32_t KeyLength,
                         const int64_t *Dims, uint32_t DimCount, uint32_t DataType, const uint8_t *Data, uint32_t DataLength) {
  TF_Output Port;
  if (!resolve_port(Api, Session, Key, KeyLength, &Port)) return WS_TF_INVALID_ARGUMENT;
  /* TensorFlow trusts the byte length to match the shape; upstream passed
   * any length through, so a short buffer made TensorFlow read past it. */
  const uint32_t ElementSize = element_size(DataType);
  if (ElementSize == 0 || DimCount > WS_TF_MAX_DIMS) return WS_TF_INVALID_ARGUMENT;
  uint64_t Elements = 1;
  for (uint32_t I = 0; I < DimCount; ++I) {
    if (Dims[I] < 0 || (Dims[I] > 0 && Elements > UINT32_MAX / (uint64_t)Dims[I])) return WS_TF_INVALID_ARGUMENT;
    Elements *= (uint64_t)Dims[I];
  }
  if (Elements * ElementSize != DataLength) return WS_TF_INVALID_ARGUMENT;
  TF_Tensor *Tensor = Api->AllocateTensor((int)DataType, DimCount > 0 ? Dims : NULL, (int)DimCount, DataLength);
  if (Tensor == NULL) return WS_TF_BUSY;
  if (DataLength > 0) memcpy(Api->TensorData(Tensor), Data, DataLength);
  int32_t Index = find_key(&Session->Inputs, Key, KeyLength);
  if (Index < 0) Index = append_port(&Session->Inputs, Key, KeyLength, Port);
  if (Index < 0) {
    Api->DeleteTensor(Tensor);
    return WS_TF_BUSY;
  }
  if (Session->Inputs.Tensors[Index] != NULL) Api->DeleteTensor(Session->Inputs.Tensors[Index]);
  Session->Inputs.Tensors[Index] = Tensor;
  return WS_TF_SUCCESS;
}

uint32_t ws_tf_add_output(const ws_tf_api *Api, ws_tf_session *Session, const uint8_t *Key, uint32_t KeyLength) {
  TF_Output Port;
  if (!resolve_port(Api, Session, Key, KeyLength, &Port)) return WS_TF_INVALID_ARGUMENT;
  if (find_key(&Session->Outputs, Key, KeyLength) >= 0) return WS_TF_SUCCESS;
  return append_port(&Session->Outputs, Key, KeyLength, Port) >= 0 ? WS_TF_SUCCESS : WS_TF_BUSY;
}

void ws_tf_clear_inputs(const ws_tf_api *Api, ws_tf_session *Session) { free_ports(Api, &Session->Inputs); }

void ws_tf_clear_outputs(const ws_tf_api *Api, ws_tf_session *Session) { free_ports(Api, &Session->Outputs); }

static void delete_output_tensors(const ws_tf_api *Api, ws_tf_session *Session) {
  for (uint32_t I = 0; I < Session->Outputs.Count; ++I) {
    if (Session->Outputs.Tensors[I] != NULL) Api->DeleteTensor(Session->Outputs.Tensors[I]);
    Session->Outputs.Tensors[I] = NULL;
  }
}

uint32_t ws_tf_run(const ws_tf_api *Api, ws_tf_session *Session) {
  delete_output_tensors(Api, Session);
  Api->SessionRun(Session->Session, NULL, Session->Inputs.Ports, Session->Inputs.Tensors, (int)Session->Inputs.Count,
                  Session->Outputs.Ports, Session->Outputs.Tensors, (int)Session->Outputs.Count, NULL, 0, NULL,
                  Session->Status);
  if (Api->GetCode(Session->Status) == TF_OK) return WS_TF_SUCCESS;
  /* Upstream kept pointers to the deleted previous outputs here. */
  delete_output_tensors(Api, Session);
  return WS_TF_BUSY;
}

int32_t ws_tf_find_output(const ws_tf_session *Session, const uint8_t *Key, uint32_t KeyLength) {
  return find_key(&Session->Outputs, Key, KeyLength);
}
