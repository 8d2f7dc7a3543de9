/* Numeric host functions: one per value type, multiple results, mixed
 * parameter types, and a counter kept in module host data. Integer arithmetic
 * wraps like WebAssembly's (done in unsigned types to avoid C overflow UB). */
#include "fixture.h"

static WasmEdge_Result add_i32(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint32_t Sum = (uint32_t)WasmEdge_ValueGetI32(In[0]) + (uint32_t)WasmEdge_ValueGetI32(In[1]);
  Out[0] = WasmEdge_ValueGenI32((int32_t)Sum);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result add_i64(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint64_t Sum = (uint64_t)WasmEdge_ValueGetI64(In[0]) + (uint64_t)WasmEdge_ValueGetI64(In[1]);
  Out[0] = WasmEdge_ValueGenI64((int64_t)Sum);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result mul_f32(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *In, WasmEdge_Value *Out) {
  float Product = WasmEdge_ValueGetF32(In[0]) * WasmEdge_ValueGetF32(In[1]);
  Out[0] = WasmEdge_ValueGenF32(Product);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result mul_f64(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *In, WasmEdge_Value *Out) {
  Out[0] = WasmEdge_ValueGenF64(WasmEdge_ValueGetF64(In[0]) * WasmEdge_ValueGetF64(In[1]));
  return WasmEdge_Result_Success;
}

/* (quotient, remainder) truncated toward zero. Division by zero and
 * INT32_MIN / -1 fail, as i32.div_s traps on both. */
static WasmEdge_Result divmod(void *Data, const WasmEdge_CallingFrameContext *Frame,
                              const WasmEdge_Value *In, WasmEdge_Value *Out) {
  int32_t Dividend = WasmEdge_ValueGetI32(In[0]), Divisor = WasmEdge_ValueGetI32(In[1]);
  if (Divisor == 0 || (Dividend == INT32_MIN && Divisor == -1)) return WasmEdge_Result_Fail;
  Out[0] = WasmEdge_ValueGenI32(Dividend / Divisor);
  Out[1] = WasmEdge_ValueGenI32(Dividend % Divisor);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result mixed(void *Data, const WasmEdge_CallingFrameContext *Frame,
                             const WasmEdge_Value *In, WasmEdge_Value *Out) {
  double Sum = (double)WasmEdge_ValueGetI32(In[0]) + (double)WasmEdge_ValueGetI64(In[1]) +
               (double)WasmEdge_ValueGetF32(In[2]) + WasmEdge_ValueGetF64(In[3]);
  Out[0] = WasmEdge_ValueGenF64(Sum);
  return WasmEdge_Result_Success;
}

/* Returns 1 on the first call of a module instance, 2 on the second, ... */
static WasmEdge_Result counter(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *In, WasmEdge_Value *Out) {
  FixtureData *State = Data;
  State->Counter += 1;
  Out[0] = WasmEdge_ValueGenI32(State->Counter);
  return WasmEdge_Result_Success;
}

bool fixture_add_numeric_functions(WasmEdge_ModuleInstanceContext *Module, FixtureData *Data) {
  return fixture_add_function(Module, "add_i32", "ii", "i", add_i32, Data) &&
         fixture_add_function(Module, "add_i64", "II", "I", add_i64, Data) &&
         fixture_add_function(Module, "mul_f32", "ff", "f", mul_f32, Data) &&
         fixture_add_function(Module, "mul_f64", "FF", "F", mul_f64, Data) &&
         fixture_add_function(Module, "divmod", "ii", "ii", divmod, Data) &&
         fixture_add_function(Module, "mixed", "iIfF", "F", mixed, Data) &&
         fixture_add_function(Module, "counter", "", "i", counter, Data);
}
