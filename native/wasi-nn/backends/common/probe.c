/*
 * ws_wasi_nn_backend_probe_with(): lets `ws doctor` ask a backend library whether
 * its runtime loads, and which version and file it found, without running a
 * guest. Linked into every backend built with ws_add_nn_backend().
 */
#include "../../backend.h"
#include "library_search.h"

#include <wasmedge/ws_extensions.h>

#include <stdio.h>

const ws_nn_backend *ws_wasi_nn_backend(void);

/* Opens the backend as the plug-in would with nn-<stem>-library =
 * RuntimeLibrary (NULL: unset). Writes "<runtime and version> (<library
 * path>)" and returns 0, or writes why the runtime is not available and
 * returns -1. */
__attribute__((visibility("default"))) int ws_wasi_nn_backend_probe_with(const char *RuntimeLibrary, char *Out,
                                                                         size_t OutLen) {
  ws_nn_backend_settings Settings = {1, RuntimeLibrary, (int32_t)ws_current_log_level()};
  char Err[2048] = "";
  if (ws_wasi_nn_backend()->Open(&Settings, Err, sizeof(Err)) != 0) {
    snprintf(Out, OutLen, "%s", Err);
    return -1;
  }
  const char *Path = ws_nn_library_found();
  snprintf(Out, OutLen, "%s%s%s%s", ws_nn_backend_runtime(), Path[0] ? " (" : "", Path, Path[0] ? ")" : "");
  return 0;
}
