// WasmEdge_String* and WasmEdge_Bytes*: byte strings, not NUL-terminated.
// Buffers are allocated with new[] and freed by the matching *Delete.
#include "internal.h"

#include <cstring>
#include <new>

namespace ws {

WasmEdge_String copyToNewString(const char *Buf, uint32_t Len) noexcept {
  WasmEdge_String R{0, nullptr};
  if (Buf == nullptr || Len == 0) return R;
  char *Copy = new (std::nothrow) char[Len];
  if (Copy == nullptr) return R;
  std::memcpy(Copy, Buf, Len);
  R.Length = Len;
  R.Buf = Copy;
  return R;
}

}  // namespace ws

WS_EXPORT WasmEdge_String WasmEdge_StringCreateByCString(const char *Str) {
  if (Str == nullptr) return WasmEdge_String{0, nullptr};
  size_t Len = std::strlen(Str);
  // WasmEdge stores the length in 32 bits; longer strings are truncated.
  if (Len > UINT32_MAX) Len = UINT32_MAX;
  return ws::copyToNewString(Str, static_cast<uint32_t>(Len));
}

WS_EXPORT WasmEdge_String WasmEdge_StringCreateByBuffer(const char *Buf, const uint32_t Len) {
  return ws::copyToNewString(Buf, Len);
}

WS_EXPORT WasmEdge_String WasmEdge_StringWrap(const char *Buf, const uint32_t Len) {
  WasmEdge_String R;
  R.Length = Len;
  R.Buf = Buf;
  return R;
}

WS_EXPORT bool WasmEdge_StringIsEqual(const WasmEdge_String Str1, const WasmEdge_String Str2) {
  if (Str1.Length != Str2.Length) return false;
  if (Str1.Length == 0) return true;
  if (Str1.Buf == nullptr || Str2.Buf == nullptr) return Str1.Buf == Str2.Buf;
  return std::memcmp(Str1.Buf, Str2.Buf, Str1.Length) == 0;
}

WS_EXPORT uint32_t WasmEdge_StringCopy(const WasmEdge_String Str, char *Buf, const uint32_t Len) {
  if (Buf == nullptr || Len == 0) return 0;
  std::memset(Buf, 0, Len);
  uint32_t N = Str.Length < Len ? Str.Length : Len;
  if (N == 0 || Str.Buf == nullptr) return 0;
  std::memcpy(Buf, Str.Buf, N);
  return N;
}

WS_EXPORT void WasmEdge_StringDelete(WasmEdge_String Str) {
  delete[] Str.Buf;
}

WS_EXPORT WasmEdge_Bytes WasmEdge_BytesCreate(const uint8_t *Buf, const uint32_t Len) {
  WasmEdge_String S = ws::copyToNewString(reinterpret_cast<const char *>(Buf), Len);
  WasmEdge_Bytes R;
  R.Length = S.Length;
  R.Buf = reinterpret_cast<const uint8_t *>(S.Buf);
  return R;
}

WS_EXPORT WasmEdge_Bytes WasmEdge_BytesWrap(const uint8_t *Buf, const uint32_t Len) {
  WasmEdge_Bytes R;
  R.Length = Len;
  R.Buf = Buf;
  return R;
}

WS_EXPORT void WasmEdge_BytesDelete(WasmEdge_Bytes Bytes) {
  delete[] reinterpret_cast<const char *>(Bytes.Buf);
}
