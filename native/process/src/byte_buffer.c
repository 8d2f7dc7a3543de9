#include "byte_buffer.h"

#include <stdlib.h>
#include <string.h>

bool ws_byte_buffer_append(ws_byte_buffer *Buffer, const void *Bytes, size_t Length) {
  if (Length == 0) return true;
  if (Length > SIZE_MAX - Buffer->length) return false;
  size_t needed = Buffer->length + Length;
  if (needed > Buffer->capacity) {
    size_t capacity = Buffer->capacity ? Buffer->capacity : 64;
    while (capacity < needed) capacity = capacity > SIZE_MAX / 2 ? needed : capacity * 2;
    uint8_t *grown = realloc(Buffer->data, capacity);
    if (!grown) return false;
    Buffer->data = grown;
    Buffer->capacity = capacity;
  }
  memcpy(Buffer->data + Buffer->length, Bytes, Length);
  Buffer->length = needed;
  return true;
}

bool ws_byte_buffer_append_cstring(ws_byte_buffer *Buffer, const char *Text) {
  return ws_byte_buffer_append(Buffer, Text, strlen(Text));
}

void ws_byte_buffer_release(ws_byte_buffer *Buffer) {
  free(Buffer->data);
  Buffer->data = NULL;
  Buffer->length = 0;
  Buffer->capacity = 0;
}

char *ws_byte_buffer_to_cstring(const ws_byte_buffer *Buffer) {
  char *text = malloc(Buffer->length + 1);
  if (!text) return NULL;
  if (Buffer->length) memcpy(text, Buffer->data, Buffer->length);
  text[Buffer->length] = '\0';
  return text;
}

bool ws_byte_buffer_equals(const ws_byte_buffer *Buffer, const void *Bytes, size_t Length) {
  return Buffer->length == Length && (Length == 0 || memcmp(Buffer->data, Bytes, Length) == 0);
}
