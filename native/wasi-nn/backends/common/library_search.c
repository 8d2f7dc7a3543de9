/* Ordered search for a backend's runtime library (see library_search.h). */
#define _GNU_SOURCE
#include "library_search.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char Found[4096];

const char *ws_nn_library_found(void) { return Found; }

void *ws_nn_dlopen(const char *Path, char *Reason, size_t ReasonLen) {
  if (Path[0] == '/' && access(Path, R_OK) != 0) {
    snprintf(Reason, ReasonLen, "file not found");
    return NULL;
  }
  void *Library = dlopen(Path, RTLD_NOW | RTLD_LOCAL);
  if (Library == NULL) {
    const char *Error = dlerror();
    snprintf(Reason, ReasonLen, "%s", Error != NULL ? Error : "cannot be loaded");
  }
  return Library;
}

int ws_nn_dlsym(void *Library, const char *Name, void **Out, char *Reason, size_t ReasonLen) {
  *Out = dlsym(Library, Name);
  if (*Out != NULL) return 0;
  snprintf(Reason, ReasonLen, "missing symbol %s (not the expected library or version)", Name);
  return -1;
}

int ws_nn_library_search(const ws_nn_library_candidate *Candidates, int Count,
                         int (*Open)(const char *Path, void *State, char *Reason, size_t ReasonLen),
                         void *State, char *Err, size_t ErrLen) {
  Err[0] = '\0';
  for (int I = 0; I < Count; ++I) {
    const char *Path = Candidates[I].Path;
    if (Path == NULL || Path[0] == '\0') continue;
    char Reason[1024] = "";
    if (Open(Path, State, Reason, sizeof(Reason)) == 0) {
      snprintf(Found, sizeof(Found), "%s", Path);
      return I;
    }
    size_t Used = strlen(Err);
    if (Used + 1 < ErrLen)
      snprintf(Err + Used, ErrLen - Used, "%s%s=%s: %s", Used > 0 ? "; " : "", Candidates[I].Origin,
               Path, Reason);
  }
  if (Err[0] == '\0') snprintf(Err, ErrLen, "no library path is known");
  return -1;
}

int ws_nn_find_in_node_modules(const char *Relative, char *Out, size_t OutLen) {
  Dl_info Info;
  char Directory[PATH_MAX];
  Out[0] = '\0';
  if (dladdr((void *)&ws_nn_find_in_node_modules, &Info) == 0 || Info.dli_fname == NULL ||
      realpath(Info.dli_fname, Directory) == NULL)
    return -1;
  for (char *Slash = strrchr(Directory, '/'); Slash != NULL && Slash != Directory; Slash = strrchr(Directory, '/')) {
    *Slash = '\0'; /* one level up */
    char Candidate[PATH_MAX + 256];
    snprintf(Candidate, sizeof(Candidate), "%s/node_modules/%s", Directory, Relative);
    if (access(Candidate, R_OK) == 0) {
      snprintf(Out, OutLen, "%s", Candidate);
      return 0;
    }
  }
  return -1;
}
