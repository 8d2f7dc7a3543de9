// Logging of the stand-in: lines on stderr prefixed "[ws:capi]", filtered by
// the level set through WasmEdge_LogSetLevel and friends.
#ifndef WS_CAPI_LOG_H
#define WS_CAPI_LOG_H

#include "wasmedge/wasmedge.h"

namespace ws {

bool logEnabled(enum WasmEdge_LogLevel Level) noexcept;
void logMessage(enum WasmEdge_LogLevel Level, const char *Format, ...) noexcept
    __attribute__((format(printf, 2, 3)));

}  // namespace ws

#endif
