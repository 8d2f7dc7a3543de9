/* What a guest may run and with which environment.
 *
 * Allow-list (see packages/process/README.md):
 *  - an entry allows the program string the guest passes when the bytes are
 *    identical (WasmEdge's rule: allowing `ls` does not allow `/bin/ls`);
 *  - an absolute entry also allows any program string that resolves to the
 *    same file name in the same directory (directories canonicalised, the last
 *    component not, so `/bin/ls` allows `ls` found as /usr/bin/ls on a merged
 *    /usr, but a multi-call binary reached through another name is refused).
 * A bare program name is searched in the host's PATH (absolute entries only)
 * when the command runs; no shell is ever involved.
 * The child's environment is only what the guest added, minus LD_*, DYLD_*
 * and NODE_OPTIONS. */
#ifndef WS_PROCESS_POLICY_H
#define WS_PROCESS_POLICY_H

#include "process_env.h"

/* True when the policy allows Program. When it is allowed through an absolute
 * allow-list entry, *Checked receives the canonical path that was checked (the
 * file to spawn; free it); otherwise *Checked is NULL and the program is
 * resolved against PATH as WasmEdge does. */
bool ws_process_policy_allows(const ws_process_policy *Policy, const ws_byte_buffer *Program, char **Checked);

/* The file to execute: Program itself when it contains '/', else the first
 * executable regular file named Program in the host PATH. Returns a malloc'd
 * path, or NULL with errno ENOENT, EACCES or ENOMEM. */
char *ws_process_resolve_program(const char *Program);

/* True for variables a guest may never pass to a child (loader/runtime hooks). */
bool ws_process_env_name_is_dropped(const uint8_t *Name, size_t Length);

/* NULL-terminated "NAME=VALUE" array for the child; NULL when memory runs out. */
char **ws_process_build_envp(const ws_process_env *Env);
/* NULL-terminated argv: program string, then the arguments. */
char **ws_process_build_argv(const ws_process_env *Env);
void ws_process_free_strings(char **Strings);

#endif
