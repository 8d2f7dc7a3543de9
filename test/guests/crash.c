// Calls the ws_crash fixture plug-in: `crash.wasm ok|segfault|abort|sleep` (sleep: 3 s in the host).
// Prints "calling NAME" (flushed) first, so a test sees the guest ran up to the crash.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((import_module("ws_crash"), import_name("ok"))) int32_t ws_crash_ok(void);
__attribute__((import_module("ws_crash"), import_name("segfault"))) int32_t ws_crash_segfault(void);
__attribute__((import_module("ws_crash"), import_name("abort"))) int32_t ws_crash_abort(void);
__attribute__((import_module("ws_crash"), import_name("sleep_ms"))) int32_t ws_crash_sleep_ms(int32_t milliseconds);

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "ok";
  printf("calling %s\n", what);
  fflush(stdout);
  int32_t result;
  if (strcmp(what, "segfault") == 0) result = ws_crash_segfault();
  else if (strcmp(what, "abort") == 0) result = ws_crash_abort();
  else if (strcmp(what, "sleep") == 0) result = ws_crash_sleep_ms(3000) + 42;
  else result = ws_crash_ok();
  printf("returned %d\n", (int)result);
  return result == 42 ? 3 : 1;
}
