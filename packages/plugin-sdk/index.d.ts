/** Folder holding wasmedge/wasmedge.h and wasmedge/ws_extensions.h. */
export declare const includeDir: string;
/** Folder holding wasmedge_plugin.hpp, the header-only C++ wrapper. */
export declare const cppIncludeDir: string;
/** Folder holding WsPluginConfig.cmake: pass it as -DWsPlugin_DIR=... */
export declare const cmakeDir: string;
/** Path of gyp/plugin.gyp; depend on its target: `"<!(node -p \"require('@ws/plugin-sdk').gyp\"):ws_plugin_sdk"`. */
export declare const gyp: string;
/** The plug-in API version plug-ins built with these headers declare (5). */
export declare const apiVersion: number;
