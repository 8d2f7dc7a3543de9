/* Struct sizes and offsets that plug-ins built against WasmEdge's own headers
 * rely on (spec §2.1, §3.2; LP64). */
#include "check.h"

#include <stdalign.h>
#include <stddef.h>

#include "wasmedge/wasmedge.h"
#include "wasmedge/ws_extensions.h"

void test_abi_layout(void) {
  CHECK_EQ_U("abi: sizeof WasmEdge_String", sizeof(WasmEdge_String), 16);
  CHECK_EQ_U("abi: WasmEdge_String.Length offset", offsetof(WasmEdge_String, Length), 0);
  CHECK_EQ_U("abi: WasmEdge_String.Buf offset", offsetof(WasmEdge_String, Buf), 8);
  CHECK_EQ_U("abi: sizeof WasmEdge_Bytes", sizeof(WasmEdge_Bytes), 16);
  CHECK_EQ_U("abi: sizeof WasmEdge_Result", sizeof(WasmEdge_Result), 4);
  CHECK_EQ_U("abi: sizeof WasmEdge_ValType", sizeof(WasmEdge_ValType), 8);
  CHECK_EQ_U("abi: alignof WasmEdge_ValType", alignof(WasmEdge_ValType), 1);
  CHECK_EQ_U("abi: sizeof WasmEdge_Value", sizeof(WasmEdge_Value), 32);
  CHECK_EQ_U("abi: alignof WasmEdge_Value", alignof(WasmEdge_Value), 16);
  CHECK_EQ_U("abi: WasmEdge_Value.Type offset", offsetof(WasmEdge_Value, Type), 16);
  CHECK_EQ_U("abi: sizeof WasmEdge_PluginVersionData", sizeof(WasmEdge_PluginVersionData), 16);
  CHECK_EQ_U("abi: sizeof WasmEdge_PluginDescriptor", sizeof(WasmEdge_PluginDescriptor), 64);
  CHECK_EQ_U("abi: PluginDescriptor.Name offset", offsetof(WasmEdge_PluginDescriptor, Name), 0);
  CHECK_EQ_U("abi: PluginDescriptor.Description offset", offsetof(WasmEdge_PluginDescriptor, Description), 8);
  CHECK_EQ_U("abi: PluginDescriptor.APIVersion offset", offsetof(WasmEdge_PluginDescriptor, APIVersion), 16);
  CHECK_EQ_U("abi: PluginDescriptor.Version offset", offsetof(WasmEdge_PluginDescriptor, Version), 20);
  CHECK_EQ_U("abi: PluginDescriptor.ModuleCount offset", offsetof(WasmEdge_PluginDescriptor, ModuleCount), 36);
  CHECK_EQ_U("abi: PluginDescriptor.ProgramOptionCount offset",
             offsetof(WasmEdge_PluginDescriptor, ProgramOptionCount), 40);
  CHECK_EQ_U("abi: PluginDescriptor.ModuleDescriptions offset",
             offsetof(WasmEdge_PluginDescriptor, ModuleDescriptions), 48);
  CHECK_EQ_U("abi: PluginDescriptor.ProgramOptions offset", offsetof(WasmEdge_PluginDescriptor, ProgramOptions), 56);
  CHECK_EQ_U("abi: sizeof WasmEdge_ModuleDescriptor", sizeof(WasmEdge_ModuleDescriptor), 24);
  CHECK_EQ_U("abi: ModuleDescriptor.Create offset", offsetof(WasmEdge_ModuleDescriptor, Create), 16);
  CHECK_EQ_U("abi: sizeof WasmEdge_ProgramOption", sizeof(WasmEdge_ProgramOption), 40);
  CHECK_EQ_U("abi: ProgramOption.Type offset", offsetof(WasmEdge_ProgramOption, Type), 16);
  CHECK_EQ_U("abi: ProgramOption.Storage offset", offsetof(WasmEdge_ProgramOption, Storage), 24);
  CHECK_EQ_U("abi: ProgramOption.DefaultValue offset", offsetof(WasmEdge_ProgramOption, DefaultValue), 32);
  CHECK_EQ_U("abi: sizeof WS_StringList", sizeof(WS_StringList), 16);
  CHECK_EQ_U("abi: WasmEdge_Plugin_CurrentAPIVersion", WasmEdge_Plugin_CurrentAPIVersion, 5);
  CHECK_EQ_U("abi: sizeof enum WasmEdge_ProgramOptionType", sizeof(enum WasmEdge_ProgramOptionType), 4);
}
