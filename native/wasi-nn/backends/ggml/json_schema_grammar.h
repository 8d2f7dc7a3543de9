/*
 * JSON Schema to GBNF with llama.cpp's own converter, as WasmEdge does:
 * json_schema_to_grammar() from libllama-common.so, which @node-llama-cpp
 * ships next to libllama. That function is C++ (it takes llama.cpp's
 * common_json, a wrapper of one nlohmann::ordered_json, and returns a
 * std::string), so json_schema_grammar.cpp calls it, with every exception
 * caught there.
 */
#ifndef WS_WASI_NN_GGML_JSON_SCHEMA_GRAMMAR_H
#define WS_WASI_NN_GGML_JSON_SCHEMA_GRAMMAR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where libllama-common.so is (the directory libllama was loaded from). Call
 * once, before the first conversion. */
void ggml_json_schema_set_library_directory(const char *Directory);

/* Converts the JSON Schema Schema[0..Length) to a GBNF grammar: a malloc'd
 * string, or NULL with a sentence for people in Err. */
char *ggml_json_schema_to_grammar(const char *Schema, size_t Length, char *Err, size_t ErrLen);

#ifdef __cplusplus
}
#endif

#endif /* WS_WASI_NN_GGML_JSON_SCHEMA_GRAMMAR_H */
