/* A growable byte string (program name, arguments, stdin, captured output). */
#ifndef WS_PROCESS_BYTE_BUFFER_H
#define WS_PROCESS_BYTE_BUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ws_byte_buffer {
  uint8_t *data; /* NULL while empty and never grown */
  size_t length;
  size_t capacity;
} ws_byte_buffer;

/* Appends Length bytes; false (buffer unchanged) when memory runs out. */
bool ws_byte_buffer_append(ws_byte_buffer *Buffer, const void *Bytes, size_t Length);
bool ws_byte_buffer_append_cstring(ws_byte_buffer *Buffer, const char *Text);
/* Forgets the content and releases the memory. */
void ws_byte_buffer_release(ws_byte_buffer *Buffer);
/* A NUL-terminated malloc'd copy (the C string ends at the first NUL byte,
 * as std::string::c_str() does for WasmEdge). NULL when memory runs out. */
char *ws_byte_buffer_to_cstring(const ws_byte_buffer *Buffer);
bool ws_byte_buffer_equals(const ws_byte_buffer *Buffer, const void *Bytes, size_t Length);

#endif
