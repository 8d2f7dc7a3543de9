/* Plug-in loading and the WasmEdge_Plugin* API (spec §1.5-§1.7), with the
 * assertions of WasmEdge's APICoreTest.Plugin plus ws's load diagnostics. */
#include "check.h"

#include <dlfcn.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wasmedge/wasmedge.h"
#include "ws_host.h"

#define PLUGIN(File) WS_CAPI_TEST_PLUGIN_DIR "/" File

static WasmEdge_String str(const char *Text) { return WasmEdge_StringWrap(Text, (uint32_t)strlen(Text)); }

static void test_before_loading(void) {
  CHECK_EQ_U("plugin api: no plug-ins at start", WasmEdge_PluginListPluginsLength(), 0);
  WasmEdge_PluginLoadFromPath(NULL);
  CHECK_EQ_U("plugin api: LoadFromPath(NULL) loads nothing", WasmEdge_PluginListPluginsLength(), 0);
  WasmEdge_PluginLoadFromPath("/nonexistent/ws/plugins");
  CHECK_EQ_U("plugin api: LoadFromPath(missing) loads nothing", WasmEdge_PluginListPluginsLength(), 0);
  CHECK_EQ_U("plugin api: ListPlugins(NULL, 0) with none", WasmEdge_PluginListPlugins(NULL, 0), 0);
  CHECK("plugin api: Find before loading", WasmEdge_PluginFind(str("ws_capi_test")) == NULL);
  WasmEdge_String Name = WasmEdge_PluginGetPluginName(NULL);
  CHECK("plugin api: GetPluginName(NULL) is empty", Name.Length == 0 && Name.Buf == NULL);
  CHECK_EQ_U("plugin api: ListModuleLength(NULL)", WasmEdge_PluginListModuleLength(NULL), 0);
  WasmEdge_String Names[2];
  CHECK_EQ_U("plugin api: ListModule(NULL)", WasmEdge_PluginListModule(NULL, Names, 2), 0);
  CHECK("plugin api: CreateModule(NULL)", WasmEdge_PluginCreateModule(NULL, str("x")) == NULL);
  CHECK("plugin api: descriptor/path of NULL", ws_host_plugin_descriptor(NULL) == NULL && ws_host_plugin_path(NULL) == NULL);
  CHECK_EQ_U("plugin api: supported API version", ws_host_supported_api_version(), 5);
  WasmEdge_PluginInitWASINN(NULL, 3); /* no wasi_nn plug-in: no-op */
  WasmEdge_ModuleInstanceInitWasmEdgeProcess(NULL, 2, true);
  CHECK_EQ_U("plugin api: Init* without the plug-ins are no-ops", WasmEdge_PluginListPluginsLength(), 0);
}

static void test_load_diagnostics(void) {
  ws_load_result R;
  CHECK_EQ_U("load: NULL path", ws_host_plugin_load_file(NULL, &R), WS_LOAD_NOT_FOUND);
  CHECK_EQ_U("load: missing file", ws_host_plugin_load_file("/nonexistent/libx.so", &R), WS_LOAD_NOT_FOUND);
  CHECK("load: missing file message names the file", strstr(R.Message, "/nonexistent/libx.so") != NULL);
  CHECK_EQ_U("load: NULL result pointer is allowed", ws_host_plugin_load_file("/nonexistent/libx.so", NULL),
             WS_LOAD_NOT_FOUND);

  char Dir[] = "/tmp/ws-capi-XXXXXX";
  CHECK("load: temp dir", mkdtemp(Dir) != NULL);
  char Fake[256];
  snprintf(Fake, sizeof(Fake), "%s/libfake.so", Dir);
  FILE *F = fopen(Fake, "w");
  fputs("not a library\n", F);
  fclose(F);
  CHECK_EQ_U("load: text file is not a shared library", ws_host_plugin_load_file(Fake, &R),
             WS_LOAD_NOT_SHARED_LIBRARY);
  CHECK("load: text file message", strstr(R.Message, "is not an ELF file") != NULL && strstr(R.Message, Fake) != NULL);
  CHECK_EQ_U("load: a directory is not a plug-in file", ws_host_plugin_load_file(Dir, &R), WS_LOAD_NOT_A_FILE);

  /* The stand-in itself: a real shared library without the entry point. It
   * is refused from its symbol table, without dlopen. */
  Dl_info Info;
  dladdr((void *)&WasmEdge_VersionGet, &Info);
  CHECK_EQ_U("load: library without WasmEdge_Plugin_GetDescriptor", ws_host_plugin_load_file(Info.dli_fname, &R),
             WS_LOAD_NO_DESCRIPTOR);
  CHECK("load: no-descriptor message", strstr(R.Message, "does not export WasmEdge_Plugin_GetDescriptor") != NULL);
  CHECK_EQ_U("load: refused files register nothing", WasmEdge_PluginListPluginsLength(), 0);
  unlink(Fake);
  rmdir(Dir);
}


/* Copies a plug-in, replacing every Needle by Replacement (same length) and
 * optionally erasing the section header table, as sstrip does. */
static bool writePatchedCopy(const char *From, const char *To, const char *Needle, const char *Replacement,
                             bool DropSections, size_t Truncate) {
  FILE *In = fopen(From, "rb");
  if (In == NULL) return false;
  static unsigned char Buf[1 << 22];
  size_t N = fread(Buf, 1, sizeof(Buf), In);
  fclose(In);
  if (N == 0 || N == sizeof(Buf)) return false;
  size_t NeedleLen = strlen(Needle);
  for (size_t I = 0; NeedleLen > 0 && I + NeedleLen <= N; ++I) {
    if (memcmp(Buf + I, Needle, NeedleLen) == 0) memcpy(Buf + I, Replacement, NeedleLen);
  }
  if (DropSections) {
    memset(Buf + 40, 0, 8); /* e_shoff */
    memset(Buf + 60, 0, 4); /* e_shnum, e_shstrndx */
  }
  if (Truncate > 0 && Truncate < N) N = Truncate;
  FILE *Out = fopen(To, "wb");
  if (Out == NULL) return false;
  bool Ok = fwrite(Buf, 1, N, Out) == N;
  fclose(Out);
  return Ok;
}

static void test_elf_prechecks(void) {
  char Dir[] = "/tmp/ws-capi-elf-XXXXXX";
  CHECK("elf: temp dir", mkdtemp(Dir) != NULL);
  char Path[256];
  ws_load_result R;
  /* Needs a libwasmedge.so.0 version this host lacks: glibc would abort the
   * process inside dlopen; the loader refuses it first. */
  snprintf(Path, sizeof(Path), "%s/libfuture.so", Dir);
  CHECK("elf: patched copy (unknown version)", writePatchedCopy(PLUGIN("libwsCapiTestWasiNN.so"), Path,
                                                                "WASMEDGE_0.16", "WASMEDGE_0.99", false, 0));
  CHECK_EQ_U("elf: unknown symbol version refused", ws_host_plugin_load_file(Path, &R), WS_LOAD_UNKNOWN_SYMBOL_VERSION);
  CHECK("elf: unknown version message", strstr(R.Message, "needs symbol version WASMEDGE_0.99 of libwasmedge.so.0") != NULL &&
                                            strstr(R.Message, Path) != NULL);
  snprintf(Path, sizeof(Path), "%s/libfuture-stripped.so", Dir);
  CHECK("elf: patched copy (unknown version, no section headers)",
        writePatchedCopy(PLUGIN("libwsCapiTestWasiNN.so"), Path, "WASMEDGE_0.16", "WASMEDGE_0.99", true, 0));
  CHECK_EQ_U("elf: unknown version found through PT_DYNAMIC without section headers",
             ws_host_plugin_load_file(Path, &R), WS_LOAD_UNKNOWN_SYMBOL_VERSION);
  snprintf(Path, sizeof(Path), "%s/libtruncated.so", Dir);
  CHECK("elf: truncated copy", writePatchedCopy(PLUGIN("libwsCapiTestWasiNN.so"), Path, "", "", false, 200));
  CHECK_EQ_U("elf: truncated library is refused before dlopen, not a crash", ws_host_plugin_load_file(Path, &R),
             WS_LOAD_TRUNCATED);
  CHECK("elf: truncated message names the file", strstr(R.Message, "is a truncated ELF file") != NULL &&
                                                     strstr(R.Message, Path) != NULL);
  CHECK_EQ_U("elf: nothing registered", WasmEdge_PluginListPluginsLength(), 0);
  char Cmd[300];
  snprintf(Cmd, sizeof(Cmd), "rm -rf '%s'", Dir);
  CHECK("elf: cleanup", system(Cmd) == 0);
}

static void test_load_and_list(void) {
  ws_load_result R;
  enum ws_load_status S = ws_host_plugin_load_file(PLUGIN("libwsCapiTest.so"), &R);
  CHECK("load: test plug-in loads", S == WS_LOAD_OK && R.Plugin != NULL && R.Message[0] == '\0');
  CHECK_STR("load: result names the plug-in", R.PluginName, "ws_capi_test");
  CHECK_EQ_U("load: result API version", R.APIVersion, 5);
  const WasmEdge_PluginContext *Plugin = R.Plugin;
  S = ws_host_plugin_load_file(PLUGIN("libwsCapiTest.so"), &R);
  CHECK("load: same path again is ALREADY_LOADED", S == WS_LOAD_ALREADY_LOADED && R.Plugin == Plugin);
  S = ws_host_plugin_load_file(WS_CAPI_TEST_PLUGIN_DIR "//./libwsCapiTest.so", &R);
  CHECK("load: same file, other spelling, is ALREADY_LOADED", S == WS_LOAD_ALREADY_LOADED && R.Plugin == Plugin);
  S = ws_host_plugin_load_file(PLUGIN("libwsCapiTestDuplicate.so"), &R);
  CHECK("load: same plug-in name from another file", S == WS_LOAD_DUPLICATE_NAME && R.Plugin == Plugin);
  CHECK("load: duplicate message names the first file",
        strstr(R.Message, "libwsCapiTest.so") != NULL && strstr(R.Message, "libwsCapiTestDuplicate.so") != NULL);
  S = ws_host_plugin_load_file(PLUGIN("libwsCapiTestOldApi.so"), &R);
  CHECK("load: API version 2 is refused", S == WS_LOAD_API_VERSION && R.APIVersion == 2 && R.Plugin == NULL);
  CHECK_STR("load: API version refusal names the plug-in", R.PluginName, "ws_capi_old_api");
  CHECK("load: API version message names the releases",
        strstr(R.Message, "declares plug-in API version 2 (WasmEdge 0.11.1 to 0.13.5); ws supports 3 to 5 "
                          "(WasmEdge 0.14.0 to 0.17)") != NULL &&
                                         strstr(R.Message, "libwsCapiTestOldApi.so") != NULL);
  CHECK("load: refused plug-in is not findable", WasmEdge_PluginFind(str("ws_capi_old_api")) == NULL);
  CHECK_STR("load: path of the registered plug-in", ws_host_plugin_path(Plugin), PLUGIN("libwsCapiTest.so"));
  CHECK("load: descriptor of the registered plug-in", ws_host_plugin_descriptor(Plugin) != NULL &&
                                                           ws_host_plugin_descriptor(Plugin)->ModuleCount == 2);

  CHECK_EQ_U("plugin api: ListPluginsLength after loading", WasmEdge_PluginListPluginsLength(), 1);
  WasmEdge_String Names[15];
  memset(Names, 0, sizeof(Names));
  CHECK_EQ_U("plugin api: ListPlugins(NULL, 0)", WasmEdge_PluginListPlugins(NULL, 0), 1);
  CHECK("plugin api: ListPlugins(Names, 0) writes nothing",
        WasmEdge_PluginListPlugins(Names, 0) == 1 && Names[0].Buf == NULL);
  CHECK_EQ_U("plugin api: ListPlugins(Names, 15)", WasmEdge_PluginListPlugins(Names, 15), 1);
  CHECK_WSTR("plugin api: ListPlugins name", Names[0], "ws_capi_test");
  CHECK("plugin api: Find by name", WasmEdge_PluginFind(str("ws_capi_test")) == Plugin);
  CHECK("plugin api: Find unknown name", WasmEdge_PluginFind(str("no-such-plugin-name")) == NULL);
  CHECK("plugin api: Find is an exact match", WasmEdge_PluginFind(str("ws_capi_tes")) == NULL);
  CHECK_WSTR("plugin api: GetPluginName", WasmEdge_PluginGetPluginName(Plugin), "ws_capi_test");
  CHECK_EQ_U("plugin api: ListModuleLength", WasmEdge_PluginListModuleLength(Plugin), 2);
  memset(Names, 0, sizeof(Names));
  CHECK("plugin api: ListModule(Cxt, Names, 0) writes nothing",
        WasmEdge_PluginListModule(Plugin, Names, 0) == 2 && Names[0].Buf == NULL);
  CHECK_EQ_U("plugin api: ListModule(Cxt, Names, 1)", WasmEdge_PluginListModule(Plugin, Names, 1), 2);
  CHECK("plugin api: ListModule fills only Len", Names[1].Buf == NULL);
  WasmEdge_PluginListModule(Plugin, Names, 15);
  CHECK_WSTR("plugin api: ListModule order [0]", Names[0], "ws_capi_test_module");
  CHECK_WSTR("plugin api: ListModule order [1]", Names[1], "ws_capi_null_module");
}

static void test_create_module(void) {
  const WasmEdge_PluginContext *Plugin = WasmEdge_PluginFind(str("ws_capi_test"));
  CHECK("create: unknown module name", WasmEdge_PluginCreateModule(Plugin, str("nope")) == NULL);
  WasmEdge_ModuleInstanceContext *A = WasmEdge_PluginCreateModule(Plugin, str("ws_capi_test_module"));
  WasmEdge_ModuleInstanceContext *B = ws_host_plugin_create_module(Plugin, "ws_capi_test_module");
  CHECK("create: each call makes a new instance", A != NULL && B != NULL && A != B &&
                                                      WasmEdge_ModuleInstanceGetHostData(A) !=
                                                          WasmEdge_ModuleInstanceGetHostData(B));
  CHECK_WSTR("create: instance name differs from descriptor name", WasmEdge_ModuleInstanceGetModuleName(A),
             "ws_capi_test_instance");
  WasmEdge_String Names[4];
  CHECK("create: module lists its function",
        WasmEdge_ModuleInstanceListFunction(A, Names, 4) == 1 && Names[0].Length == 3 && memcmp(Names[0].Buf, "add", 3) == 0);
  WasmEdge_FunctionInstanceContext *Add = WasmEdge_ModuleInstanceFindFunction(A, str("add"));
  WasmEdge_Value Args[2] = {WasmEdge_ValueGenI32(111), WasmEdge_ValueGenI32(333)};
  WasmEdge_Value Rets[1];
  WasmEdge_Result R = WasmEdge_ExecutorInvoke(ws_host_executor(), Add, Args, 2, Rets, 1);
  CHECK("create: add(111, 333) = 444", WasmEdge_ResultOK(R) && WasmEdge_ValueGetI32(Rets[0]) == 444);
  CHECK_EQ_I("create: accumulator in host data", *(int32_t *)WasmEdge_ModuleInstanceGetHostData(A), 444);
  CHECK_EQ_I("create: the other instance's state is separate", *(int32_t *)WasmEdge_ModuleInstanceGetHostData(B), 0);

  void *Lib = dlopen(PLUGIN("libwsCapiTest.so"), RTLD_NOW | RTLD_NOLOAD);
  int (*Finalized)(void) = Lib != NULL ? (int (*)(void))dlsym(Lib, "ws_capi_test_finalized") : NULL;
  CHECK("create: plug-in stays loaded", Lib != NULL && Finalized != NULL);
  if (Finalized != NULL) {
    WasmEdge_ModuleInstanceDelete(A);
    CHECK_EQ_I("create: ModuleInstanceDelete runs the plug-in's finalizer", Finalized(), 1);
    WasmEdge_ModuleInstanceDelete(B);
    CHECK_EQ_I("create: second finalizer", Finalized(), 2);
  }
  if (Lib != NULL) dlclose(Lib);

  WasmEdge_LogOff();
  CHECK("create: Create returning NULL gives NULL",
        WasmEdge_PluginCreateModule(Plugin, str("ws_capi_null_module")) == NULL);
  WasmEdge_LogSetErrorLevel();
  CHECK("create: ws_host_plugin_create_module(NULL name)", ws_host_plugin_create_module(Plugin, NULL) == NULL);
}

typedef struct {
  char Paths[16][512];
  enum ws_load_status Statuses[16];
  int Count;
} Visits;

static void recordVisit(void *User, const char *Path, const ws_load_result *Result) {
  Visits *V = User;
  if (V->Count >= 16) return;
  snprintf(V->Paths[V->Count], sizeof(V->Paths[0]), "%s", Path);
  V->Statuses[V->Count] = Result->Status;
  ++V->Count;
}

static void makeDir(const char *Path) { mkdir(Path, 0755); }

static void writeFile(const char *Path, const char *Text) {
  FILE *F = fopen(Path, "w");
  if (F != NULL) {
    fputs(Text, F);
    fclose(F);
  }
}

static void test_directory_scan(void) {
  char Root[] = "/tmp/ws-capi-scan-XXXXXX";
  char Outside[] = "/tmp/ws-capi-outside-XXXXXX";
  CHECK("scan: temp dirs", mkdtemp(Root) != NULL && mkdtemp(Outside) != NULL);
  char P[512], Q[512];
  snprintf(P, sizeof(P), "%s/a", Root);
  makeDir(P);
  snprintf(P, sizeof(P), "%s/a/deep", Root);
  makeDir(P);
  snprintf(P, sizeof(P), "%s/a/deep/libprocess.so", Root);
  CHECK("scan: symlink to a plug-in file", symlink(PLUGIN("libwsCapiTestProcess.so"), P) == 0);
  snprintf(P, sizeof(P), "%s/b", Root);
  makeDir(P);
  snprintf(P, sizeof(P), "%s/b/notes.txt", Root);
  writeFile(P, "text");
  snprintf(P, sizeof(P), "%s/b/libversioned.so.2", Root);
  writeFile(P, "text");
  snprintf(P, sizeof(P), "%s/b/.so", Root);
  writeFile(P, "text");
  snprintf(P, sizeof(P), "%s/b/libtext.so", Root);
  writeFile(P, "text");
  /* A plug-in reachable only through a symlinked directory: not loaded. */
  snprintf(Q, sizeof(Q), "%s/libwasinn.so", Outside);
  CHECK("scan: symlink in the outside dir", symlink(PLUGIN("libwsCapiTestWasiNN.so"), Q) == 0);
  snprintf(P, sizeof(P), "%s/linked", Root);
  CHECK("scan: symlink to a directory", symlink(Outside, P) == 0);

  Visits V;
  memset(&V, 0, sizeof(V));
  uint32_t Loaded = ws_host_plugin_load_path(Root, recordVisit, &V);
  CHECK_EQ_U("scan: one plug-in loaded", Loaded, 1);
  CHECK_EQ_I("scan: two candidate files visited", V.Count, 2);
  snprintf(P, sizeof(P), "%s/a/deep/libprocess.so", Root);
  CHECK("scan: recursion reaches a symlinked file", V.Count >= 1 && strcmp(V.Paths[0], P) == 0 &&
                                                        V.Statuses[0] == WS_LOAD_OK);
  snprintf(P, sizeof(P), "%s/b/libtext.so", Root);
  CHECK("scan: every *.so is a candidate (no prefix filter)",
        V.Count >= 2 && strcmp(V.Paths[1], P) == 0 && V.Statuses[1] == WS_LOAD_NOT_SHARED_LIBRARY);
  CHECK("scan: symlinked directory not followed", WasmEdge_PluginFind(str("wasi_nn")) == NULL);
  CHECK("scan: plug-in found after the scan", WasmEdge_PluginFind(str("wasmedge_process")) != NULL);
  CHECK_EQ_U("scan: rescanning loads nothing new", ws_host_plugin_load_path(Root, NULL, NULL), 0);
  CHECK_EQ_U("scan: missing path", ws_host_plugin_load_path("/nonexistent/ws", NULL, NULL), 0);
  snprintf(P, sizeof(P), "%s/b/notes.txt", Root);
  CHECK_EQ_U("scan: a non-.so file path is ignored", ws_host_plugin_load_path(P, NULL, NULL), 0);

  /* WasmEdge_PluginLoadFromPath on a file path. */
  WasmEdge_PluginLoadFromPath(PLUGIN("libwsCapiTestWasiNN.so"));
  CHECK("scan: LoadFromPath(file)", WasmEdge_PluginFind(str("wasi_nn")) != NULL);
  WasmEdge_String Names[4];
  WasmEdge_PluginListPlugins(Names, 4);
  CHECK("plugin api: ListPlugins in registration order",
        WasmEdge_PluginListPluginsLength() == 3 && Names[1].Length == 16 && memcmp(Names[1].Buf, "wasmedge_process", 16) == 0 &&
            Names[2].Length == 7 && memcmp(Names[2].Buf, "wasi_nn", 7) == 0);

  char Cmd[1200];
  snprintf(Cmd, sizeof(Cmd), "rm -rf '%s' '%s'", Root, Outside);
  CHECK("scan: cleanup", system(Cmd) == 0);
}

static void test_default_paths(void) {
  Dl_info Info;
  dladdr((void *)&WasmEdge_VersionGet, &Info);
  char Copy[PATH_MAX];
  snprintf(Copy, sizeof(Copy), "%s", Info.dli_fname);
  const char *LibDir = dirname(Copy);
  char Expected[4096], Got[4096];

  setenv("WASMEDGE_PLUGIN_PATH", "/p1::/p2:", 1);
  setenv("HOME", "/tmp/ws-home", 1);
  snprintf(Expected, sizeof(Expected), "/p1\n/p2\n%s/../plugin\n/tmp/ws-home/.wasmedge/plugin\n", LibDir);
  size_t Len = ws_host_plugin_default_paths(Got, sizeof(Got));
  CHECK_STR("default paths: env (empty segments and trailing ':' dropped), install dir, home", Got, Expected);
  CHECK_EQ_U("default paths: returned length", Len, strlen(Expected));
  char Small[6];
  ws_host_plugin_default_paths(Small, sizeof(Small));
  CHECK_STR("default paths: truncated and NUL-terminated", Small, "/p1\n/");
  setenv("WASMEDGE_PLUGIN_PATH", ":", 1);
  ws_host_plugin_default_paths(Got, sizeof(Got));
  snprintf(Expected, sizeof(Expected), "%s/../plugin\n/tmp/ws-home/.wasmedge/plugin\n", LibDir);
  CHECK_STR("default paths: ':' alone gives no env entry", Got, Expected);
  unsetenv("WASMEDGE_PLUGIN_PATH");
  ws_host_plugin_default_paths(Got, sizeof(Got));
  CHECK_STR("default paths: unset variable", Got, Expected);

  setenv("WASMEDGE_PLUGIN_PATH", "/nonexistent/a:", 1);
  uint32_t Before = WasmEdge_PluginListPluginsLength();
  WasmEdge_PluginLoadWithDefaultPaths();
  CHECK_EQ_U("default paths: LoadWithDefaultPaths survives a trailing ':'", WasmEdge_PluginListPluginsLength(),
             Before);
  setenv("WASMEDGE_PLUGIN_PATH", "/nonexistent/a::" WS_CAPI_TEST_PLUGIN_DIR "/env", 1);
  WasmEdge_PluginLoadWithDefaultPaths();
  CHECK("default paths: LoadWithDefaultPaths scans WASMEDGE_PLUGIN_PATH directories",
        WasmEdge_PluginListPluginsLength() == Before + 1 && WasmEdge_PluginFind(str("ws_capi_env")) != NULL);
  unsetenv("WASMEDGE_PLUGIN_PATH");
}

void test_plugin_api(void) {
  test_before_loading();
  test_load_diagnostics();
  test_elf_prechecks();
  test_load_and_list();
  test_create_module();
  test_directory_scan();
  test_default_paths();
}
