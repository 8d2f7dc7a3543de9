/* Test guest: runs one command through wasmedge_process.
 *   exec.wasm [--timeout MS] [--env NAME=VALUE]... [--stdin TEXT] [--stdin-bytes N]
 *             [--runs N] [--] PROGRAM [ARG]...
 * Writes the command's stdout to stdout and its stderr to stderr verbatim,
 * then the line "exit_code=N" (run's result; get_exit_code must agree, else
 * "get_exit_code mismatch") to stderr. The guest itself exits 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wasmedge_process.h>

static void add_env(const char *assignment) {
  const char *equals = strchr(assignment, '=');
  if (!equals) equals = assignment + strlen(assignment);
  const char *value = *equals ? equals + 1 : equals;
  wasmedge_process_add_env(assignment, (uint32_t)(equals - assignment), value, (uint32_t)strlen(value));
}

static void add_stdin_bytes(unsigned long count) {
  static char block[65536];
  memset(block, 'x', sizeof(block));
  while (count > 0) {
    unsigned long part = count < sizeof(block) ? count : sizeof(block);
    wasmedge_process_add_stdin(block, (uint32_t)part);
    count -= part;
  }
}

static void copy_out(uint32_t length, void (*copy)(void *), FILE *stream) {
  char *buffer = malloc(length ? length : 1);
  copy(buffer);
  fwrite(buffer, 1, length, stream);
  fflush(stream);
  free(buffer);
}

int main(int argc, char **argv) {
  int runs = 1, at = 1;
  for (; at < argc && strncmp(argv[at], "--", 2) == 0; ++at) {
    if (strcmp(argv[at], "--") == 0) {
      ++at;
      break;
    }
    if (at + 1 >= argc) break;
    const char *value = argv[++at];
    if (strcmp(argv[at - 1], "--timeout") == 0) wasmedge_process_set_timeout((uint32_t)strtoul(value, NULL, 10));
    else if (strcmp(argv[at - 1], "--env") == 0) add_env(value);
    else if (strcmp(argv[at - 1], "--stdin") == 0) wasmedge_process_add_stdin(value, (uint32_t)strlen(value));
    else if (strcmp(argv[at - 1], "--stdin-bytes") == 0) add_stdin_bytes(strtoul(value, NULL, 10));
    else if (strcmp(argv[at - 1], "--runs") == 0) runs = atoi(value);
  }
  if (at >= argc) {
    fprintf(stderr, "usage: exec.wasm [options] PROGRAM [ARG]...\n");
    return 2;
  }
  int32_t code = 0;
  for (int run = 0; run < runs; ++run) {
    wasmedge_process_set_prog_name(argv[at], (uint32_t)strlen(argv[at]));
    for (int i = at + 1; i < argc; ++i) wasmedge_process_add_arg(argv[i], (uint32_t)strlen(argv[i]));
    code = wasmedge_process_run();
  }
  copy_out(wasmedge_process_get_stdout_len(), wasmedge_process_get_stdout, stdout);
  copy_out(wasmedge_process_get_stderr_len(), wasmedge_process_get_stderr, stderr);
  if (wasmedge_process_get_exit_code() != code) fprintf(stderr, "get_exit_code mismatch\n");
  fprintf(stderr, "exit_code=%d\n", code);
  return 0;
}
