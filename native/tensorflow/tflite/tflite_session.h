/*
 * Sessions of one wasmedge_tensorflowlite module instance: a TFLite
 * interpreter over a private copy of the model bytes. Both ABIs (current
 * errno functions and legacy u64-handle functions) use these operations, so
 * their behaviour cannot drift apart.
 */
#ifndef WS_TFLITE_SESSION_H
#define WS_TFLITE_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/id_table.h"
#include "../common/session_backend.h"
#include "tflite_library.h"

typedef struct ws_tflite_session {
  uint8_t *ModelBytes; /* owned: TFLite reads the flatbuffer for the interpreter's whole life */
  TfLiteInterpreter *Interpreter;
  bool Ran;            /* an invoke succeeded since the session was created */
} ws_tflite_session;

typedef struct ws_tflite_env {
  ws_session_env Base;       /* first: the shared host functions' view */
  ws_id_table Sessions;
  uint32_t Threads;          /* interpreter threads (upstream: always 2) */
  char *LibraryPath;         /* `tflite-library` option, or NULL */
  const ws_tflite *Library;  /* cached after the first successful load */
} ws_tflite_env;

/* The TFLite library, or NULL (message printed once) when it is missing. */
const ws_tflite *ws_tflite_env_library(ws_tflite_env *Env);

/* Creates a session from a copy of Model. Returns an errno (spec §6.3). */
uint32_t ws_tflite_session_create(ws_tflite_env *Env, const uint8_t *Model, uint32_t ModelLength, uint32_t *IdOut);
/* Deletes a session; unknown ids are ignored. */
void ws_tflite_session_delete(ws_tflite_env *Env, uint32_t Id);
/* Frees every session and the environment itself. */
void ws_tflite_env_delete(void *Env);
ws_tflite_session *ws_tflite_session_get(ws_tflite_env *Env, uint32_t Id);

/* Index of the input or output tensor with exactly this name, or -1. */
int32_t ws_tflite_find_input(const ws_tflite *Lib, const ws_tflite_session *Session, const uint8_t *Name, uint32_t Length);
int32_t ws_tflite_find_output(const ws_tflite *Lib, const ws_tflite_session *Session, const uint8_t *Name, uint32_t Length);

/* Copies Data into the named input; its length must be the tensor's byte size. */
uint32_t ws_tflite_set_input(const ws_tflite *Lib, ws_tflite_session *Session, const uint8_t *Name, uint32_t NameLength,
                             const uint8_t *Data, uint32_t DataLength);
uint32_t ws_tflite_run(const ws_tflite *Lib, ws_tflite_session *Session);
/* Output tensor Index, or NULL when out of range. */
const TfLiteTensor *ws_tflite_output(const ws_tflite *Lib, const ws_tflite_session *Session, uint32_t Index);

#endif /* WS_TFLITE_SESSION_H */
