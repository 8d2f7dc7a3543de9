/* ws_host_plugin_set_option / reset_options (WasmEdge's option parsing,
 * spec §1.9) and the WASI-NN / process option initialisers. */
#include "check.h"

#include <dlfcn.h>
#include <float.h>
#include <math.h>

#include "wasmedge/wasmedge.h"
#include "wasmedge/ws_extensions.h"
#include "ws_host.h"

static const WasmEdge_PluginContext *Plugin;
static char Err[512];

static WasmEdge_String str(const char *Text) { return WasmEdge_StringWrap(Text, (uint32_t)strlen(Text)); }

static void *storage(const WasmEdge_PluginContext *P, const char *Name) {
  const WasmEdge_PluginDescriptor *D = ws_host_plugin_descriptor(P);
  for (uint32_t I = 0; I < D->ProgramOptionCount; ++I) {
    if (strcmp(D->ProgramOptions[I].Name, Name) == 0) return D->ProgramOptions[I].Storage;
  }
  return NULL;
}

static int set(const char *Name, const char *Value) { return ws_host_plugin_set_option(Plugin, Name, Value, Err, sizeof(Err)); }

static bool listIs(const WS_StringList *L, const char *const *Items, uint32_t Count) {
  if (L->Length != Count) return false;
  for (uint32_t I = 0; I < Count; ++I) {
    if (L->Items[I].Length != strlen(Items[I]) ||
        (L->Items[I].Length > 0 && memcmp(L->Items[I].Buf, Items[I], L->Items[I].Length) != 0)) {
      return false;
    }
  }
  return true;
}

static void test_toggle_and_ints(void) {
  bool *Toggle = storage(Plugin, "toggle");
  CHECK("option: toggle flag without value is true", set("toggle", NULL) == 0 && *Toggle == true);
  CHECK("option: toggle \"false\"", set("toggle", "false") == 0 && *Toggle == false);
  CHECK("option: toggle \"true\"", set("toggle", "true") == 0 && *Toggle == true);
  CHECK("option: toggle rejects other values", set("toggle", "yes") != 0 && strstr(Err, "--toggle") != NULL);

  int8_t *I8 = storage(Plugin, "i8");
  CHECK("option: int8 value", set("i8", "-128") == 0 && *I8 == -128);
  CHECK("option: int8 out of range", set("i8", "128") != 0 && *I8 == -128);
  CHECK_STR("option: range error message", Err, "option --i8 is out of range: 128 is not within -128..127");
  CHECK("option: uint16 range error message",
        set("u16", "70000") != 0 && strcmp(Err, "option --u16 is out of range: 70000 is not within 0..65535") == 0);
  CHECK("option: parse error message", set("i8", "seven") != 0 &&
                                           strcmp(Err, "option --i8 takes an integer, got \"seven\": pass a base-10 number") == 0);
  CHECK("option: int8 implicit value from DefaultValue", set("i8", NULL) == 0 && *I8 == 7);
  int16_t *I16 = storage(Plugin, "i16");
  CHECK("option: int16 value", set("i16", "32767") == 0 && *I16 == 32767);
  CHECK("option: int16 out of range", set("i16", "-32769") != 0);
  CHECK("option: int16 without DefaultValue needs a value",
        set("i16", NULL) != 0 && strstr(Err, "option --i16 needs a value") != NULL);
  int32_t *I32 = storage(Plugin, "i32");
  CHECK("option: int32 value", set("i32", "-2147483648") == 0 && *I32 == INT32_MIN);
  CHECK("option: int32 out of range", set("i32", "2147483648") != 0);
  CHECK("option: int32 is base 10 only", set("i32", "0x10") != 0 && *I32 == INT32_MIN);
  CHECK("option: int32 leading zeros are decimal", set("i32", "010") == 0 && *I32 == 10);
  CHECK("option: int32 whole string must parse", set("i32", "12abc") != 0 && *I32 == 10);
  CHECK("option: int32 empty string", set("i32", "") != 0);
  CHECK("option: int32 explicit plus sign", set("i32", "+5") == 0 && *I32 == 5);
  int64_t *I64 = storage(Plugin, "i64");
  CHECK("option: int64 min", set("i64", "-9223372036854775808") == 0 && *I64 == INT64_MIN);
  CHECK("option: int64 overflow (ERANGE)", set("i64", "9223372036854775808") != 0 && *I64 == INT64_MIN);

  uint8_t *U8 = storage(Plugin, "u8");
  CHECK("option: uint8 value", set("u8", "255") == 0 && *U8 == 255);
  CHECK("option: uint8 out of range", set("u8", "256") != 0);
  CHECK("option: uint8 \"-1\" out of range", set("u8", "-1") != 0 && *U8 == 255);
  CHECK("option: uint8 implicit value", set("u8", NULL) == 0 && *U8 == 200);
  uint16_t *U16 = storage(Plugin, "u16");
  CHECK("option: uint16 value", set("u16", "65535") == 0 && *U16 == 65535);
  CHECK("option: uint16 out of range", set("u16", "65536") != 0);
  uint32_t *U32 = storage(Plugin, "u32");
  CHECK("option: uint32 value", set("u32", "4294967295") == 0 && *U32 == UINT32_MAX);
  CHECK("option: uint32 \"-1\" out of range", set("u32", "-1") != 0 && *U32 == UINT32_MAX);
  CHECK("option: uint32 out of range", set("u32", "4294967296") != 0);
  uint64_t *U64 = storage(Plugin, "u64");
  CHECK("option: uint64 max", set("u64", "18446744073709551615") == 0 && *U64 == UINT64_MAX);
  CHECK("option: uint64 overflow (ERANGE)", set("u64", "18446744073709551616") != 0);
  CHECK("option: uint64 zero", set("u64", "0") == 0 && *U64 == 0);
  CHECK("option: uint64 \"-1\" wraps like strtoull", set("u64", "-1") == 0 && *U64 == UINT64_MAX);
}

static void test_floats_and_strings(void) {
  float *F32 = storage(Plugin, "f32");
  CHECK("option: float value", set("f32", "2.5") == 0 && *F32 == 2.5f);
  CHECK("option: float exponent", set("f32", "1e3") == 0 && *F32 == 1000.0f);
  CHECK("option: float out of range (ERANGE)", set("f32", "1e40") != 0 && *F32 == 1000.0f);
  CHECK("option: float whole string", set("f32", "1.5x") != 0);
  CHECK("option: float implicit value", set("f32", NULL) == 0 && *F32 == 1.5f);
  double *F64 = storage(Plugin, "f64");
  CHECK("option: double value", set("f64", "-0.125") == 0 && *F64 == -0.125);
  CHECK("option: double out of range (ERANGE)", set("f64", "1e400") != 0 && *F64 == -0.125);
  CHECK("option: double empty string", set("f64", "") != 0);

  WasmEdge_String *Name = storage(Plugin, "name");
  CHECK("option: string value", set("name", "test_name") == 0);
  CHECK_WSTR("option: string stored", *Name, "test_name");
  const char *Before = Name->Buf;
  CHECK("option: string empty is {0,NULL}", set("name", "") == 0 && Name->Length == 0 && Name->Buf == NULL);
  CHECK("option: string implicit value is the plug-in's WasmEdge_String",
        set("name", NULL) == 0 && Name->Length == 4 && memcmp(Name->Buf, "dflt", 4) == 0);
  CHECK("option: replaced string buffers stay readable", Before != NULL && memcmp(Before, "test_name", 9) == 0);
  WasmEdge_String *Required = storage(Plugin, "required");
  CHECK("option: string without DefaultValue needs a value",
        set("required", NULL) != 0 && strstr(Err, "option --required needs a value") != NULL && Required->Length == 0);

  WS_StringList *List = storage(Plugin, "list");
  const char *Items[] = {"arg0", "", "arg2"};
  CHECK("option: list appends", set("list", "arg0") == 0 && set("list", "") == 0 && set("list", "arg2") == 0);
  CHECK("option: list items in order", listIs(List, Items, 3));
  CHECK("option: list without DefaultValue needs a value", set("list", NULL) != 0 && List->Length == 3);

  CHECK("option: unknown option lists the known ones",
        set("nope", "1") != 0 && strstr(Err, "plug-in ws_capi_test has no option --nope") != NULL &&
            strstr(Err, "--toggle") != NULL && strstr(Err, "--list") != NULL);
  CHECK("option: type None is not settable", set("ignored", "1") != 0);
  CHECK("option: NULL plug-in", ws_host_plugin_set_option(NULL, "x", "1", Err, sizeof(Err)) != 0 && Err[0] != '\0');
  CHECK("option: NULL name", ws_host_plugin_set_option(Plugin, NULL, "1", Err, sizeof(Err)) != 0);
  CHECK("option: NULL error buffer", ws_host_plugin_set_option(Plugin, "nope", "1", NULL, 0) != 0);
  char Tiny[8];
  ws_host_plugin_set_option(Plugin, "nope", "1", Tiny, sizeof(Tiny));
  CHECK("option: error message truncated into a small buffer", strlen(Tiny) == 7);

  ws_host_plugin_reset_options(Plugin);
  CHECK("option: reset restores the values at load time",
        *(int8_t *)storage(Plugin, "i8") == -1 && *(bool *)storage(Plugin, "toggle") == false &&
            *(uint64_t *)storage(Plugin, "u64") == 0 && Name->Length == 0 && Name->Buf == NULL && List->Length == 0 &&
            List->Items == NULL);
  ws_host_plugin_reset_options(NULL);
}

static void test_initialisers(void) {
  const WasmEdge_PluginContext *Process = WasmEdge_PluginFind(str("wasmedge_process"));
  const WasmEdge_PluginContext *Nn = WasmEdge_PluginFind(str("wasi_nn"));
  CHECK("init: process and wasi_nn test plug-ins are loaded", Process != NULL && Nn != NULL);
  if (Process == NULL || Nn == NULL) return;
  WS_StringList *Allowed = storage(Process, "allow-command");
  bool *AllowAll = storage(Process, "allow-command-all");
  const char *Cmds[] = {"ls", "echo"};
  WasmEdge_ModuleInstanceInitWasmEdgeProcess(Cmds, 2, false);
  CHECK("init: process allow-command list", listIs(Allowed, Cmds, 2) && *AllowAll == false);
  WasmEdge_ModuleInstanceInitWasmEdgeProcess(NULL, 0, true);
  CHECK("init: process list replaced, allow-all set", Allowed->Length == 0 && *AllowAll == true);
  const char *Cat[] = {"cat"};
  WasmEdge_ModuleInstanceInitWasmEdgeProcess(Cat, 1, false);
  CHECK("init: process allow-all cleared again", listIs(Allowed, Cat, 1) && *AllowAll == false);

  WS_StringList *Preloads = storage(Nn, "nn-preload");
  const char *Models[] = {"default:GGML:AUTO:model.gguf", "b:openvino:CPU:x.xml:x.bin"};
  WasmEdge_PluginInitWASINN(Models, 2);
  CHECK("init: wasi_nn preloads", listIs(Preloads, Models, 2));
  WasmEdge_PluginInitWASINN(Models + 1, 1);
  CHECK("init: wasi_nn preloads replaced", listIs(Preloads, Models + 1, 1));
  WasmEdge_PluginInitWASINN(NULL, 5);
  CHECK("init: wasi_nn NULL list clears", Preloads->Length == 0);
}

/* ws_host_plugin_create_module_with_options: the options are in place while
 * Create runs and gone after it, and a refused one creates nothing. */
static void test_create_with_options(void) {
  void *Library = dlopen(WS_CAPI_TEST_PLUGIN_DIR "/libwsCapiTest.so", RTLD_NOW | RTLD_NOLOAD);
  int32_t *Seen = Library != NULL ? dlsym(Library, "ws_capi_test_created_with_i32") : NULL;
  CHECK("create with options: the fixture's probe", Seen != NULL);
  if (Seen == NULL) return;
  int32_t *I32 = storage(Plugin, "i32");
  ws_host_plugin_reset_options(Plugin);
  const char *Names[] = {"i32", "list", "list"};
  const char *Values[] = {"42", "a", "b"};
  WasmEdge_ModuleInstanceContext *Module = NULL;
  CHECK("create with options: succeeds",
        ws_host_plugin_create_module_with_options(Plugin, "ws_capi_test_module", Names, Values, 3, &Module, Err,
                                                  sizeof(Err)) == 0 && Module != NULL);
  CHECK_EQ_I("create with options: Create saw --i32 42", *Seen, 42);
  CHECK_EQ_I("create with options: the load-time value is back after", *I32, 0);
  const WS_StringList *List = storage(Plugin, "list");
  CHECK("create with options: the list is back to empty", List->Length == 0);
  WasmEdge_ModuleInstanceDelete(Module);

  Module = ws_host_plugin_create_module(Plugin, "ws_capi_test_module");
  CHECK_EQ_I("create with options: a later module without options sees the load-time value", *Seen, 0);
  WasmEdge_ModuleInstanceDelete(Module);

  *Seen = -1;
  const char *Bad[] = {"i32", "i8"};
  const char *BadValues[] = {"7", "999"};
  Module = NULL;
  CHECK("create with options: a refused option fails",
        ws_host_plugin_create_module_with_options(Plugin, "ws_capi_test_module", Bad, BadValues, 2, &Module, Err,
                                                  sizeof(Err)) != 0 && Module == NULL);
  CHECK("create with options: its message", strstr(Err, "--i8") != NULL);
  CHECK_EQ_I("create with options: Create did not run", *Seen, -1);
  CHECK_EQ_I("create with options: a refused set leaves the load-time values", *I32, 0);
  CHECK("create with options: NULL module only checks",
        ws_host_plugin_create_module_with_options(Plugin, NULL, Names, Values, 1, &Module, Err, sizeof(Err)) == 0 &&
            Module == NULL && *Seen == -1 && *I32 == 0);
  CHECK("create with options: NULL plug-in",
        ws_host_plugin_create_module_with_options(NULL, "x", NULL, NULL, 0, &Module, Err, sizeof(Err)) != 0);
  dlclose(Library);
}

void test_plugin_options(void) {
  Plugin = WasmEdge_PluginFind(str("ws_capi_test"));
  CHECK("option: test plug-in registered", Plugin != NULL);
  if (Plugin == NULL) return;
  test_toggle_and_ints();
  test_floats_and_strings();
  test_initialisers();
  test_create_with_options();
}
