/* Model format detection for encoding 5 (see autodetect.h). */
#include "autodetect.h"

#include <stdbool.h>
#include <string.h>

static bool starts_with(const ws_nn_bytes *Bytes, const char *Prefix, uint32_t Offset) {
  size_t Length = strlen(Prefix);
  return Bytes->Length >= Offset + Length && memcmp(Bytes->Data + Offset, Prefix, Length) == 0;
}

/* Reads a protobuf varint at *At; false when it runs past End or over 10 bytes. */
static bool read_varint(const uint8_t **At, const uint8_t *End, uint64_t *Value) {
  *Value = 0;
  for (int Shift = 0; Shift < 70 && *At < End; Shift += 7) {
    uint8_t Byte = *(*At)++;
    *Value |= (uint64_t)(Byte & 0x7F) << Shift;
    if ((Byte & 0x80) == 0) return true;
  }
  return false;
}

/* True when the bytes are a well-formed protobuf message whose fields are
 * those of onnx.ModelProto (1..8, 14, 20..26) and that has field 7, graph. */
static bool is_onnx_model(const ws_nn_bytes *Bytes) {
  const uint8_t *At = Bytes->Data, *End = Bytes->Data + Bytes->Length;
  bool HasGraph = false;
  while (At < End) {
    uint64_t Key, Value;
    if (!read_varint(&At, End, &Key)) return false;
    uint64_t Field = Key >> 3, WireType = Key & 7;
    if (Field == 0 || Field > 26) return false;
    switch (WireType) {
    case 0: if (!read_varint(&At, End, &Value)) return false; break;
    case 1: if (End - At < 8) return false; At += 8; break;
    case 5: if (End - At < 4) return false; At += 4; break;
    case 2:
      if (!read_varint(&At, End, &Value) || Value > (uint64_t)(End - At)) return false;
      At += Value;
      if (Field == 7) HasGraph = true;
      break;
    default: return false;
    }
  }
  return HasGraph;
}

uint32_t ws_nn_autodetect_encoding(const ws_nn_bytes *Builders, uint32_t Count) {
  if (Count == 0) return WS_NN_ENCODING_COUNT;
  const ws_nn_bytes *Model = &Builders[0];
  if (starts_with(Model, "GGUF", 0) || starts_with(Model, "preload:", 0)) return WS_NN_ENCODING_GGML;
  if (starts_with(Model, "TFL3", 4)) return WS_NN_ENCODING_TENSORFLOWLITE;
  if (starts_with(Model, "PK\x03\x04", 0)) return WS_NN_ENCODING_PYTORCH;
  if (Count == 2 && (starts_with(Model, "<?xml", 0) || starts_with(Model, "<net", 0)))
    return WS_NN_ENCODING_OPENVINO;
  if (is_onnx_model(Model)) return WS_NN_ENCODING_ONNX;
  return WS_NN_ENCODING_COUNT;
}
