/* fuzz-guide.c: the handbook's 1-on-1 guide page read as agenda topics.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pathways-guide.h"
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
  g_autoptr(PathwaysGuide) guide = pathways_guide_parse ((const char *) data, size,
                                                         "guides/one-on-ones.md");

  if (guide == NULL)
    return 0;

  pathways_guide_fill_missing (guide);

  for (int kind = 0; kind < PATHWAYS_N_TOPIC_KINDS; kind++)
    {
      g_autofree char *prefix = g_strconcat (pathways_topic_kind_to_string (kind), "/", NULL);

      g_assert_nonnull (guide->topics[kind]);
      for (guint i = 0; i < guide->topics[kind]->len; i++)
        {
          const PathwaysTopic *topic = g_ptr_array_index (guide->topics[kind], i);
          const PathwaysTopic *found;

          g_assert_cmpint (topic->kind, ==, kind);
          g_assert (g_str_has_prefix (topic->key, prefix));
          g_assert (g_utf8_validate (topic->key, -1, NULL));
          g_assert (g_utf8_validate (topic->title, -1, NULL));
          g_assert (topic->detail == NULL || g_utf8_validate (topic->detail, -1, NULL));

          /* Agendas record topics by key: the key must find a topic of the same kind. */
          found = pathways_guide_lookup (guide, topic->key);
          g_assert_nonnull (found);
          g_assert_cmpint (found->kind, ==, kind);
        }
    }

  return 0;
}
