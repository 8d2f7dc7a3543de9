/*
 * Which backend serves which graph_encoding, and lazy loading of backend
 * libraries: a backend library is dlopened the first time a guest loads a
 * graph with its encoding, once per process.
 */
#ifndef WS_WASI_NN_BACKEND_REGISTRY_H
#define WS_WASI_NN_BACKEND_REGISTRY_H

#include "backend.h"

/* True for values WasmEdge knows as graph_encoding members (0-7, 9-14),
 * autodetect included (resolved by autodetect.h); everything else is
 * InvalidEncoding. */
int ws_nn_encoding_is_known(uint32_t Encoding);

/* Where the host says one backend's files are; NULL members are searched for. */
typedef struct ws_nn_backend_location {
  char *Backend;  /* libws_wasi_nn_<stem>.so (option nn-<stem>-backend) */
  char *Runtime;  /* the backend's runtime library (option nn-<stem>-library) */
} ws_nn_backend_location;

/* The backend library stem of Encoding ("tflite", "onnx", ...); NULL when ws
 * has no backend for it. */
const char *ws_nn_encoding_stem(uint32_t Encoding);

/* Finds (loading on first use, once per process) the backend for Encoding:
 * Location->Backend if set, else libws_wasi_nn_<stem>.so from
 * $WS_WASI_NN_BACKEND_DIR and the folders next to the plug-in. Returns
 * WS_NN_SUCCESS, or WS_NN_INVALID_ARGUMENT after printing once why the
 * backend is not available and what to install. Once loaded, a Location
 * naming other files than those it was opened with is refused
 * (WS_NN_INVALID_ARGUMENT, printed once with both paths); after a failure, a
 * Location naming other files tries again. */
uint32_t ws_nn_backend_for(uint32_t Encoding, const ws_nn_backend_location *Location,
                           const ws_nn_backend_settings *Settings, const ws_nn_backend **Out);

/* Parses an encoding name of --nn-preload (case-insensitive). -1 if unknown. */
int ws_nn_encoding_from_name(const char *Name);
/* Parses a target name of --nn-preload (case-insensitive). -1 if unknown. */
int ws_nn_target_from_name(const char *Name);

#endif /* WS_WASI_NN_BACKEND_REGISTRY_H */
