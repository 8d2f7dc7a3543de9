/* Reverse-prompt and embedded-image checks (see ggml_text_checks.h). */
#define _GNU_SOURCE
#include "ggml_text_checks.h"

#include <stdio.h>
#include <string.h>

bool ggml_output_contains_stop(const char *Output, size_t Length, size_t PieceLength, const char *Stop) {
  if (Stop == NULL || Stop[0] == '\0' || PieceLength == 0) return false;
  size_t StopLength = strlen(Stop);
  size_t Window = StopLength - 1 + PieceLength; /* a match must end inside the new piece */
  if (Window > Length) Window = Length;
  return memmem(Output + Length - Window, Window, Stop, StopLength) != NULL;
}

bool ggml_prompt_has_image(const char *Prompt, size_t Length) {
  static const char Tag[] = "<img src=\"data:image/", Payload[] = ";base64,", Close[] = "\">";
  const char *End = Prompt + Length;
  const char *At = memmem(Prompt, Length, Tag, sizeof(Tag) - 1);
  if (At != NULL) At = memmem(At, (size_t)(End - At), Payload, sizeof(Payload) - 1);
  if (At != NULL) At = memmem(At, (size_t)(End - At), Close, sizeof(Close) - 1);
  if (At == NULL) return false;
  fprintf(stderr,
          "[ws:wasi-nn] GGML: the prompt embeds an image (<img src=\"data:image/...;base64,...\">), which needs a "
          "multimodal projector (\"mmproj\") and llama.cpp's libmtmd; the libllama shipped by @node-llama-cpp 3.22.1 "
          "has no libmtmd. Send a text-only prompt, or run the guest on WasmEdge's wasi_nn-ggml plug-in.\n");
  return true;
}
