// The wasi_crypto plug-in descriptor (spec B.1): five modules, version
// 0.10.1.0, no options. Each module instance holds a reference to the
// shared Context (context.h), released by the instance's finalizer.
#include <wasmedge/wasmedge.h>

#include <cstring>
#include <vector>

#include "host_call.h"

namespace wasi_crypto {

namespace {

const ModuleSpec *const kModules[] = {&kAsymmetricCommonModule, &kCommonModule, &kKxModule, &kSignaturesModule,
                                      &kSymmetricModule};

void releaseContext(void *data) { Context::release(static_cast<Context *>(data)); }

bool addFunction(WasmEdge_ModuleInstanceContext *module, const HostFunctionSpec &spec, Context *context) {
  std::vector<WasmEdge_ValType> parameters;
  for (const char *p = spec.parameters; *p; ++p) {
    parameters.push_back(*p == 'I' ? WasmEdge_ValTypeGenI64() : WasmEdge_ValTypeGenI32());
  }
  WasmEdge_ValType result = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *type = WasmEdge_FunctionTypeCreate(
      parameters.data(), static_cast<uint32_t>(parameters.size()), &result, 1);
  if (type == nullptr) return false;
  WasmEdge_FunctionInstanceContext *function = WasmEdge_FunctionInstanceCreate(type, spec.function, context, 0);
  WasmEdge_FunctionTypeDelete(type);
  if (function == nullptr) return false;
  WasmEdge_String name = WasmEdge_StringCreateByCString(spec.name);
  WasmEdge_Result added = WasmEdge_ModuleInstanceAddFunction(module, name, function);
  WasmEdge_StringDelete(name);
  return WasmEdge_ResultOK(added);
}

WasmEdge_ModuleInstanceContext *createModule(const WasmEdge_ModuleDescriptor *descriptor) {
  const ModuleSpec *spec = nullptr;
  for (const ModuleSpec *candidate : kModules) {
    if (descriptor && descriptor->Name && std::strcmp(candidate->descriptorName, descriptor->Name) == 0) spec = candidate;
  }
  if (spec == nullptr) return nullptr;
  Context *context = Context::acquire();
  WasmEdge_String name = WasmEdge_StringCreateByCString(spec->importName);
  WasmEdge_ModuleInstanceContext *module = WasmEdge_ModuleInstanceCreateWithData(name, context, releaseContext);
  WasmEdge_StringDelete(name);
  if (module == nullptr) {
    Context::release(context);
    return nullptr;
  }
  for (std::size_t i = 0; i < spec->functionCount; ++i) {
    if (!addFunction(module, spec->functions[i], context)) {
      WasmEdge_ModuleInstanceDelete(module);  // runs releaseContext
      return nullptr;
    }
  }
  return module;
}

WasmEdge_ModuleDescriptor moduleDescriptors[] = {
    {"wasi_crypto_asymmetric_common", "wasi-crypto asymmetric keys", createModule},
    {"wasi_crypto_common", "wasi-crypto array outputs and options", createModule},
    {"wasi_crypto_kx", "wasi-crypto key exchange", createModule},
    {"wasi_crypto_signatures", "wasi-crypto signatures", createModule},
    {"wasi_crypto_symmetric", "wasi-crypto symmetric operations", createModule},
};

const WasmEdge_PluginDescriptor pluginDescriptor = {
    "wasi_crypto",
    "WASI-Crypto on OpenSSL 3 (the process's own libcrypto: Node's when loaded by ws)",
    WasmEdge_Plugin_CurrentAPIVersion,
    {0, 10, 1, 0},
    sizeof moduleDescriptors / sizeof moduleDescriptors[0],
    0,
    moduleDescriptors,
    nullptr,
};

}  // namespace

}  // namespace wasi_crypto

extern "C" WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &wasi_crypto::pluginDescriptor;
}
