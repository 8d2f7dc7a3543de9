// Calls llama.cpp's json_schema_to_grammar (libllama-common.so) from C; see
// json_schema_grammar.h. No llama.cpp headers are shipped, so the three C++
// functions used are looked up by their mangled names and called through
// pointers whose C++ types give the compiler the library's calling convention:
//   static common_json common_json::parse(const std::string &)
//   common_json::~common_json()
//   std::string json_schema_to_grammar(const common_json &, bool force_gbnf)
// common_json is one nlohmann::ordered_json (a type byte and a value union:
// 16 bytes); only the library constructs and destroys it, this side only
// provides (more than enough) room for it.
#include "json_schema_grammar.h"
#include "ggml_options.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>

namespace {

struct LlamaJson;
using ParseFunction = LlamaJson (*)(const std::string &);
using DestroyFunction = void (*)(LlamaJson *);
using ConvertFunction = std::string (*)(const LlamaJson &, bool);

DestroyFunction Destroy = nullptr;

// A user-provided destructor makes the type non-trivial, so it is returned
// through a hidden pointer exactly like the library's common_json.
struct LlamaJson {
  alignas(16) unsigned char Storage[64];
  LlamaJson(const LlamaJson &) = delete;
  ~LlamaJson() { Destroy(this); }
};

std::string Directory;
std::once_flag Opened;
ParseFunction Parse = nullptr;
ConvertFunction Convert = nullptr;
std::string OpenError;

void open_library() {
  std::string Path = Directory + "/libllama-common.so";
  void *Library = dlopen(Path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (Library == nullptr) {
    const char *Reason = dlerror();
    OpenError = "llama.cpp's JSON Schema converter is in " + Path + ", which could not be loaded (" +
                (Reason != nullptr ? Reason : "unknown reason") +
                "). Reinstall @node-llama-cpp 3.22.1, or give a GBNF \"grammar\" instead.";
    return;
  }
  Parse = reinterpret_cast<ParseFunction>(dlsym(Library, "_ZN11common_json5parseERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE"));
  Destroy = reinterpret_cast<DestroyFunction>(dlsym(Library, "_ZN11common_jsonD1Ev"));
  Convert = reinterpret_cast<ConvertFunction>(dlsym(Library, "_Z22json_schema_to_grammarB5cxx11RK11common_jsonb"));
  if (Parse == nullptr || Destroy == nullptr || Convert == nullptr) {
    Parse = nullptr;
    OpenError = Path + " does not export common_json::parse, common_json::~common_json and json_schema_to_grammar "
                "(ws supports the one of @node-llama-cpp 3.22.1). Give a GBNF \"grammar\" instead.";
  }
}

void set_error(char *Err, size_t ErrLen, const std::string &Message) { std::snprintf(Err, ErrLen, "%s", Message.c_str()); }

} // namespace

extern "C" void ggml_json_schema_set_library_directory(const char *Path) { Directory = Path; }

extern "C" char *ggml_json_schema_to_grammar(const char *Schema, size_t Length, char *Err, size_t ErrLen) {
  // The converter recurses once per nesting level: a guest's schema must not
  // be able to exhaust the host's stack.
  enum { MaxDepth = 32, JsonDepth = 4096 };
  if (!ggml_json_within_depth(Schema, Length, MaxDepth)) {
    set_error(Err, ErrLen,
              ggml_json_within_depth(Schema, Length, JsonDepth)
                  ? "it nests objects and arrays more than " + std::to_string(MaxDepth) + " deep. Flatten the schema."
                  : std::string("it is not valid JSON. Give a JSON Schema as a JSON object (or a string holding one)."));
    return nullptr;
  }
  std::call_once(Opened, open_library);
  if (Parse == nullptr) {
    set_error(Err, ErrLen, OpenError);
    return nullptr;
  }
  try {
    LlamaJson Document = Parse(std::string(Schema, Length));
    std::string Grammar = Convert(Document, /* force_gbnf */ true);
    char *Copy = strdup(Grammar.c_str());
    if (Copy == nullptr) set_error(Err, ErrLen, "out of memory");
    return Copy;
  } catch (const std::exception &Error) {
    // llama.cpp lists what it cannot convert ("Unrecognized schema", an
    // unsupported "format", a remote "$ref", ...), one line each.
    std::string Message = Error.what();
    for (char &C : Message)
      if (C == '\n') C = ' ';
    set_error(Err, ErrLen, "llama.cpp's converter refused it: " + Message + ". Fix the schema or give a GBNF \"grammar\".");
  } catch (...) {
    set_error(Err, ErrLen, "llama.cpp's converter failed. Fix the schema or give a GBNF \"grammar\".");
  }
  return nullptr;
}
