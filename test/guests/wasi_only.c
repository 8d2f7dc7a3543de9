/*
 * wasi_only: a plain WASI guest with no plug-in imports. Prints its arguments
 * and the variable WS_GREETING; exits with code 7 when an argument is "exit7".
 *
 *   ws run wasi_only.wasm a "b c"       ->  argc 3 / argv[1] a / argv[2] b c / WS_GREETING (unset)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  int ExitCode = 0;
  printf("argc %d\n", argc);
  for (int I = 1; I < argc; ++I) {
    printf("argv[%d] %s\n", I, argv[I]);
    if (strcmp(argv[I], "exit7") == 0) ExitCode = 7;
  }
  const char *Greeting = getenv("WS_GREETING");
  printf("WS_GREETING %s\n", Greeting != NULL ? Greeting : "(unset)");
  return ExitCode;
}
