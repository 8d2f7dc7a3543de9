#include "process_policy.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Used only when the host has no PATH at all (same as glibc's confstr(_CS_PATH)
 * plus /usr/local/bin). */
static const char *const fallback_path = "/usr/local/bin:/usr/bin:/bin";

static bool is_executable_file(const char *Path) {
  struct stat info;
  return stat(Path, &info) == 0 && S_ISREG(info.st_mode) && access(Path, X_OK) == 0;
}

char *ws_process_resolve_program(const char *Program) {
  if (Program[0] == '\0') {
    errno = ENOENT;
    return NULL;
  }
  if (strchr(Program, '/')) {
    char *copy = strdup(Program);
    if (!copy) errno = ENOMEM;
    return copy;
  }
  const char *search = getenv("PATH");
  if (!search) search = fallback_path;
  size_t name_length = strlen(Program);
  int failure = ENOENT;
  for (const char *entry = search; *entry;) {
    const char *end = strchr(entry, ':');
    size_t entry_length = end ? (size_t)(end - entry) : strlen(entry);
    /* Empty and relative entries would search the host's working directory:
     * never for a guest. */
    if (entry_length > 0 && entry[0] == '/' && entry_length + name_length + 2 <= PATH_MAX) {
      char *candidate = malloc(entry_length + name_length + 2);
      if (!candidate) {
        errno = ENOMEM;
        return NULL;
      }
      memcpy(candidate, entry, entry_length);
      candidate[entry_length] = '/';
      memcpy(candidate + entry_length + 1, Program, name_length + 1);
      if (is_executable_file(candidate)) return candidate;
      if (access(candidate, F_OK) == 0) failure = EACCES;
      free(candidate);
    }
    entry += entry_length;
    if (*entry == ':') ++entry;
  }
  errno = failure;
  return NULL;
}

/* realpath() of the directory part joined with the unresolved last component. */
static char *canonical_location(const char *Path) {
  const char *slash = strrchr(Path, '/');
  if (!slash || slash[1] == '\0') return NULL;
  size_t directory_length = slash == Path ? 1 : (size_t)(slash - Path);
  char *directory = strndup(Path, directory_length);
  if (!directory) return NULL;
  char *resolved = realpath(directory, NULL);
  free(directory);
  if (!resolved) return NULL;
  size_t resolved_length = strlen(resolved);
  const char *base = slash + 1;
  char *joined = malloc(resolved_length + strlen(base) + 2);
  if (joined) {
    memcpy(joined, resolved, resolved_length);
    size_t at = resolved_length;
    if (resolved_length == 0 || resolved[resolved_length - 1] != '/') joined[at++] = '/';
    strcpy(joined + at, base);
  }
  free(resolved);
  return joined;
}

/* On success *Checked is the canonical path that matched: the caller spawns
 * exactly that file, so nothing can change between the check and the spawn
 * (a PATH lookup or a symlinked directory swapped in between). */
static bool allowed_by_absolute_entry(const ws_process_policy *Policy, const ws_byte_buffer *Program, char **Checked) {
  if (Program->length == 0 || memchr(Program->data, '\0', Program->length)) return false;
  char *program = ws_byte_buffer_to_cstring(Program);
  if (!program) return false;
  char *resolved = ws_process_resolve_program(program);
  free(program);
  if (!resolved) return false;
  char *location = canonical_location(resolved);
  free(resolved);
  if (!location) return false;
  bool allowed = false;
  for (size_t i = 0; i < Policy->allowed_count && !allowed; ++i) {
    const ws_byte_buffer *entry = &Policy->allowed_commands[i];
    if (entry->length == 0 || entry->data[0] != '/' || memchr(entry->data, '\0', entry->length)) continue;
    char *entry_path = ws_byte_buffer_to_cstring(entry);
    char *entry_location = entry_path ? canonical_location(entry_path) : NULL;
    allowed = entry_location && strcmp(entry_location, location) == 0;
    free(entry_location);
    free(entry_path);
  }
  if (allowed) {
    *Checked = location;
  } else {
    free(location);
  }
  return allowed;
}

bool ws_process_policy_allows(const ws_process_policy *Policy, const ws_byte_buffer *Program, char **Checked) {
  *Checked = NULL;
  if (Policy->allow_all) return true;
  bool has_absolute_entry = false;
  for (size_t i = 0; i < Policy->allowed_count; ++i) {
    const ws_byte_buffer *entry = &Policy->allowed_commands[i];
    if (ws_byte_buffer_equals(Program, entry->data, entry->length)) return true;
    if (entry->length > 0 && entry->data[0] == '/') has_absolute_entry = true;
  }
  return has_absolute_entry && allowed_by_absolute_entry(Policy, Program, Checked);
}

static bool has_prefix(const uint8_t *Name, size_t Length, const char *Prefix) {
  size_t prefix_length = strlen(Prefix);
  return Length >= prefix_length && memcmp(Name, Prefix, prefix_length) == 0;
}

bool ws_process_env_name_is_dropped(const uint8_t *Name, size_t Length) {
  /* A name with '=' or NUL would really set another variable (e.g. the bytes
   * "LD_PRELOAD\0x" become "LD_PRELOAD" once the string is a C string). */
  if (Length == 0 || memchr(Name, '=', Length) || memchr(Name, '\0', Length)) return true;
  return has_prefix(Name, Length, "LD_") || has_prefix(Name, Length, "DYLD_") ||
         (Length == 12 && memcmp(Name, "NODE_OPTIONS", 12) == 0);
}

void ws_process_free_strings(char **Strings) {
  if (!Strings) return;
  for (char **item = Strings; *item; ++item) free(*item);
  free(Strings);
}

char **ws_process_build_envp(const ws_process_env *Env) {
  char **envp = calloc(Env->env_count + 1, sizeof(char *));
  if (!envp) return NULL;
  size_t used = 0;
  for (size_t i = 0; i < Env->env_count; ++i) {
    const ws_process_env_var *var = &Env->envs[i];
    if (ws_process_env_name_is_dropped(var->name.data, var->name.length)) continue;
    ws_byte_buffer entry = {0};
    if (!ws_byte_buffer_append(&entry, var->name.data, var->name.length) ||
        !ws_byte_buffer_append(&entry, "=", 1) ||
        !ws_byte_buffer_append(&entry, var->value.data, var->value.length) ||
        !(envp[used] = ws_byte_buffer_to_cstring(&entry))) {
      ws_byte_buffer_release(&entry);
      ws_process_free_strings(envp);
      return NULL;
    }
    ws_byte_buffer_release(&entry);
    used += 1;
  }
  return envp;
}

char **ws_process_build_argv(const ws_process_env *Env) {
  char **argv = calloc(Env->arg_count + 2, sizeof(char *));
  if (!argv) return NULL;
  argv[0] = ws_byte_buffer_to_cstring(&Env->program);
  if (!argv[0]) {
    free(argv);
    return NULL;
  }
  for (size_t i = 0; i < Env->arg_count; ++i) {
    argv[i + 1] = ws_byte_buffer_to_cstring(&Env->args[i]);
    if (!argv[i + 1]) {
      ws_process_free_strings(argv);
      return NULL;
    }
  }
  return argv;
}
