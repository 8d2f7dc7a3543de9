import type { WsErrorCode } from '../errors.js';
import { LoadStatus } from '../native/addon-types.js';

/** Maps ws_load_status to the public error code. */
export function loadStatusCode(status: number): WsErrorCode {
  switch (status) {
    case LoadStatus.NotFound:
      return 'WS_PLUGIN_PATH_NOT_FOUND';
    case LoadStatus.NotSharedLibrary:
      return 'WS_PLUGIN_NOT_SHARED_LIBRARY';
    case LoadStatus.DlopenFailed:
      return 'WS_PLUGIN_DLOPEN_FAILED';
    case LoadStatus.NoDescriptor:
      return 'WS_PLUGIN_NO_DESCRIPTOR';
    case LoadStatus.CxxPlugin:
      return 'WS_PLUGIN_CXX';
    case LoadStatus.NullDescriptor:
      return 'WS_PLUGIN_NULL_DESCRIPTOR';
    case LoadStatus.ApiVersion:
      return 'WS_PLUGIN_API_MISMATCH';
    case LoadStatus.DuplicateName:
      return 'WS_PLUGIN_DUPLICATE';
    case LoadStatus.UnknownSymbolVersion:
      return 'WS_PLUGIN_SYMBOL_VERSION';
    case LoadStatus.Truncated:
      return 'WS_PLUGIN_TRUNCATED';
    case LoadStatus.NotAFile:
      return 'WS_PLUGIN_NOT_A_FILE';
    default:
      return 'WS_PLUGIN_BAD_DESCRIPTOR';
  }
}

/** A file that was not loaded as a plug-in, and why. */
export interface RejectedPlugin {
  path: string;
  code: WsErrorCode;
  message: string;
}
