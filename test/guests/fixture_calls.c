// ws-guest-cflags: -mmultivalue -Xclang -target-abi -Xclang experimental-mv
/*
 * fixture_calls: calls every function of the ws_fixture plug-in and prints
 * one line per call. Run with the plug-in at native/build/test-plugins/ws_fixture.
 *
 * The multi-value ABI flag above lets C call divmod (two i32 results): with
 * it, a function returning a struct of two i32 is a Wasm function with two
 * results. Nothing here calls libc functions returning structs, so mixing
 * ABIs with the prebuilt wasi-libc is safe.
 *
 * Scenarios (argv[1]); the exact expected output is in test/guests/README.md:
 *   (none)     value types, multi-value, options, memory write/read/grow
 *   counter    counter() three times: 1 2 3 (host data is per module instance)
 *   oob        out-of-range pointers and huge lengths: every call returns its error code
 *   callback   call_export into this guest's export double_it, list_exports
 *   fail       prints "before fail", then ws_fixture.fail traps the guest
 *   fail_user  prints "before fail_user", then fail_user(42) traps the guest
 *   divzero    prints "before divmod 1 0", then divmod(1, 0) traps the guest
 *   terminate  prints "before terminate", then terminate ends the guest with
 *              exit code 0; "after terminate" must never appear
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ws_fixture.h"

typedef struct {
  int32_t Quotient;
  int32_t Remainder;
} DivMod;

__attribute__((import_module("ws_fixture"), import_name("divmod"))) DivMod ws_divmod(int32_t a, int32_t b);

#define HUGE 0xFFFFFFF0u
#define AT(address) ((void *)(uintptr_t)(address))

/* The guest's own exported callback for call_export. */
__attribute__((export_name("double_it"))) int32_t double_it(int32_t value) { return value * 2; }

static void numbers(void) {
  printf("add_i32 2 3 = %d\n", ws_add_i32(2, 3));
  printf("add_i32 2147483647 1 = %d\n", ws_add_i32(INT32_MAX, 1));
  printf("add_i64 9007199254740993 1 = %lld\n", (long long)ws_add_i64(9007199254740993LL, 1));
  printf("add_i64 -9223372036854775808 -1 = %lld\n", (long long)ws_add_i64(INT64_MIN, -1));
  printf("mul_f32 0.1 3 = %.9g\n", (double)ws_mul_f32(0.1f, 3.0f));
  printf("mul_f64 0.1 3 = %.17g\n", ws_mul_f64(0.1, 3.0));
  DivMod Result = ws_divmod(17, 5);
  printf("divmod 17 5 = %d %d\n", Result.Quotient, Result.Remainder);
  Result = ws_divmod(-17, 5);
  printf("divmod -17 5 = %d %d\n", Result.Quotient, Result.Remainder);
  printf("mixed 1 2 0.5 0.25 = %.17g\n", ws_mixed(1, 2, 0.5f, 0.25));
  printf("mixed -1 4294967296 1.5 -0.5 = %.17g\n", ws_mixed(-1, 4294967296LL, 1.5f, -0.5));
}

static void options(void) {
  char Buffer[128];
  uint32_t Written = 12345;
  int32_t Code = ws_get_option(Buffer, sizeof(Buffer), &Written);
  printf("get_option 128 = %d written %u \"%.*s\"\n", Code, Written, (int)Written, Buffer);
  Code = ws_get_option(Buffer, 2, &Written);
  printf("get_option 2 = %d written %u \"%.*s\"\n", Code, Written, (int)Written, Buffer);
  int32_t Length = ws_option_summary(Buffer, sizeof(Buffer));
  printf("option_summary = %d \"%.*s\"\n", Length, Length < 0 ? 0 : Length, Buffer);
}

static void memory(void) {
  uint8_t *Bytes = malloc(64);
  memset(Bytes, 0, 64);
  printf("write_bytes 8 7 = %d\n", ws_write_bytes(Bytes + 8, 8, 7));
  printf("bytes 7..16 = %d %d %d %d\n", Bytes[7], Bytes[8], Bytes[15], Bytes[16]);
  printf("sum_bytes 64 = %d\n", ws_sum_bytes(Bytes, 64));
  int32_t Pages = ws_memory_pages();
  printf("memory_pages = memory.size: %s\n", Pages == (int32_t)__builtin_wasm_memory_size(0) ? "yes" : "no");
  int32_t Grown = ws_grow_memory(1);
  printf("grow_memory 1 = pages + 1: %s\n", Grown == Pages + 1 ? "yes" : "no");
  printf("memory.size after grow = pages + 1: %s\n",
         (int32_t)__builtin_wasm_memory_size(0) == Pages + 1 ? "yes" : "no");
  /* The new page is usable from both sides. */
  uint8_t *NewPage = AT((uint32_t)Pages * 65536u);
  printf("write_bytes new page = %d\n", ws_write_bytes(NewPage, 16, 3));
  printf("sum_bytes new page = %d\n", ws_sum_bytes(NewPage, 16));
  printf("grow_memory 65536 = %d\n", ws_grow_memory(65536));
  free(Bytes);
}

static void out_of_range(void) {
  uint8_t Buffer[16];
  uint32_t Written = 0;
  uint32_t End = (uint32_t)__builtin_wasm_memory_size(0) * 65536u;
  printf("write_bytes 0xfffffff0 32 = %d\n", ws_write_bytes(AT(HUGE), 32, 1));
  printf("write_bytes buf 0xfffffff0 = %d\n", ws_write_bytes(Buffer, HUGE, 1));
  printf("write_bytes end-4 8 = %d\n", ws_write_bytes(AT(End - 4), 8, 1));
  printf("write_bytes end 0 = %d\n", ws_write_bytes(AT(End), 0, 1));
  printf("write_bytes end+1 0 = %d\n", ws_write_bytes(AT(End + 1), 0, 1));
  printf("sum_bytes 0xfffffff0 32 = %d\n", ws_sum_bytes(AT(HUGE), 32));
  printf("sum_bytes buf 0xfffffff0 = %d\n", ws_sum_bytes(Buffer, HUGE));
  printf("sum_bytes end-4 8 = %d\n", ws_sum_bytes(AT(End - 4), 8));
  printf("get_option 0xfffffff0 16 = %d\n", ws_get_option(AT(HUGE), 16, &Written));
  printf("get_option buf 0xfffffff0 = %d\n", ws_get_option((char *)Buffer, HUGE, &Written));
  printf("get_option written 0xfffffffe = %d\n", ws_get_option((char *)Buffer, 16, AT(0xFFFFFFFEu)));
  printf("get_option written end-2 = %d\n", ws_get_option((char *)Buffer, 16, AT(End - 2)));
  printf("option_summary 0xfffffff0 16 = %d\n", ws_option_summary(AT(HUGE), 16));
  printf("option_summary buf 0xfffffff0 = %d\n", ws_option_summary((char *)Buffer, HUGE));
  printf("call_export 0xfffffff0 16 = %d\n", ws_call_export(AT(HUGE), 16, 1));
  printf("call_export name 0xfffffff0 = %d\n", ws_call_export("double_it", HUGE, 1));
}

static void callback(void) {
  printf("call_export double_it 21 = %d\n", ws_call_export("double_it", 9, 21));
  printf("call_export double_it -4 = %d\n", ws_call_export("double_it", 9, -4));
  printf("call_export missing 1 = %d\n", ws_call_export("missing", 7, 1));
  printf("call_export _start 1 = %d\n", ws_call_export("_start", 6, 1));
  printf("list_exports = %d\n", ws_list_exports());
}

int main(int argc, char **argv) {
  const char *Scenario = argc > 1 ? argv[1] : "";
  setvbuf(stdout, NULL, _IONBF, 0); /* lines reach stdout before a trap */
  if (strcmp(Scenario, "") == 0) {
    numbers();
    options();
    memory();
  } else if (strcmp(Scenario, "counter") == 0) {
    for (int I = 0; I < 3; ++I) printf("counter = %d\n", ws_counter());
  } else if (strcmp(Scenario, "oob") == 0) {
    out_of_range();
  } else if (strcmp(Scenario, "callback") == 0) {
    callback();
  } else if (strcmp(Scenario, "fail") == 0) {
    printf("before fail\n");
    ws_fail();
    printf("after fail\n");
  } else if (strcmp(Scenario, "fail_user") == 0) {
    printf("before fail_user\n");
    ws_fail_user(42);
    printf("after fail_user\n");
  } else if (strcmp(Scenario, "divzero") == 0) {
    printf("before divmod 1 0\n");
    DivMod Result = ws_divmod(1, 0);
    printf("after divmod %d %d\n", Result.Quotient, Result.Remainder);
  } else if (strcmp(Scenario, "terminate") == 0) {
    printf("before terminate\n");
    ws_terminate();
    printf("after terminate\n");
    return 3;
  } else {
    fprintf(stderr, "fixture_calls: unknown scenario %s\n", Scenario);
    return 2;
  }
  return 0;
}
