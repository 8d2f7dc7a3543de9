/* Small helpers shared by the wasi-crypto test guests: hex in and out,
 * reading an array_output, and printing "label value" lines that the
 * tests parse. */
#ifndef WS_WC_UTIL_H
#define WS_WC_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wasi_crypto.h>

#define S(text) (text), (sizeof(text) - 1)

static inline void print_hex(const char *label, const uint8_t *data, size_t len) {
  printf("%s ", label);
  for (size_t i = 0; i < len; i++) printf("%02x", data[i]);
  printf("\n");
}

static inline void print_code(const char *label, wc_errno code) { printf("%s %d\n", label, (int)code); }

static inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes hex into a new buffer (caller frees); *len receives its size. */
static inline uint8_t *from_hex(const char *hex, size_t *len) {
  size_t n = strlen(hex) / 2;
  uint8_t *out = malloc(n ? n : 1);
  for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
  *len = n;
  return out;
}

/* Reads a whole array_output (len, then one pull) into a new buffer. */
static inline wc_errno pull_all(wc_handle output, uint8_t **data, size_t *len) {
  wc_size size = 0, pulled = 0;
  wc_errno e = array_output_len(output, &size);
  if (e) return e;
  *data = malloc(size ? size : 1);
  e = array_output_pull(output, *data, size, &pulled);
  *len = pulled;
  return e;
}

/* Pulls an array_output and prints it as hex, or prints the error. */
static inline void print_output(const char *label, wc_errno e, wc_handle output) {
  uint8_t *data = NULL;
  size_t len = 0;
  if (e == 0) e = pull_all(output, &data, &len);
  if (e) print_code(label, e); else print_hex(label, data, len);
  free(data);
}

#define CHECK(call)                                                       \
  do {                                                                    \
    wc_errno check_e_ = (call);                                           \
    if (check_e_ != 0) {                                                  \
      printf("FAILED %s:%d %s -> %d\n", __FILE__, __LINE__, #call, (int)check_e_); \
      exit(1);                                                            \
    }                                                                     \
  } while (0)

#endif /* WS_WC_UTIL_H */
