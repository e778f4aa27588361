/* fuzz-talking-points.c: talking points pasted from a chat or a document into the agenda.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pathways-agenda.h"
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
  /* The clipboard holds any bytes; the parser promises valid UTF-8 back. */
  g_autofree char *text = fuzz_dup_string (data, size);
  g_auto(GStrv) points = pathways_agenda_parse_import (text);
  guint n;

  g_assert_nonnull (points);
  n = g_strv_length (points);
  g_assert_cmpuint (n, <=, 500);

  for (guint i = 0; i < n; i++)
    {
      /* Each becomes a talking point's one-line body. */
      g_assert (g_utf8_validate (points[i], -1, NULL));
      g_assert_cmpint (g_utf8_strlen (points[i], -1), <=, 10000);
      g_assert (points[i][0] != '\0');
      g_assert (strchr (points[i], '\n') == NULL);
    }

  return 0;
}
