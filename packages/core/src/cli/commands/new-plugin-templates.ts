/**
 * Files `ws new-plugin <name>` writes: a buildable, tested C plug-in package.
 * Each template is a function of the names so the files stay consistent.
 */

export interface ScaffoldNames {
  /** Plug-in, module and C identifier: `my_plugin`. */
  name: string;
  /** npm package name: `my-plugin`. */
  packageName: string;
  /** `libmy_plugin.so` (platform extension). */
  library: string;
  /** WS_MY_PLUGIN_LIBRARY: where @ws/core looks for the library of this package. */
  libraryEnvVar: string;
  /** Version specs of @ws/core and @ws/plugin-sdk in devDependencies. */
  coreSpec: string;
  sdkSpec: string;
}

/** PascalCase of a snake_case name, for TypeScript type names. */
function pascal(name: string): string {
  return name
    .split('_')
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

export function packageJson(n: ScaffoldNames): string {
  const json = {
    name: n.packageName,
    version: '0.1.0',
    description: `WasmEdge plug-in ${n.name} for ws (and WasmEdge).`,
    type: 'module',
    types: './types.d.ts',
    files: ['types.d.ts', 'src', 'CMakeLists.txt', 'README.md'],
    wasmedge: { plugin: n.name, modules: [n.name], apiVersion: 5, library: n.library },
    scripts: {
      build: 'node scripts/build.mjs',
      test: 'node --test test/',
    },
    devDependencies: { '@ws/core': n.coreSpec, '@ws/plugin-sdk': n.sdkSpec },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function cmakeLists(n: ScaffoldNames): string {
  return `# Builds ${n.library} with @ws/plugin-sdk's CMake config. \`npm run build\` passes
# -DWsPlugin_DIR=$(node -p "require('@ws/plugin-sdk').cmakeDir").
cmake_minimum_required(VERSION 3.20)
project(${n.name} C)
set(CMAKE_C_STANDARD 11)
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE Release)
endif()

find_package(WsPlugin 0.1 REQUIRED CONFIG)
ws_plugin(${n.name} SOURCES src/${n.name}.c)
`;
}

export function pluginSource(n: ScaffoldNames): string {
  return `/*
 * ${n.name}: a WasmEdge C API plug-in (plug-in API version 5), loadable by ws
 * and by WasmEdge.
 *
 *   plug-in  ${n.name}
 *   module   descriptor ${n.name}, import namespace ${n.name}
 *   reverse(ptr: i32, len: i32) -> i32
 *            reverses the bytes [ptr, ptr+len) of the guest's memory in place
 *            and returns how many times this module instance was called
 *
 * A range outside the guest's memory traps the guest (out of bounds memory
 * access) instead of touching anything.
 */
#include <wasmedge/wasmedge.h>

#include <stdint.h>
#include <stdlib.h>

/* Per-instance state (host data), freed by the instance's finalizer. */
typedef struct State {
  int32_t Calls;
} State;

static WasmEdge_Result reverse(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                               WasmEdge_Value *Out) {
  State *Self = Data;
  uint32_t Ptr = (uint32_t)WasmEdge_ValueGetI32(In[0]);
  uint32_t Len = (uint32_t)WasmEdge_ValueGetI32(In[1]);
  /* Memory 0 of the calling guest; NULL pointer when [Ptr, Ptr+Len) is not inside it. */
  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  uint8_t *Bytes = WasmEdge_MemoryInstanceGetPointer(Memory, Ptr, Len);
  if (Bytes == NULL) return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_MemoryOutOfBounds);

  for (uint32_t I = 0, J = Len; I + 1 < J; ++I, --J) {
    uint8_t T = Bytes[I];
    Bytes[I] = Bytes[J - 1];
    Bytes[J - 1] = T;
  }
  Out[0] = WasmEdge_ValueGenI32(++Self->Calls);
  return WasmEdge_Result_Success;
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  State *Self = calloc(1, sizeof(State));
  if (Self == NULL) return NULL;
  WasmEdge_String Name = WasmEdge_StringCreateByCString("${n.name}");
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreateWithData(Name, Self, free);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) {
    free(Self);
    return NULL;
  }

  WasmEdge_ValType Params[2] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32()};
  WasmEdge_ValType Results[1] = {WasmEdge_ValTypeGenI32()};
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 2, Results, 1);
  WasmEdge_FunctionInstanceContext *Function = WasmEdge_FunctionInstanceCreate(Type, reverse, Self, 0);
  WasmEdge_FunctionTypeDelete(Type); /* the function instance keeps a copy */
  if (Function == NULL) {
    WasmEdge_ModuleInstanceDelete(Module); /* runs the finalizer: frees Self */
    return NULL;
  }
  /* The module takes ownership of Function. Its result is not used: it is
   * void in WasmEdge 0.17.x and fails only for NULL arguments. */
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString("reverse");
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Function);
  WasmEdge_StringDelete(FunctionName);
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "${n.name}", .Description = "Reverses bytes in guest memory", .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "${n.name}",
    .Description = "${n.name} plug-in",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = NULL,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
`;
}

export function guestSource(n: ScaffoldNames): string {
  return `// Test guest of ${n.name}: reverses argv[1] (default "Hello, plug-in!") with
// the host function and prints it. A second argument "oob" passes a pointer
// past the end of memory, "huge" a length of 4 GiB - 1: both must trap.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((import_module("${n.name}"), import_name("reverse")))
int32_t reverse(char *bytes, int32_t length);

int main(int argc, char **argv) {
  char text[256];
  const char *input = argc > 1 ? argv[1] : "Hello, plug-in!";
  size_t length = strlen(input);
  if (length > sizeof text) length = sizeof text;
  memcpy(text, input, length);
  if (argc > 2 && strcmp(argv[2], "oob") == 0) {
    reverse((char *)(uintptr_t)0xFFFFFFF0u, 64);
    return 3; // not reached: the call traps
  }
  if (argc > 2 && strcmp(argv[2], "huge") == 0) {
    reverse(text, -1);
    return 3; // not reached: the call traps
  }
  int32_t calls = reverse(text, (int32_t)length);
  printf("%.*s\\n", (int)length, text);
  printf("calls=%d\\n", (int)calls);
  return 0;
}
`;
}

export function buildScript(n: ScaffoldNames): string {
  return `#!/usr/bin/env node
// Builds ${n.library} (CMake + @ws/plugin-sdk), the test guest (clang
// --target=wasm32-wasi; set WASM_CC to use another compiler) and types.d.ts
// (ws typegen reads the built plug-in's descriptor).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sdk = require('@ws/plugin-sdk');
const { wsCliPath } = require('@ws/plugin-sdk/testing');
const buildDir = join(dir, 'build');
const run = (command, args) => execFileSync(command, args, { cwd: dir, stdio: 'inherit' });

run('cmake', ['-S', dir, '-B', buildDir, \`-DWsPlugin_DIR=\${sdk.cmakeDir}\`]);
run('cmake', ['--build', buildDir]);

mkdirSync(join(dir, 'guests', 'build'), { recursive: true });
run(process.env.WASM_CC ?? 'clang', ['--target=wasm32-wasi', '-O2', '-Wall', '-o', join(dir, 'guests', 'build', '${n.name}_test.wasm'), join(dir, 'guests', '${n.name}_test.c')]);

run(process.execPath, [wsCliPath(dir), 'typegen', '${n.name}', '--plugin-path', join(buildDir, '${n.library}'), '--out', join(dir, 'types.d.ts')]);
`;
}

export function testFile(n: ScaffoldNames): string {
  return `// Runs the test guest through the ws CLI and checks its exact output.
import assert from 'node:assert/strict';
import { join, resolve, dirname } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertBuilt, runWs } from '@ws/plugin-sdk/testing';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = join(dir, 'build', '${n.library}');
const guest = join(dir, 'guests', 'build', '${n.name}_test.wasm');

function ws(args, env = {}) {
  assertBuilt([[plugin, 'npm run build'], [guest, 'npm run build']]);
  return runWs(args, { cwd: dir, env });
}

test('reverse reverses the default text in the guest memory', () => {
  const run = ws(['run', '--plugin-path', plugin, guest]);
  assert.equal(run.stdout, '!ni-gulp ,olleH\\ncalls=1\\n');
  assert.equal(run.status, 0, run.stderr);
});

test('reverse reverses an argument of the guest', () => {
  const run = ws(['run', '--plugin-path', plugin, guest, 'stressed']);
  assert.equal(run.stdout, 'desserts\\ncalls=1\\n');
  assert.equal(run.status, 0, run.stderr);
});

test('a range outside the guest memory traps the guest', () => {
  const run = ws(['run', '--plugin-path', plugin, guest, 'x', 'oob']);
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /host function ${n.name}\\.reverse of plug-in ${n.name} failed with WasmEdge error 0x0408/);
});

test('a length of 4 GiB - 1 traps the guest', () => {
  const run = ws(['run', '--plugin-path', plugin, guest, 'x', 'huge']);
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /host function ${n.name}\\.reverse of plug-in ${n.name} failed with WasmEdge error 0x0408/);
});

test('the package loads as an npm plug-in through its "wasmedge" field', () => {
  // No --plugin-path: ws finds this package (the nearest package.json) and
  // takes the library from ${n.libraryEnvVar}.
  const run = ws(['run', guest, 'npm'], { ${n.libraryEnvVar}: plugin });
  assert.equal(run.stdout, 'mpn\\ncalls=1\\n');
  assert.equal(run.status, 0, run.stderr);
});
`;
}

/** Types before the first build; \`npm run build\` regenerates them with ws typegen. */
export function typesFile(n: ScaffoldNames): string {
  const module = pascal(n.name);
  return `// Generated by \`ws typegen ${n.name}\` from the plug-in's descriptor. Do not edit.
// Plug-in ${n.name} 0.1.0.0, plug-in API version 5.

/** Host functions of module \`${n.name}\` (descriptor \`${n.name}\`). */
export interface ${module}Functions {
  /** Wasm type: (i32, i32) -> (i32) */
  reverse(arg0: number, arg1: number): number;
}

/** Import modules of plug-in ${n.name}, by import name. */
export interface ${module}Imports {
  ${n.name}: ${module}Functions;
}
`;
}

export function gitignore(): string {
  return 'node_modules/\nbuild/\nguests/build/\n';
}

export function readme(n: ScaffoldNames): string {
  return `# ${n.packageName}

A WasmEdge C API plug-in (\`${n.name}\`) for [ws](https://github.com/) and WasmEdge,
created by \`ws new-plugin ${n.name}\`.

| | |
|---|---|
| plug-in | \`${n.name}\` |
| module | descriptor \`${n.name}\`, import namespace \`${n.name}\` |
| host function | \`reverse(ptr: i32, len: i32) -> i32\`: reverses guest bytes in place, returns the call count |

## Build and test

Needs CMake, a C compiler and clang with the wasm32-wasi target (\`apt-get install clang lld wasi-libc\`).

\`\`\`sh
npm install
npm run build     # build/${n.library}, guests/build/${n.name}_test.wasm, types.d.ts
npm test
\`\`\`

## Run

\`\`\`sh
npx ws run --plugin-path build/${n.library} guests/build/${n.name}_test.wasm stressed
\`\`\`

prints \`desserts\` and \`calls=1\`. Installed as a package, the plug-in is found through the
\`"wasmedge"\` field of package.json; \`${n.libraryEnvVar}\` may point at the library.

Writing plug-ins: see docs/plugin-authoring.md in the ws repository.
`;
}
