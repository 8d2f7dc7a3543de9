/* Runs the command given on the command line on the host, through WasmEdge's
 * wasmedge_process module, and prints its output and exit code:
 *   ws run --allow-command echo run.wasm echo hello
 * The same .wasm runs unchanged on WasmEdge builds that ship the plug-in. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wasmedge_process.h>

/* Copies one captured stream out of the host and writes it to `stream`. */
static void print_captured(uint32_t length, void (*copy)(void *), FILE *stream) {
  char *buffer = malloc(length + 1);
  if (!buffer) return;
  copy(buffer);
  fwrite(buffer, 1, length, stream);
  free(buffer);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: run.wasm PROGRAM [ARG]...\n");
    return 2;
  }
  wasmedge_process_set_prog_name(argv[1], (uint32_t)strlen(argv[1]));
  for (int i = 2; i < argc; ++i) wasmedge_process_add_arg(argv[i], (uint32_t)strlen(argv[i]));
  wasmedge_process_set_timeout(5000);
  int32_t exit_code = wasmedge_process_run();
  print_captured(wasmedge_process_get_stdout_len(), wasmedge_process_get_stdout, stdout);
  print_captured(wasmedge_process_get_stderr_len(), wasmedge_process_get_stderr, stderr);
  printf("exit code: %d\n", exit_code);
  return 0;
}
