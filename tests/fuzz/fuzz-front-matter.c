/* fuzz-front-matter.c: the YAML or TOML block at the top of a page, split off and read for
 * the keys the app looks at.
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
  static const char * const keys[] = { "title", "linkTitle", "weight", "description", "", "a b" };
  /* As pages reach it: cleaned up to valid UTF-8 first (pathways_markdown_doc_parse()). */
  g_autofree char *text = pathways_markdown_sanitize ((const char *) data, size, NULL, NULL);
  g_autofree char *front_matter = NULL;
  const char *body;

  body = pathways_markdown_split_front_matter (text, &front_matter);
  g_assert (body >= text && body <= text + strlen (text));
  if (front_matter == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = pathways_front_matter_dup_value (front_matter, keys[i]);

      /* It becomes the page title, shown in labels. */
      g_assert (value == NULL || g_utf8_validate (value, -1, NULL));
    }

  /* Any one-line key, cut from the input: the callers pass constants, but which ones
   * should not matter. (A key spanning lines is outside the contract.) */
  if (size > 0)
    {
      g_autofree char *key = g_strndup (front_matter, data[0] % 16);
      g_autofree char *value = NULL;

      key[strcspn (key, "\n")] = '\0';
      value = pathways_front_matter_dup_value (front_matter, key);
      g_assert (value == NULL || g_utf8_validate (value, -1, NULL));
    }

  return 0;
}
