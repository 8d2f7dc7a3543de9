/*
 * graph_encoding 5 (autodetect): WasmEdge has no backend for it and answers
 * InvalidEncoding; ws picks the backend from the model bytes instead.
 */
#ifndef WS_WASI_NN_AUTODETECT_H
#define WS_WASI_NN_AUTODETECT_H

#include "backend.h"

/* The encoding whose format builder[0] has: GGUF magic (GGML), the TFLite
 * flatbuffer identifier "TFL3", a zip archive (TorchScript), an ONNX
 * ModelProto (protobuf with a graph field), or an OpenVINO IR pair (XML +
 * weights). WS_NN_ENCODING_COUNT when none matches. */
uint32_t ws_nn_autodetect_encoding(const ws_nn_bytes *Builders, uint32_t Count);

#endif /* WS_WASI_NN_AUTODETECT_H */
