/*
 * The wasi_nn plug-in's program options (WasmEdge_ProgramOption), their
 * storage and typed reads. The host writes the values before it creates a
 * module; every read happens in ws_nn_env_create.
 */
#ifndef WS_WASI_NN_PROGRAM_OPTIONS_H
#define WS_WASI_NN_PROGRAM_OPTIONS_H

#include <wasmedge/wasmedge.h>
#include <wasmedge/ws_extensions.h>

#define WS_NN_PROGRAM_OPTION_COUNT 13
/* Default budgets per module instance (--nn-max-graphs, --nn-max-contexts). */
#define WS_NN_DEFAULT_MAX_GRAPHS 64u
#define WS_NN_DEFAULT_MAX_CONTEXTS 256u
extern WasmEdge_ProgramOption ws_nn_program_options[WS_NN_PROGRAM_OPTION_COUNT];

/* --nn-preload entries, as given. */
const WS_StringList *ws_nn_option_preloads(void);
/* --nn-threads (0 = not set). */
uint32_t ws_nn_option_threads(void);
/* --nn-max-graphs and --nn-max-contexts (0 = no limit). */
uint32_t ws_nn_option_max_graphs(void);
uint32_t ws_nn_option_max_contexts(void);

/* A malloc'ed, NUL-terminated copy of the string option "nn-<Stem>-<Kind>"
 * (Kind "backend": the path of libws_wasi_nn_<Stem>.so; "library": the path
 * of the backend's runtime library). NULL when the option does not exist,
 * is unset or empty. */
char *ws_nn_option_backend_path(const char *Stem, const char *Kind);

#endif /* WS_WASI_NN_PROGRAM_OPTIONS_H */
