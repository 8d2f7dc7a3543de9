/* Exports the C entry point but returns NULL: the loader must refuse it. */
#include <wasmedge/wasmedge.h>

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return NULL;
}
