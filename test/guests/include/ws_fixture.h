/*
 * Imports of the ws_fixture test plug-in (native/test-plugins/ws_fixture) for
 * C guests. Pointers and lengths are guest addresses (i32).
 */
#ifndef WS_FIXTURE_GUEST_H
#define WS_FIXTURE_GUEST_H

#include <stdint.h>

/* divmod(i32, i32) -> (i32, i32) is declared in fixture_calls.c: calling a
 * function with two results needs clang's multi-value ABI for that file. */
#define WS_FIXTURE_IMPORT(name) __attribute__((import_module("ws_fixture"), import_name(#name)))

WS_FIXTURE_IMPORT(add_i32) int32_t ws_add_i32(int32_t a, int32_t b);
WS_FIXTURE_IMPORT(add_i64) int64_t ws_add_i64(int64_t a, int64_t b);
WS_FIXTURE_IMPORT(mul_f32) float ws_mul_f32(float a, float b);
WS_FIXTURE_IMPORT(mul_f64) double ws_mul_f64(double a, double b);
WS_FIXTURE_IMPORT(mixed) double ws_mixed(int32_t a, int64_t b, float c, double d);
WS_FIXTURE_IMPORT(counter) int32_t ws_counter(void);

/* 0, or 1 when a range is outside memory; *written = bytes written (<= buf_len). */
WS_FIXTURE_IMPORT(get_option) int32_t ws_get_option(char *buf, uint32_t buf_len, uint32_t *written);
/* Bytes written (<= buf_len), or -1 when the buffer is outside memory. */
WS_FIXTURE_IMPORT(option_summary) int32_t ws_option_summary(char *buf, uint32_t buf_len);
/* 0, or 1 when the range is outside memory. */
WS_FIXTURE_IMPORT(write_bytes) int32_t ws_write_bytes(void *ptr, uint32_t len, int32_t byte);
/* Sum of the bytes, or -1 when the range is outside memory. */
WS_FIXTURE_IMPORT(sum_bytes) int32_t ws_sum_bytes(const void *ptr, uint32_t len);
WS_FIXTURE_IMPORT(memory_pages) int32_t ws_memory_pages(void);
/* New size in pages, or -1. */
WS_FIXTURE_IMPORT(grow_memory) int32_t ws_grow_memory(uint32_t pages);

WS_FIXTURE_IMPORT(fail) void ws_fail(void);
WS_FIXTURE_IMPORT(fail_user) void ws_fail_user(int32_t code);
WS_FIXTURE_IMPORT(terminate) void ws_terminate(void);

/* Calls the guest's export `name` (i32)->i32; -1 if absent, -2 if name is out of range. */
WS_FIXTURE_IMPORT(call_export) int32_t ws_call_export(const char *name, uint32_t name_len, int32_t arg);
/* Number of functions the guest exports. */
WS_FIXTURE_IMPORT(list_exports) int32_t ws_list_exports(void);

#endif /* WS_FIXTURE_GUEST_H */
