// Program options of registered plug-ins (see plugin_options.cpp).
#ifndef WS_CAPI_PLUGIN_OPTIONS_H
#define WS_CAPI_PLUGIN_OPTIONS_H

#include "internal.h"

namespace ws {

// Restores one option's Storage to its value at registration. False if the
// plug-in has no such option.
bool resetPluginOption(const WasmEdge_PluginContext *Plugin, const char *Name) noexcept;

}  // namespace ws

#endif
