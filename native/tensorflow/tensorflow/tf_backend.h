/* wasmedge_tensorflow's implementation of the shared session backend. */
#ifndef WS_TF_BACKEND_H
#define WS_TF_BACKEND_H

#include "../common/session_backend.h"
#include "tf_session.h"

extern const ws_session_backend ws_tf_backend;

#endif /* WS_TF_BACKEND_H */
