/* pathways-ladder-compare.c: two levels of the ladder set side by side — their competencies
 * aligned by label, and the words a reworded expectation gained at the second level.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-ladder-compare"

#include "config.h"

#include <string.h>

#include "pathways-ladder-compare.h"

void
pathways_level_diff_row_free (PathwaysLevelDiffRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row->text_a);
  g_free (row->text_b);
  g_strfreev (row->added_words);
  g_free (row);
}

void
pathways_text_span_free (PathwaysTextSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span);
}

/* The normalised words of @text, as a set. */
static GHashTable *
word_set_new (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *norm = pathways_ladder_normalize (text);
  g_auto(GStrv) words = g_strsplit (norm, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_hash_table_add (set, g_strdup (words[i]));
  return set;
}

/* Whether a blank-separated token of the second text brings a word the first lacked.
 * A token of punctuation only ("—", "-") brings nothing. */
static gboolean
token_is_added (const char  *token,
                GHashTable  *old_words,
                GPtrArray   *added)
{
  g_autofree char *norm = pathways_ladder_normalize (token);
  g_auto(GStrv) words = g_strsplit (norm, " ", -1);
  gboolean is_added = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || g_hash_table_contains (old_words, words[i]))
        continue;
      is_added = TRUE;
      if (added != NULL && !g_ptr_array_find_with_equal_func (added, words[i], g_str_equal, NULL))
        g_ptr_array_add (added, g_strdup (words[i]));
    }
  return is_added;
}

static void
append_span (GPtrArray  *spans,
             const char *text,
             gsize       len,
             gboolean    added)
{
  PathwaysTextSpan *last = spans->len > 0 ? g_ptr_array_index (spans, spans->len - 1) : NULL;

  if (len == 0)
    return;
  if (last != NULL && last->added == added)
    {
      char *joined = g_strdup_printf ("%s%.*s", last->text, (int) len, text);

      g_free (last->text);
      last->text = joined;
      return;
    }

  last = g_new0 (PathwaysTextSpan, 1);
  last->text = g_strndup (text, len);
  last->added = added;
  g_ptr_array_add (spans, last);
}

static GPtrArray *
diff_spans (const char *text_a,
            const char *text_b,
            GPtrArray  *added)
{
  g_autoptr(GHashTable) old_words = word_set_new (text_a);
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_text_span_free);
  const char *p = text_b != NULL ? text_b : "";
  const char *pending_blank = NULL;  /* blanks not yet given to a span */
  gboolean previous_added = FALSE;

  while (*p != '\0')
    {
      const char *start = p;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          pending_blank = start;
          continue;
        }

      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      {
        g_autofree char *token = g_strndup (start, p - start);
        gboolean is_added = token_is_added (token, old_words, added);

        /* Blanks between two added words stay inside the emphasis, so a new phrase reads
         * as one run rather than a row of separate words. */
        if (pending_blank != NULL)
          append_span (spans, pending_blank, start - pending_blank, is_added && previous_added);
        append_span (spans, start, p - start, is_added);
        previous_added = is_added;
        pending_blank = NULL;
      }
    }
  if (pending_blank != NULL)
    append_span (spans, pending_blank, strlen (pending_blank), FALSE);

  return spans;
}

/**
 * pathways_text_diff_spans:
 * @text_a: (nullable): the text at the first level
 * @text_b: (nullable): the text at the second level
 *
 * Cuts @text_b into runs, marking those whose words (compared normalised, in any order)
 * do not appear in @text_a. Concatenating the runs gives back @text_b.
 *
 * Returns: (transfer full) (element-type PathwaysTextSpan): the runs, in order
 */
GPtrArray *
pathways_text_diff_spans (const char *text_a,
                          const char *text_b)
{
  return diff_spans (text_a, text_b, NULL);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *norm_a = pathways_ladder_normalize (a);
  g_autofree char *norm_b = pathways_ladder_normalize (b);

  return g_strcmp0 (norm_a, norm_b) == 0;
}

static PathwaysLevelDiffRow *
row_new (const char              *label,
         const char              *text_a,
         const char              *text_b,
         PathwaysLevelDiffStatus  status)
{
  PathwaysLevelDiffRow *row = g_new0 (PathwaysLevelDiffRow, 1);

  row->label = g_strdup (label);
  row->text_a = g_strdup (text_a);
  row->text_b = g_strdup (text_b);
  row->status = status;
  return row;
}

/**
 * pathways_level_diff_new:
 * @a: the first level (usually the lower one)
 * @b: the second level
 *
 * Lines up the competencies of two levels by label (compared normalised: case, blanks and
 * punctuation do not matter), in the second level's order, followed by those only the
 * first level has. A competency whose text was reworded is CHANGED and lists the words the
 * second level added.
 *
 * Returns: (transfer full) (element-type PathwaysLevelDiffRow): the rows
 */
GPtrArray *
pathways_level_diff_new (const PathwaysLevel *a,
                         const PathwaysLevel *b)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_level_diff_row_free);
  guint n_a = a != NULL && a->competencies != NULL ? a->competencies->len : 0;
  guint n_b = b != NULL && b->competencies != NULL ? b->competencies->len : 0;
  g_autofree gboolean *matched = g_new0 (gboolean, n_a + 1);
  g_autoptr(GPtrArray) labels_a = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_a; i++)
    {
      const PathwaysCompetency *comp = g_ptr_array_index (a->competencies, i);
      g_ptr_array_add (labels_a, pathways_ladder_normalize (comp->label));
    }

  for (guint j = 0; j < n_b; j++)
    {
      const PathwaysCompetency *comp_b = g_ptr_array_index (b->competencies, j);
      g_autofree char *label = pathways_ladder_normalize (comp_b->label);
      const PathwaysCompetency *comp_a = NULL;
      PathwaysLevelDiffRow *row;

      for (guint i = 0; i < n_a && comp_a == NULL; i++)
        {
          if (!matched[i] && strcmp (g_ptr_array_index (labels_a, i), label) == 0)
            {
              matched[i] = TRUE;
              comp_a = g_ptr_array_index (a->competencies, i);
            }
        }

      if (comp_a == NULL)
        row = row_new (comp_b->label, NULL, comp_b->text, PATHWAYS_LEVEL_DIFF_NEW);
      else if (same_text (comp_a->text, comp_b->text))
        row = row_new (comp_b->label, comp_a->text, comp_b->text, PATHWAYS_LEVEL_DIFF_SAME);
      else
        {
          g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) spans = diff_spans (comp_a->text, comp_b->text, added);

          row = row_new (comp_b->label, comp_a->text, comp_b->text, PATHWAYS_LEVEL_DIFF_CHANGED);
          g_ptr_array_add (added, NULL);
          row->added_words = (GStrv) g_ptr_array_steal (added, NULL);
        }
      if (row->added_words == NULL)
        row->added_words = g_new0 (char *, 1);
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < n_a; i++)
    {
      const PathwaysCompetency *comp_a = g_ptr_array_index (a->competencies, i);
      PathwaysLevelDiffRow *row;

      if (matched[i])
        continue;
      row = row_new (comp_a->label, comp_a->text, NULL, PATHWAYS_LEVEL_DIFF_REMOVED);
      row->added_words = g_new0 (char *, 1);
      g_ptr_array_add (rows, row);
    }

  return rows;
}
