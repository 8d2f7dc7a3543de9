/* A well-formed shared library that exports neither WasmEdge_Plugin_GetDescriptor
 * nor GetDescriptor: the loader must skip it (WasmEdge: silently). */
#include <stdint.h>

__attribute__((visibility("default"))) int32_t ws_no_descriptor_marker(void) { return 42; }
