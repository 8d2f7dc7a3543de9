/*
 * The part of OpenVINO's C API (openvino/c/openvino.h, libopenvino_c.so,
 * OpenVINO 2023.1 or later) this backend uses, declared here so that ws
 * builds without OpenVINO installed; the library is dlopened at run time.
 * Every function returns an ov_status_e, 0 = OK.
 */
#ifndef WS_WASI_NN_OV_API_H
#define WS_WASI_NN_OV_API_H

#include <stddef.h>
#include <stdint.h>

typedef struct ov_core ov_core_t;
typedef struct ov_model ov_model_t;
typedef struct ov_compiled_model ov_compiled_model_t;
typedef struct ov_infer_request ov_infer_request_t;
typedef struct ov_tensor ov_tensor_t;

/* ov_shape_t, passed by value. */
typedef struct ov_shape {
  int64_t rank;
  int64_t *dims;
} ov_shape_t;

typedef struct ov_version {
  const char *buildNumber;
  const char *description;
} ov_version_t;

/* ov_element_type_e (openvino/c/ov_common.h). */
enum { OV_ELEMENT_F32 = 5, OV_ELEMENT_U8 = 14 };

typedef struct ov_api {
  char Version[128];
  int (*get_openvino_version)(ov_version_t *Version);
  void (*version_free)(ov_version_t *Version);
  int (*core_create)(ov_core_t **Core);
  void (*core_free)(ov_core_t *Core);
  int (*core_read_model_from_memory_buffer)(const ov_core_t *Core, const char *Xml, size_t XmlLength,
                                            const ov_tensor_t *Weights, ov_model_t **Model);
  void (*model_free)(ov_model_t *Model);
  int (*model_inputs_size)(const ov_model_t *Model, size_t *Size);
  int (*model_outputs_size)(const ov_model_t *Model, size_t *Size);
  int (*core_compile_model)(const ov_core_t *Core, const ov_model_t *Model, const char *Device,
                            size_t PropertyCount, ov_compiled_model_t **Compiled, ...);
  void (*compiled_model_free)(ov_compiled_model_t *Compiled);
  int (*compiled_model_create_infer_request)(const ov_compiled_model_t *Compiled, ov_infer_request_t **Request);
  void (*infer_request_free)(ov_infer_request_t *Request);
  int (*infer_request_set_input_tensor_by_index)(ov_infer_request_t *Request, size_t Index, const ov_tensor_t *Tensor);
  int (*infer_request_get_output_tensor_by_index)(const ov_infer_request_t *Request, size_t Index, ov_tensor_t **Tensor);
  int (*infer_request_infer)(ov_infer_request_t *Request);
  int (*shape_create)(int64_t Rank, const int64_t *Dims, ov_shape_t *Shape);
  int (*shape_free)(ov_shape_t *Shape);
  int (*tensor_create)(int Type, ov_shape_t Shape, ov_tensor_t **Tensor);
  int (*tensor_get_byte_size)(const ov_tensor_t *Tensor, size_t *Size);
  int (*tensor_data)(const ov_tensor_t *Tensor, void **Data);
  void (*tensor_free)(ov_tensor_t *Tensor);
} ov_api;

/* dlopens Path and resolves every function. Returns 0, or -1 with a reason. */
int ov_api_open(ov_api *Api, const char *Path, char *Reason, size_t ReasonLen);

#endif /* WS_WASI_NN_OV_API_H */
