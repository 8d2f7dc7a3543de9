/*
 * files: preopens and memory growth, the same in every isolation level.
 *   files.wasm [PAGES]   with /data preopened: reads /data/in.txt, prints "read <text>",
 *   writes it upper-cased to /data/out.txt, grows memory by PAGES (default 16) and
 *   prints "pages <before> <after>". Exit 2 when /data/in.txt cannot be read.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  char text[256] = {0};
  FILE *in = fopen("/data/in.txt", "r");
  if (!in) {
    printf("no /data/in.txt\n");
    return 2;
  }
  size_t length = fread(text, 1, sizeof(text) - 1, in);
  fclose(in);
  text[length] = 0;
  printf("read %s\n", text);
  for (size_t i = 0; i < length; ++i) text[i] = (char)toupper((unsigned char)text[i]);
  FILE *out = fopen("/data/out.txt", "w");
  if (!out || fwrite(text, 1, length, out) != length) return 3;
  fclose(out);
  long pages = argc > 1 ? atol(argv[1]) : 16;
  size_t before = __builtin_wasm_memory_size(0);
  __builtin_wasm_memory_grow(0, (size_t)pages);
  printf("pages %zu %zu\n", before, (size_t)__builtin_wasm_memory_size(0));
  return 0;
}
