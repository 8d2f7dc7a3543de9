/* Reads a whole file (through WASI) into a new buffer; NULL on failure. */
#ifndef WS_TF_GUEST_READ_FILE_H
#define WS_TF_GUEST_READ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static inline uint8_t *read_file(const char *Path, uint32_t *Length) {
  FILE *File = fopen(Path, "rb");
  if (File == NULL) return NULL;
  fseek(File, 0, SEEK_END);
  long Size = ftell(File);
  fseek(File, 0, SEEK_SET);
  uint8_t *Data = malloc(Size > 0 ? (size_t)Size : 1);
  if (Data != NULL && fread(Data, 1, (size_t)Size, File) != (size_t)Size) {
    free(Data);
    Data = NULL;
  }
  fclose(File);
  *Length = (uint32_t)Size;
  return Data;
}

#endif
