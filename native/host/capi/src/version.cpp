// WasmEdge_Version*: the WasmEdge release whose C API this stand-in provides.
#include "internal.h"

WS_EXPORT const char *WasmEdge_VersionGet(void) { return WASMEDGE_VERSION; }
WS_EXPORT uint32_t WasmEdge_VersionGetMajor(void) { return WASMEDGE_VERSION_MAJOR; }
WS_EXPORT uint32_t WasmEdge_VersionGetMinor(void) { return WASMEDGE_VERSION_MINOR; }
WS_EXPORT uint32_t WasmEdge_VersionGetPatch(void) { return WASMEDGE_VERSION_PATCH; }
