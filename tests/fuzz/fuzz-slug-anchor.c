/* fuzz-slug-anchor.c: heading ids and the tolerant lookup links use to find them. The input's
 * first line is the anchor a link asks for; the rest is the page whose headings it searches.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pathways-markdown.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = pathways_markdown_sanitize ((const char *) data, size, NULL, NULL);
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *slug = NULL;
  const char *newline = strchr (text, '\n');
  const char *page = newline ? newline + 1 : "";
  int found;

  anchor = newline ? g_strndup (text, newline - text) : g_strdup (text);

  /* Slugs become ids in URLs: valid UTF-8, no spaces, and stable when slugified again. */
  slug = pathways_markdown_slugify (anchor);
  g_assert (g_utf8_validate (slug, -1, NULL));
  g_assert (strchr (slug, ' ') == NULL);
  {
    g_autofree char *again = pathways_markdown_slugify (slug);

    g_assert_cmpstr (again, ==, slug);
  }

  doc = pathways_markdown_doc_parse (page, -1, 0);
  found = pathways_markdown_doc_find_anchor (doc, anchor);
  g_assert (found >= -1 && found < (int) doc->headings->len);
  found = pathways_markdown_find_anchor (doc->headings, slug);
  g_assert (found >= -1 && found < (int) doc->headings->len);

  /* The id the parser gave each heading is itself a valid anchor for it. */
  for (guint i = 0; i < MIN (doc->headings->len, 8); i++)
    {
      const PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);

      g_assert (g_utf8_validate (heading->id, -1, NULL));
      if (*heading->id != '\0' && *heading->id != '#' && strchr (heading->id, '%') == NULL)
        g_assert_cmpint (pathways_markdown_find_anchor (doc->headings, heading->id), >=, 0);
    }

  return 0;
}
