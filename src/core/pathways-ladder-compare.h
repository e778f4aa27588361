/* pathways-ladder-compare.h: two levels of the ladder set side by side — their competencies
 * aligned by label, and the words a reworded expectation gained at the second level.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-ladder.h"

G_BEGIN_DECLS

typedef enum
{
  PATHWAYS_LEVEL_DIFF_SAME,     /* in both levels, same text once normalised */
  PATHWAYS_LEVEL_DIFF_CHANGED,  /* in both levels, reworded */
  PATHWAYS_LEVEL_DIFF_NEW,      /* only in the second level */
  PATHWAYS_LEVEL_DIFF_REMOVED,  /* only in the first level */
} PathwaysLevelDiffStatus;

/* One competency label, as the two levels state it. */
typedef struct
{
  char                    *label;        /* as the second level writes it, else the first */
  char                    *text_a;       /* (nullable) NULL when new */
  char                    *text_b;       /* (nullable) NULL when removed */
  PathwaysLevelDiffStatus  status;
  GStrv                    added_words;  /* normalised words of text_b not in text_a, in order,
                                          * each once; empty unless changed */
} PathwaysLevelDiffRow;

/* A run of the second text, and whether its words are new to the first. */
typedef struct
{
  char     *text;
  gboolean  added;
} PathwaysTextSpan;

GPtrArray *pathways_level_diff_new   (const PathwaysLevel *a,
                                      const PathwaysLevel *b);
GPtrArray *pathways_text_diff_spans  (const char          *text_a,
                                      const char          *text_b);

void       pathways_level_diff_row_free (PathwaysLevelDiffRow *row);
void       pathways_text_span_free      (PathwaysTextSpan     *span);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLevelDiffRow, pathways_level_diff_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysTextSpan, pathways_text_span_free)

G_END_DECLS
