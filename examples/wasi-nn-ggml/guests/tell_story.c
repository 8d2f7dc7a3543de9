/*
 * Example guest: continues a prompt with a GGML (llama.cpp) model preloaded
 * by the host under the name "story", first token by token with
 * compute_single / get_output_single (printing each token as it arrives),
 * then in one go with compute / get_output, and prints the token counts.
 * Usage: tell_story.wasm PROMPT [METADATA_JSON]
 */
#include <wasi_ephemeral_nn.h>

#include <stdio.h>
#include <string.h>

static int fail(const char *Call, int32_t E) {
  fprintf(stderr, "%s failed with errno %d\n", Call, E);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: tell_story PROMPT [METADATA_JSON]\n");
    return 2;
  }
  const char *Prompt = argv[1];
  const char *Config = argc > 2 ? argv[2] : "{\"n-predict\": 32}";
  uint32_t Graph, Context, Written;
  int32_t E = nn_load_by_name_with_config("story", 5, Config, (uint32_t)strlen(Config), &Graph);
  if (E != 0) return fail("load_by_name_with_config(\"story\") (start ws with --nn-preload story:GGML:AUTO:<model.gguf>)", E);
  if ((E = nn_init_execution_context(Graph, &Context)) != 0) return fail("init_execution_context", E);
  uint32_t Dims[1] = {(uint32_t)strlen(Prompt)};
  nn_tensor Tensor = {Dims, 1, NN_TYPE_U8, (const uint8_t *)Prompt, (uint32_t)strlen(Prompt)};
  if ((E = nn_set_input(Context, 0, &Tensor)) != 0) return fail("set_input", E);
  printf("prompt: %s\n", Prompt);

  /* Streaming: one token per compute_single until the end of the sequence. */
  printf("streamed:");
  int Tokens = 0;
  char Piece[256];
  while ((E = nn_compute_single(Context)) == 0) {
    if ((E = nn_get_output_single(Context, 0, Piece, sizeof(Piece), &Written)) != 0) return fail("get_output_single", E);
    printf(" [%.*s]", (int)Written, Piece);
    fflush(stdout);
    Tokens++;
  }
  printf("\n%d tokens, then %s\n", Tokens, E == NN_END_OF_SEQUENCE ? "end of sequence" : E == NN_CONTEXT_FULL ? "context full" : "an error");
  if (E != NN_END_OF_SEQUENCE && E != NN_CONTEXT_FULL) return fail("compute_single", E);
  nn_fini_single(Context);

  /* The same generation in one call. */
  static char Text[8192];
  if ((E = nn_compute(Context)) != 0 && E != NN_CONTEXT_FULL) return fail("compute", E);
  if ((E = nn_get_output(Context, 0, Text, sizeof(Text), &Written)) != 0) return fail("get_output", E);
  printf("story: %s%.*s\n", Prompt, (int)Written, Text);
  if ((E = nn_get_output(Context, 1, Text, sizeof(Text), &Written)) != 0) return fail("get_output", E);
  printf("stats: %.*s\n", (int)Written, Text);
  nn_finalize_execution_context(Context);
  nn_unload(Graph);
  return 0;
}
