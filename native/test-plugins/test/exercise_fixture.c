/*
 * Calls each ws_fixture host function through the stand-in, with a stand-in
 * memory (1 page, maximum 2) as the calling frame's memory 0 and a stand-in
 * module exporting double_it(i32)->i32 as the calling module. One output line
 * per call: `<call> = <results>` or `<call> = error category=C code=0xN`.
 * The exact expected text is in test/loader/fixtures-c.test.ts.
 */
#include "load_fixtures.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static WasmEdge_ModuleInstanceContext *Fixture;

static WasmEdge_Result double_it(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *In, WasmEdge_Value *Out) {
  Out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(In[0]) * 2);
  return WasmEdge_Result_Success;
}

static WasmEdge_ModuleInstanceContext *create_caller_module(void) {
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("guest", 5));
  WasmEdge_ValType I32 = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(&I32, 1, &I32, 1);
  WasmEdge_ModuleInstanceAddFunction(Module, WasmEdge_StringWrap("double_it", 9),
                                     WasmEdge_FunctionInstanceCreate(Type, double_it, NULL, 0));
  WasmEdge_FunctionTypeDelete(Type);
  Type = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
  WasmEdge_ModuleInstanceAddFunction(Module, WasmEdge_StringWrap("no_result", 9),
                                     WasmEdge_FunctionInstanceCreate(Type, double_it, NULL, 0));
  WasmEdge_FunctionTypeDelete(Type);
  return Module;
}

static WasmEdge_MemoryInstanceContext *create_memory(void) {
  WasmEdge_LimitContext *Limit = WasmEdge_LimitCreateWithMax(1, 2, false, false);
  WasmEdge_MemoryTypeContext *Type = WasmEdge_MemoryTypeCreate(Limit);
  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_MemoryInstanceCreate(Type);
  WasmEdge_MemoryTypeDelete(Type);
  WasmEdge_LimitDelete(Limit);
  return Memory;
}

/* Calls Name and prints `Label = ...`; Results says how to print each result
 * ('i' i32, 'I' i64, 'f' f32, 'F' f64). */
static void call(const WasmEdge_CallingFrameContext *Frame, const char *Label, const char *Name,
                 WasmEdge_Value *In, const char *Results) {
  const WasmEdge_FunctionInstanceContext *Function =
      WasmEdge_ModuleInstanceFindFunction(Fixture, WasmEdge_StringWrap(Name, (uint32_t)strlen(Name)));
  if (Function == NULL) {
    printf("%s = missing function\n", Label);
    return;
  }
  WasmEdge_Value Out[4];
  memset(Out, 0, sizeof(Out));
  WasmEdge_Result Result = ws_host_function_invoke(Function, Frame, In, Out);
  if (WasmEdge_ResultGetCategory(Result) != WasmEdge_ErrCategory_WASM ||
      WasmEdge_ResultGetCode(Result) != WasmEdge_ErrCode_Success) {
    printf("%s = error category=%u code=0x%x\n", Label, (unsigned)WasmEdge_ResultGetCategory(Result),
           WasmEdge_ResultGetCode(Result));
    return;
  }
  printf("%s =", Label);
  for (size_t I = 0; Results[I] != '\0'; ++I) {
    switch (Results[I]) {
    case 'i': printf(" %" PRId32, WasmEdge_ValueGetI32(Out[I])); break;
    case 'I': printf(" %" PRId64, WasmEdge_ValueGetI64(Out[I])); break;
    case 'f': printf(" %.9g", (double)WasmEdge_ValueGetF32(Out[I])); break;
    default: printf(" %.17g", WasmEdge_ValueGetF64(Out[I])); break;
    }
  }
  printf("%s\n", Results[0] == '\0' ? " ok" : "");
}

#define I32(V) WasmEdge_ValueGenI32((int32_t)(V))

static void print_memory_text(WasmEdge_MemoryInstanceContext *Memory, uint32_t Offset, uint32_t Length) {
  char Text[512] = {0};
  if (Length >= sizeof(Text) || !WasmEdge_ResultOK(WasmEdge_MemoryInstanceGetData(Memory, (uint8_t *)Text, Offset, Length)))
    printf("  text unreadable\n");
  else
    printf("  text \"%s\"\n", Text);
}

static void print_written(WasmEdge_MemoryInstanceContext *Memory, uint32_t Offset) {
  uint8_t Bytes[4];
  WasmEdge_MemoryInstanceGetData(Memory, Bytes, Offset, 4);
  printf("  written %u\n", (unsigned)(Bytes[0] | Bytes[1] << 8 | Bytes[2] << 16 | (uint32_t)Bytes[3] << 24));
}

static void exercise_numbers(const WasmEdge_CallingFrameContext *Frame) {
  call(Frame, "add_i32(2,3)", "add_i32", (WasmEdge_Value[]){I32(2), I32(3)}, "i");
  call(Frame, "add_i32(2147483647,1)", "add_i32", (WasmEdge_Value[]){I32(2147483647), I32(1)}, "i");
  call(Frame, "add_i64(9007199254740993,1)", "add_i64",
       (WasmEdge_Value[]){WasmEdge_ValueGenI64(9007199254740993LL), WasmEdge_ValueGenI64(1)}, "I");
  call(Frame, "add_i64(INT64_MAX,1)", "add_i64",
       (WasmEdge_Value[]){WasmEdge_ValueGenI64(INT64_MAX), WasmEdge_ValueGenI64(1)}, "I");
  call(Frame, "mul_f32(0.1,3)", "mul_f32", (WasmEdge_Value[]){WasmEdge_ValueGenF32(0.1f), WasmEdge_ValueGenF32(3.0f)}, "f");
  call(Frame, "mul_f64(0.1,3)", "mul_f64", (WasmEdge_Value[]){WasmEdge_ValueGenF64(0.1), WasmEdge_ValueGenF64(3.0)}, "F");
  call(Frame, "divmod(17,5)", "divmod", (WasmEdge_Value[]){I32(17), I32(5)}, "ii");
  call(Frame, "divmod(-17,5)", "divmod", (WasmEdge_Value[]){I32(-17), I32(5)}, "ii");
  call(Frame, "divmod(1,0)", "divmod", (WasmEdge_Value[]){I32(1), I32(0)}, "ii");
  call(Frame, "divmod(INT32_MIN,-1)", "divmod", (WasmEdge_Value[]){I32(INT32_MIN), I32(-1)}, "ii");
  call(Frame, "mixed(1,2,0.5,0.25)", "mixed",
       (WasmEdge_Value[]){I32(1), WasmEdge_ValueGenI64(2), WasmEdge_ValueGenF32(0.5f), WasmEdge_ValueGenF64(0.25)}, "F");
  call(Frame, "counter()", "counter", NULL, "i");
  call(Frame, "counter()", "counter", NULL, "i");
}

static void exercise_memory(const WasmEdge_CallingFrameContext *Frame) {
  WasmEdge_MemoryInstanceContext *Memory = Frame->Memory0;
  call(Frame, "write_bytes(16,8,7)", "write_bytes", (WasmEdge_Value[]){I32(16), I32(8), I32(7)}, "i");
  call(Frame, "sum_bytes(16,8)", "sum_bytes", (WasmEdge_Value[]){I32(16), I32(8)}, "i");
  call(Frame, "write_bytes(65530,8,1)", "write_bytes", (WasmEdge_Value[]){I32(65530), I32(8), I32(1)}, "i");
  call(Frame, "write_bytes(16,0xFFFFFFF0,1)", "write_bytes", (WasmEdge_Value[]){I32(16), I32(0xFFFFFFF0u), I32(1)}, "i");
  call(Frame, "write_bytes(0xFFFFFFF0,0x20,1)", "write_bytes", (WasmEdge_Value[]){I32(0xFFFFFFF0u), I32(0x20), I32(1)}, "i");
  call(Frame, "sum_bytes(65536,0)", "sum_bytes", (WasmEdge_Value[]){I32(65536), I32(0)}, "i");
  call(Frame, "sum_bytes(65537,0)", "sum_bytes", (WasmEdge_Value[]){I32(65537), I32(0)}, "i");
  call(Frame, "sum_bytes(0,0xFFFFFFFF)", "sum_bytes", (WasmEdge_Value[]){I32(0), I32(0xFFFFFFFFu)}, "i");
  call(Frame, "get_option(100,64,96)", "get_option", (WasmEdge_Value[]){I32(100), I32(64), I32(96)}, "i");
  print_written(Memory, 96);
  print_memory_text(Memory, 100, 2);
  call(Frame, "get_option(300,1,296)", "get_option", (WasmEdge_Value[]){I32(300), I32(1), I32(296)}, "i");
  print_written(Memory, 296);
  print_memory_text(Memory, 300, 2);
  call(Frame, "get_option(65535,4,96)", "get_option", (WasmEdge_Value[]){I32(65535), I32(4), I32(96)}, "i");
  call(Frame, "get_option(100,4,65533)", "get_option", (WasmEdge_Value[]){I32(100), I32(4), I32(65533)}, "i");
  call(Frame, "get_option(100,0xFFFFFFF0,96)", "get_option", (WasmEdge_Value[]){I32(100), I32(0xFFFFFFF0u), I32(96)}, "i");
  call(Frame, "option_summary(400,256)", "option_summary", (WasmEdge_Value[]){I32(400), I32(256)}, "i");
  print_memory_text(Memory, 400, 60);
  call(Frame, "option_summary(400,0xFFFFFFF0)", "option_summary", (WasmEdge_Value[]){I32(400), I32(0xFFFFFFF0u)}, "i");
  call(Frame, "memory_pages()", "memory_pages", NULL, "i");
  call(Frame, "grow_memory(1)", "grow_memory", (WasmEdge_Value[]){I32(1)}, "i");
  call(Frame, "grow_memory(1)", "grow_memory", (WasmEdge_Value[]){I32(1)}, "i");
  call(Frame, "grow_memory(0xFFFFFFFF)", "grow_memory", (WasmEdge_Value[]){I32(0xFFFFFFFFu)}, "i");
  call(Frame, "memory_pages()", "memory_pages", NULL, "i");
  call(Frame, "write_bytes(65530,8,1)", "write_bytes", (WasmEdge_Value[]){I32(65530), I32(8), I32(1)}, "i");
}

static void exercise_control(const WasmEdge_CallingFrameContext *Frame) {
  WasmEdge_MemoryInstanceSetData(Frame->Memory0, (const uint8_t *)"double_itno_resultnope", 500, 22);
  call(Frame, "fail()", "fail", NULL, "");
  call(Frame, "fail_user(42)", "fail_user", (WasmEdge_Value[]){I32(42)}, "");
  call(Frame, "terminate()", "terminate", NULL, "");
  call(Frame, "call_export(double_it,21)", "call_export", (WasmEdge_Value[]){I32(500), I32(9), I32(21)}, "i");
  call(Frame, "call_export(no_result,21)", "call_export", (WasmEdge_Value[]){I32(509), I32(9), I32(21)}, "i");
  call(Frame, "call_export(nope,1)", "call_export", (WasmEdge_Value[]){I32(518), I32(4), I32(1)}, "i");
  call(Frame, "call_export(0xFFFFFFF0,16,1)", "call_export", (WasmEdge_Value[]){I32(0xFFFFFFF0u), I32(16), I32(1)}, "i");
  call(Frame, "list_exports()", "list_exports", NULL, "i");
}

/* A frame with neither memory nor calling module (a guest without memory). */
static void exercise_empty_frame(void) {
  WasmEdge_CallingFrameContext Empty = {.Module = NULL, .Memory0 = NULL, .Executor = ws_host_executor()};
  call(&Empty, "no memory: write_bytes(0,1,1)", "write_bytes", (WasmEdge_Value[]){I32(0), I32(1), I32(1)}, "i");
  call(&Empty, "no memory: write_bytes(0,0,1)", "write_bytes", (WasmEdge_Value[]){I32(0), I32(0), I32(1)}, "i");
  call(&Empty, "no memory: sum_bytes(0,0)", "sum_bytes", (WasmEdge_Value[]){I32(0), I32(0)}, "i");
  call(&Empty, "no memory: get_option(0,4,8)", "get_option", (WasmEdge_Value[]){I32(0), I32(4), I32(8)}, "i");
  call(&Empty, "no memory: option_summary(0,4)", "option_summary", (WasmEdge_Value[]){I32(0), I32(4)}, "i");
  call(&Empty, "no memory: memory_pages()", "memory_pages", NULL, "i");
  call(&Empty, "no memory: grow_memory(1)", "grow_memory", (WasmEdge_Value[]){I32(1)}, "i");
  call(&Empty, "no memory: call_export(0,1,1)", "call_export", (WasmEdge_Value[]){I32(0), I32(1), I32(1)}, "i");
  call(&Empty, "no module: list_exports()", "list_exports", NULL, "i");
}

/* Sets an option that must be accepted; prints the host's message if not. */
static int set_option(const WasmEdge_PluginContext *Plugin, const char *Name, const char *Value) {
  char Error[256] = {0};
  int Failed = Host.SetOption(Plugin, Name, Value, Error, sizeof(Error));
  if (Failed) printf("set --%s %s: unexpectedly rejected: %s\n", Name, Value != NULL ? Value : "(no value)", Error);
  return Failed;
}

/* Sets an option that must be refused; the message is the host's own text. */
static void set_bad_option(const WasmEdge_PluginContext *Plugin, const char *Name, const char *Value) {
  char Error[256] = {0};
  int Failed = Host.SetOption(Plugin, Name, Value, Error, sizeof(Error));
  printf("set --%s %s: %s\n", Name, Value != NULL ? Value : "(no value)",
         Failed && Error[0] != '\0' ? "rejected with a message" : "ACCEPTED");
}

static void print_summary(const WasmEdge_PluginContext *Plugin, WasmEdge_MemoryInstanceContext *Memory,
                          const char *Label) {
  WasmEdge_ModuleInstanceContext *Module = Host.CreateModule(Plugin, "ws_fixture");
  WasmEdge_CallingFrameContext Frame = {.Module = NULL, .Memory0 = Memory, .Executor = ws_host_executor()};
  WasmEdge_ModuleInstanceContext *Saved = Fixture;
  Fixture = Module;
  call(&Frame, Label, "option_summary", (WasmEdge_Value[]){I32(1000), I32(200)}, "i");
  print_memory_text(Memory, 1000, 80);
  WasmEdge_MemoryInstanceSetData(Memory, (const uint8_t[80]){0}, 1000, 80);
  Fixture = Saved;
  WasmEdge_ModuleInstanceDelete(Module);
}

int exercise_fixture(const char *Path) {
  ws_load_result Loaded;
  memset(&Loaded, 0, sizeof(Loaded));
  if (Host.LoadFile(Path, &Loaded) != WS_LOAD_OK) {
    printf("load failed: %s %s\n", load_status_name(Loaded.Status), Loaded.Message);
    return 1;
  }
  const WasmEdge_PluginContext *Plugin = Loaded.Plugin;
  WasmEdge_MemoryInstanceContext *Memory = create_memory();

  print_summary(Plugin, Memory, "option_summary (no options)");
  set_option(Plugin, "greeting", NULL);
  set_bad_option(Plugin, "scale", NULL);
  print_summary(Plugin, Memory, "option_summary (--greeting)");
  Host.ResetOptions(Plugin);
  if (set_option(Plugin, "greeting", "hi") | set_option(Plugin, "scale", "3") |
      set_option(Plugin, "verbose", NULL) | set_option(Plugin, "ratio", "0.5") |
      set_option(Plugin, "tags", "a") | set_option(Plugin, "tags", "b"))
    return 1;
  set_bad_option(Plugin, "scale", "not-a-number");
  set_bad_option(Plugin, "scale", "4294967296");
  set_bad_option(Plugin, "ratio", "0.5x");
  set_bad_option(Plugin, "no-such-option", "1");

  Fixture = Host.CreateModule(Plugin, "ws_fixture");
  Host.ResetOptions(Plugin); /* the module keeps its own copy */
  WasmEdge_ModuleInstanceContext *Caller = create_caller_module();
  WasmEdge_CallingFrameContext Frame = {.Module = Caller, .Memory0 = Memory, .Executor = ws_host_executor()};
  exercise_numbers(&Frame);
  exercise_memory(&Frame);
  exercise_control(&Frame);
  exercise_empty_frame();
  fflush(stdout);
  WasmEdge_ModuleInstanceDelete(Fixture); /* prints "ws_fixture: finalizer ran" on stderr */
  WasmEdge_ModuleInstanceDelete(Caller);
  WasmEdge_MemoryInstanceDelete(Memory);
  printf("survived\n");
  return 0;
}
