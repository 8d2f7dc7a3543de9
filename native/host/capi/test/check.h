/* A tiny TAP-like harness: one line per check, "ok <name>" or
 * "not ok <name>: <detail>". capi.test.ts turns each line into a vitest test. */
#ifndef WS_CAPI_TEST_CHECK_H
#define WS_CAPI_TEST_CHECK_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

extern int ws_test_failures;
extern int ws_test_count;

void ws_check_report(const char *Name, bool Passed, const char *Format, ...) __attribute__((format(printf, 3, 4)));

/* CHECK(name, condition) */
#define CHECK(Name, Cond) ws_check_report((Name), (Cond), "%s", #Cond)
/* CHECK_EQ_U(name, actual, expected) for unsigned integers */
#define CHECK_EQ_U(Name, Actual, Expected)                                                         \
  do {                                                                                             \
    uint64_t A_ = (uint64_t)(Actual), E_ = (uint64_t)(Expected);                                   \
    ws_check_report((Name), A_ == E_, "%s = %" PRIu64 ", expected %" PRIu64, #Actual, A_, E_);     \
  } while (0)
#define CHECK_EQ_I(Name, Actual, Expected)                                                         \
  do {                                                                                             \
    int64_t A_ = (int64_t)(Actual), E_ = (int64_t)(Expected);                                      \
    ws_check_report((Name), A_ == E_, "%s = %" PRId64 ", expected %" PRId64, #Actual, A_, E_);     \
  } while (0)
#define CHECK_STR(Name, Actual, Expected)                                                          \
  do {                                                                                             \
    const char *A_ = (Actual), *E_ = (Expected);                                                   \
    ws_check_report((Name), A_ != NULL && strcmp(A_, E_) == 0, "%s = \"%s\", expected \"%s\"",    \
                    #Actual, A_ ? A_ : "(null)", E_);                                              \
  } while (0)
/* A WasmEdge_String against a C string. */
#define CHECK_WSTR(Name, Actual, Expected)                                                         \
  do {                                                                                             \
    WasmEdge_String A_ = (Actual);                                                                 \
    const char *E_ = (Expected);                                                                   \
    bool Ok_ = A_.Length == strlen(E_) && (A_.Length == 0 || memcmp(A_.Buf, E_, A_.Length) == 0);  \
    ws_check_report((Name), Ok_, "%s = \"%.*s\" (%u bytes), expected \"%s\"", #Actual,             \
                    (int)A_.Length, A_.Buf ? A_.Buf : "", A_.Length, E_);                          \
  } while (0)

/* Captures what the library writes to stderr between begin and end; end
 * returns the text (static buffer, NUL-terminated). */
void ws_capture_stderr_begin(void);
const char *ws_capture_stderr_end(void);

/* Suites (one file each). */
void test_abi_layout(void);
void test_strings_results(void);
void test_values_types(void);
void test_modules_functions(void);
void test_memory_globals(void);
void test_frame_executor(void);
void test_plugin_api(void);
void test_plugin_truncation(void);
void test_plugin_options(void);
void test_symbol_versions(void);
void test_log_level(void);

#endif
