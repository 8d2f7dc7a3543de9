/* Checks on the text of prompts and outputs: reverse-prompt and images. */
#ifndef WS_WASI_NN_GGML_TEXT_CHECKS_H
#define WS_WASI_NN_GGML_TEXT_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether Output[0..Length), whose last PieceLength bytes were just added,
 * now contains Stop (the reverse prompt; NULL or "" = none). Only the tail
 * that includes new text is searched: an earlier match would already have
 * stopped generation. */
bool ggml_output_contains_stop(const char *Output, size_t Length, size_t PieceLength, const char *Stop);

/* Whether the prompt embeds an image the way WasmEdge's GGML backend reads
 * one (<img src="data:image/...;base64,...">); multimodal input needs libmtmd,
 * so this prints why it cannot be used. */
bool ggml_prompt_has_image(const char *Prompt, size_t Length);

#endif /* WS_WASI_NN_GGML_TEXT_CHECKS_H */
