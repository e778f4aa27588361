/* pathways-store-private.h: helpers the store's modules share (the store itself, agendas).
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

/* Optional text is stored trimmed, and NULL when nothing is left. */
char     *pathways_dup_trimmed_or_null (const char  *text);
/* A calendar date "YYYY-MM-DD", or a PATHWAYS_STORE_ERROR_INVALID saying how to write it. */
gboolean  pathways_store_validate_date (const char  *date,
                                        GError     **error);

/* The sample team's 1-on-1 history (pathways-agenda.c), inside the caller's transaction. */
gboolean  pathways_agenda_insert_sample_history (PathwaysStore  *self,
                                                 GPtrArray      *people,
                                                 const char     *today,
                                                 GError        **error);

G_END_DECLS
