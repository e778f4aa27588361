/* test-ladder-compare.c: two levels compared competency by competency — labels aligned
 * whatever their order or case, and what the second level adds found.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pathways-ladder-compare.h"

/* A level built by hand: pairs of label and text, NULL-terminated. */
static PathwaysLevel *
level_new (const char *title,
           ...)
{
  PathwaysLevel *level = g_new0 (PathwaysLevel, 1);
  const char *label;
  va_list args;

  level->title = g_strdup (title);
  level->competencies = g_ptr_array_new ();
  level->responsibilities = g_ptr_array_new ();
  va_start (args, title);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      PathwaysCompetency *comp = g_new0 (PathwaysCompetency, 1);

      comp->label = g_strdup (label);
      comp->text = g_strdup (va_arg (args, const char *));
      g_ptr_array_add (level->competencies, comp);
    }
  va_end (args);
  return level;
}

static void
level_free (PathwaysLevel *level)
{
  for (guint i = 0; i < level->competencies->len; i++)
    {
      PathwaysCompetency *comp = g_ptr_array_index (level->competencies, i);
      g_free (comp->label);
      g_free (comp->text);
      g_free (comp);
    }
  g_ptr_array_unref (level->competencies);
  g_ptr_array_unref (level->responsibilities);
  g_free (level->title);
  g_free (level);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLevel, level_free)

static const PathwaysLevelDiffRow *
find_row (GPtrArray  *rows,
          const char *label)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PathwaysLevelDiffRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->label, label) == 0)
        return row;
    }
  g_assert_not_reached ();
}

static void
test_aligned_by_label (void)
{
  g_autoptr(PathwaysLevel) a = level_new ("Engineer I",
                                          "Impact", "Delivers small features.",
                                          "code review", "Reviews within a day.",
                                          NULL);
  g_autoptr(PathwaysLevel) b = level_new ("Engineer II",
                                          "  Code Review ", "Reviews within a day.",
                                          "IMPACT", "Delivers small features.",
                                          NULL);
  g_autoptr(GPtrArray) rows = pathways_level_diff_new (a, b);
  const PathwaysLevelDiffRow *row;

  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->label, ==, "  Code Review ");
  g_assert_cmpstr (row->text_a, ==, "Reviews within a day.");
  g_assert_cmpint (row->status, ==, PATHWAYS_LEVEL_DIFF_SAME);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->label, ==, "IMPACT");
  g_assert_cmpint (row->status, ==, PATHWAYS_LEVEL_DIFF_SAME);
  g_assert_cmpstr (row->text_a, ==, "Delivers small features.");
}

static void
test_statuses (void)
{
  g_autoptr(PathwaysLevel) a = level_new ("A",
                                          "Impact", "Delivers small features.",
                                          "Learning", "Keeps a learning log.",
                                          "Quality", "Adds tests.",
                                          NULL);
  g_autoptr(PathwaysLevel) b = level_new ("B",
                                          "Impact", "Delivers LARGE features, independently.",
                                          "Mentoring", "Buddies a new hire.",
                                          "Quality", "adds  tests",
                                          NULL);
  g_autoptr(GPtrArray) rows = pathways_level_diff_new (a, b);
  const PathwaysLevelDiffRow *row;

  g_assert_cmpuint (rows->len, ==, 4);

  row = find_row (rows, "Impact");
  g_assert_cmpint (row->status, ==, PATHWAYS_LEVEL_DIFF_CHANGED);
  g_assert_cmpuint (g_strv_length (row->added_words), ==, 2);
  g_assert_cmpstr (row->added_words[0], ==, "large");
  g_assert_cmpstr (row->added_words[1], ==, "independently");

  row = find_row (rows, "Mentoring");
  g_assert_cmpint (row->status, ==, PATHWAYS_LEVEL_DIFF_NEW);
  g_assert_null (row->text_a);
  g_assert_cmpstr (row->text_b, ==, "Buddies a new hire.");

  /* Only spacing, case and punctuation differ: the same expectation. */
  row = find_row (rows, "Quality");
  g_assert_cmpint (row->status, ==, PATHWAYS_LEVEL_DIFF_SAME);
  g_assert_cmpuint (g_strv_length (row->added_words), ==, 0);

  /* What only the first level asks for comes last. */
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row->label, ==, "Learning");
  g_assert_cmpint (row->status, ==, PATHWAYS_LEVEL_DIFF_REMOVED);
  g_assert_null (row->text_b);
}

static void
test_spans (void)
{
  g_autoptr(GPtrArray) spans =
    pathways_text_diff_spans ("Reviews code within a day.",
                              "Reviews code and designs within a day — sets the bar.");
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      PathwaysTextSpan *span = g_ptr_array_index (spans, i);

      g_string_append (joined, span->text);
      if (span->added)
        g_string_append_printf (added, "[%s]", span->text);
      if (i > 0)
        g_assert_true (span->added != ((PathwaysTextSpan *) g_ptr_array_index (spans, i - 1))->added);
    }
  g_assert_cmpstr (joined->str, ==, "Reviews code and designs within a day — sets the bar.");
  /* Neighbouring new words read as one run; a lone dash is not new. */
  g_assert_cmpstr (added->str, ==, "[and designs][sets the bar.]");
}

static void
test_empty_levels (void)
{
  g_autoptr(PathwaysLevel) a = level_new ("A", NULL);
  g_autoptr(PathwaysLevel) b = level_new ("B", "Impact", "Ships.", NULL);
  g_autoptr(GPtrArray) none = pathways_level_diff_new (a, a);
  g_autoptr(GPtrArray) rows = pathways_level_diff_new (a, b);
  g_autoptr(GPtrArray) spans = pathways_text_diff_spans (NULL, NULL);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((PathwaysLevelDiffRow *) g_ptr_array_index (rows, 0))->status, ==,
                   PATHWAYS_LEVEL_DIFF_NEW);
  g_assert_cmpuint (spans->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/ladder-compare/aligned-by-label", test_aligned_by_label);
  g_test_add_func ("/pathways/ladder-compare/statuses", test_statuses);
  g_test_add_func ("/pathways/ladder-compare/added-words", test_spans);
  g_test_add_func ("/pathways/ladder-compare/empty-levels", test_empty_levels);

  return g_test_run ();
}
