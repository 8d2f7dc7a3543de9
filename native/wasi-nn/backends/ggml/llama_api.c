/* Resolves the libllama functions (see llama_api.h). */
#define _GNU_SOURCE
#include "llama_api.h"
#include "../common/library_search.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* llama_context_default_params(): n_ctx 512, n_batch 2048, n_ubatch 512, n_seq_max 1. */
static int context_params_layout_ok(const llama_params_blob *Params) {
  uint32_t First[4];
  memcpy(First, Params->Bytes, sizeof(First));
  return First[0] == 512 && First[1] == 2048 && First[2] == 512 && First[3] == 1;
}

void llama_context_params_set(llama_params_blob *Params, uint32_t Context, uint32_t Batch) {
  uint32_t Fields[3] = {Context, Batch, Batch};
  memcpy(Params->Bytes, Fields, sizeof(Fields));
}

int llama_api_open(llama_api *Api, const char *Path, char *Reason, size_t ReasonLen) {
  void *Library = ws_nn_dlopen(Path, Reason, ReasonLen);
  if (Library == NULL) return -1;
  struct {
    const char *Name;
    void **Slot;
  } Symbols[] = {
#define SYMBOL(Name) {#Name, (void **)&Api->Name}
      SYMBOL(ggml_backend_load_all_from_path), SYMBOL(llama_backend_init), SYMBOL(llama_log_set),
      SYMBOL(llama_model_default_params), SYMBOL(llama_context_default_params),
      SYMBOL(llama_model_load_from_file), SYMBOL(llama_model_free), SYMBOL(llama_init_from_model),
      SYMBOL(llama_free), SYMBOL(llama_set_n_threads), SYMBOL(llama_n_ctx), SYMBOL(llama_n_batch), SYMBOL(llama_model_n_ctx_train),
      SYMBOL(llama_model_get_vocab), SYMBOL(llama_get_memory), SYMBOL(llama_memory_clear), SYMBOL(llama_decode),
      SYMBOL(llama_tokenize), SYMBOL(llama_token_to_piece), SYMBOL(llama_vocab_is_eog), SYMBOL(llama_vocab_n_tokens), SYMBOL(llama_get_logits_ith),
      SYMBOL(llama_set_embeddings), SYMBOL(llama_get_embeddings_ith), SYMBOL(llama_get_embeddings_seq),
      SYMBOL(llama_pooling_type), SYMBOL(llama_model_n_embd),
      SYMBOL(llama_sampler_chain_default_params), SYMBOL(llama_sampler_chain_init),
      SYMBOL(llama_sampler_chain_add), SYMBOL(llama_sampler_init_greedy), SYMBOL(llama_sampler_init_dist),
      SYMBOL(llama_sampler_init_top_k), SYMBOL(llama_sampler_init_top_p), SYMBOL(llama_sampler_init_temp),
      SYMBOL(llama_sampler_init_penalties), SYMBOL(llama_sampler_init_grammar),
      SYMBOL(llama_sampler_apply), SYMBOL(llama_sampler_accept), SYMBOL(llama_sampler_reset),
      SYMBOL(llama_sampler_free),
#undef SYMBOL
  };
  for (size_t I = 0; I < sizeof(Symbols) / sizeof(Symbols[0]); ++I) {
    if (ws_nn_dlsym(Library, Symbols[I].Name, Symbols[I].Slot, Reason, ReasonLen) != 0) {
      dlclose(Library);
      return -1;
    }
  }
  llama_params_blob Defaults = Api->llama_context_default_params();
  if (!context_params_layout_ok(&Defaults)) {
    snprintf(Reason, ReasonLen,
             "llama_context_params of this libllama does not start with n_ctx, n_batch, n_ubatch, n_seq_max "
             "(ws supports the libllama of @node-llama-cpp 3.22.1)");
    dlclose(Library);
    return -1;
  }
  /* The CPU backends (libggml-cpu-*.so) sit next to libllama. */
  Dl_info Info;
  snprintf(Api->Directory, sizeof(Api->Directory), "%s", Path);
  if (dladdr((void *)Api->llama_backend_init, &Info) != 0 && Info.dli_fname != NULL)
    snprintf(Api->Directory, sizeof(Api->Directory), "%s", Info.dli_fname);
  char *Slash = strrchr(Api->Directory, '/');
  if (Slash != NULL) *Slash = '\0';
  return 0;
}
