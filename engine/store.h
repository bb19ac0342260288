/*
** The results store: a batch folder appended to a SQLite database, in one
** transaction (docs/BATCH.md gives the schema and example queries). CSV
** files stay the primary output; the store is for querying every batch
** one ever ran.
*/
#ifndef VIGIL_STORE_H
#define VIGIL_STORE_H

#include "vigil_int.h"

/* The schema version (PRAGMA user_version of a store). */
#define VG_STORE_VERSION 2

/* Appends the batch in folder dir (its manifest.json and the scenario
** folders it lists: summary.csv, decomposition.csv, comparison.csv) to the
** database at path, creating it and its tables when missing. All or
** nothing: on error nothing is added. *run_id (may be NULL) gets the new
** run's id. */
int vg_store_append(vigil_ctx *ctx, const char *path, const char *dir, long long *run_id);

#endif
