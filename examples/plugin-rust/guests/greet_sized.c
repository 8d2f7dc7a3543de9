// Guest of the Rust example. It asks greet for the size first (out_cap 0),
// then calls it again with a buffer of exactly that size, so any name fits.
// `greet_sized NAME oob` passes a name pointer past the end of memory,
// `greet_sized NAME huge` a name length of 4 GiB - 1: the plug-in refuses both
// and the guest traps.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((import_module("greeter_rust"), import_name("greet")))
int32_t greet(const char *name, int32_t name_len, char *out, int32_t out_cap);
__attribute__((import_module("greeter_rust"), import_name("calls")))
int32_t calls(void);

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "world";
  int32_t name_len = (int32_t)strlen(name);
  if (argc > 2 && strcmp(argv[2], "oob") == 0) name = (const char *)(uintptr_t)0xFFFFFF00u;
  if (argc > 2 && strcmp(argv[2], "huge") == 0) name_len = -1;
  int32_t needed = greet(name, name_len, NULL, 0);
  char *text = malloc((size_t)needed);
  if (text == NULL) return 1;
  int32_t written = greet(name, name_len, text, needed);
  fwrite(text, 1, (size_t)written, stdout);
  printf("\nneeded=%d calls=%d\n", (int)needed, (int)calls());
  free(text);
  return 0;
}
