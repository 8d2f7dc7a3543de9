// WasmEdge_Result: (Category << 24) | Code, and the message table of WasmEdge.
#include "internal.h"

namespace {

struct CodeText {
  uint32_t Code;
  const char *Text;
};

// Texts of WasmEdge's error-code table (include/common/enum.inc, UseErrCode).
constexpr CodeText kCodeTexts[] = {
    {0x0000, "success"},
    {0x0001, "terminated"},
    {0x0002, "generic runtime error"},
    {0x0003, "cost limit exceeded"},
    {0x0004, "wrong VM workflow"},
    {0x0005, "wasm function not found"},
    {0x0006, "AOT runtime is disabled in this build"},
    {0x0007, "execution interrupted"},
    {0x0008, "wasm module hasn't passed validation yet"},
    {0x0009, "set null value into non-nullable value type"},
    {0x000A, "set value into const"},
    {0x000B, "set value type mismatch"},
    {0x000C, "user defined error code"},
    {0x0100, "invalid path"},
    {0x0101, "read error"},
    {0x0102, "unexpected end"},
    {0x0103, "magic header not detected"},
    {0x0300, "module name conflict"},
    {0x0301, "incompatible import type"},
    {0x0302, "unknown import"},
    {0x0303, "data segment does not fit"},
    {0x0304, "elements segment does not fit"},
    {0x0400, "wrong instance address"},
    {0x0401, "wrong instance index"},
    {0x0402, "instruction type mismatch"},
    {0x0403, "function signature mismatch"},
    {0x0404, "integer divide by zero"},
    {0x0405, "integer overflow"},
    {0x0406, "invalid conversion to integer"},
    {0x0407, "out of bounds table access"},
    {0x0408, "out of bounds memory access"},
    {0x0409, "out of bounds array access"},
    {0x040A, "unreachable"},
    {0x040B, "uninitialized element"},
    {0x040C, "undefined element"},
    {0x040D, "indirect call type mismatch"},
    {0x040E, "host function failed"},
    {0x040F, "reference type mismatch"},
    {0x0410, "unaligned atomic"},
    {0x0411, "expected shared memory"},
    {0x0412, "cast null pointer to non null"},
    {0x0413, "null function reference"},
    {0x0414, "null structure reference"},
    {0x0415, "null array reference"},
    {0x0416, "null i31 reference"},
    {0x0417, "cast failed"},
    {0x0418, "uncaught exception"},
};

}  // namespace

WS_EXPORT bool WasmEdge_ResultOK(const WasmEdge_Result Res) {
  // Only category WASM with Success or Terminated counts as OK.
  return Res.Code == WasmEdge_ErrCode_Success || Res.Code == WasmEdge_ErrCode_Terminated;
}

WS_EXPORT WasmEdge_Result WasmEdge_ResultGen(const enum WasmEdge_ErrCategory Category, const uint32_t Code) {
  WasmEdge_Result R;
  R.Code = (static_cast<uint32_t>(Category) << 24) | (Code & 0x00FFFFFFU);
  return R;
}

WS_EXPORT uint32_t WasmEdge_ResultGetCode(const WasmEdge_Result Res) { return Res.Code & 0x00FFFFFFU; }

WS_EXPORT enum WasmEdge_ErrCategory WasmEdge_ResultGetCategory(const WasmEdge_Result Res) {
  return static_cast<enum WasmEdge_ErrCategory>(Res.Code >> 24);
}

WS_EXPORT const char *WasmEdge_ResultGetMessage(const WasmEdge_Result Res) {
  if ((Res.Code >> 24) != WasmEdge_ErrCategory_WASM) return "user defined error code";
  for (const CodeText &Entry : kCodeTexts) {
    if (Entry.Code == Res.Code) return Entry.Text;
  }
  return "unknown error code";
}
