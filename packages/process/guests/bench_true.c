/* Benchmark guest: runs PROGRAM (default /bin/true) N times (default 200)
 * through wasmedge_process and prints one line per run: the nanoseconds the
 * run call took (set_prog_name + run, measured in the guest). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <wasmedge_process.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
  int count = argc > 1 ? atoi(argv[1]) : 200;
  const char *program = argc > 2 ? argv[2] : "/bin/true";
  for (int i = 0; i < count; ++i) {
    long long started = now_ns();
    wasmedge_process_set_prog_name(program, (uint32_t)strlen(program));
    int32_t code = wasmedge_process_run();
    long long elapsed = now_ns() - started;
    if (code != 0) {
      fprintf(stderr, "run %d of %s returned %d\n", i, program, code);
      return 1;
    }
    printf("%lld\n", elapsed);
  }
  return 0;
}
