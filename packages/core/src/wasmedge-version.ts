/**
 * The WasmEdge release whose C API ws's libwasmedge.so.0 stand-in emulates: WASMEDGE_VERSION of
 * native/include/wasmedge/wasmedge.h (a test keeps the two equal). `ws --version` prints it, without
 * loading native code.
 */
export const emulatedWasmEdgeVersion = '0.17.1';
