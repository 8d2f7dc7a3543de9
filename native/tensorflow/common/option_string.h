/* Plug-in String options as C strings. */
#ifndef WS_TF_OPTION_STRING_H
#define WS_TF_OPTION_STRING_H

#include <stdlib.h>
#include <string.h>

#include <wasmedge/wasmedge.h>

/* A NUL-terminated heap copy of an option value, or NULL when it is unset or empty. */
static inline char *ws_option_string_copy(WasmEdge_String Value) {
  if (Value.Buf == NULL || Value.Length == 0) return NULL;
  char *Copy = malloc((size_t)Value.Length + 1);
  if (Copy == NULL) return NULL;
  memcpy(Copy, Value.Buf, Value.Length);
  Copy[Value.Length] = '\0';
  return Copy;
}

#endif /* WS_TF_OPTION_STRING_H */
