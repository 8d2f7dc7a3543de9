// probeLibrary(): whether a shared library loads here, for `ws doctor`, with
// no plug-in involved (the bridge ships everywhere @ws/core does; koffi may not).
#include <dlfcn.h>
#include <napi.h>

#include <cstdint>
#include <string>

namespace ws {

namespace {

// int fn(const char *argument, uint8_t *out, size_t len): the signature of
// ws_wasi_nn_backend_probe_with (native/wasi-nn/backends/common/probe.c).
using ProbeFunction = int (*)(const char *, uint8_t *, size_t);

constexpr size_t kProbeTextSize = 4096;

std::string LastDlError(const char *fallback) {
  const char *error = dlerror();
  return error != nullptr ? error : fallback;
}

// probeLibrary(path, probeSymbol?, argument?) -> { loaded, error?, result?, text? }
// dlopen(path, RTLD_NOW|RTLD_LOCAL): a name without a slash goes through the
// loader's search (LD_LIBRARY_PATH, ld.so.cache, the system folders).
Napi::Value ProbeLibrary(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  if (!info[0].IsString()) {
    Napi::TypeError::New(env, "probeLibrary(path: string, probeSymbol?: string, argument?: string)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  const std::string path = info[0].As<Napi::String>().Utf8Value();
  const bool hasSymbol = info.Length() > 1 && info[1].IsString();
  const std::string symbol = hasSymbol ? info[1].As<Napi::String>().Utf8Value() : std::string();
  const bool hasArgument = info.Length() > 2 && info[2].IsString();
  const std::string argument = hasArgument ? info[2].As<Napi::String>().Utf8Value() : std::string();

  Napi::Object out = Napi::Object::New(env);
  dlerror();
  void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    out.Set("loaded", false);
    out.Set("error", LastDlError(path.c_str()));
    return out;
  }
  out.Set("loaded", true);
  if (!hasSymbol) {
    dlclose(library);
    return out;
  }
  dlerror();
  void *address = dlsym(library, symbol.c_str());
  if (address == nullptr) {
    out.Set("error", LastDlError((symbol + ": symbol not found").c_str()));
    dlclose(library);
    return out;
  }
  ProbeFunction probe;
  static_assert(sizeof(probe) == sizeof(address), "function and data pointers have one size here");
  __builtin_memcpy(&probe, &address, sizeof(probe));
  uint8_t text[kProbeTextSize] = {0};
  const int result = probe(hasArgument ? argument.c_str() : nullptr, text, sizeof(text) - 1);
  text[sizeof(text) - 1] = 0;
  out.Set("result", result);
  out.Set("text", std::string(reinterpret_cast<const char *>(text)));
  // Not closed once its code has run: it may have handed its runtime pointers
  // into itself (llama.cpp keeps the GGML backend's log callback), which an
  // unmapped library would leave dangling. A later plug-in load reuses it.
  return out;
}

}  // namespace

void RegisterLibraryProbe(Napi::Env env, Napi::Object exports) {
  exports.Set("probeLibrary", Napi::Function::New(env, ProbeLibrary, "probeLibrary"));
}

}  // namespace ws
