/* wasmedge_tensorflowlite's implementation of the shared session backend. */
#ifndef WS_TFLITE_BACKEND_H
#define WS_TFLITE_BACKEND_H

#include "../common/session_backend.h"
#include "tflite_session.h"

extern const ws_session_backend ws_tflite_backend;

#endif /* WS_TFLITE_BACKEND_H */
