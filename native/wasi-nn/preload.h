/*
 * Named models from --nn-preload NAME:ENCODING:TARGET:PATH[:PATH...]
 * (spec A.7). This list is the only place model files are read from: a guest
 * can name a preloaded model, never a host path.
 */
#ifndef WS_WASI_NN_PRELOAD_H
#define WS_WASI_NN_PRELOAD_H

#include "backend.h"

#include <wasmedge/ws_extensions.h>

typedef struct ws_nn_preload {
  char *Name;
  uint32_t Encoding;
  uint32_t Target;
  ws_nn_bytes *Builders;   /* owned file contents, one per path */
  uint32_t BuilderCount;
} ws_nn_preload;

typedef struct ws_nn_preload_list {
  ws_nn_preload *Items;
  uint32_t Count;
} ws_nn_preload_list;

/* Parses every entry and reads its files. Returns 0, or -1 after writing a
 * message that names the bad entry (and file) into Err; Out is then empty. */
int ws_nn_preload_parse(const WS_StringList *Entries, ws_nn_preload_list *Out, char *Err,
                        size_t ErrLen);
/* The entry whose name equals Name[0..Length), or NULL. */
const ws_nn_preload *ws_nn_preload_find(const ws_nn_preload_list *List, const char *Name,
                                        uint32_t Length);
void ws_nn_preload_free(ws_nn_preload_list *List);

#endif /* WS_WASI_NN_PRELOAD_H */
