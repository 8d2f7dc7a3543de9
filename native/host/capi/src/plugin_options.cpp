// Program options of plug-ins, parsed as WasmEdge's CLI parses them
// (lib/po: base-10 integers over the whole string, range-checked; floats
// without ERANGE; DefaultValue is the implicit value of a flag given without
// a value) and written straight into the option's Storage.
#include "log.h"
#include "plugin_options.h"
#include "plugin_registry.h"

#include "wasmedge/ws_extensions.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

namespace {

// ws's list type as an int (see ws::optionType).
constexpr int kStringList = 0x100;

class OptionError {
 public:
  OptionError(char *Buf, size_t Len) : Buf(Buf), Len(Len) {}

  int operator()(const char *Format, ...) const __attribute__((format(printf, 2, 3))) {
    if (Buf != nullptr && Len > 0) {
      va_list Args;
      va_start(Args, Format);
      std::vsnprintf(Buf, Len, Format, Args);
      va_end(Args);
    }
    return -1;
  }

 private:
  char *Buf;
  size_t Len;
};

// Integers as WasmEdge parses them: strtoll / strtoull, base 10, the whole
// string, range-checked for T. strtoull negates a leading '-': "-1" is out of
// range for 8/16/32-bit unsigned options but wraps to 2^64-1 for UInt64.
template <typename T>
int parseInteger(const char *Value, void *Storage, const char *Name, const OptionError &Error) {
  using Wide = std::conditional_t<std::is_signed_v<T>, long long, unsigned long long>;
  errno = 0;
  char *End = nullptr;
  Wide Parsed;
  if constexpr (std::is_signed_v<T>) {
    Parsed = std::strtoll(Value, &End, 10);
  } else {
    Parsed = std::strtoull(Value, &End, 10);
  }
  if (Value[0] == '\0' || End == nullptr || *End != '\0') {
    return Error("option --%s takes an integer, got \"%s\": pass a base-10 number", Name, Value);
  }
  if (errno == ERANGE || Parsed < static_cast<Wide>(std::numeric_limits<T>::min()) ||
      Parsed > static_cast<Wide>(std::numeric_limits<T>::max())) {
    return Error("option --%s is out of range: %s is not within %s..%s", Name, Value,
                 std::to_string(std::numeric_limits<T>::min()).c_str(),
                 std::to_string(std::numeric_limits<T>::max()).c_str());
  }
  T Narrow = static_cast<T>(Parsed);
  std::memcpy(Storage, &Narrow, sizeof(T));
  return 0;
}

template <typename T>
int parseFloating(const char *Value, void *Storage, const char *Name, const OptionError &Error) {
  errno = 0;
  char *End = nullptr;
  T Parsed;
  if constexpr (sizeof(T) == sizeof(float)) {
    Parsed = std::strtof(Value, &End);
  } else {
    Parsed = std::strtod(Value, &End);
  }
  if (Value[0] == '\0' || End == nullptr || *End != '\0') {
    return Error("option --%s takes a number, got \"%s\": pass a decimal number", Name, Value);
  }
  if (errno == ERANGE) {
    return Error("option --%s is out of range: %s does not fit a %s", Name, Value,
                 sizeof(T) == sizeof(float) ? "float" : "double");
  }
  std::memcpy(Storage, &Parsed, sizeof(T));
  return 0;
}

int parseToggle(const char *Value, void *Storage, const char *Name, const OptionError &Error) {
  bool On;
  if (Value == nullptr || std::strcmp(Value, "true") == 0) {
    On = true;
  } else if (std::strcmp(Value, "false") == 0) {
    On = false;
  } else {
    return Error("option --%s is a flag and takes no value (or true/false), got \"%s\": drop the value", Name, Value);
  }
  std::memcpy(Storage, &On, sizeof(bool));
  return 0;
}

// A copy of Value that stays alive (see WsOptionState::Buffers). It is NUL
// terminated for convenience; Length does not count the NUL.
WasmEdge_String keepString(WsOptionState &State, const char *Value) {
  size_t Len = std::strlen(Value);
  if (Len == 0) return WasmEdge_String{0, nullptr};
  if (Len > UINT32_MAX) Len = UINT32_MAX;
  std::unique_ptr<char[]> Buf(new char[Len + 1]);
  std::memcpy(Buf.get(), Value, Len);
  Buf[Len] = '\0';
  WasmEdge_String S{static_cast<uint32_t>(Len), Buf.get()};
  State.Buffers.push_back(std::move(Buf));
  return S;
}

void appendListItem(WsOptionState &State, const WasmEdge_String &Item) {
  WS_StringList List;
  std::memcpy(&List, State.Option->Storage, sizeof(List));
  std::unique_ptr<WasmEdge_String[]> Items(new WasmEdge_String[List.Length + 1]);
  for (uint32_t I = 0; I < List.Length; ++I) Items[I] = List.Items[I];
  Items[List.Length] = Item;
  List.Items = Items.get();
  List.Length += 1;
  State.ItemArrays.push_back(std::move(Items));
  std::memcpy(State.Option->Storage, &List, sizeof(List));
}

int setString(WsOptionState &State, const char *Value, const OptionError &Error) {
  const WasmEdge_ProgramOption &Option = *State.Option;
  WasmEdge_String S;
  if (Value != nullptr) {
    S = keepString(State, Value);
  } else {
    // DefaultValue of a String option points at a WasmEdge_String (WasmEdge's
    // C adapter casts it so); the plug-in owns its bytes.
    std::memcpy(&S, Option.DefaultValue, sizeof(S));
  }
  if (ws::optionType(Option) == kStringList) {
    appendListItem(State, S);
  } else {
    std::memcpy(Option.Storage, &S, sizeof(S));
  }
  return 0;
}

int setOption(WsOptionState &State, const char *Value, const OptionError &Error) {
  const WasmEdge_ProgramOption &Option = *State.Option;
  const char *Name = Option.Name;
  int Type = ws::optionType(Option);
  if (Type == WasmEdge_ProgramOptionType_Toggle) return parseToggle(Value, Option.Storage, Name, Error);
  if (Value == nullptr && Option.DefaultValue == nullptr) {
    return Error("option --%s needs a value: pass --%s=VALUE", Name, Name);
  }
  if (Type == WasmEdge_ProgramOptionType_String || Type == kStringList) {
    return setString(State, Value, Error);
  }
  if (Value == nullptr) {
    // The implicit value: DefaultValue points at a value of the option's type.
    std::memcpy(Option.Storage, Option.DefaultValue, ws::optionStorageSize(Type));
    return 0;
  }
  switch (Type) {
    case WasmEdge_ProgramOptionType_Int8: return parseInteger<int8_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_Int16: return parseInteger<int16_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_Int32: return parseInteger<int32_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_Int64: return parseInteger<int64_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_UInt8: return parseInteger<uint8_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_UInt16: return parseInteger<uint16_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_UInt32: return parseInteger<uint32_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_UInt64: return parseInteger<uint64_t>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_Float: return parseFloating<float>(Value, Option.Storage, Name, Error);
    case WasmEdge_ProgramOptionType_Double: return parseFloating<double>(Value, Option.Storage, Name, Error);
    default: return Error("option --%s has a type ws cannot set (%d)", Name, Type);
  }
}

WsOptionState *findOption(WasmEdge_PluginContext &Plugin, const char *Name) {
  for (WsOptionState &State : Plugin.Options) {
    if (std::strcmp(State.Option->Name, Name) == 0) return &State;
  }
  return nullptr;
}

int unknownOption(const WasmEdge_PluginContext &Plugin, const char *Name, const OptionError &Error) {
  if (Plugin.Options.empty()) {
    return Error("plug-in %s has no option --%s (it has no options): remove the option", Plugin.Name.c_str(), Name);
  }
  std::string Known;
  for (const WsOptionState &State : Plugin.Options) {
    if (!Known.empty()) Known += ", ";
    Known += "--";
    Known += State.Option->Name;
  }
  return Error("plug-in %s has no option --%s: use one of %s", Plugin.Name.c_str(), Name, Known.c_str());
}

void resetOption(WsOptionState &State) {
  std::memcpy(State.Option->Storage, State.Snapshot.data(), State.Snapshot.size());
}

}  // namespace

namespace ws {

bool resetPluginOption(const WasmEdge_PluginContext *Plugin, const char *Name) noexcept {
  if (Plugin == nullptr || Name == nullptr) return false;
  std::lock_guard<std::recursive_mutex> Lock(registryMutex());
  WsOptionState *State = findOption(*const_cast<WasmEdge_PluginContext *>(Plugin), Name);
  if (State == nullptr) return false;
  resetOption(*State);
  return true;
}

}  // namespace ws

WS_EXPORT int ws_host_plugin_set_option(const WasmEdge_PluginContext *Plugin, const char *Name, const char *Value,
                                        char *Err, size_t ErrLen) {
  OptionError Error(Err, ErrLen);
  if (Err != nullptr && ErrLen > 0) Err[0] = '\0';
  if (Plugin == nullptr) return Error("no plug-in given: load the plug-in first");
  if (Name == nullptr || Name[0] == '\0') return Error("no option name given: pass the name without the leading --");
  try {
    std::lock_guard<std::recursive_mutex> UseLock(*Plugin->UseMutex);
    std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
    auto &Mutable = *const_cast<WasmEdge_PluginContext *>(Plugin);
    WsOptionState *State = findOption(Mutable, Name);
    if (State == nullptr) return unknownOption(Mutable, Name, Error);
    return setOption(*State, Value, Error);
  } catch (...) {
    return Error("option --%s could not be set: out of memory", Name);
  }
}

WS_EXPORT void ws_host_plugin_reset_options(const WasmEdge_PluginContext *Plugin) {
  if (Plugin == nullptr) return;
  std::lock_guard<std::recursive_mutex> UseLock(*Plugin->UseMutex);
  std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
  auto &Mutable = *const_cast<WasmEdge_PluginContext *>(Plugin);
  for (WsOptionState &State : Mutable.Options) resetOption(State);
}
