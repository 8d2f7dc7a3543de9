/*
 * Finding a backend's third-party runtime library (libonnxruntime,
 * libllama, libtorch, libopenvino_c): every backend tries the same ordered
 * candidates and reports every failure in one sentence, so that "not
 * installed" errors name what was tried.
 */
#ifndef WS_WASI_NN_LIBRARY_SEARCH_H
#define WS_WASI_NN_LIBRARY_SEARCH_H

#include <stddef.h>

typedef struct ws_nn_library_candidate {
  const char *Origin;  /* e.g. "WS_ONNXRUNTIME_LIBRARY", "build-time path", "system" */
  const char *Path;    /* absolute path, or a bare soname searched by the dynamic linker; may be NULL/"" */
} ws_nn_library_candidate;

/* Calls Open(Path, Reason) for each non-empty candidate in order until one
 * returns 0; returns the index of that candidate, or -1 after writing
 * "Origin=Path: Reason; ..." for every failure into Err. */
int ws_nn_library_search(const ws_nn_library_candidate *Candidates, int Count,
                         int (*Open)(const char *Path, void *State, char *Reason, size_t ReasonLen),
                         void *State, char *Err, size_t ErrLen);

/* For runtimes that come from npm packages: walks up from the directory of
 * this backend library and writes into Out the first
 * <ancestor>/node_modules/<Relative> that exists (with npm, a dependency is
 * hoisted to the project's node_modules; with pnpm, to node_modules/.pnpm/
 * node_modules). Returns 0, or -1 with Out = "". */
int ws_nn_find_in_node_modules(const char *Relative, char *Out, size_t OutLen);

/* The path of the candidate the last successful search opened ("" before). */
const char *ws_nn_library_found(void);

/* dlopen(Path, RTLD_NOW|RTLD_LOCAL) that writes dlerror() into Reason on failure. */
void *ws_nn_dlopen(const char *Path, char *Reason, size_t ReasonLen);

/* Resolves Name in Library into *Out; writes "missing symbol Name" into
 * Reason and returns -1 when it is absent. */
int ws_nn_dlsym(void *Library, const char *Name, void **Out, char *Reason, size_t ReasonLen);

/* Implemented by each backend: its runtime and version for people, e.g.
 * "ONNX Runtime 1.30.0"; valid after a successful Open. */
const char *ws_nn_backend_runtime(void);

#endif /* WS_WASI_NN_LIBRARY_SEARCH_H */
