/* tflite_log_filter_test LEVEL: writes what TFLite and another writer might
 * write during a filtered call, then one line after it. The test
 * (packages/wasi-nn/test/log-level.test.ts) checks what reaches stderr. */
#include "../backends/tflite/tflite_log_filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  tflite_log_filter Filter;
  tflite_log_filter_begin(&Filter, (int32_t)atoi(argv[1]));
  fprintf(stderr, "VERBOSE: verbose line\n");
  fprintf(stderr, "INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n");
  static const char Raw[] = "not a TFLite line\n";
  if (write(2, Raw, sizeof(Raw) - 1) < 0) return 1;
  fprintf(stderr, "WARNING: warning line\n");
  fprintf(stderr, "ERROR: error line\n");
  fprintf(stderr, "unterminated");
  tflite_log_filter_end(&Filter);
  fprintf(stderr, "\nafter\n");
  printf("done\n");
  return 0;
}
