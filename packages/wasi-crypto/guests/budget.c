/* The per-module-instance budgets of wasi_crypto (--crypto-max-handles,
 * --crypto-max-bytes), from a guest. Nothing is closed at the end on
 * purpose: disposing the runtime closes what the guest left open.
 *   handles COUNT        open up to COUNT options; the first refusal's errno;
 *                        then close one and open one again
 *   absorb ALG BYTES     a state of ALG (HKDF-EXTRACT/SHA-256 keeps what it
 *                        absorbs, SHA-256 streams) absorbs BYTES in 64 KiB
 *                        parts; the errno of the first refused part and the
 *                        bytes absorbed before it
 *   array BYTES          symmetric_key_import of an HMAC/SHA-256 key of BYTES
 *                        bytes, exported as an array_output */
#include "wc_util.h"

static int cmd_handles(unsigned long count) {
  wc_handle first = 0, handle = 0;
  unsigned long opened = 0;
  for (; opened < count; ++opened) {
    wc_errno e = options_open(WC_ALGORITHM_SYMMETRIC, &handle);
    if (e) {
      printf("refused %lu %d\n", opened, (int)e);
      break;
    }
    if (opened == 0) first = handle;
  }
  printf("opened %lu\n", opened);
  if (opened == 0) return 0;
  print_code("close", options_close(first));
  print_code("reopen", options_open(WC_ALGORITHM_SYMMETRIC, &handle));
  print_code("again", options_open(WC_ALGORITHM_SYMMETRIC, &handle));
  return 0;
}

static int cmd_absorb(const char *alg, unsigned long bytes) {
  static uint8_t part[65536];
  wc_handle key = 0, state = 0;
  wc_optional none = wc_none(), some;
  const int keyed = strncmp(alg, "HKDF", 4) == 0;
  if (keyed) CHECK(symmetric_key_generate(alg, strlen(alg), &none, &key));
  some = wc_some(key);
  CHECK(symmetric_state_open(alg, strlen(alg), keyed ? &some : &none, &none, &state));
  unsigned long absorbed = 0;
  while (absorbed < bytes) {
    const size_t length = bytes - absorbed < sizeof part ? bytes - absorbed : sizeof part;
    wc_errno e = symmetric_state_absorb(state, part, length);
    if (e) {
      printf("refused %lu %d\n", absorbed, (int)e);
      break;
    }
    absorbed += length;
  }
  printf("absorbed %lu\n", absorbed);
  return 0;
}

static int cmd_array(unsigned long bytes) {
  uint8_t *raw = calloc(bytes ? bytes : 1, 1);
  wc_handle key = 0, output = 0;
  print_code("import", symmetric_key_import(S("HMAC/SHA-256"), raw, bytes, &key));
  print_code("export", symmetric_key_export(key, &output));
  free(raw);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "handles") == 0) return cmd_handles(strtoul(argv[2], NULL, 10));
  if (argc == 4 && strcmp(argv[1], "absorb") == 0) return cmd_absorb(argv[2], strtoul(argv[3], NULL, 10));
  if (argc == 3 && strcmp(argv[1], "array") == 0) return cmd_array(strtoul(argv[2], NULL, 10));
  fprintf(stderr, "usage: budget.wasm handles COUNT | absorb ALG BYTES | array BYTES\n");
  return 2;
}
