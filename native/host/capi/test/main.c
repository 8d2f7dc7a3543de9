/* capi_tests: semantic tests of the stand-in libwasmedge.so.0. */
#include "check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

static int SavedStderr = -1;
static FILE *Capture = NULL;

void ws_capture_stderr_begin(void) {
  fflush(stderr);
  Capture = tmpfile();
  SavedStderr = dup(2);
  dup2(fileno(Capture), 2);
}

const char *ws_capture_stderr_end(void) {
  static char Text[8192];
  fflush(stderr);
  dup2(SavedStderr, 2);
  close(SavedStderr);
  size_t N = 0;
  if (Capture != NULL) {
    rewind(Capture);
    N = fread(Text, 1, sizeof(Text) - 1, Capture);
    fclose(Capture);
    Capture = NULL;
  }
  Text[N] = '\0';
  return Text;
}

int ws_test_failures = 0;
int ws_test_count = 0;

void ws_check_report(const char *Name, bool Passed, const char *Format, ...) {
  ++ws_test_count;
  if (Passed) {
    printf("ok %s\n", Name);
  } else {
    ++ws_test_failures;
    printf("not ok %s: ", Name);
    va_list Args;
    va_start(Args, Format);
    vprintf(Format, Args);
    va_end(Args);
    printf("\n");
  }
  fflush(stdout);
}

int main(void) {
  test_abi_layout();
  test_strings_results();
  test_values_types();
  test_modules_functions();
  test_memory_globals();
  test_frame_executor();
  test_plugin_api();
  test_plugin_truncation();
  test_plugin_options();
  test_symbol_versions();
  test_log_level();
  printf("# %d checks, %d failed\n", ws_test_count, ws_test_failures);
  return ws_test_failures == 0 ? 0 : 1;
}
