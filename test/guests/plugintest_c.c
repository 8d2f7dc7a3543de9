/*
 * plugintest_c: calls wasmedge_plugintest_c_module.add and .sub (native
 * fixture wasmedge_plugintest_c). The plug-in itself prints
 * "Current accumulate: N" on the host's stdout before each result line.
 */
#include <stdint.h>
#include <stdio.h>

#define PLUGINTEST_IMPORT(name) __attribute__((import_module("wasmedge_plugintest_c_module"), import_name(#name)))
PLUGINTEST_IMPORT(add) int32_t plugintest_add(int32_t a, int32_t b);
PLUGINTEST_IMPORT(sub) int32_t plugintest_sub(int32_t a, int32_t b);

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0); /* interleave exactly with the plug-in's lines */
  printf("add 2 3 = %d\n", plugintest_add(2, 3));
  printf("sub 10 4 = %d\n", plugintest_sub(10, 4));
  printf("sub 1 8 = %d\n", plugintest_sub(1, 8));
  return 0;
}
