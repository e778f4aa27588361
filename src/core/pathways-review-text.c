/* pathways-review-text.c: the text a review is made of — the template and its
 * placeholders, dated evidence bullets and whether a draft cites them, the ladder section,
 * the promotion-readiness suggestion, the Markdown export — and the labels and dates they
 * are written with. Pure functions: no database here.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-review"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-review.h"
#include "pathways-review-private.h"
#include "pathways-store-private.h"

/* An evidence item counts as cited when the draft holds its first this many characters
 * (normalised): enough to be specific, and the manager may shorten a long note's tail. */
#define CITE_PREFIX_CHARS 80

/* ==== labels ==== */

/* How a rating reads in a table or a sentence. */
static const char *
rating_label (PathwaysRating rating)
{
  switch (rating)
    {
    case PATHWAYS_RATING_NOT_YET:
      /* Translators: a ladder rating, in the review's ladder table */
      return _("Not yet");
    case PATHWAYS_RATING_SOMETIMES:
      /* Translators: a ladder rating, in the review's ladder table */
      return _("Sometimes");
    case PATHWAYS_RATING_CONSISTENTLY:
      /* Translators: a ladder rating, in the review's ladder table */
      return _("Consistently");
    case PATHWAYS_RATING_NONE:
    default:
      /* Translators: an expectation nobody has rated yet, in the review's ladder table */
      return _("Not rated");
    }
}

/* The same, inside a sentence: "Impact: sometimes → consistently". */
const char *
pathways_review_rating_word (PathwaysRating rating)
{
  switch (rating)
    {
    case PATHWAYS_RATING_NOT_YET:
      /* Translators: a ladder rating inside a sentence */
      return _("not yet");
    case PATHWAYS_RATING_SOMETIMES:
      /* Translators: a ladder rating inside a sentence */
      return _("sometimes");
    case PATHWAYS_RATING_CONSISTENTLY:
      /* Translators: a ladder rating inside a sentence */
      return _("consistently");
    case PATHWAYS_RATING_NONE:
    default:
      /* Translators: a ladder rating inside a sentence */
      return _("not rated");
    }
}

/**
 * pathways_note_kind_get_label:
 * @kind: a kind of note
 *
 * Returns: what the Notes tab calls the kind: "Win", "Growth", "Feedback" or "Note"
 */
const char *
pathways_note_kind_get_label (PathwaysNoteKind kind)
{
  switch (kind)
    {
    case PATHWAYS_NOTE_WIN:
      /* Translators: a kind of note about a report */
      return _("Win");
    case PATHWAYS_NOTE_GROWTH:
      /* Translators: a kind of note about a report: an opportunity to grow */
      return _("Growth");
    case PATHWAYS_NOTE_FEEDBACK:
      /* Translators: a kind of note about a report */
      return _("Feedback");
    case PATHWAYS_NOTE_PLAIN:
    default:
      /* Translators: a kind of note about a report: untagged */
      return _("Note");
    }
}

/**
 * pathways_review_status_get_label:
 * @status: where a review stands
 *
 * Returns: "Draft", "Ready" or "Delivered"
 */
const char *
pathways_review_status_get_label (PathwaysReviewStatus status)
{
  switch (status)
    {
    case PATHWAYS_REVIEW_READY:
      /* Translators: a review's status: written, not yet delivered */
      return _("Ready");
    case PATHWAYS_REVIEW_DELIVERED:
      /* Translators: a review's status */
      return _("Delivered");
    case PATHWAYS_REVIEW_DRAFT:
    default:
      /* Translators: a review's status */
      return _("Draft");
    }
}

/**
 * pathways_evidence_kind_get_label:
 * @kind: a kind of evidence
 *
 * Returns: the name of the evidence panel's filter for @kind
 */
const char *
pathways_evidence_kind_get_label (PathwaysEvidenceKind kind)
{
  switch (kind)
    {
    case PATHWAYS_EVIDENCE_WIN:
      /* Translators: a filter of the review's evidence panel */
      return _("Wins");
    case PATHWAYS_EVIDENCE_GROWTH:
      /* Translators: a filter of the review's evidence panel */
      return _("Growth");
    case PATHWAYS_EVIDENCE_FEEDBACK:
      /* Translators: a filter of the review's evidence panel */
      return _("Feedback");
    case PATHWAYS_EVIDENCE_NOTE:
      /* Translators: a filter of the review's evidence panel: untagged notes */
      return _("Notes");
    case PATHWAYS_EVIDENCE_MEETING:
      /* Translators: a filter of the review's evidence panel */
      return _("1-on-1 notes");
    case PATHWAYS_EVIDENCE_ACTION:
      /* Translators: a filter of the review's evidence panel */
      return _("Completed action items");
    case PATHWAYS_EVIDENCE_LADDER:
      /* Translators: a filter of the review's evidence panel */
      return _("Ladder evidence");
    case PATHWAYS_EVIDENCE_RATING:
      /* Translators: a filter of the review's evidence panel */
      return _("Rating changes");
    case PATHWAYS_N_EVIDENCE_KINDS:
    default:
      return "";
    }
}

/**
 * pathways_readiness_free:
 * @readiness: (nullable): a promotion-readiness suggestion
 */
void
pathways_readiness_free (PathwaysReadiness *readiness)
{
  if (readiness == NULL)
    return;

  g_clear_pointer (&readiness->reasons, g_ptr_array_unref);
  g_free (readiness);
}

/* ==== dates ==== */

/* Days from @from to @to, negative when @to is earlier; 0 if either is no date. */
int
pathways_review_days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!pathways_parse_date (from, &a) || !pathways_parse_date (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

/* "12 Mar 2026", or "12 Mar" without the year. */
char *
pathways_review_dup_display_date (const char *iso,
                  gboolean    with_year)
{
  g_autoptr(GDateTime) moment = NULL;
  GDate date;
  char *text;

  if (!pathways_parse_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  moment = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0);
  if (with_year)
    /* Translators: a date in a review, "12 Mar 2026"; see strftime */
    text = g_date_time_format (moment, _("%-d %b %Y"));
  else
    /* Translators: a date in a review without its year, "12 Mar"; see strftime */
    text = g_date_time_format (moment, _("%-d %b"));

  return g_strstrip (text);
}

static char *
dup_today_if_null (const char *today)
{
  if (today != NULL && pathways_date_is_valid (today))
    return g_strdup (today);

  return pathways_dup_today ();
}

/**
 * pathways_review_dup_local_date:
 * @utc_moment: (nullable): a UTC moment as the tables keep them, "YYYY-MM-DDTHH:MM:SSZ"
 * @zone: (nullable): the time zone whose calendar counts, or %NULL for the local one
 *
 * The day a moment fell on where the manager is: an action item ticked at 23:30 on the
 * last day of a cycle in Auckland belongs to that cycle, though it is the morning of that
 * day in UTC.
 *
 * Returns: (transfer full) (nullable): the date in @zone, "YYYY-MM-DD", or %NULL if
 *   @utc_moment is not a moment
 */
char *
pathways_review_dup_local_date (const char *utc_moment,
                                GTimeZone  *zone)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc_moment == NULL)
    return NULL;

  moment = g_date_time_new_from_iso8601 (utc_moment, utc);
  if (moment == NULL)
    return NULL;

  local = zone != NULL ? g_date_time_to_timezone (moment, zone) : g_date_time_to_local (moment);
  if (local == NULL)
    return NULL;

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Whether @text has anything but white space. */
gboolean
pathways_review_has_content (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return TRUE;
    }

  return FALSE;
}

/* ==== Markdown text ==== */

/* Appends @text so that CommonMark shows it literally, inline, on one line: what opens
 * emphasis, code, links, raw HTML or entities is backslash-escaped, line breaks become
 * spaces. With @in_heading a '#' is escaped too (a final one would close the heading). */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_heading)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      gboolean escape = FALSE;

      switch (*p)
        {
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append_c (out, ' ');
          continue;

        case '\\':
          escape = g_ascii_ispunct (p[1]) || p[1] == '\0';
          break;

        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '<':
        case '~':
          escape = TRUE;
          break;

        case '&':
          escape = p[1] != ' ' && p[1] != '\0';
          break;

        case '#':
          escape = in_heading;
          break;

        default:
          break;
        }

      if (escape)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* @text on one line, trimmed: line breaks and runs of blanks made one space. For a GFM
 * table cell, @escape_pipes keeps its pipes from ending the cell. */
static void
append_one_line (GString    *out,
                 const char *text,
                 gboolean    escape_pipes)
{
  gboolean blank = FALSE;
  gsize start = out->len;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          blank = TRUE;
          continue;
        }
      if (blank && out->len > start)
        g_string_append_c (out, ' ');
      blank = FALSE;
      if (*p == '|' && escape_pipes)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* @text cut to @max_chars characters, with an ellipsis when cut. */
char *
pathways_review_dup_ellipsized (const char *text,
                guint       max_chars)
{
  g_autofree char *one_line = NULL;
  g_autofree char *cut = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  append_one_line (out, text, FALSE);
  one_line = g_string_free (g_steal_pointer (&out), FALSE);
  if (g_utf8_strlen (one_line, -1) <= (glong) max_chars)
    return g_steal_pointer (&one_line);

  cut = g_utf8_substring (one_line, 0, max_chars - 1);

  return g_strconcat (g_strstrip (cut), "…", NULL);
}

/* ==== cycles ==== */

/**
 * pathways_cycle_dup_default_name:
 * @year: a year
 * @index: which of the year's three default cycles: 0, 1 or 2
 *
 * Returns: (transfer full): "January–April 2026", "May–August 2026" or
 *   "September–December 2026"
 */
char *
pathways_cycle_dup_default_name (int   year,
                                 guint index)
{
  g_return_val_if_fail (index < 3, NULL);

  switch (index)
    {
    case 0:
      /* Translators: the first of a year's three review cycles; %d is the year */
      return g_strdup_printf (_("January–April %d"), year);
    case 1:
      /* Translators: the second of a year's three review cycles; %d is the year */
      return g_strdup_printf (_("May–August %d"), year);
    default:
      /* Translators: the last of a year's three review cycles; %d is the year */
      return g_strdup_printf (_("September–December %d"), year);
    }
}

/**
 * pathways_cycle_contains:
 * @cycle: a review cycle
 * @date: (nullable): a date, "YYYY-MM-DD"
 *
 * Returns: whether @date is one of the cycle's days, its first and last included
 */
gboolean
pathways_cycle_contains (const PathwaysCycle *cycle,
                         const char          *date)
{
  g_return_val_if_fail (cycle != NULL, FALSE);

  if (!pathways_date_is_valid (date))
    return FALSE;

  return g_strcmp0 (cycle->starts_on, date) <= 0 && g_strcmp0 (date, cycle->ends_on) <= 0;
}

/**
 * pathways_cycle_days_left:
 * @cycle: a review cycle
 * @today: today, "YYYY-MM-DD"
 *
 * Days left in the cycle, today and the last day both counted: 1 on its last day, 0 once
 * it is over, its whole length before it starts.
 *
 * Returns: the number of days
 */
guint
pathways_cycle_days_left (const PathwaysCycle *cycle,
                          const char          *today)
{
  const char *from;
  int days;

  g_return_val_if_fail (cycle != NULL, 0);

  if (!pathways_date_is_valid (today) || !pathways_date_is_valid (cycle->ends_on))
    return 0;

  from = g_strcmp0 (today, cycle->starts_on) < 0 ? cycle->starts_on : today;
  days = pathways_review_days_between (from, cycle->ends_on) + 1;

  return days > 0 ? (guint) days : 0;
}

/* ==== the text of a review ==== */

/**
 * pathways_review_dup_default_template:
 *
 * The template a new review starts from, in Markdown: a section for each part of the
 * handbook's review — summary; wins and successes; opportunities for growth; tracking
 * against the current and next level; promotion readiness; goals for the next cycle — each
 * with a one-line prompt in an HTML comment, which the rendered view and the export leave
 * out.
 *
 * Returns: (transfer full): the template, with {name}, {first_name}, {cycle}, {level} and
 *   {target} placeholders
 */
char *
pathways_review_dup_default_template (void)
{
  /* Translators: the template of a new performance review, in Markdown. Translate the
   * headings and the prompts inside <!-- -->, but keep the placeholders in braces as they
   * are: {name}, {first_name}, {cycle}, {level} and {target} are filled in with the
   * report's name, first name, the review cycle, their level and the level they work
   * toward. */
  return g_strdup (_("## Summary\n"
                     "\n"
                     "<!-- How {cycle} went for {first_name}, in two or three sentences. -->\n"
                     "\n"
                     "## Wins and successes\n"
                     "\n"
                     "<!-- What {first_name} achieved and how. Insert dated evidence from the "
                     "panel. -->\n"
                     "\n"
                     "## Opportunities for growth\n"
                     "\n"
                     "<!-- Where {first_name} can grow next, with examples. -->\n"
                     "\n"
                     "## Tracking against {level} and {target}\n"
                     "\n"
                     "<!-- How {first_name} performs against the current level and the next. "
                     "Insert the ladder section. -->\n"
                     "\n"
                     "## Promotion readiness\n"
                     "\n"
                     "<!-- Performing at {target}, across all aspects, for a sustained "
                     "period? Your verdict and why. -->\n"
                     "\n"
                     "## Goals for the next cycle\n"
                     "\n"
                     "<!-- Two or three goals, each with what success looks like. -->\n"));
}

static gboolean
is_placeholder_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '_';
}

/**
 * pathways_review_expand_template:
 * @template_text: a review template, Markdown
 * @values: (nullable) (element-type utf8 utf8): placeholder name (without braces) → plain
 *   text, or %NULL for a missing value
 *
 * Fills in the template's placeholders: "{name}" becomes the value of "name", escaped so
 * that Markdown shows it literally. A placeholder is a brace, a name of lower-case
 * letters, digits and underscores, and a brace. One whose value is missing stays as
 * written, so the manager sees what to fill in; any other brace is left alone.
 *
 * Returns: (transfer full): the filled-in text
 */
char *
pathways_review_expand_template (const char *template_text,
                                 GHashTable *values)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (template_text != NULL, NULL);

  out = g_string_sized_new (strlen (template_text) + 64);
  for (p = template_text; *p != '\0'; p++)
    {
      const char *end = p + 1;
      g_autofree char *name = NULL;
      const char *value;

      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }

      while (is_placeholder_char (*end))
        end++;
      if (*end != '}' || end == p + 1)
        {
          g_string_append_c (out, *p);
          continue;
        }

      name = g_strndup (p + 1, (gsize) (end - p - 1));
      value = values != NULL ? g_hash_table_lookup (values, name) : NULL;
      if (value == NULL)
        {
          g_string_append_len (out, p, end - p + 1);
        }
      else
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (value));

          append_escaped (out, trimmed, FALSE);
        }
      p = end;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether @line (without its end) opens or closes a fenced code block: up to three spaces,
 * then three or more backticks or tildes. */
static gboolean
is_fence (const char *line,
          char       *fence_char)
{
  const char *p = line;
  guint n = 0;

  while (*p == ' ' && p - line < 3)
    p++;
  if (*p != '`' && *p != '~')
    return FALSE;
  while (p[n] == *p)
    n++;
  if (n < 3)
    return FALSE;
  if (*fence_char != '\0' && *fence_char != *p)
    return FALSE;

  *fence_char = *p;

  return TRUE;
}

/* The review's Markdown without the comment-only blocks (the template's prompts): an HTML
 * comment that starts a line and whose line ends after it, outside fenced code. Runs of
 * blank lines this leaves become one. */
static char *
dup_without_prompts (const char *body)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char fence_char = '\0';
  gboolean in_fence = FALSE;
  guint blank_run = 0;
  guint i = 0;

  lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  while (lines[i] != NULL)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      const char *start;

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';

      start = line;
      while (*start == ' ' && start - line < 3)
        start++;

      if (in_fence)
        {
          char closing = fence_char;

          if (is_fence (line, &closing))
            {
              in_fence = FALSE;
              fence_char = '\0';
            }
        }
      else if (is_fence (line, &fence_char))
        {
          in_fence = TRUE;
        }
      else if (g_str_has_prefix (start, "<!--"))
        {
          /* Find where the comment ends, on this line or a later one. */
          for (guint j = i; lines[j] != NULL; j++)
            {
              const char *close = strstr (j == i ? start + 4 : lines[j], "-->");

              if (close == NULL)
                continue;
              if (!pathways_review_has_content (close + 3))
                {
                  i = j + 1;
                  goto next_line;
                }
              break;
            }
        }

      if (!pathways_review_has_content (line) && !in_fence)
        {
          blank_run++;
        }
      else
        {
          if (blank_run > 0 && out->len > 0)
            g_string_append_c (out, '\n');
          blank_run = 0;
          g_string_append (out, line);
          g_string_append_c (out, '\n');
        }
      i++;

    next_line:
      ;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pathways_review_to_markdown:
 * @review: a review
 * @person_name: the report's full name
 *
 * The review as a Markdown file: a title line naming the person and the cycle, then the
 * review's text without the template's prompts (comment-only lines). Private 1-on-1
 * notes appear only where the manager put them in the text.
 *
 * Returns: (transfer full): the Markdown, ending with a newline
 */
char *
pathways_review_to_markdown (const PathwaysReview *review,
                             const char           *person_name)
{
  g_autoptr(GString) out = g_string_new ("# ");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (review != NULL, NULL);

  /* Translators: the title of an exported review; the person's name, then the cycle's */
  title = g_strdup_printf (_("Performance review: %s, %s"),
                           person_name != NULL ? person_name : "",
                           review->cycle_name != NULL ? review->cycle_name : "");
  append_escaped (out, title, TRUE);
  g_string_append_c (out, '\n');

  body = dup_without_prompts (review->body);
  if (body[0] != '\0')
    {
      g_string_append_c (out, '\n');
      g_string_append (out, body);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ==== evidence ==== */

/**
 * pathways_evidence_item_to_markdown:
 * @item: an evidence item
 *
 * The item as a dated bullet to insert into a draft:
 * "- 12 Mar 2026 — Shipped the refund service _(win)_". The text stays as recorded (notes
 * are Markdown already); its later lines are indented to stay inside the bullet. The
 * source is escaped.
 *
 * Returns: (transfer full): the bullet, ending with a newline
 */
char *
pathways_evidence_item_to_markdown (const PathwaysEvidenceItem *item)
{
  g_autoptr(GString) out = g_string_new ("- ");
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  date = pathways_review_dup_display_date (item->date, TRUE);
  text = g_strstrip (g_strdup (item->text != NULL ? item->text : ""));
  lines = g_strsplit (text, "\n", -1);

  g_string_append (out, date);
  g_string_append (out, " — ");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      if (i > 0)
        g_string_append (out, pathways_review_has_content (line) ? "\n  " : "\n");
      if (pathways_review_has_content (line))
        g_string_append (out, line);
    }
  g_string_append (out, " _(");
  append_escaped (out, item->source, FALSE);
  g_string_append (out, ")_\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Text as citing compares it: Unicode-normalised, case-folded, each run of white space one
 * space, trimmed. */
static char *
dup_cite_normalized (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (composed != NULL ? composed : valid, -1);
  g_autoptr(GString) out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What a draft must contain for @item to count as cited: its normalised text, or the
 * first CITE_PREFIX_CHARS characters of a longer one. NULL if the item has no text. */
static char *
dup_cite_needle (const PathwaysEvidenceItem *item)
{
  g_autofree char *needle = dup_cite_normalized (item->text);

  if (needle[0] == '\0')
    return NULL;
  if (g_utf8_strlen (needle, -1) > CITE_PREFIX_CHARS)
    return g_utf8_substring (needle, 0, CITE_PREFIX_CHARS);

  return g_steal_pointer (&needle);
}

/**
 * pathways_evidence_item_is_cited:
 * @item: an evidence item
 * @body: (nullable): a review's text
 *
 * Whether the draft already cites the item: it contains the item's text, compared without
 * regard to case or to how lines are broken and spaced; for a long text, its first 80
 * characters are enough, as the manager may have shortened the rest.
 *
 * Returns: %TRUE if cited
 */
gboolean
pathways_evidence_item_is_cited (const PathwaysEvidenceItem *item,
                                 const char                 *body)
{
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (item != NULL, FALSE);

  needle = dup_cite_needle (item);
  if (needle == NULL || body == NULL)
    return FALSE;
  haystack = dup_cite_normalized (body);

  return strstr (haystack, needle) != NULL;
}

/**
 * pathways_review_mark_cited:
 * @items: (element-type PathwaysEvidenceItem): evidence items
 * @body: (nullable): a review's text
 *
 * Sets each item's cited flag as pathways_evidence_item_is_cited() would, reading the
 * draft once.
 *
 * Returns: how many items are cited
 */
guint
pathways_review_mark_cited (GPtrArray  *items,
                            const char *body)
{
  g_autofree char *haystack = NULL;
  guint n_cited = 0;

  g_return_val_if_fail (items != NULL, 0);

  haystack = dup_cite_normalized (body);
  for (guint i = 0; i < items->len; i++)
    {
      PathwaysEvidenceItem *item = g_ptr_array_index (items, i);
      g_autofree char *needle = dup_cite_needle (item);

      item->cited = needle != NULL && strstr (haystack, needle) != NULL;
      n_cited += item->cited;
    }

  return n_cited;
}

/* ==== the ladder and promotion readiness ==== */

typedef struct
{
  const char *key;
  const char *name;  /* label, or a responsibility's text */
} Expectation;

/* The target level's expectations in the ladder's order: competencies, responsibilities. */
static GArray *
level_expectations (const PathwaysLevel *level)
{
  GArray *expectations = g_array_new (FALSE, FALSE, sizeof (Expectation));

  for (guint i = 0; level->competencies != NULL && i < level->competencies->len; i++)
    {
      PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);
      Expectation e = { competency->key, competency->label };

      g_array_append_val (expectations, e);
    }
  for (guint i = 0; level->responsibilities != NULL && i < level->responsibilities->len; i++)
    {
      PathwaysResponsibility *responsibility = g_ptr_array_index (level->responsibilities, i);
      Expectation e = { responsibility->key, responsibility->text };

      g_array_append_val (expectations, e);
    }

  return expectations;
}

/* "12 weeks", or "5 days" under a week. */
static char *
dup_duration (int days)
{
  days = MAX (days, 0);
  if (days < 7)
    return g_strdup_printf (ngettext ("%d day", "%d days", (gulong) days), days);

  return g_strdup_printf (ngettext ("%d week", "%d weeks", (gulong) (days / 7)), days / 7);
}

/* "since 3 Mar 2026 — 12 weeks": how long the current rating has held (for consistently,
 * the whole unbroken run). */
static char *
dup_held (const PathwaysRatingState *state,
          const char                *today)
{
  const char *since;
  g_autofree char *date = NULL;
  g_autofree char *duration = NULL;

  if (state == NULL || state->rating == PATHWAYS_RATING_NONE)
    return g_strdup ("—");

  since = state->rating == PATHWAYS_RATING_CONSISTENTLY && state->consistently_since != NULL
          ? state->consistently_since : state->rated_on;
  date = pathways_review_dup_display_date (since, TRUE);
  duration = dup_duration (pathways_review_days_between (since, today));

  /* Translators: how long a ladder rating has held, "since 3 Mar 2026 — 12 weeks" */
  return g_strdup_printf (_("since %s — %s"), date, duration);
}

/**
 * pathways_review_dup_ladder_section:
 * @level: the level to report against (usually the target level)
 * @ratings: (element-type utf8 PathwaysRatingState): key → rating, from
 *   pathways_store_dup_ratings()
 * @evidence_counts: (nullable) (element-type utf8 guint): key → count, from
 *   pathways_store_dup_evidence_counts()
 * @today: (nullable): today, "YYYY-MM-DD", or %NULL for the real today
 *
 * The honest summary of how someone tracks against a level, to insert into a review: a
 * line naming the level, then a table with a row per expectation (competencies, then
 * responsibilities) — its current rating, how long that has held, and how much evidence
 * backs it. Pipes and line breaks in the handbook's text are escaped so the table holds.
 *
 * Returns: (transfer full): the Markdown, ending with a newline
 */
char *
pathways_review_dup_ladder_section (const PathwaysLevel *level,
                                    GHashTable          *ratings,
                                    GHashTable          *evidence_counts,
                                    const char          *today)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) expectations = NULL;
  g_autofree char *real_today = NULL;
  g_autofree char *level_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *lead = NULL;
  guint n_consistently = 0;

  g_return_val_if_fail (level != NULL, NULL);

  real_today = dup_today_if_null (today);
  expectations = level_expectations (level);
  level_name = pathways_level_dup_display_name (level);
  date = pathways_review_dup_display_date (real_today, TRUE);

  for (guint i = 0; i < expectations->len; i++)
    {
      const Expectation *e = &g_array_index (expectations, Expectation, i);
      const PathwaysRatingState *state = ratings != NULL ? g_hash_table_lookup (ratings, e->key)
                                                         : NULL;

      n_consistently += state != NULL && state->rating == PATHWAYS_RATING_CONSISTENTLY;
    }

  {
    g_autoptr(GString) escaped = g_string_new (NULL);

    append_escaped (escaped, level_name, FALSE);
    /* Translators: the line above the ladder table in a review: the level, the date,
     * and how many of its expectations are held consistently, "Against **Senior
     * Engineer**, as of 12 Jun 2026: 3 of 8 expectations consistently." */
    lead = g_strdup_printf (ngettext ("Against **%s**, as of %s: %u of %u expectation "
                                      "consistently.",
                                      "Against **%s**, as of %s: %u of %u expectations "
                                      "consistently.",
                                      expectations->len),
                            escaped->str, date, n_consistently, expectations->len);
  }
  g_string_append (out, lead);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "| %s | %s | %s | %s |\n",
                          /* Translators: a column of the review's ladder table */
                          _("Expectation"),
                          /* Translators: a column of the review's ladder table */
                          _("Rating"),
                          /* Translators: a column of the review's ladder table: how long
                           * the rating has held */
                          _("Held"),
                          /* Translators: a column of the review's ladder table: how much
                           * evidence backs the rating */
                          _("Evidence"));
  g_string_append (out, "| --- | --- | --- | ---: |\n");

  for (guint i = 0; i < expectations->len; i++)
    {
      const Expectation *e = &g_array_index (expectations, Expectation, i);
      const PathwaysRatingState *state = ratings != NULL ? g_hash_table_lookup (ratings, e->key)
                                                         : NULL;
      guint n_evidence = evidence_counts != NULL
                         ? GPOINTER_TO_UINT (g_hash_table_lookup (evidence_counts, e->key))
                         : 0;
      g_autofree char *held = dup_held (state, real_today);

      g_string_append (out, "| ");
      append_one_line (out, e->name, TRUE);
      g_string_append (out, " | ");
      append_one_line (out, rating_label (state != NULL ? state->rating : PATHWAYS_RATING_NONE),
                       TRUE);
      g_string_append (out, " | ");
      append_one_line (out, held, TRUE);
      g_string_append_printf (out, " | %u |\n", n_evidence);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  /* Translators: between the names in a list of expectations, "Impact, Ownership" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/**
 * pathways_review_assess_readiness:
 * @level: the target level
 * @ratings: (element-type utf8 PathwaysRatingState): key → rating, from
 *   pathways_store_dup_ratings()
 * @cycle_start: (nullable): the first day of the review's cycle
 * @sustained_weeks: how long "consistently" must have held to count as sustained
 * @today: (nullable): today, "YYYY-MM-DD", or %NULL for the real today
 *
 * Whether the ratings say "performing at the next level, across all aspects, for a
 * sustained period": ready when every expectation of @level is rated consistently, and
 * each has been since the cycle started (consistently_since on or before @cycle_start) or
 * for at least @sustained_weeks. The reasons say what holds it back, naming the
 * expectations. A suggestion: the manager writes the verdict.
 *
 * Returns: (transfer full): the suggestion
 */
PathwaysReadiness *
pathways_review_assess_readiness (const PathwaysLevel *level,
                                  GHashTable          *ratings,
                                  const char          *cycle_start,
                                  guint                sustained_weeks,
                                  const char          *today)
{
  g_autoptr(PathwaysReadiness) readiness = g_new0 (PathwaysReadiness, 1);
  g_autoptr(GPtrArray) not_consistently = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unrated = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) too_short = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) expectations = NULL;
  g_autofree char *real_today = NULL;

  g_return_val_if_fail (level != NULL, NULL);

  real_today = dup_today_if_null (today);
  expectations = level_expectations (level);
  readiness->reasons = g_ptr_array_new_with_free_func (g_free);
  readiness->n_expectations = expectations->len;

  for (guint i = 0; i < expectations->len; i++)
    {
      const Expectation *e = &g_array_index (expectations, Expectation, i);
      const PathwaysRatingState *state = ratings != NULL ? g_hash_table_lookup (ratings, e->key)
                                                         : NULL;
      char *name = pathways_review_dup_ellipsized (e->name, PATHWAYS_REVIEW_NAME_CHARS);
      const char *since;
      gboolean sustained;

      if (state == NULL || state->rating == PATHWAYS_RATING_NONE)
        {
          readiness->n_unrated++;
          g_ptr_array_add (unrated, name);
          continue;
        }
      if (state->rating != PATHWAYS_RATING_CONSISTENTLY)
        {
          g_ptr_array_add (not_consistently, name);
          continue;
        }

      readiness->n_consistently++;
      since = state->consistently_since != NULL ? state->consistently_since : state->rated_on;
      sustained = (cycle_start != NULL && g_strcmp0 (since, cycle_start) <= 0)
                  || pathways_review_days_between (since, real_today) >= (int) sustained_weeks * 7;
      if (sustained)
        {
          readiness->n_sustained++;
          g_free (name);
          continue;
        }

      {
        g_autofree char *date = pathways_review_dup_display_date (since, TRUE);

        /* Translators: why a promotion is not suggested yet: an expectation, and the
         * date it has been rated consistently since, "Impact: consistently since 2 Apr
         * 2026 — less than a cycle" */
        g_ptr_array_add (too_short, g_strdup_printf (_("%s: consistently since %s — less "
                                                       "than a cycle"), name, date));
        g_free (name);
      }
    }

  readiness->ready = readiness->n_expectations > 0
                     && readiness->n_sustained == readiness->n_expectations;

  if (readiness->n_expectations == 0)
    {
      g_ptr_array_add (readiness->reasons,
                       g_strdup (_("The level lists no expectations to assess against.")));
    }
  else if (readiness->ready)
    {
      g_ptr_array_add (readiness->reasons,
                       g_strdup_printf (ngettext ("The %u expectation is rated consistently, "
                                                  "sustained over the cycle.",
                                                  "All %u expectations are rated "
                                                  "consistently, sustained over the cycle.",
                                                  readiness->n_expectations),
                                        readiness->n_expectations));
    }

  if (not_consistently->len > 0)
    {
      guint n = not_consistently->len;
      g_autofree char *names = join_names (not_consistently);

      /* Translators: why a promotion is not suggested yet, "3 expectations not yet
       * consistently: Impact, Ownership, Craft" */
      g_ptr_array_add (readiness->reasons,
                       g_strdup_printf (ngettext ("%u expectation not yet consistently: %s",
                                                  "%u expectations not yet consistently: %s",
                                                  n),
                                        n, names));
    }
  if (unrated->len > 0)
    {
      guint n = unrated->len;
      g_autofree char *names = join_names (unrated);

      /* Translators: why a promotion is not suggested yet, "2 expectations not rated yet:
       * Impact, Ownership" */
      g_ptr_array_add (readiness->reasons,
                       g_strdup_printf (ngettext ("%u expectation not rated yet: %s",
                                                  "%u expectations not rated yet: %s", n),
                                        n, names));
    }
  for (guint i = 0; i < too_short->len; i++)
    g_ptr_array_add (readiness->reasons, g_strdup (g_ptr_array_index (too_short, i)));

  return g_steal_pointer (&readiness);
}
