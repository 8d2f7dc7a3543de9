# node-gyp helper of @ws/plugin-sdk. A plug-in's binding.gyp depends on the
# target below to get the headers, -DWASMEDGE_PLUGIN and hidden visibility:
#
#   'dependencies': ["<!(node -p \"require('@ws/plugin-sdk').gyp\"):ws_plugin_sdk"],
#
# and builds a 'shared_library' (node-gyp renames a 'loadable_module' to
# .node): build/Release/lib<target_name>.so. Nothing is linked: the WasmEdge_*
# symbols are resolved by the host that loads the plug-in.
{
  'targets': [
    {
      'target_name': 'ws_plugin_sdk',
      'type': 'none',
      'direct_dependent_settings': {
        'include_dirs': ['../include', '../cpp'],
        'defines': ['WASMEDGE_PLUGIN'],
        'cflags': ['-fvisibility=hidden'],
        'cflags_cc': ['-fvisibility=hidden', '-fvisibility-inlines-hidden'],
        'xcode_settings': {
          'GCC_SYMBOLS_PRIVATE_EXTERN': 'YES',
          'OTHER_LDFLAGS': ['-undefined', 'dynamic_lookup'],
        },
      },
    },
  ],
}
