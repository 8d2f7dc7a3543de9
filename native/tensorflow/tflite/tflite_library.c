#include "tflite_library.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WS_TFLITE_DEFAULT_LIBRARIES
#define WS_TFLITE_DEFAULT_LIBRARIES ""
#endif

static pthread_mutex_t Lock = PTHREAD_MUTEX_INITIALIZER;
static ws_tflite Library;
static enum { NOT_TRIED, LOADED, MISSING } State = NOT_TRIED;

/* Tries one absolute path; appends why it failed to Tried. */
static bool try_path(const char *Origin, const char *Path, char *Tried, size_t TriedLen) {
  char Reason[512];
  if (Path[0] != '/') {
    snprintf(Reason, sizeof(Reason), "not an absolute path");
  } else if (access(Path, R_OK) != 0) {
    snprintf(Reason, sizeof(Reason), "no such file");
  } else if (tflite_api_open(&Library.Api, Path, Reason, sizeof(Reason)) == 0) {
    *(void **)(&Library.TensorName) = dlsym(Library.Api.Library, "TfLiteTensorName");
    if (Library.TensorName != NULL) return true;
    snprintf(Reason, sizeof(Reason), "no symbol TfLiteTensorName");
    dlclose(Library.Api.Library);
  }
  const size_t Used = strlen(Tried);
  if (Used < TriedLen) snprintf(Tried + Used, TriedLen - Used, "\n  - %s %s: %s", Origin, Path, Reason);
  return false;
}

/* The build-time candidates: a :-separated list of absolute paths. */
static bool try_defaults(char *Tried, size_t TriedLen) {
  char Defaults[] = WS_TFLITE_DEFAULT_LIBRARIES;
  for (char *Save = NULL, *Path = strtok_r(Defaults, ":", &Save); Path != NULL; Path = strtok_r(NULL, ":", &Save))
    if (try_path("build-time path", Path, Tried, TriedLen)) return true;
  return false;
}

static bool load(const char *ConfiguredPath) {
  char Tried[4096] = "";
  const char *FromEnv = getenv("WS_TFLITE_LIBRARY");
  if (FromEnv != NULL && FromEnv[0] != '\0' && try_path("WS_TFLITE_LIBRARY", FromEnv, Tried, sizeof(Tried))) return true;
  if (ConfiguredPath != NULL && ConfiguredPath[0] != '\0' &&
      try_path("--tflite-library", ConfiguredPath, Tried, sizeof(Tried)))
    return true;
  if (try_defaults(Tried, sizeof(Tried))) return true;
  fprintf(stderr,
          "[ws:tensorflowlite] The TensorFlow-Lite C library (libtensorflowlite_c.so) could not be loaded; "
          "every wasmedge_tensorflowlite function returns 1. Tried:%s\n"
          "  Install the npm package tfjs-tflite-node (a dependency of @ws/tensorflow), or set "
          "WS_TFLITE_LIBRARY=/absolute/path/libtensorflowlite_c.so.\n",
          Tried[0] != '\0' ? Tried : " nothing (no path known)");
  return false;
}

const ws_tflite *ws_tflite_library(const char *ConfiguredPath) {
  pthread_mutex_lock(&Lock);
  if (State == NOT_TRIED) State = load(ConfiguredPath) ? LOADED : MISSING;
  const ws_tflite *Result = State == LOADED ? &Library : NULL;
  pthread_mutex_unlock(&Lock);
  return Result;
}
