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

/* Finds (loading on first use) the backend for Encoding. Returns
 * WS_NN_SUCCESS, or WS_NN_INVALID_ARGUMENT after printing once why the
 * backend is not available and what to install. */
uint32_t ws_nn_backend_for(uint32_t Encoding, const ws_nn_backend_settings *Settings,
                           const ws_nn_backend **Out);

/* Parses an encoding name of --nn-preload (case-insensitive). -1 if unknown. */
int ws_nn_encoding_from_name(const char *Name);
/* Parses a target name of --nn-preload (case-insensitive). -1 if unknown. */
int ws_nn_target_from_name(const char *Name);

#endif /* WS_WASI_NN_BACKEND_REGISTRY_H */
