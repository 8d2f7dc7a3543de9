/* Encoding catalogue and lazy backend loading (see backend_registry.h). */
#define _GNU_SOURCE
#include "backend_registry.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct encoding_info {
  const char *PreloadName;  /* as in --nn-preload, lower case */
  const char *DisplayName;  /* for messages */
  const char *LibraryStem;  /* backend library libws_wasi_nn_<stem>.so, NULL if ws has none */
  const char *InstallHint;  /* how to get the backend's native library */
} encoding_info;

static const encoding_info Encodings[WS_NN_ENCODING_COUNT] = {
    [WS_NN_ENCODING_OPENVINO] =
        {"openvino", "OpenVINO", "openvino",
         "The OpenVINO runtime is not installed: install OpenVINO 2025 (libopenvino_c.so, e.g. Intel's "
         "APT repository or archive, then source setupvars.sh) or set WS_OPENVINO_LIBRARY=/path/libopenvino_c.so; "
         "ws's OpenVINO backend comes with @ws/wasi-nn-openvino (npm i @ws/wasi-nn-openvino)"},
    [WS_NN_ENCODING_ONNX] =
        {"onnx", "ONNX", "onnx",
         "Install @ws/wasi-nn-onnx (npm i @ws/wasi-nn-onnx; its platform package carries ONNX Runtime), or set "
         "WS_ONNXRUNTIME_LIBRARY=/path/libonnxruntime.so.1"},
    [WS_NN_ENCODING_TENSORFLOW] = {"tensorflow", "TensorFlow", NULL, NULL},
    [WS_NN_ENCODING_PYTORCH] =
        {"pytorch", "PyTorch", "pytorch",
         "Install @ws/wasi-nn-pytorch (npm i @ws/wasi-nn-pytorch) and libtorch (Debian: apt-get install "
         "libtorch-dev), or add libtorch's lib directory to LD_LIBRARY_PATH"},
    [WS_NN_ENCODING_TENSORFLOWLITE] =
        {"tensorflowlite", "TensorFlow-Lite", "tflite",
         "Install @ws/wasi-nn-tflite (npm i @ws/wasi-nn-tflite; its platform package carries TFLite C), or set "
         "WS_TFLITE_LIBRARY=/path/libtensorflowlite_c.so"},
    [WS_NN_ENCODING_AUTODETECT] = {"autodetect", "Autodetect", NULL, NULL},
    [WS_NN_ENCODING_GGML] =
        {"ggml", "GGML", "ggml",
         "Install @ws/wasi-nn-ggml (npm i @ws/wasi-nn-ggml; its platform package carries llama.cpp), or set "
         "WS_LLAMA_LIBRARY=/path/libllama.so"},
    [WS_NN_ENCODING_NEURALSPEED] = {"neuralspeed", "NeuralSpeed", NULL, NULL},
    [8] = {NULL, NULL, NULL, NULL},
    [WS_NN_ENCODING_WHISPER] = {"whisper", "Whisper", NULL, NULL},
    [WS_NN_ENCODING_MLX] = {"mlx", "MLX", NULL, NULL},
    [WS_NN_ENCODING_PIPER] = {"piper", "Piper", NULL, NULL},
    [WS_NN_ENCODING_CHATTTS] = {"chattts", "ChatTTS", NULL, NULL},
    [WS_NN_ENCODING_OPENVINOGENAI] = {"openvinogenai", "OpenVINOGenAI", NULL, NULL},
    [WS_NN_ENCODING_BITNET] = {"bitnet", "BitNet", NULL, NULL},
};

/* One backend per encoding per process: a backend library is dlopened once
 * and its runtime library (TFLite C, ONNX Runtime, ...) opened once, so the
 * paths it was opened with are kept, and a module whose options name other
 * files is refused with both paths named instead of silently getting the
 * first one (issue 15). A failed attempt is not final: a module naming
 * other files tries again (the same files are not tried twice). */
typedef struct backend_slot {
  const ws_nn_backend *Backend;   /* NULL until loading succeeded */
  char *GivenBackend;             /* nn-<stem>-backend it was loaded with (NULL: searched) */
  char *GivenRuntime;             /* nn-<stem>-library it was opened with (NULL: searched) */
  int Tried;                      /* a load failed with FailedBackend / FailedRuntime */
  char *FailedBackend;
  char *FailedRuntime;
  int ConflictReported;           /* the refusal of other paths was printed */
} backend_slot;

static backend_slot Slots[WS_NN_ENCODING_COUNT];
static int NotProvidedReported[WS_NN_ENCODING_COUNT];
static pthread_mutex_t SlotsLock = PTHREAD_MUTEX_INITIALIZER;

int ws_nn_encoding_is_known(uint32_t Encoding) {
  return Encoding < WS_NN_ENCODING_COUNT && Encodings[Encoding].PreloadName != NULL;
}

const char *ws_nn_encoding_stem(uint32_t Encoding) {
  return Encoding < WS_NN_ENCODING_COUNT ? Encodings[Encoding].LibraryStem : NULL;
}

int ws_nn_encoding_from_name(const char *Name) {
  if (strcasecmp(Name, "pytorchaoti") == 0) return WS_NN_ENCODING_PYTORCH;
  for (int I = 0; I < WS_NN_ENCODING_COUNT; ++I)
    if (Encodings[I].PreloadName != NULL && strcasecmp(Name, Encodings[I].PreloadName) == 0) return I;
  return -1;
}

int ws_nn_target_from_name(const char *Name) {
  static const char *const Targets[] = {"cpu", "gpu", "tpu", "auto"};
  for (int I = 0; I < 4; ++I)
    if (strcasecmp(Name, Targets[I]) == 0) return I;
  return -1;
}

/* The directory holding this plug-in library, found through one of its own
 * functions. Empty when unknown. */
static void plugin_directory(char *Out, size_t OutLen) {
  Dl_info Info;
  Out[0] = '\0';
  if (dladdr((void *)&plugin_directory, &Info) == 0 || Info.dli_fname == NULL) return;
  char Resolved[PATH_MAX];
  if (realpath(Info.dli_fname, Resolved) == NULL) return;
  char *Slash = strrchr(Resolved, '/');
  if (Slash == NULL) return;
  *Slash = '\0';
  snprintf(Out, OutLen, "%s", Resolved);
}

/* Appends "; " + text to Err. */
static void append_reason(char *Err, size_t ErrLen, const char *Text) {
  size_t Used = strlen(Err);
  if (Used + 1 < ErrLen) snprintf(Err + Used, ErrLen - Used, "%s%s", Used > 0 ? "; " : "", Text);
}

/* Opens Path as a ws wasi-nn backend: NULL (and a reason appended to Err) if
 * it cannot be loaded or is not one of ABI version WS_NN_BACKEND_ABI_VERSION. */
static const ws_nn_backend *open_backend(const char *Path, char *Err, size_t ErrLen) {
  char Reason[PATH_MAX + 512];
  void *Library = dlopen(Path, RTLD_NOW | RTLD_LOCAL);
  if (Library == NULL) {
    const char *Error = dlerror();
    snprintf(Reason, sizeof(Reason), "%s", Error != NULL ? Error : Path);
    append_reason(Err, ErrLen, Reason);
    return NULL;
  }
  ws_nn_backend_entry_t Entry = (ws_nn_backend_entry_t)dlsym(Library, WS_NN_BACKEND_SYMBOL);
  const ws_nn_backend *Backend = Entry != NULL ? Entry() : NULL;
  if (Backend == NULL || Backend->AbiVersion != WS_NN_BACKEND_ABI_VERSION) {
    snprintf(Reason, sizeof(Reason), "%s is not a ws wasi-nn backend of ABI version %d", Path,
             WS_NN_BACKEND_ABI_VERSION);
    append_reason(Err, ErrLen, Reason);
    dlclose(Library);
    return NULL;
  }
  return Backend; /* stays loaded for the life of the process */
}

/* Loads the backend from the path the host gave (nn-<stem>-backend, set by
 * @ws/core from the installed @ws/wasi-nn-<stem> package), else
 * libws_wasi_nn_<Stem>.so from, in order: $WS_WASI_NN_BACKEND_DIR, the
 * plug-in's directory + /wasi-nn-backends, and the plug-in's directory +
 * /../wasi-nn-backends (native/build layout: the backends stay out of the
 * directory scanned for plug-ins). */
static const ws_nn_backend *load_backend_library(const char *Stem, const char *GivenPath, char *Err,
                                                 size_t ErrLen) {
  if (GivenPath != NULL) {
    const ws_nn_backend *Backend = open_backend(GivenPath, Err, ErrLen);
    if (Backend != NULL) return Backend;
  }
  char PluginDir[PATH_MAX];
  plugin_directory(PluginDir, sizeof(PluginDir));
  char Directories[3][PATH_MAX + 32];
  int Count = 0;
  const char *EnvDir = getenv("WS_WASI_NN_BACKEND_DIR");
  if (EnvDir != NULL && EnvDir[0] != '\0') snprintf(Directories[Count++], sizeof(Directories[0]), "%s", EnvDir);
  if (PluginDir[0] != '\0') {
    snprintf(Directories[Count++], sizeof(Directories[0]), "%s/wasi-nn-backends", PluginDir);
    snprintf(Directories[Count++], sizeof(Directories[0]), "%s/../wasi-nn-backends", PluginDir);
  }
  for (int I = 0; I < Count; ++I) {
    char Path[PATH_MAX + 96];
    snprintf(Path, sizeof(Path), "%s/libws_wasi_nn_%s.so", Directories[I], Stem);
    const ws_nn_backend *Backend = open_backend(Path, Err, ErrLen);
    if (Backend != NULL) return Backend;
  }
  return NULL;
}

/* Path equality for the options: the same string, or the same file. */
static int same_file(const char *A, const char *B) {
  if (A == NULL || B == NULL) return A == B;
  if (strcmp(A, B) == 0) return 1;
  char RealA[PATH_MAX], RealB[PATH_MAX];
  return realpath(A, RealA) != NULL && realpath(B, RealB) != NULL && strcmp(RealA, RealB) == 0;
}

/* A module that names no file takes whatever is loaded; one that names a
 * file must name the one the backend was loaded with. */
static int compatible(const char *Loaded, const char *Wanted) { return Wanted == NULL || same_file(Loaded, Wanted); }

static char *copy_or_null(const char *Text) { return Text != NULL ? strdup(Text) : NULL; }

static const char *or_searched(const char *Path) { return Path != NULL ? Path : "(none: searched)"; }

uint32_t ws_nn_backend_for(uint32_t Encoding, const ws_nn_backend_location *Location,
                           const ws_nn_backend_settings *Settings, const ws_nn_backend **Out) {
  const encoding_info *Info = &Encodings[Encoding];
  pthread_mutex_lock(&SlotsLock);
  if (Info->LibraryStem == NULL) {
    /* WasmEdge answers a backend it was built without with InvalidArgument. */
    if (!NotProvidedReported[Encoding]) {
      NotProvidedReported[Encoding] = 1;
      fprintf(stderr,
              "[ws:wasi-nn] The %s backend is not provided by ws: use TensorFlow-Lite (4), "
              "ONNX (1), PyTorch (3), GGML (6) or OpenVINO (0), or autodetect (5).\n",
              Info->DisplayName);
    }
    pthread_mutex_unlock(&SlotsLock);
    return WS_NN_INVALID_ARGUMENT;
  }
  backend_slot *Slot = &Slots[Encoding];
  if (Slot->Backend != NULL) {
    int Backend = compatible(Slot->GivenBackend, Location->Backend);
    int Runtime = compatible(Slot->GivenRuntime, Location->Runtime);
    if (Backend && Runtime) {
      *Out = Slot->Backend;
      pthread_mutex_unlock(&SlotsLock);
      return WS_NN_SUCCESS;
    }
    if (!Slot->ConflictReported) {
      Slot->ConflictReported = 1;
      fprintf(stderr,
              "[ws:wasi-nn] The %s backend of this process was opened with nn-%s-backend %s and nn-%s-library %s; "
              "a module asks for nn-%s-backend %s and nn-%s-library %s, which is refused (a backend and its "
              "runtime library are opened once per process): give every runtime of this process the same "
              "nn-%s-backend and nn-%s-library, or run the other one in its own process (isolation: 'process').\n",
              Info->DisplayName, Info->LibraryStem, or_searched(Slot->GivenBackend), Info->LibraryStem,
              or_searched(Slot->GivenRuntime), Info->LibraryStem, or_searched(Location->Backend), Info->LibraryStem,
              or_searched(Location->Runtime), Info->LibraryStem, Info->LibraryStem);
    }
    *Out = NULL;
    pthread_mutex_unlock(&SlotsLock);
    return WS_NN_INVALID_ARGUMENT;
  }
  if (Slot->Tried && same_file(Slot->FailedBackend, Location->Backend) && same_file(Slot->FailedRuntime, Location->Runtime)) {
    *Out = NULL;
    pthread_mutex_unlock(&SlotsLock);
    return WS_NN_INVALID_ARGUMENT;
  }
  char Err[4096] = "";
  const ws_nn_backend *Backend = load_backend_library(Info->LibraryStem, Location->Backend, Err, sizeof(Err));
  ws_nn_backend_settings OpenSettings = *Settings;
  OpenSettings.LibraryPath = Location->Runtime;
  if (Backend != NULL && Backend->Open(&OpenSettings, Err, sizeof(Err)) != 0) Backend = NULL;
  if (Backend != NULL) {
    Slot->Backend = Backend;
    Slot->GivenBackend = copy_or_null(Location->Backend);
    Slot->GivenRuntime = copy_or_null(Location->Runtime);
  } else {
    free(Slot->FailedBackend);
    free(Slot->FailedRuntime);
    Slot->Tried = 1;
    Slot->FailedBackend = copy_or_null(Location->Backend);
    Slot->FailedRuntime = copy_or_null(Location->Runtime);
    fprintf(stderr, "[ws:wasi-nn] %s backend not available: %s. %s\n", Info->DisplayName, Err, Info->InstallHint);
  }
  *Out = Backend;
  pthread_mutex_unlock(&SlotsLock);
  return *Out != NULL ? WS_NN_SUCCESS : WS_NN_INVALID_ARGUMENT;
}
