/* The sampler chain and the sampling step (see ggml_sampling.h). */
#include "ggml_sampling.h"
#include "../../nn_types.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* llama.cpp's GBNF parser and grammar engine recurse once per nesting level
 * and per rule reference: a guest's grammar must not exhaust the host stack. */
enum { GRAMMAR_MAX_BYTES = 256 * 1024, GRAMMAR_MAX_NESTING = 64 };

void ggml_candidates_free(ggml_candidates *Candidates) {
  free(Candidates->Data);
  Candidates->Data = NULL;
  Candidates->Capacity = 0;
}

/* What a GBNF text holds outside literals, character classes and comments
 * that llama.cpp's parser cannot take safely. */
typedef struct grammar_shape {
  int Nesting;              /* the deepest nesting of parentheses (the parser recurses per level) */
  const char *Backwards;    /* a repetition {n,m} with m < n (llama.cpp then never returns), or NULL */
} grammar_shape;

/* The "{n,m}" at At: whether its maximum is below its minimum. */
static bool repetition_backwards(const char *At) {
  char *End;
  unsigned long long Min = strtoull(At + 1, &End, 10);
  if (End == At + 1 || *End != ',') return false;
  const char *MaxStart = End + 1;
  while (*MaxStart == ' ') ++MaxStart;
  if (*MaxStart < '0' || *MaxStart > '9') return false; /* {n,}: no maximum */
  unsigned long long Max = strtoull(MaxStart, &End, 10);
  return Max < Min;
}

static grammar_shape grammar_shape_of(const char *Grammar) {
  grammar_shape Shape = {0, NULL};
  int Depth = 0;
  for (const char *At = Grammar; *At != '\0'; ++At) {
    if (*At == '"' || *At == '[') {
      char Close = *At == '"' ? '"' : ']';
      for (++At; *At != '\0' && *At != Close; ++At)
        if (*At == '\\' && At[1] != '\0') ++At;
      if (*At == '\0') break;
    } else if (*At == '#') {
      while (At[1] != '\0' && At[1] != '\n') ++At;
    } else if (*At == '(') {
      if (++Depth > Shape.Nesting) Shape.Nesting = Depth;
    } else if (*At == ')') {
      --Depth;
    } else if (*At == '{' && Shape.Backwards == NULL && repetition_backwards(At)) {
      Shape.Backwards = At;
    }
  }
  return Shape;
}

static uint32_t make_grammar(const llama_vocab *Vocab, const char *Grammar, llama_sampler **Out) {
  size_t Length = strlen(Grammar);
  if (Length > GRAMMAR_MAX_BYTES) {
    fprintf(stderr, "[ws:wasi-nn] GGML: metadata \"grammar\" is %zu bytes; ws accepts up to %d. Shorten the grammar.\n",
            Length, GRAMMAR_MAX_BYTES);
    return WS_NN_INVALID_ARGUMENT;
  }
  grammar_shape Shape = grammar_shape_of(Grammar);
  if (Shape.Nesting > GRAMMAR_MAX_NESTING) {
    fprintf(stderr,
            "[ws:wasi-nn] GGML: metadata \"grammar\" nests parentheses %d deep; ws accepts up to %d levels. Move inner "
            "groups into rules of their own.\n",
            Shape.Nesting, GRAMMAR_MAX_NESTING);
    return WS_NN_INVALID_ARGUMENT;
  }
  if (Shape.Backwards != NULL) {
    fprintf(stderr,
            "[ws:wasi-nn] GGML: metadata \"grammar\" repeats something %.*s: a maximum below the minimum, on which "
            "llama.cpp never returns. Fix the bounds (for a \"json-schema\": minItems/maxItems, minLength/maxLength).\n",
            (int)strcspn(Shape.Backwards, "}") + 1, Shape.Backwards);
    return WS_NN_INVALID_ARGUMENT;
  }
  *Out = Api.llama_sampler_init_grammar(Vocab, Grammar, "root");
  if (*Out == NULL) {
    fprintf(stderr,
            "[ws:wasi-nn] GGML: metadata \"grammar\" is not a GBNF grammar llama.cpp accepts (its reason is above). "
            "Fix the grammar; generation starts at its \"root\" rule.\n");
    return WS_NN_INVALID_ARGUMENT;
  }
  return WS_NN_SUCCESS;
}

uint32_t ggml_make_sampler(const llama_vocab *Vocab, const ggml_options *Options, llama_sampler **Out) {
  llama_sampler *Grammar = NULL;
  if (Options->Grammar != NULL && Options->Grammar[0] != '\0') {
    uint32_t Errno = make_grammar(Vocab, Options->Grammar, &Grammar);
    if (Errno != WS_NN_SUCCESS) return Errno;
  }
  llama_sampler *Chain = Api.llama_sampler_chain_init(Api.llama_sampler_chain_default_params());
  if (Chain == NULL) {
    if (Grammar != NULL) Api.llama_sampler_free(Grammar);
    return WS_NN_RUNTIME_ERROR;
  }
  /* The grammar first: the other samplers then only see allowed tokens. */
  if (Grammar != NULL) Api.llama_sampler_chain_add(Chain, Grammar);
  Api.llama_sampler_chain_add(Chain, Api.llama_sampler_init_penalties(Api.llama_vocab_n_tokens(Vocab), 64,
                                                                      Options->RepeatPenalty, Options->FrequencyPenalty,
                                                                      Options->PresencePenalty));
  if (Options->Temperature <= 0) {
    Api.llama_sampler_chain_add(Chain, Api.llama_sampler_init_greedy());
  } else {
    Api.llama_sampler_chain_add(Chain, Api.llama_sampler_init_top_k(Options->TopK));
    Api.llama_sampler_chain_add(Chain, Api.llama_sampler_init_top_p(Options->TopP, 1));
    Api.llama_sampler_chain_add(Chain, Api.llama_sampler_init_temp(Options->Temperature));
    Api.llama_sampler_chain_add(Chain, Api.llama_sampler_init_dist(Options->Seed));
  }
  *Out = Chain;
  return WS_NN_SUCCESS;
}

uint32_t ggml_sample(llama_sampler *Sampler, llama_context *Context, const llama_vocab *Vocab,
                     ggml_candidates *Candidates, llama_token *Token) {
  const float *Logits = Api.llama_get_logits_ith(Context, -1);
  int32_t Count = Api.llama_vocab_n_tokens(Vocab);
  if (Logits == NULL || Count <= 0) return WS_NN_RUNTIME_ERROR;
  if (Candidates->Capacity < (size_t)Count) {
    llama_token_data *Data = realloc(Candidates->Data, sizeof(*Data) * (size_t)Count);
    if (Data == NULL) return WS_NN_RUNTIME_ERROR;
    Candidates->Data = Data;
    Candidates->Capacity = (size_t)Count;
  }
  for (int32_t Id = 0; Id < Count; ++Id) Candidates->Data[Id] = (llama_token_data){Id, Logits[Id], 0.0f};
  llama_token_data_array Array = {Candidates->Data, (size_t)Count, -1, false};
  Api.llama_sampler_apply(Sampler, &Array);
  if (Array.selected < 0 || (size_t)Array.selected >= Array.size) return GGML_NO_TOKEN_ALLOWED;
  /* The grammar sets every token it rules out to -inf; a draw among only
   * such tokens picks one anyway. */
  const llama_token_data *Chosen = &Array.data[Array.selected];
  if (!(Chosen->logit > -INFINITY)) return GGML_NO_TOKEN_ALLOWED;
  *Token = Chosen->id;
  Api.llama_sampler_accept(Sampler, *Token);
  return WS_NN_SUCCESS;
}
