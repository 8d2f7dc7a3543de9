/*
 * Benchmark guest for the GGML backend: loads the preloaded model "bench"
 * with METADATA_JSON, sets PROMPT and runs compute ROUNDS times (each
 * generation starts over from the prompt), printing for each
 * "generate_ns N tokens T" with the wall time of compute and the number of
 * generated tokens (from get_output index 1).
 *
 *   bench_generate ROUNDS PROMPT METADATA_JSON
 */
#include <wasi_ephemeral_nn.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t now_ns(void) {
  struct timespec Time;
  clock_gettime(CLOCK_MONOTONIC, &Time);
  return (uint64_t)Time.tv_sec * 1000000000u + (uint64_t)Time.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  int Rounds = atoi(argv[1]);
  const char *Prompt = argv[2], *Config = argv[3];
  uint32_t Graph, Context, Written;
  if (nn_load_by_name_with_config("bench", 5, Config, (uint32_t)strlen(Config), &Graph) != 0) return 3;
  if (nn_init_execution_context(Graph, &Context) != 0) return 4;
  uint32_t Dims[1] = {(uint32_t)strlen(Prompt)};
  nn_tensor Tensor = {Dims, 1, NN_TYPE_U8, (const uint8_t *)Prompt, (uint32_t)strlen(Prompt)};
  if (nn_set_input(Context, 0, &Tensor) != 0) return 5;
  static char Text[65536], Stats[512];
  for (int Round = 0; Round < Rounds; ++Round) {
    uint64_t Start = now_ns();
    int32_t E = nn_compute(Context);
    uint64_t Elapsed = now_ns() - Start;
    if (E != 0 && E != 101) return 6;
    if (nn_get_output(Context, 0, Text, sizeof(Text), &Written) != 0) return 7;
    uint32_t StatsLength;
    if (nn_get_output(Context, 1, Stats, sizeof(Stats) - 1, &StatsLength) != 0) return 8;
    Stats[StatsLength] = '\0';
    const char *Tokens = strstr(Stats, "\"output_tokens\": ");
    printf("generate_ns %llu tokens %d text_bytes %u\n", (unsigned long long)Elapsed,
           Tokens != NULL ? atoi(Tokens + 17) : -1, Written);
  }
  return 0;
}
