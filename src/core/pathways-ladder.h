/* pathways-ladder.h: the career ladder read from the handbook — paths, levels, and the
 * expectations of each level, with keys that survive cosmetic edits.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-handbook.h"

G_BEGIN_DECLS

#define PATHWAYS_LADDER_ERROR (pathways_ladder_error_quark ())

typedef enum
{
  PATHWAYS_LADDER_ERROR_NO_LADDER,  /* no page of the handbook reads as a career path */
} PathwaysLadderError;

/* A labelled expectation: "**Impact:** text", or a label followed by a list. */
typedef struct
{
  char *key;    /* stable: "path/level/label", normalised */
  char *label;  /* as written, without a trailing colon */
  char *text;   /* the paragraph after the label, or the list items joined with newlines */
} PathwaysCompetency;

/* A bullet under "Responsibilities"; nested bullets are its children. */
typedef struct
{
  char      *key;       /* stable: "path/level/r:" + a hash of the normalised text */
  char      *text;
  GPtrArray *children;  /* PathwaysResponsibility*, possibly empty */
} PathwaysResponsibility;

typedef struct
{
  char      *title;             /* the heading without its code */
  char      *code;              /* (nullable) "IC 3a", "Manager 4 / IC 5", "D1" */
  char      *page;              /* handbook-relative path of the page */
  char      *anchor;            /* the heading's id on that page */
  char      *summary;           /* (nullable) from the overview page, else the level's first
                                 * unlabelled paragraph */
  GPtrArray *competencies;      /* PathwaysCompetency* */
  GPtrArray *responsibilities;  /* PathwaysResponsibility* */
} PathwaysLevel;

typedef struct
{
  char      *title;
  char      *page;    /* handbook-relative path of the page */
  GPtrArray *levels;  /* PathwaysLevel*, lowest first */
} PathwaysPath;

typedef struct _PathwaysLadder PathwaysLadder;

struct _PathwaysLadder
{
  GPtrArray  *paths;     /* PathwaysPath*, in the overview's order, else by page title */
  char       *overview;  /* (nullable) the page that lists the levels */
  /*< private >*/
  GHashTable *keys;      /* key → PathwaysCompetency* or PathwaysResponsibility* */
  GHashTable *kinds;     /* key → GINT_TO_POINTER (1 competency, 2 responsibility) */
};

typedef enum
{
  PATHWAYS_LADDER_KEY_UNCHANGED,  /* same key, same text once normalised */
  PATHWAYS_LADDER_KEY_CHANGED,    /* the text was reworded; new_key may differ from key */
  PATHWAYS_LADDER_KEY_REMOVED,    /* nothing in the ladder matches any more */
} PathwaysLadderKeyStatus;

typedef struct
{
  char                    *key;       /* the key as it was recorded */
  PathwaysLadderKeyStatus  status;
  char                    *old_text;  /* the text as it was recorded */
  char                    *new_text;  /* (nullable) the text now; NULL when removed */
  char                    *new_key;   /* (nullable) where the expectation lives now */
} PathwaysLadderChange;

GQuark          pathways_ladder_error_quark    (void);
PathwaysLadder *pathways_ladder_load           (PathwaysHandbook  *handbook,
                                                GCancellable      *cancellable,
                                                GError           **error);
PathwaysLadder *pathways_ladder_load_pages     (PathwaysHandbook   *handbook,
                                                const char * const *ladder_pages,
                                                GCancellable       *cancellable,
                                                GError            **error);
void            pathways_ladder_free           (PathwaysLadder    *ladder);
const char     *pathways_ladder_lookup_key     (PathwaysLadder    *ladder,
                                                const char        *key);
GHashTable     *pathways_ladder_dup_snapshot   (PathwaysLadder    *ladder);
GPtrArray      *pathways_ladder_compare        (PathwaysLadder    *ladder,
                                                GHashTable        *snapshot);
char           *pathways_ladder_to_json        (PathwaysLadder    *ladder,
                                                const char        *handbook_dir);
char           *pathways_ladder_normalize      (const char        *text);
const PathwaysLevel *pathways_ladder_find_level (const PathwaysLadder *ladder,
                                                 const char           *path,
                                                 const char           *level,
                                                 const PathwaysPath  **found_path);
const PathwaysLevel *pathways_ladder_next_level (const PathwaysLadder *ladder,
                                                 const PathwaysLevel  *level,
                                                 const PathwaysPath  **found_path);
char           *pathways_level_dup_display_name (const PathwaysLevel *level);
char           *pathways_level_dup_choice_name  (const PathwaysPath  *path,
                                                 const PathwaysLevel *level);
const PathwaysLevel *pathways_ladder_find_target (const PathwaysLadder *ladder,
                                                  const char           *path,
                                                  const char           *level,
                                                  const char           *target_path,
                                                  const char           *target_level,
                                                  const PathwaysLevel **current);
const PathwaysPath *pathways_ladder_get_path_of_level (const PathwaysLadder *ladder,
                                                       const PathwaysLevel  *level);

void            pathways_ladder_change_free    (PathwaysLadderChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLadder, pathways_ladder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLadderChange, pathways_ladder_change_free)

void pathways_json_append_string (GString    *out,
                                  const char *text);

G_END_DECLS
