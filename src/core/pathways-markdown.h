/* pathways-markdown.h: Markdown parsing beyond what cmark does (front matter, heading ids,
 * tolerant anchors, input clean-up, GFM pipe tables).
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cmark.h>

G_BEGIN_DECLS

/* Pages larger than this are shown truncated, with a notice. */
#define PATHWAYS_MARKDOWN_MAX_PAGE_SIZE (4 * 1024 * 1024)

typedef struct
{
  cmark_node *node;   /* the CMARK_NODE_HEADING in the document, owned by it */
  int         level;  /* 1–6 */
  char       *text;   /* plain text of the heading, without a trailing {#id} attribute */
  char       *id;     /* the anchor id: {#id} if given, else a deduplicated GitHub-style slug */
} PathwaysHeading;

typedef struct
{
  cmark_node *root;          /* the cmark document */
  char       *front_matter;  /* the YAML between the --- fences, or NULL */
  char       *title;         /* front matter title, else first H1, else NULL */
  GPtrArray  *headings;      /* PathwaysHeading*, in document order */
  gsize       source_len;    /* bytes of the input, before any truncation */
  guint       had_invalid_utf8 : 1;  /* invalid bytes were replaced by U+FFFD */
  guint       had_nul : 1;           /* NUL bytes were replaced */
  guint       truncated : 1;         /* the input was longer than the limit */
  char       *body;          /* the cleaned-up Markdown after the front matter, as given to
                              * cmark: source positions (CMARK_OPT_SOURCEPOS) refer to it */
  GArray     *line_starts;   /* gsize: the offset in body where each line starts */
} PathwaysMarkdownDoc;

/* GitHub alerts: a quote that starts with a line like `[!NOTE]`. */
typedef enum
{
  PATHWAYS_ALERT_NONE,
  PATHWAYS_ALERT_NOTE,
  PATHWAYS_ALERT_TIP,
  PATHWAYS_ALERT_IMPORTANT,
  PATHWAYS_ALERT_WARNING,
  PATHWAYS_ALERT_CAUTION,
  PATHWAYS_N_ALERTS
} PathwaysAlertKind;

typedef enum
{
  PATHWAYS_TABLE_ALIGN_NONE,
  PATHWAYS_TABLE_ALIGN_LEFT,
  PATHWAYS_TABLE_ALIGN_CENTER,
  PATHWAYS_TABLE_ALIGN_RIGHT,
} PathwaysTableAlign;

/* A GFM pipe table found in a paragraph (cmark 0.30 has no table extension). */
typedef struct
{
  GArray     *aligns;    /* PathwaysTableAlign, one per column: its length is the column count */
  GPtrArray  *rows;      /* GPtrArray* of char*, the header row first: each cell's Markdown
                          * source, untrimmed, "\|" not yet unescaped; a body row may have
                          * more or fewer cells than there are columns */
  cmark_node *lead_end;  /* the break ending the paragraph's lines before the header, which
                          * are ordinary text; NULL when the table starts the paragraph */
} PathwaysMarkdownTable;

PathwaysMarkdownDoc *pathways_markdown_doc_parse            (const char                *text,
                                                             gssize                     len,
                                                             gsize                      max_len);
void                 pathways_markdown_doc_free             (PathwaysMarkdownDoc       *doc);
int                  pathways_markdown_doc_find_anchor      (const PathwaysMarkdownDoc *doc,
                                                             const char                *anchor);

char                *pathways_markdown_sanitize             (const char                *text,
                                                             gsize                      len,
                                                             gboolean                  *had_invalid_utf8,
                                                             gboolean                  *had_nul);
const char          *pathways_markdown_split_front_matter   (const char                *text,
                                                             char                     **front_matter);
char                *pathways_front_matter_dup_value        (const char                *front_matter,
                                                             const char                *key);
char                *pathways_markdown_slugify              (const char                *text);
char                *pathways_markdown_node_dup_text        (cmark_node                *node);
gboolean             pathways_markdown_node_is_directive    (cmark_node                *node);
int                  pathways_markdown_find_anchor          (GPtrArray                 *headings,
                                                             const char                *anchor);

PathwaysAlertKind    pathways_markdown_detect_alert         (cmark_node                *quote,
                                                             cmark_node               **rest);

PathwaysMarkdownTable *pathways_markdown_table_new_from_inlines (const PathwaysMarkdownDoc *doc,
                                                                 cmark_node *first);
void                   pathways_markdown_table_free             (PathwaysMarkdownTable *table);
cmark_node            *pathways_markdown_table_cell_parse       (const char *cell,
                                                                 gsize       max_bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysMarkdownDoc, pathways_markdown_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysMarkdownTable, pathways_markdown_table_free)

G_END_DECLS
