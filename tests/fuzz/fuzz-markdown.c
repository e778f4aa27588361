/* fuzz-markdown.c: Markdown → render model. A page as the handbook reads it from disk, cleaned
 * up and parsed, then walked the way the page view and the printer walk it: headings and
 * anchors, alerts in quotes, pipe tables and their cells, directives.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pathways-markdown.h"
#include "fuzz-common.h"

/* Small enough that the fuzzer also reaches the truncation at a line boundary. */
#define FUZZ_MAX_PAGE (48 * 1024)

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_table (const PathwaysMarkdownDoc *doc,
             cmark_node                *first)
{
  g_autoptr(PathwaysMarkdownTable) table = pathways_markdown_table_new_from_inlines (doc, first);

  if (table == NULL)
    return;

  g_assert (table->aligns->len > 0);
  g_assert (table->rows->len >= 1);
  for (guint i = 0; i < table->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, i);

      for (guint j = 0; j < row->len; j++)
        {
          const char *cell = g_ptr_array_index (row, j);
          cmark_node *parsed;

          g_assert (g_utf8_validate (cell, -1, NULL));
          /* Both callers: the page view reads cells whole, the printer caps them. */
          parsed = pathways_markdown_table_cell_parse (cell, (i + j) % 2 ? 0 : 64);
          g_assert (parsed != NULL);
          g_free (pathways_markdown_node_dup_text (parsed));
          cmark_node_free (parsed);
        }
    }
}

static void
walk (const PathwaysMarkdownDoc *doc)
{
  cmark_iter *iter = cmark_iter_new (doc->root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;

      if (type == CMARK_NODE_BLOCK_QUOTE)
        {
          cmark_node *rest = NULL;
          PathwaysAlertKind kind = pathways_markdown_detect_alert (node, &rest);

          g_assert (kind < PATHWAYS_N_ALERTS);
          if (kind != PATHWAYS_ALERT_NONE && rest != NULL)
            check_table (doc, rest);
        }
      else if (type == CMARK_NODE_PARAGRAPH)
        {
          if (!pathways_markdown_node_is_directive (node))
            check_table (doc, cmark_node_first_child (node));
        }
      else if (type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK ||
               type == CMARK_NODE_ITEM)
        {
          g_autofree char *text = pathways_markdown_node_dup_text (node);

          g_assert (text != NULL);
          g_assert (g_utf8_validate (text, -1, NULL));
        }
    }

  cmark_iter_free (iter);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *clean = NULL;
  gboolean invalid = FALSE, nul = FALSE;

  clean = pathways_markdown_sanitize ((const char *) data, size, &invalid, &nul);
  g_assert (g_utf8_validate (clean, -1, NULL));

  doc = pathways_markdown_doc_parse ((const char *) data, size, FUZZ_MAX_PAGE);
  g_assert (doc->root != NULL);
  g_assert (doc->body != NULL);
  g_assert (g_utf8_validate (doc->body, -1, NULL));
  g_assert (doc->source_len == size);
  g_assert (!doc->truncated || size > FUZZ_MAX_PAGE);
  g_assert (doc->had_invalid_utf8 == invalid);
  g_assert (doc->had_nul == nul);
  g_assert (doc->title == NULL || g_utf8_validate (doc->title, -1, NULL));

  for (guint i = 0; i < doc->headings->len; i++)
    {
      const PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);
      int found;

      g_assert (heading->level >= 1 && heading->level <= 6);
      g_assert (cmark_node_get_type (heading->node) == CMARK_NODE_HEADING);
      g_assert (g_utf8_validate (heading->text, -1, NULL));
      g_assert (g_utf8_validate (heading->id, -1, NULL));

      /* A heading's own id leads to a heading with that id (ids are matched without
       * regard to case; "{#id}" ones may repeat). Percent signs would be decoded first.
       * Only the first headings: each lookup walks them all. */
      if (i < 32 && *heading->id != '\0' && *heading->id != '#' &&
          strchr (heading->id, '%') == NULL)
        {
          g_autofree char *wanted = g_utf8_strdown (heading->id, -1);
          g_autofree char *got = NULL;

          found = pathways_markdown_doc_find_anchor (doc, heading->id);
          g_assert_cmpint (found, >=, 0);
          g_assert_cmpint (found, <=, (int) i);
          got = g_utf8_strdown (((PathwaysHeading *) g_ptr_array_index (doc->headings,
                                                                         found))->id, -1);
          g_assert_cmpstr (got, ==, wanted);
        }
    }

  /* A link's fragment is whatever the author typed: try slices of the page as anchors. */
  if (size > 0)
    {
      gsize start = data[0] % MIN (size, 64);
      gsize len = MIN (size - start, (gsize) (data[size - 1] % 48));
      g_autofree char *anchor = g_strndup (clean + MIN (start, strlen (clean)), len);
      int found = pathways_markdown_doc_find_anchor (doc, anchor);

      g_assert (found >= -1 && found < (int) doc->headings->len);
    }

  walk (doc);

  return 0;
}
