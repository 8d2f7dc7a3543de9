// Plug-in loading, description, options and module creation for @ws/core.
#include <cstring>
#include <string>
#include <vector>
#include "modules.h"

namespace ws {

namespace {

const WasmEdge_PluginContext *UnwrapPlugin(const Napi::Value &value) {
  if (!value.IsExternal()) return nullptr;
  return static_cast<const WasmEdge_PluginContext *>(value.As<Napi::External<void>>().Data());
}

Napi::Value WrapPlugin(Napi::Env env, const WasmEdge_PluginContext *plugin) {
  // Plug-ins are never unloaded: the handle needs no finalizer.
  return Napi::External<void>::New(env, const_cast<WasmEdge_PluginContext *>(plugin));
}

const char *OptionTypeName(uint32_t type) {
  switch (type) {
    case WasmEdge_ProgramOptionType_None: return "none";
    case WasmEdge_ProgramOptionType_Toggle: return "toggle";
    case WasmEdge_ProgramOptionType_Int8: return "int8";
    case WasmEdge_ProgramOptionType_Int16: return "int16";
    case WasmEdge_ProgramOptionType_Int32: return "int32";
    case WasmEdge_ProgramOptionType_Int64: return "int64";
    case WasmEdge_ProgramOptionType_UInt8: return "uint8";
    case WasmEdge_ProgramOptionType_UInt16: return "uint16";
    case WasmEdge_ProgramOptionType_UInt32: return "uint32";
    case WasmEdge_ProgramOptionType_UInt64: return "uint64";
    case WasmEdge_ProgramOptionType_Float: return "float";
    case WasmEdge_ProgramOptionType_Double: return "double";
    case WasmEdge_ProgramOptionType_String: return "string";
    case WS_ProgramOptionType_StringList: return "string-list";
    default: return "unknown";
  }
}

// The option's type as a plain integer: ws's StringList (0x100) lies outside
// the C++ range of the enum, so reading it as the enum would be undefined.
uint32_t OptionType(const WasmEdge_ProgramOption &option) {
  uint32_t type;
  std::memcpy(&type, &option.Type, sizeof(type));
  return type;
}

// The implicit value of an option given without a value, as text.
Napi::Value DefaultValueText(Napi::Env env, const WasmEdge_ProgramOption &option) {
  const void *value = option.DefaultValue;
  if (value == nullptr) return env.Null();
  switch (OptionType(option)) {
    case WasmEdge_ProgramOptionType_Int8: return Napi::String::New(env, std::to_string(*static_cast<const int8_t *>(value)));
    case WasmEdge_ProgramOptionType_Int16: return Napi::String::New(env, std::to_string(*static_cast<const int16_t *>(value)));
    case WasmEdge_ProgramOptionType_Int32: return Napi::String::New(env, std::to_string(*static_cast<const int32_t *>(value)));
    case WasmEdge_ProgramOptionType_Int64: return Napi::String::New(env, std::to_string(*static_cast<const int64_t *>(value)));
    case WasmEdge_ProgramOptionType_UInt8: return Napi::String::New(env, std::to_string(*static_cast<const uint8_t *>(value)));
    case WasmEdge_ProgramOptionType_UInt16: return Napi::String::New(env, std::to_string(*static_cast<const uint16_t *>(value)));
    case WasmEdge_ProgramOptionType_UInt32: return Napi::String::New(env, std::to_string(*static_cast<const uint32_t *>(value)));
    case WasmEdge_ProgramOptionType_UInt64: return Napi::String::New(env, std::to_string(*static_cast<const uint64_t *>(value)));
    case WasmEdge_ProgramOptionType_Float: return Napi::String::New(env, std::to_string(*static_cast<const float *>(value)));
    case WasmEdge_ProgramOptionType_Double: return Napi::String::New(env, std::to_string(*static_cast<const double *>(value)));
    case WasmEdge_ProgramOptionType_String:
    case WS_ProgramOptionType_StringList: {
      // As in WasmEdge's C adapter: DefaultValue points at a WasmEdge_String.
      const auto *text = static_cast<const WasmEdge_String *>(value);
      return Napi::String::New(env, text->Buf ? std::string(text->Buf, text->Length) : std::string());
    }
    default: return env.Null();
  }
}

// loadPluginFile(path) -> { status, apiVersion, pluginName, message, plugin? }
Napi::Value LoadPluginFile(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  std::string path = info[0].As<Napi::String>().Utf8Value();
  ws_load_result result;
  std::memset(&result, 0, sizeof(result));
  ws_host_plugin_load_file(path.c_str(), &result);
  Napi::Object out = Napi::Object::New(env);
  out.Set("status", static_cast<double>(result.Status));
  out.Set("apiVersion", static_cast<double>(result.APIVersion));
  out.Set("pluginName", std::string(result.PluginName, strnlen(result.PluginName, sizeof(result.PluginName))));
  out.Set("message", std::string(result.Message, strnlen(result.Message, sizeof(result.Message))));
  if (result.Plugin != nullptr) out.Set("plugin", WrapPlugin(env, result.Plugin));
  return out;
}

// pluginInfo(plugin) -> { name, description, apiVersion, version, path, modules, options }
Napi::Value PluginInfo(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  const WasmEdge_PluginContext *plugin = UnwrapPlugin(info[0]);
  const WasmEdge_PluginDescriptor *descriptor = plugin ? ws_host_plugin_descriptor(plugin) : nullptr;
  if (descriptor == nullptr) return env.Null();
  Napi::Object out = Napi::Object::New(env);
  out.Set("name", descriptor->Name);
  out.Set("description", descriptor->Description ? descriptor->Description : "");
  out.Set("apiVersion", static_cast<double>(descriptor->APIVersion));
  Napi::Array version = Napi::Array::New(env, 4);
  version.Set(0u, descriptor->Version.Major);
  version.Set(1u, descriptor->Version.Minor);
  version.Set(2u, descriptor->Version.Patch);
  version.Set(3u, descriptor->Version.Build);
  out.Set("version", version);
  const char *path = ws_host_plugin_path(plugin);
  out.Set("path", path ? path : "");
  Napi::Array modules = Napi::Array::New(env, descriptor->ModuleCount);
  for (uint32_t i = 0; i < descriptor->ModuleCount; ++i) {
    const WasmEdge_ModuleDescriptor &module = descriptor->ModuleDescriptions[i];
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("name", module.Name);
    entry.Set("description", module.Description ? module.Description : "");
    modules.Set(i, entry);
  }
  out.Set("modules", modules);
  Napi::Array options = Napi::Array::New(env);
  for (uint32_t i = 0; i < descriptor->ProgramOptionCount; ++i) {
    const WasmEdge_ProgramOption &option = descriptor->ProgramOptions[i];
    if (OptionType(option) == WasmEdge_ProgramOptionType_None) continue;
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("name", option.Name);
    entry.Set("description", option.Description ? option.Description : "");
    entry.Set("type", OptionTypeName(OptionType(option)));
    entry.Set("defaultValue", DefaultValueText(env, option));
    options.Set(options.Length(), entry);
  }
  out.Set("options", options);
  return out;
}

// setPluginOption(plugin, name, value | null); throws with the parser's message.
Napi::Value SetPluginOption(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  const WasmEdge_PluginContext *plugin = UnwrapPlugin(info[0]);
  std::string name = info[1].As<Napi::String>().Utf8Value();
  std::string value;
  bool hasValue = info[2].IsString();
  if (hasValue) value = info[2].As<Napi::String>().Utf8Value();
  char error[512] = {0};
  if (ws_host_plugin_set_option(plugin, name.c_str(), hasValue ? value.c_str() : nullptr, error, sizeof(error)) != 0) {
    Napi::Error e = Napi::Error::New(env, error);
    e.Set("code", "WS_PLUGIN_OPTION");
    e.ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

Napi::Value ResetPluginOptions(const Napi::CallbackInfo &info) {
  const WasmEdge_PluginContext *plugin = UnwrapPlugin(info[0]);
  if (plugin) ws_host_plugin_reset_options(plugin);
  return info.Env().Undefined();
}

// createModule(plugin, descriptorName) -> module handle | null
Napi::Value CreateModule(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  const WasmEdge_PluginContext *plugin = UnwrapPlugin(info[0]);
  std::string name = info[1].As<Napi::String>().Utf8Value();
  WasmEdge_ModuleInstanceContext *instance = plugin ? ws_host_plugin_create_module(plugin, name.c_str()) : nullptr;
  if (instance == nullptr) return env.Null();
  auto holder = std::make_shared<ModuleHolder>();
  holder->module = instance;
  const WasmEdge_PluginDescriptor *descriptor = ws_host_plugin_descriptor(plugin);
  holder->pluginName = descriptor && descriptor->Name ? descriptor->Name : "";
  WasmEdge_String instanceName = WasmEdge_ModuleInstanceGetModuleName(instance);
  holder->instanceName = instanceName.Buf ? std::string(instanceName.Buf, instanceName.Length) : name;
  return WrapModule(env, std::move(holder));
}

// createModuleWithOptions(plugin, descriptorName | null, [[name, value | null], ...])
// -> module handle | null. Options set, Create and reset happen in one native
// call under the plug-in's lock (ws_host_plugin_create_module_with_options), so
// workers with different options never see each other's. A descriptor of null
// only checks the options. Throws (code WS_PLUGIN_OPTION) for a refused option.
Napi::Value CreateModuleWithOptions(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  const WasmEdge_PluginContext *plugin = UnwrapPlugin(info[0]);
  bool create = info[1].IsString();
  std::string name = create ? info[1].As<Napi::String>().Utf8Value() : std::string();
  std::vector<std::string> names;
  std::vector<std::string> values;
  std::vector<bool> hasValue;
  if (info[2].IsArray()) {
    Napi::Array pairs = info[2].As<Napi::Array>();
    for (uint32_t i = 0; i < pairs.Length(); ++i) {
      Napi::Value pair = pairs.Get(i);
      if (!pair.IsArray() || !pair.As<Napi::Array>().Get(0u).IsString()) {
        Napi::TypeError::New(env, "createModuleWithOptions: each option is a [name, value | null] pair")
            .ThrowAsJavaScriptException();
        return env.Null();
      }
      Napi::Array entry = pair.As<Napi::Array>();
      names.push_back(entry.Get(0u).As<Napi::String>().Utf8Value());
      Napi::Value value = entry.Get(1u);
      hasValue.push_back(value.IsString());
      values.push_back(value.IsString() ? value.As<Napi::String>().Utf8Value() : std::string());
    }
  }
  std::vector<const char *> namePointers;
  std::vector<const char *> valuePointers;
  for (size_t i = 0; i < names.size(); ++i) {
    namePointers.push_back(names[i].c_str());
    valuePointers.push_back(hasValue[i] ? values[i].c_str() : nullptr);
  }
  WasmEdge_ModuleInstanceContext *instance = nullptr;
  char error[512] = {0};
  if (ws_host_plugin_create_module_with_options(plugin, create ? name.c_str() : nullptr, namePointers.data(),
                                                valuePointers.data(), static_cast<uint32_t>(names.size()),
                                                &instance, error, sizeof(error)) != 0) {
    Napi::Error e = Napi::Error::New(env, error);
    e.Set("code", "WS_PLUGIN_OPTION");
    e.ThrowAsJavaScriptException();
    return env.Null();
  }
  if (instance == nullptr) return env.Null();
  auto holder = std::make_shared<ModuleHolder>();
  holder->module = instance;
  const WasmEdge_PluginDescriptor *descriptor = ws_host_plugin_descriptor(plugin);
  holder->pluginName = descriptor && descriptor->Name ? descriptor->Name : "";
  WasmEdge_String instanceName = WasmEdge_ModuleInstanceGetModuleName(instance);
  holder->instanceName = instanceName.Buf ? std::string(instanceName.Buf, instanceName.Length) : name;
  return WrapModule(env, std::move(holder));
}

}  // namespace

void RegisterPluginFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("loadPluginFile", Napi::Function::New(env, LoadPluginFile, "loadPluginFile"));
  exports.Set("pluginInfo", Napi::Function::New(env, PluginInfo, "pluginInfo"));
  exports.Set("setPluginOption", Napi::Function::New(env, SetPluginOption, "setPluginOption"));
  exports.Set("resetPluginOptions", Napi::Function::New(env, ResetPluginOptions, "resetPluginOptions"));
  exports.Set("createModule", Napi::Function::New(env, CreateModule, "createModule"));
  exports.Set("createModuleWithOptions", Napi::Function::New(env, CreateModuleWithOptions, "createModuleWithOptions"));
}

}  // namespace ws
