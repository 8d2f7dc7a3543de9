'use strict';
// Paths a plug-in build needs. CommonJS so that build files can ask for them
// with `node -p "require('@ws/plugin-sdk').cmakeDir"`.
const path = require('node:path');

/** Folder holding wasmedge/wasmedge.h and wasmedge/ws_extensions.h. */
exports.includeDir = path.join(__dirname, 'include');
/** Folder holding wasmedge_plugin.hpp, the header-only C++ wrapper. */
exports.cppIncludeDir = path.join(__dirname, 'cpp');
/** Folder holding WsPluginConfig.cmake: pass it as -DWsPlugin_DIR=... */
exports.cmakeDir = path.join(__dirname, 'cmake');
/** node-gyp file whose target ws_plugin_sdk a binding.gyp depends on: "<(gyp):ws_plugin_sdk". */
exports.gyp = path.join(__dirname, 'gyp', 'plugin.gyp');
/** The plug-in API version plug-ins built with these headers declare. */
exports.apiVersion = 5;
