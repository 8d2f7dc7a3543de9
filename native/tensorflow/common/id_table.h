/*
 * Session ids of one module instance. An id indexes an array of pointers to
 * heap-allocated sessions, so growing the array never moves a session (the
 * upstream plug-ins keep sessions by value in a std::vector with 16 reserved
 * slots; a 17th session reallocates and corrupts the others). Ids start at 0
 * (a valid id, as upstream) and the lowest free id is reused first.
 */
#ifndef WS_TF_ID_TABLE_H
#define WS_TF_ID_TABLE_H

#include <stdbool.h>
#include <stdint.h>

/* Live sessions per module instance: the most the options may allow. */
#define WS_TF_MAX_SESSIONS (1u << 20)
/* The default budget of live sessions per module instance (options
 * tflite-max-sessions, tensorflow-max-sessions): each holds a whole model. */
#define WS_TF_DEFAULT_MAX_SESSIONS 64u

typedef struct ws_id_table {
  void **Slots;
  uint32_t Capacity;
  uint32_t Live;  /* items stored */
  uint32_t Limit; /* most items at once; 0 means WS_TF_MAX_SESSIONS */
  bool Warned;    /* the limit's message was printed */
} ws_id_table;

/* True when Limit items are stored: a new one would be refused. */
bool ws_id_table_full(const ws_id_table *Table);
/* ws_id_table_full, and the first time it is true for this table, one line on
 * stderr (at the host's warning level) naming Plugin's Option that raises it. */
bool ws_id_table_refuses(ws_id_table *Table, const char *Plugin, const char *Option);
/* Stores Item under the lowest free id. Returns false when full or out of memory. */
bool ws_id_table_add(ws_id_table *Table, void *Item, uint32_t *IdOut);
/* The item stored under Id, or NULL. */
void *ws_id_table_get(const ws_id_table *Table, uint32_t Id);
/* Removes and returns the item stored under Id (NULL if none). */
void *ws_id_table_remove(ws_id_table *Table, uint32_t Id);
/* Calls Destroy(Context, item) on every item, then frees the table's memory. */
void ws_id_table_clear(ws_id_table *Table, void (*Destroy)(void *Context, void *Item), void *Context);

#endif /* WS_TF_ID_TABLE_H */
