/*
 * extra_wasi: imports two of WasmEdge's extra socket functions from
 * wasi_snapshot_preview1 (not part of WASI preview1 proper; node:wasi lacks
 * them). A host that stubs them links the guest; the stubs' errno is printed:
 *   sock_open = 52          (52 = ENOSYS, "function not supported")
 *   sock_getaddrinfo = 52
 */
#include <stdint.h>
#include <stdio.h>

__attribute__((import_module("wasi_snapshot_preview1"), import_name("sock_open")))
int32_t sock_open(int32_t address_family, int32_t socket_type, int32_t *fd);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("sock_getaddrinfo")))
int32_t sock_getaddrinfo(const char *node, uint32_t node_len, const char *service, uint32_t service_len,
                         const void *hints, void *results, uint32_t max_results, uint32_t *result_count);

int main(void) {
  int32_t Fd = -1;
  printf("sock_open = %d\n", sock_open(1 /* inet4 */, 1 /* stream */, &Fd));
  uint8_t Hints[64] = {0}, Results[64];
  uint32_t Count = 0;
  printf("sock_getaddrinfo = %d\n",
         sock_getaddrinfo("localhost", 9, "80", 2, Hints, Results, 1, &Count));
  return 0;
}
