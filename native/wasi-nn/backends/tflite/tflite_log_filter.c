/* See tflite_log_filter.h. */
#define _GNU_SOURCE
#include "tflite_log_filter.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* WasmEdge_LogLevel_Debug: at this level and below, every TFLite line shows. */
enum { LOG_LEVEL_DEBUG = 1 };

void tflite_log_filter_begin(tflite_log_filter *Filter, int32_t LogLevel) {
  Filter->Active = 0;
  Filter->LogLevel = LogLevel;
  if (LogLevel <= LOG_LEVEL_DEBUG) return;
  flockfile(stderr);
  fflush(stderr);
  Filter->Capture = memfd_create("ws-tflite-log", MFD_CLOEXEC);
  Filter->SavedStderr = Filter->Capture >= 0 ? fcntl(2, F_DUPFD_CLOEXEC, 3) : -1;
  if (Filter->SavedStderr >= 0 && dup2(Filter->Capture, 2) >= 0) {
    Filter->Active = 1;
    return;
  }
  /* No redirection: the chatter shows, nothing else changes. */
  if (Filter->SavedStderr >= 0) close(Filter->SavedStderr);
  if (Filter->Capture >= 0) close(Filter->Capture);
  funlockfile(stderr);
}

/* The WasmEdge_LogLevel of a line of TFLite's minimal logger ("<SEVERITY>:
 * <message>"), or -1 for any other line. */
static int severity_of(const char *Line, size_t Length) {
  static const struct {
    const char *Prefix;
    int Level;
  } Severities[] = {{"VERBOSE: ", 1}, {"INFO: ", 2}, {"WARNING: ", 3}, {"ERROR: ", 4}};
  for (size_t I = 0; I < sizeof(Severities) / sizeof(Severities[0]); ++I) {
    size_t PrefixLength = strlen(Severities[I].Prefix);
    if (Length >= PrefixLength && memcmp(Line, Severities[I].Prefix, PrefixLength) == 0) return Severities[I].Level;
  }
  return -1;
}

void tflite_log_filter_end(tflite_log_filter *Filter) {
  if (!Filter->Active) return;
  Filter->Active = 0;
  fflush(stderr);
  dup2(Filter->SavedStderr, 2);
  close(Filter->SavedStderr);
  struct stat Info;
  char *Text = NULL;
  size_t Length = 0;
  if (fstat(Filter->Capture, &Info) == 0 && Info.st_size > 0 && (Text = malloc((size_t)Info.st_size)) != NULL) {
    ssize_t Read = pread(Filter->Capture, Text, (size_t)Info.st_size, 0);
    Length = Read > 0 ? (size_t)Read : 0;
  }
  close(Filter->Capture);
  for (size_t Start = 0; Start < Length;) {
    const char *Newline = memchr(Text + Start, '\n', Length - Start);
    size_t End = Newline != NULL ? (size_t)(Newline - Text) + 1 : Length;
    /* Lines that are not TFLite's are never ours to drop. */
    const int Severity = severity_of(Text + Start, End - Start);
    if (Severity < 0 || Severity >= Filter->LogLevel) fwrite(Text + Start, 1, End - Start, stderr);
    Start = End;
  }
  free(Text);
  fflush(stderr);
  funlockfile(stderr);
}
