// Guest of the C++ example: greet(argv[1] or "world") into a 64-byte buffer,
// print it and the call count. `greet NAME oob` passes an output pointer past
// the end of memory, `greet NAME huge` an output size of 4 GiB - 1: the plug-in
// refuses both and the guest traps.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((import_module("greeter_cpp"), import_name("greet")))
int32_t greet(const char *name, int32_t name_len, char *out, int32_t out_cap);
__attribute__((import_module("greeter_cpp"), import_name("calls")))
int32_t calls(void);

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "world";
  char buffer[64];
  char *out = buffer;
  if (argc > 2 && strcmp(argv[2], "oob") == 0) out = (char *)(uintptr_t)0xFFFFFFF0u;
  int32_t capacity = sizeof buffer;
  if (argc > 2 && strcmp(argv[2], "huge") == 0) capacity = -1;
  int32_t length = greet(name, (int32_t)strlen(name), out, capacity);
  int32_t shown = length < (int32_t)sizeof buffer ? length : (int32_t)sizeof buffer;
  printf("%.*s\n", (int)shown, buffer);
  printf("length=%d calls=%d\n", (int)length, (int)calls());
  return 0;
}
