/* Resolves the OpenVINO C functions (see ov_api.h). */
#include "ov_api.h"
#include "../common/library_search.h"

#include <dlfcn.h>
#include <stdio.h>

int ov_api_open(ov_api *Api, const char *Path, char *Reason, size_t ReasonLen) {
  void *Library = ws_nn_dlopen(Path, Reason, ReasonLen);
  if (Library == NULL) return -1;
  struct {
    const char *Name;
    void **Slot;
  } Symbols[] = {
#define SYMBOL(Name) {"ov_" #Name, (void **)&Api->Name}
      SYMBOL(get_openvino_version), SYMBOL(version_free), SYMBOL(core_create), SYMBOL(core_free),
      SYMBOL(core_read_model_from_memory_buffer), SYMBOL(model_free), SYMBOL(model_inputs_size),
      SYMBOL(model_outputs_size), SYMBOL(core_compile_model), SYMBOL(compiled_model_free),
      SYMBOL(compiled_model_create_infer_request), SYMBOL(infer_request_free),
      SYMBOL(infer_request_set_input_tensor_by_index), SYMBOL(infer_request_get_output_tensor_by_index),
      SYMBOL(infer_request_infer), SYMBOL(shape_create), SYMBOL(shape_free), SYMBOL(tensor_create),
      SYMBOL(tensor_get_byte_size), SYMBOL(tensor_data), SYMBOL(tensor_free),
#undef SYMBOL
  };
  for (size_t I = 0; I < sizeof(Symbols) / sizeof(Symbols[0]); ++I) {
    if (ws_nn_dlsym(Library, Symbols[I].Name, Symbols[I].Slot, Reason, ReasonLen) != 0) {
      dlclose(Library);
      return -1;
    }
  }
  ov_version_t Version = {0};
  if (Api->get_openvino_version(&Version) == 0 && Version.buildNumber != NULL) {
    snprintf(Api->Version, sizeof(Api->Version), "%s", Version.buildNumber);
    Api->version_free(&Version);
  }
  return 0;
}
