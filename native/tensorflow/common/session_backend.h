/*
 * What the host functions shared by wasmedge_tensorflow and
 * wasmedge_tensorflowlite (common/session_functions.c) need from a backend:
 * one table per backend (tensorflow/tf_backend.c, tflite/tflite_backend.c).
 * Lib is the backend's loaded library, Session one of its sessions.
 */
#ifndef WS_TF_SESSION_BACKEND_H
#define WS_TF_SESSION_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ws_session_backend {
  /* The library, loading it on first use; NULL (message printed once) when missing. */
  const void *(*Library)(void *Env);
  void *(*SessionGet)(void *Env, uint32_t Id);
  /* A session from model bytes; returns an errno. */
  uint32_t (*SessionCreate)(void *Env, const uint8_t *Model, uint32_t Length, uint32_t *IdOut);
  /* Unknown ids are ignored. */
  void (*SessionDelete)(void *Env, uint32_t Id);
  uint32_t (*Run)(const void *Lib, void *Session);
  /* Index of the output named exactly Name, or -1. */
  int32_t (*FindOutput)(const void *Lib, const void *Session, const uint8_t *Name, uint32_t Length);
  /* Byte size of output Index; false when the session has no such output. */
  bool (*OutputSize)(const void *Lib, const void *Session, uint32_t Index, size_t *Size);
  /* Bytes of output Index (*Data may be NULL); false when they cannot be read
   * (no such output, or no successful run yet). */
  bool (*OutputBytes)(const void *Lib, const void *Session, uint32_t Index, const void **Data, size_t *Size);
} ws_session_backend;

/* First member of each backend's module environment (the host functions'
 * Data), so the shared host functions find the backend from it. */
typedef struct ws_session_env {
  const ws_session_backend *Backend;
} ws_session_env;

#endif /* WS_TF_SESSION_BACKEND_H */
