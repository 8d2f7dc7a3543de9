// WasmEdge_Log* level setters and the stand-in's own log output.
#include "log.h"

#include "internal.h"
#include "wasmedge/ws_extensions.h"

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace {

// WasmEdge starts at Info (spdlog's default); @ws/core sets its own default
// (warning) when it loads the bridge. WasmEdge_LogOff is a level above
// Critical: WS_LogLevel_Off.
constexpr int kLevelOff = static_cast<int>(WS_LogLevel_Off);
static_assert(kLevelOff == WasmEdge_LogLevel_Critical + 1, "WS_LogLevel_Off is just above Critical");
std::atomic<int> CurrentLevel{WasmEdge_LogLevel_Info};

const char *levelName(enum WasmEdge_LogLevel Level) noexcept {
  switch (Level) {
    case WasmEdge_LogLevel_Trace: return "trace";
    case WasmEdge_LogLevel_Debug: return "debug";
    case WasmEdge_LogLevel_Info: return "info";
    case WasmEdge_LogLevel_Warn: return "warning";
    case WasmEdge_LogLevel_Error: return "error";
    case WasmEdge_LogLevel_Critical: return "critical";
  }
  return "log";
}

}  // namespace

namespace ws {

bool logEnabled(enum WasmEdge_LogLevel Level) noexcept {
  return static_cast<int>(Level) >= CurrentLevel.load(std::memory_order_relaxed);
}

void logMessage(enum WasmEdge_LogLevel Level, const char *Format, ...) noexcept {
  if (!logEnabled(Level)) return;
  char Line[2048];
  va_list Args;
  va_start(Args, Format);
  std::vsnprintf(Line, sizeof(Line), Format, Args);
  va_end(Args);
  std::fprintf(stderr, "[ws:capi] %s: %s\n", levelName(Level), Line);
}

}  // namespace ws

WS_EXPORT void WasmEdge_LogSetErrorLevel(void) {
  CurrentLevel.store(WasmEdge_LogLevel_Error, std::memory_order_relaxed);
}

WS_EXPORT void WasmEdge_LogSetDebugLevel(void) {
  CurrentLevel.store(WasmEdge_LogLevel_Debug, std::memory_order_relaxed);
}

WS_EXPORT void WasmEdge_LogOff(void) { CurrentLevel.store(kLevelOff, std::memory_order_relaxed); }

WS_EXPORT void WasmEdge_LogSetLevel(const enum WasmEdge_LogLevel Level) {
  // C callers may pass any int. Reading an out-of-range value as the enum type
  // is undefined in C++ (UBSan's -fsanitize=enum reports it): read its bytes.
  int Value = 0;
  static_assert(sizeof(Level) == sizeof(Value), "WasmEdge_LogLevel is int-sized");
  std::memcpy(&Value, &Level, sizeof(Value));
  if (Value < WasmEdge_LogLevel_Trace || Value > WasmEdge_LogLevel_Critical) return;
  CurrentLevel.store(Value, std::memory_order_relaxed);
}

WS_EXPORT enum WasmEdge_LogLevel ws_log_level(void) {
  return static_cast<enum WasmEdge_LogLevel>(CurrentLevel.load(std::memory_order_relaxed));
}
