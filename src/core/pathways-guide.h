/* pathways-guide.h: the handbook's 1-on-1 guide read as topics for agendas — what to cover
 * in every 1-on-1, what to bring up frequently, skip-level topics, and questions for when
 * there is nothing to discuss — with built-in topics for handbooks that have no guide.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-handbook.h"

G_BEGIN_DECLS

typedef enum
{
  PATHWAYS_TOPIC_EVERY = 0,    /* in every 1-on-1 */
  PATHWAYS_TOPIC_FREQUENT,     /* not every time but often: rotated as "due for a check-in" */
  PATHWAYS_TOPIC_SKIP_LEVEL,   /* only in skip-levels */
  PATHWAYS_TOPIC_PROMPT,       /* a question for when there is nothing to discuss */
  PATHWAYS_N_TOPIC_KINDS
} PathwaysTopicKind;

typedef struct
{
  PathwaysTopicKind  kind;
  char              *key;     /* stable across rewording of the detail: the kind's name, a
                               * slash, and the normalised title ("frequent/career growth") */
  char              *title;   /* the bold lead text without its colon, or the whole item */
  char              *detail;  /* (nullable) the rest of the item, plain text */
} PathwaysTopic;

typedef struct
{
  char      *page;                               /* (nullable) the handbook page it came
                                                  * from; NULL when all built-in */
  char      *title;                              /* (nullable) that page's title */
  char      *anchors[PATHWAYS_N_TOPIC_KINDS];    /* (nullable) the heading id of each kind's
                                                  * section on the page */
  GPtrArray *topics[PATHWAYS_N_TOPIC_KINDS];     /* PathwaysTopic*, in the guide's order */
  gboolean   builtin[PATHWAYS_N_TOPIC_KINDS];    /* this kind's topics are the built-in ones
                                                  * (the guide had no such section) */
} PathwaysGuide;

const char    *pathways_topic_kind_to_string (PathwaysTopicKind  kind);
PathwaysGuide *pathways_guide_parse          (const char        *markdown,
                                              gssize             length,
                                              const char        *page);
PathwaysGuide *pathways_guide_new_builtin    (void);
void           pathways_guide_fill_missing   (PathwaysGuide     *guide);
char          *pathways_guide_find_page      (PathwaysHandbook  *handbook);
PathwaysGuide *pathways_guide_load           (PathwaysHandbook  *handbook);
const PathwaysTopic *pathways_guide_lookup   (const PathwaysGuide *guide,
                                              const char        *key);
void           pathways_guide_free           (PathwaysGuide     *guide);
void           pathways_topic_free           (PathwaysTopic     *topic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysGuide, pathways_guide_free)

G_END_DECLS
