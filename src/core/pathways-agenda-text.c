/* pathways-agenda-text.c: a 1-on-1 agenda as Markdown to paste into chat or save for the
 * report, and the other way round: talking points read back from what a report pasted.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-agenda"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-agenda.h"
#include "pathways-markdown.h"

/* Between an item's text and its note in italics; the import recognises it to strip the note
 * again. " — " in UTF-8. */
#define NOTE_SEPARATOR " \342\200\224 "

#define IMPORT_MAX_ITEMS 500
#define IMPORT_MAX_CHARS 10000

/* ---- export ---- */

typedef enum
{
  ESCAPE_INLINE     = 0,
  ESCAPE_LINE_START = 1 << 0,  /* the text starts a line of its own */
  ESCAPE_HEADING    = 1 << 1,  /* the text is an ATX heading's, where a final '#' closes it */
} EscapeFlags;

static gboolean
looks_like_entity (const char *p)
{
  const char *q = p + 1;
  const char *start;

  if (*q == '#')
    {
      q++;
      if (*q == 'x' || *q == 'X')
        q++;
    }
  for (start = q; g_ascii_isalnum (*q); q++)
    ;

  return q > start && *q == ';';
}

/* Whether @p begins a line with something that starts a block: an ordered list marker
 * ("1." or "1)"), or one of the characters that open a bullet, heading, quote, setext
 * underline or code fence. Returns the character to escape, or NULL. */
static const char *
find_block_start (const char *p)
{
  const char *q;

  for (q = p; g_ascii_isdigit (*q); q++)
    ;
  if (q > p && q - p <= 9 && (*q == '.' || *q == ')'))
    return q;

  if (*p != '\0' && strchr ("#-+=>~", *p) != NULL)
    return p;

  return NULL;
}

/* Appends @text so that CommonMark renders it literally, on one line.
 *
 * Why backslashes: every ASCII punctuation character may be backslash-escaped in
 * CommonMark, and "\<b>" reads better in a chat window than "&lt;b&gt;" does, which matters
 * because the same text is pasted into chats that don't render Markdown at all. So only
 * what would otherwise change meaning is escaped: emphasis and code ('*', '_', '`'), links
 * and images ('[', ']'), raw HTML and autolinks ('<'), entities ('&' only where it would
 * start one), GFM strikethrough ('~'), and a backslash before punctuation or at the end.
 * SQL and the like need nothing. Line breaks become spaces, so the text stays one
 * paragraph.
 *
 * List items never need the line-start rule: their text follows "- [ ] " on the same
 * line, where "#", "- " or "1. " can't open a block. */
static void
append_escaped (GString     *out,
                const char  *text,
                EscapeFlags  flags)
{
  const char *block_start = NULL;
  const char *p;

  if (text == NULL)
    return;

  if (flags & ESCAPE_LINE_START)
    {
      /* Four spaces would make an indented code block. */
      while (*text == ' ' || *text == '\t' || *text == '\r' || *text == '\n')
        text++;
      block_start = find_block_start (text);
    }

  for (p = text; *p != '\0'; p++)
    {
      gboolean escape = p == block_start;

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
          /* At the end, what the caller appends comes next: the '_' closing a note. */
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
          escape = looks_like_entity (p);
          break;

        case '#':
          escape = escape || (flags & ESCAPE_HEADING);
          break;

        default:
          break;
        }

      if (escape)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* Returns @text with "\n" line ends, without leading blank lines or trailing blanks, or
 * NULL when there is nothing but blanks. Leading tabs become spaces (tab stops of 4), so
 * that indenting the lines keeps what they mean. */
static char *
dup_block (const char *text)
{
  GString *s;
  const char *p;
  gboolean line_start = TRUE;
  guint column = 0;
  gsize start;

  if (text == NULL)
    return NULL;

  s = g_string_new (NULL);
  for (p = text; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_string_append_c (s, '\n');
          line_start = TRUE;
          column = 0;
        }
      else if (line_start && *p == '\t')
        {
          do
            g_string_append_c (s, ' ');
          while (++column % 4 != 0);
        }
      else
        {
          if (*p != ' ')
            line_start = FALSE;
          g_string_append_c (s, *p);
          column++;
        }
    }

  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);

  /* Drop whole blank lines at the start, but keep the first line's indentation. */
  start = 0;
  for (gsize i = 0; i < s->len && g_ascii_isspace (s->str[i]); i++)
    if (s->str[i] == '\n')
      start = i + 1;
  g_string_erase (s, 0, start);

  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }

  return g_string_free (s, FALSE);
}

/* Parses "YYYY-MM-DD", optionally followed by "THH:MM" (or a space instead of the T), as a
 * wall-clock time to format. */
static GDateTime *
parse_wall_clock (const char *text,
                  gboolean   *has_time)
{
  int year, month, day, hour = 0, minute = 0;

  *has_time = FALSE;

  if (text == NULL || strlen (text) < 10)
    return NULL;
  for (guint i = 0; i < 10; i++)
    {
      if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return NULL;
    }

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  if ((text[10] == 'T' || text[10] == ' ') &&
      g_ascii_isdigit (text[11]) && g_ascii_isdigit (text[12]) && text[13] == ':' &&
      g_ascii_isdigit (text[14]) && g_ascii_isdigit (text[15]))
    {
      hour = g_ascii_digit_value (text[11]) * 10 + g_ascii_digit_value (text[12]);
      minute = g_ascii_digit_value (text[14]) * 10 + g_ascii_digit_value (text[15]);
      if (hour < 24 && minute < 60)
        *has_time = TRUE;
      else
        hour = minute = 0;
    }

  /* Meetings are kept as wall-clock text, so they are formatted as such: read in UTC, which
   * has no daylight-saving gaps. In local time a 02:30 meeting on the night clocks go
   * forward would not exist and would be shown as 03:00. */
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

/* "12 Nov" for a "YYYY-MM-DD" date; with the year when it isn't @ref_year. */
static char *
dup_short_date (const char *date,
                int         ref_year)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean has_time;

  dt = parse_wall_clock (date, &has_time);
  if (dt == NULL)
    return g_strdup (date);

  if (g_date_time_get_year (dt) == ref_year)
    /* Translators: a short date in a shared 1-on-1 agenda, as in "due 4 Dec" or
     * "from 12 Nov". See g_date_time_format() for the codes. */
    /* xgettext:no-c-format */
    return g_date_time_format (dt, _("%-d %b"));

  /* Translators: a short date in another year, as in "due 4 Dec 2027". See
   * g_date_time_format() for the codes. */
  /* xgettext:no-c-format */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* The person's first name, for the notes after each item. */
static char *
dup_first_name (const char *person_name)
{
  const char *start;
  const char *end;

  if (person_name == NULL)
    person_name = "";

  for (start = person_name; *start != '\0' && g_unichar_isspace (g_utf8_get_char (start));
       start = g_utf8_next_char (start))
    ;
  for (end = start; *end != '\0' && !g_unichar_isspace (g_utf8_get_char (end));
       end = g_utf8_next_char (end))
    ;

  if (end == start)
    /* Translators: who a talking point is from, when the person has no name */
    return g_strdup (_("them"));

  return g_strndup (start, end - start);
}

static const char *
owner_label (PathwaysOwner  owner,
             const char    *first_name)
{
  if (owner == PATHWAYS_OWNER_THEM)
    return first_name;

  /* Translators: who an agenda item is from or for, when it is the manager, as in
   * "Send the doc — me, due 4 Dec" */
  return _("me");
}

static void
append_note_part (GString    *note,
                  const char *part)
{
  if (note->len > 0)
    /* Translators: separates the parts of the note after an agenda item, as in
     * "Sam, due 4 Dec, overdue" */
    g_string_append (note, _(", "));
  g_string_append (note, part);
}

/* Appends "- [ ] text — _note_", and the item's notes indented under it so that they stay
 * inside the list item (after a blank line, or their first line would join the text). */
static void
append_item (GString    *out,
             gboolean    checked,
             const char *text,
             const char *note,
             const char *notes)
{
  g_autofree char *block = dup_block (notes);

  g_string_append (out, checked ? "- [x] " : "- [ ] ");
  append_escaped (out, text, ESCAPE_INLINE);
  g_string_append (out, NOTE_SEPARATOR "_");
  append_escaped (out, note, ESCAPE_INLINE);
  g_string_append (out, "_\n");

  if (block != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (block, "\n", -1);

      g_string_append_c (out, '\n');
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (lines[i][0] != '\0')
            g_string_append_printf (out, "  %s", lines[i]);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
}


static const char *
section_title (PathwaysAgendaSection section)
{
  switch (section)
    {
    case PATHWAYS_SECTION_CARRIED:
      /* Translators: a heading in a shared 1-on-1 agenda: points not discussed last time */
      return _("Carried over");
    case PATHWAYS_SECTION_ACTIONS:
      /* Translators: a heading in a shared 1-on-1 agenda */
      return _("Action items");
    case PATHWAYS_SECTION_EVERY:
      /* Translators: a heading in a shared 1-on-1 agenda: topics for every 1-on-1 */
      return _("Every time");
    case PATHWAYS_SECTION_TALKING:
      /* Translators: a heading in a shared 1-on-1 agenda */
      return _("Talking points");
    case PATHWAYS_SECTION_CHECKIN:
      /* Translators: a heading in a shared 1-on-1 agenda: topics brought up every few
       * meetings, whose turn it is */
      return _("Due for a check-in");
    case PATHWAYS_SECTION_LADDER:
      /* Translators: a heading in a shared 1-on-1 agenda: career ladder expectations */
      return _("Ladder");
    case PATHWAYS_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pathways_agenda_section_of:
 * @meeting: a meeting
 * @point: one of its talking points
 *
 * Returns: the section of the agenda the point belongs in
 */
PathwaysAgendaSection
pathways_agenda_section_of (const PathwaysMeeting      *meeting,
               const PathwaysTalkingPoint *point)
{
  if (point->origin_meeting_id != 0 && point->origin_meeting_id != meeting->id)
    return PATHWAYS_SECTION_CARRIED;

  switch (point->kind)
    {
    case PATHWAYS_POINT_EVERY:
    case PATHWAYS_POINT_SKIP_LEVEL:
      return PATHWAYS_SECTION_EVERY;
    case PATHWAYS_POINT_FREQUENT:
      return PATHWAYS_SECTION_CHECKIN;
    case PATHWAYS_POINT_LADDER:
      return PATHWAYS_SECTION_LADDER;
    case PATHWAYS_POINT_TYPED:
    case PATHWAYS_POINT_PROMPT:
    default:
      return PATHWAYS_SECTION_TALKING;
    }
}

static void
append_heading (GString    *out,
                const char *title)
{
  if (out->len > 0 && !g_str_has_suffix (out->str, "\n\n"))
    g_string_append_c (out, '\n');
  g_string_append (out, "## ");
  append_escaped (out, title, ESCAPE_HEADING);
  g_string_append (out, "\n\n");
}

static void
append_point (GString                    *out,
              const PathwaysMeeting      *meeting,
              const PathwaysTalkingPoint *point,
              const char                 *first_name,
              int                         ref_year)
{
  g_autoptr(GString) note = g_string_new (NULL);

  append_note_part (note, owner_label (point->owner, first_name));
  if (pathways_agenda_section_of (meeting, point) == PATHWAYS_SECTION_CARRIED && point->origin_date != NULL)
    {
      g_autofree char *date = dup_short_date (point->origin_date, ref_year);
      g_autofree char *part = NULL;

      /* Translators: after a carried-over point: the date of the 1-on-1 it was first
       * raised in, as in "from 12 Nov" */
      part = g_strdup_printf (_("from %s"), date);
      append_note_part (note, part);
    }

  append_item (out, point->discussed, point->body, note->str, point->notes);
}

static void
append_action (GString                  *out,
               const PathwaysMeeting    *meeting,
               const PathwaysActionItem *item,
               const char               *first_name,
               const char               *today,
               int                       ref_year)
{
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean done = item->done_at != NULL && item->done_at[0] != '\0';

  append_note_part (note, owner_label (item->owner, first_name));

  if (item->due_on != NULL && item->due_on[0] != '\0')
    {
      g_autofree char *date = dup_short_date (item->due_on, ref_year);
      g_autofree char *part = NULL;

      /* Translators: after an action item: its due date, as in "due 4 Dec" */
      part = g_strdup_printf (_("due %s"), date);
      append_note_part (note, part);

      if (!done && strncmp (item->due_on, today, 10) < 0)
        /* Translators: after an action item that is past its due date */
        append_note_part (note, _("overdue"));
    }

  if (item->meeting_id != 0 && item->meeting_id != meeting->id && item->meeting_date != NULL)
    {
      g_autofree char *date = dup_short_date (item->meeting_date, ref_year);
      g_autofree char *part = NULL;

      /* Translators: after an action item agreed in an earlier 1-on-1: that meeting's date,
       * as in "from 12 Nov" */
      part = g_strdup_printf (_("from %s"), date);
      append_note_part (note, part);
    }

  append_item (out, done, item->body, note->str, NULL);
}

static void
append_date_line (GString               *out,
                  const PathwaysMeeting *meeting)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *when = NULL;
  gboolean has_time;

  dt = parse_wall_clock (meeting->scheduled_at, &has_time);
  if (dt != NULL && has_time)
    /* Translators: the date and time of a 1-on-1, under the title of a shared agenda, as
     * in "Tuesday 1 December 2026, 10:00". See g_date_time_format() for the codes. */
    /* xgettext:no-c-format */
    when = g_date_time_format (dt, _("%A %-d %B %Y, %H:%M"));
  else if (dt != NULL)
    /* Translators: the date of a 1-on-1, under the title of a shared agenda, as in
     * "Tuesday 1 December 2026". See g_date_time_format() for the codes. */
    /* xgettext:no-c-format */
    when = g_date_time_format (dt, _("%A %-d %B %Y"));
  else if (meeting->scheduled_at != NULL)
    when = g_strdup (meeting->scheduled_at);

  /* The status follows the date: " · Cancelled". */
  if (when != NULL && meeting->status == PATHWAYS_MEETING_CANCELLED)
    {
      g_autofree char *date = g_steal_pointer (&when);

      /* Translators: the date line of a shared agenda for a cancelled 1-on-1, as in
       * "Tuesday 1 December 2026 · Cancelled" */
      when = g_strdup_printf (_("%s · Cancelled"), date);
    }
  else if (when != NULL && meeting->status == PATHWAYS_MEETING_MOVED)
    {
      g_autofree char *date = g_steal_pointer (&when);

      /* Translators: the date line of a shared agenda for a 1-on-1 that was moved to
       * another day, as in "Tuesday 1 December 2026 · Moved" */
      when = g_strdup_printf (_("%s · Moved"), date);
    }

  if (when == NULL || when[0] == '\0')
    return;

  append_escaped (out, when, ESCAPE_LINE_START);
  g_string_append (out, "\n");
}

/**
 * pathways_agenda_to_markdown:
 * @meeting: the 1-on-1
 * @person_name: the report's full name
 * @points: (element-type PathwaysTalkingPoint) (nullable): the meeting's talking points,
 *   by position
 * @actions: (element-type PathwaysActionItem) (nullable): the action items to list
 * @include_private: whether the manager's private notes go in too
 *
 * Writes the agenda as Markdown to paste into a chat or save for the report: a title and
 * the date, then sections — carried over, action items, every time, talking points, due for
 * a check-in, ladder, shared notes — each left out when empty. Each item is a task-list
 * line, "- [ ] text — _Owner, due 4 Dec_", whose text reads literally whatever it holds;
 * a point's own notes follow inside the item. The private notes are written only when
 * @include_private is %TRUE, and nothing hints at them otherwise.
 *
 * Returns: (transfer full): the Markdown, ending with a newline
 */
char *
pathways_agenda_to_markdown (const PathwaysMeeting *meeting,
                             const char            *person_name,
                             GPtrArray             *points,
                             GPtrArray             *actions,
                             gboolean               include_private)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) meeting_dt = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shared = NULL;
  gboolean has_time;
  int ref_year;

  g_return_val_if_fail (meeting != NULL, NULL);

  out = g_string_new (NULL);
  now = pathways_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  first_name = dup_first_name (person_name);
  meeting_dt = parse_wall_clock (meeting->scheduled_at, &has_time);
  ref_year = g_date_time_get_year (meeting_dt != NULL ? meeting_dt : now);

  if (meeting->kind == PATHWAYS_MEETING_SKIP_LEVEL)
    /* Translators: the title of a shared agenda; %s is the person's full name */
    title = g_strdup_printf (_("Skip-level with %s"), person_name != NULL ? person_name : "");
  else
    /* Translators: the title of a shared agenda; %s is the person's full name */
    title = g_strdup_printf (_("1-on-1 with %s"), person_name != NULL ? person_name : "");

  g_string_append (out, "# ");
  append_escaped (out, title, ESCAPE_HEADING);
  g_string_append (out, "\n\n");
  append_date_line (out, meeting);

  for (PathwaysAgendaSection section = 0; section < PATHWAYS_N_SECTIONS; section++)
    {
      gboolean started = FALSE;

      if (section == PATHWAYS_SECTION_ACTIONS)
        {
          for (guint i = 0; actions != NULL && i < actions->len; i++)
            {
              if (!started)
                append_heading (out, section_title (section));
              started = TRUE;
              append_action (out, meeting, g_ptr_array_index (actions, i), first_name, today,
                             ref_year);
            }
          continue;
        }

      for (guint i = 0; points != NULL && i < points->len; i++)
        {
          const PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

          if (pathways_agenda_section_of (meeting, point) != section)
            continue;
          if (!started)
            append_heading (out, section_title (section));
          started = TRUE;
          append_point (out, meeting, point, first_name, ref_year);
        }
    }

  shared = dup_block (meeting->shared_notes);
  if (shared != NULL)
    {
      /* Translators: a heading in a shared 1-on-1 agenda: notes both people see */
      append_heading (out, _("Shared notes"));
      g_string_append (out, shared);
      g_string_append_c (out, '\n');
    }

  if (include_private)
    {
      g_autofree char *private_notes = dup_block (meeting->private_notes);

      if (private_notes != NULL)
        {
          /* Translators: a heading in an agenda the manager exports for themselves: their
           * own notes, never shared unless asked */
          append_heading (out, _("Private notes"));
          g_string_append (out, private_notes);
          g_string_append_c (out, '\n');
        }
    }

  /* Blank lines after a point's notes would leave the document ending on two newlines. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  /* It goes to the clipboard and to GTK, which want UTF-8 whatever the database held. */
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- import ---- */

typedef struct
{
  guint marker_col;   /* where the marker starts */
  guint content_col;  /* where the item's text starts */
} OpenItem;

typedef struct
{
  GPtrArray *items;        /* char*: the texts so far */
  GString   *current;      /* (nullable): the list item still taking continuation lines */
  GArray    *open;         /* OpenItem: the list items a deeper line could belong to */
  guint      notes_col;    /* while skipping an item's notes: its content column, else 0 */
  gboolean   after_blank;
  gboolean   plain_before; /* the previous line was a plain line that became an item */
  char       fence_char;   /* '`' or '~' inside a fenced code block, else 0 */
  gsize      fence_len;
  gboolean   in_comment;
} Importer;

/* Columns of leading blanks (tabs to the next multiple of 4); sets @rest after them. */
static guint
measure_indent (const char  *line,
                const char **rest)
{
  guint column = 0;
  const char *p;

  for (p = line; *p == ' ' || *p == '\t'; p++)
    column = *p == '\t' ? (column / 4 + 1) * 4 : column + 1;

  *rest = p;
  return column;
}

static gboolean
is_blank (const char *p)
{
  for (; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* "```" or "~~~" (or longer); sets @fence_char and @fence_len. */
static gboolean
match_fence (const char *p,
             char       *fence_char,
             gsize      *fence_len)
{
  gsize n;

  if (*p != '`' && *p != '~')
    return FALSE;

  for (n = 0; p[n] == *p; n++)
    ;
  if (n < 3 || (*p == '`' && strchr (p + n, '`') != NULL))
    return FALSE;

  *fence_char = *p;
  *fence_len = n;
  return TRUE;
}

static gboolean
match_closing_fence (const char *p,
                     char        fence_char,
                     gsize       fence_len)
{
  gsize n;

  for (n = 0; p[n] == fence_char; n++)
    ;
  return n >= fence_len && is_blank (p + n);
}

static gboolean
match_heading (const char *p)
{
  gsize n;

  for (n = 0; p[n] == '#'; n++)
    ;
  return n >= 1 && n <= 6 && (p[n] == '\0' || p[n] == ' ' || p[n] == '\t');
}

/* "---", "***", "___", "- - -"… */
static gboolean
match_thematic_break (const char *p)
{
  char c = *p;
  guint n = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == c)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }
  return n >= 3;
}

/* A setext heading's "===" underline. */
static gboolean
match_setext_underline (const char *p)
{
  if (*p != '=')
    return FALSE;
  while (*p == '=')
    p++;
  return is_blank (p);
}

/* A bullet ("-", "*", "+", or "•" and its kin as chat apps paste them) or an ordered list
 * marker ("1." or "1)"). Sets @width to the marker's columns and @text to what follows it. */
static gboolean
match_list_marker (const char  *p,
                   guint       *width,
                   const char **text)
{
  static const char * const bullets[] = {
    "\342\200\242", /* • */
    "\342\227\246", /* ◦ */
    "\342\226\252", /* ▪ */
    "\342\200\243", /* ‣ */
  };
  const char *q;

  if (*p == '-' || *p == '*' || *p == '+')
    {
      if (p[1] != '\0' && p[1] != ' ' && p[1] != '\t')
        return FALSE;
      *width = 1;
      *text = p + 1;
      return TRUE;
    }

  for (q = p; g_ascii_isdigit (*q); q++)
    ;
  if (q > p && q - p <= 9 && (*q == '.' || *q == ')') &&
      (q[1] == '\0' || q[1] == ' ' || q[1] == '\t'))
    {
      *width = q + 1 - p;
      *text = q + 1;
      return TRUE;
    }

  /* Pasted bullets are unambiguous even without a space after them. */
  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    {
      if (g_str_has_prefix (p, bullets[i]))
        {
          *width = 1;
          *text = p + strlen (bullets[i]);
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether the character at @p is escaped by an odd number of backslashes before it. */
static gboolean
is_escaped (const char *start,
            const char *p)
{
  gsize n = 0;

  while (p > start && p[-1] == '\\')
    p--, n++;
  return n % 2 == 1;
}

/* Strips a leading task checkbox: "[ ] ", "[x] ", "[X] ". Only one: "[ ] \[x\] …" is what
 * our export writes for a text that starts with "[x]". */
static void
strip_checkbox (GString *s)
{
  if (s->len >= 3 && s->str[0] == '[' && strchr (" xX", s->str[1]) != NULL &&
      s->str[2] == ']' && (s->str[3] == '\0' || s->str[3] == ' ' || s->str[3] == '\t'))
    g_string_erase (s, 0, 3);
}

/* Strips the note our export puts after an item, " — _Sam, from 12 Nov_". The note's own
 * underscores are escaped, and so are the text's, so the last two unescaped ones delimit
 * it. */
static void
strip_export_note (GString *s)
{
  gsize sep_len = strlen (NOTE_SEPARATOR);
  char *end;
  char *p;

  end = s->str + s->len;
  while (end > s->str && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (end - s->str < 2 || end[-1] != '_' || is_escaped (s->str, end - 1))
    return;

  for (p = end - 2; p >= s->str; p--)
    {
      if (*p != '_' || is_escaped (s->str, p))
        continue;
      if ((gsize) (p - s->str) >= sep_len &&
          strncmp (p - sep_len, NOTE_SEPARATOR, sep_len) == 0 && p + 1 < end - 1)
        g_string_truncate (s, p - sep_len - s->str);
      return;
    }
}

/* "\*" → "*": what a Markdown reader sees, and what our export escaped. */
static void
unescape (GString *s)
{
  gsize j = 0;

  for (gsize i = 0; i < s->len; i++)
    {
      if (s->str[i] == '\\' && g_ascii_ispunct (s->str[i + 1]))
        i++;
      s->str[j++] = s->str[i];
    }
  g_string_truncate (s, j);
}

/* Collapses runs of blanks and control characters into one space, trims, and cuts the text
 * at IMPORT_MAX_CHARS characters. */
static char *
dup_clean_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  gboolean space = FALSE;
  guint n_chars = 0;

  for (const char *p = text; *p != '\0' && n_chars < IMPORT_MAX_CHARS;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (s, ' ');
          n_chars++;
          space = FALSE;
          if (n_chars == IMPORT_MAX_CHARS)
            break;
        }
      g_string_append_unichar (s, c);
      n_chars++;
    }

  return g_strchomp (g_string_free (s, FALSE));
}

/* Adds a text unless it comes out empty; returns whether it was added. */
static gboolean
add_text (Importer   *im,
          const char *text,
          gboolean    markdown)
{
  g_autoptr(GString) s = g_string_new (text);
  g_autofree char *clean = NULL;

  if (im->items->len >= IMPORT_MAX_ITEMS)
    return FALSE;

  if (markdown)
    {
      while (s->len > 0 && g_ascii_isspace (s->str[0]))
        g_string_erase (s, 0, 1);
      strip_checkbox (s);
      strip_export_note (s);
      unescape (s);
    }

  clean = dup_clean_text (s->str);
  if (clean[0] == '\0')
    return FALSE;

  g_ptr_array_add (im->items, g_steal_pointer (&clean));
  return TRUE;
}

static void
finish_item (Importer *im)
{
  if (im->current == NULL)
    return;

  add_text (im, im->current->str, TRUE);
  g_string_free (g_steal_pointer (&im->current), TRUE);
}

static void
close_items (Importer *im)
{
  finish_item (im);
  g_array_set_size (im->open, 0);
}

/* Removes HTML comments from @line, which may open or close one that spans lines. A "<!--"
 * that nothing closes later is kept as text: someone typed it. */
static char *
dup_without_comments (Importer   *im,
                      const char *line,
                      gboolean    closed_later)
{
  GString *s = g_string_new (NULL);
  const char *p = line;

  while (*p != '\0')
    {
      const char *mark;
      const char *from;

      if (im->in_comment)
        {
          mark = strstr (p, "-->");
          if (mark == NULL)
            break;
          im->in_comment = FALSE;
          p = mark + 3;
          continue;
        }

      /* "\<!--" is text, as our export writes a "<!--" someone typed. */
      for (from = p; (mark = strstr (from, "<!--")) != NULL && is_escaped (line, mark);)
        from = mark + 1;
      if (mark == NULL || (strstr (mark + 4, "-->") == NULL && !closed_later))
        {
          g_string_append (s, p);
          break;
        }
      g_string_append_len (s, p, mark - p);
      im->in_comment = TRUE;
      p = mark + 4;
    }

  return g_string_free (s, FALSE);
}

static void
import_line (Importer   *im,
             const char *raw,
             gboolean    closed_later)
{
  g_autofree char *line = NULL;
  const char *rest;
  const char *text;
  guint lead;
  guint indent;
  guint width;
  gboolean plain_before = im->plain_before;
  gboolean was_in_comment = im->in_comment;

  im->plain_before = FALSE;

  if (im->fence_char != 0)
    {
      measure_indent (raw, &rest);
      if (match_closing_fence (rest, im->fence_char, im->fence_len))
        im->fence_char = 0;
      else
        /* Code is kept line by line, as typed: a report may paste an error message to talk
         * about, and dropping it would lose what they wrote. */
        add_text (im, raw, FALSE);
      return;
    }

  /* An item's notes, as our export writes them: after a blank line, indented under it.
   * They are details of that talking point, not points of their own. */
  if (im->notes_col > 0)
    {
      if (is_blank (raw) || measure_indent (raw, &rest) >= im->notes_col)
        return;
      im->notes_col = 0;
    }

  line = dup_without_comments (im, raw, closed_later);
  if (is_blank (line) && (was_in_comment || !is_blank (raw)))
    return;  /* all comment: as if the line weren't there */

  /* Quoted lines count as what they quote. Whether a line is part of an item's notes
   * depends on where it starts, quote or not. */
  lead = indent = measure_indent (line, &rest);
  while (*rest == '>')
    {
      rest++;
      indent++;
      if (*rest == ' ')
        rest++, indent++;
      indent += measure_indent (rest, &rest);
    }

  if (*rest == '\0')
    {
      finish_item (im);
      im->after_blank = TRUE;
      return;
    }

  if (im->after_blank)
    {
      im->after_blank = FALSE;
      while (im->open->len > 0 &&
             g_array_index (im->open, OpenItem, im->open->len - 1).content_col > lead)
        g_array_set_size (im->open, im->open->len - 1);
      if (im->open->len > 0)
        {
          im->notes_col = g_array_index (im->open, OpenItem, im->open->len - 1).content_col;
          return;
        }
    }

  if (match_fence (rest, &im->fence_char, &im->fence_len) || match_heading (rest) ||
      match_thematic_break (rest))
    {
      close_items (im);
      return;
    }

  if (match_setext_underline (rest))
    {
      /* "Agenda\n======" is a heading, like "# Agenda". */
      if (plain_before && im->items->len > 0)
        g_ptr_array_remove_index (im->items, im->items->len - 1);
      close_items (im);
      return;
    }

  if (match_list_marker (rest, &width, &text))
    {
      OpenItem item = { indent, indent + width + 1 };
      const char *content;
      guint spaces;

      finish_item (im);
      /* Siblings and their children close; a deeper marker nests, but is an item of its
       * own all the same. */
      while (im->open->len > 0 &&
             g_array_index (im->open, OpenItem, im->open->len - 1).marker_col >= indent)
        g_array_set_size (im->open, im->open->len - 1);

      spaces = measure_indent (text, &content);
      if (*content != '\0' && spaces >= 1 && spaces <= 4)
        item.content_col = indent + width + spaces;
      g_array_append_val (im->open, item);

      im->current = g_string_new (text);
      return;
    }

  /* A line indented past the marker continues the item; one that isn't is a new point,
   * which is what it usually is in a chat message. */
  if (im->current != NULL && im->open->len > 0 &&
      indent > g_array_index (im->open, OpenItem, im->open->len - 1).marker_col)
    {
      g_string_append_c (im->current, ' ');
      g_string_append (im->current, rest);
      return;
    }

  close_items (im);
  im->plain_before = add_text (im, rest, TRUE);
}

/**
 * pathways_agenda_parse_import:
 * @text: (nullable): what the report sent, pasted
 *
 * Reads talking points from pasted text, in order: each bullet ("-", "*", "+", "•"),
 * numbered item ("1." or "1)") or other non-empty line is one. Nested bullets are items of
 * their own; a line indented past its item's marker continues it. Task checkboxes, headings,
 * thematic breaks, HTML comments and backslash escapes are taken out, as is the note our
 * own export puts after each item, so importing the talking points of
 * pathways_agenda_to_markdown() gives back their texts. What sits indented under an item
 * after a blank line is that item's notes, and is left out. Lines of fenced code are kept
 * as they are, one point each. Other inline Markdown is kept as typed.
 *
 * Whitespace runs become one space; at most 500 texts of at most 10,000 characters each
 * are returned.
 *
 * Returns: (transfer full): the texts, possibly none
 */
GStrv
pathways_agenda_parse_import (const char *text)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) lines = NULL;
  Importer im = { 0 };
  guint last_closer = 0;
  gboolean any_closer = FALSE;

  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);

  clean = pathways_markdown_sanitize (text, strlen (text), NULL, NULL);
  for (char *p = clean; *p != '\0'; p++)
    if (*p == '\r' && p[1] != '\n')
      *p = '\n';
  lines = g_strsplit (clean, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (strstr (lines[i], "-->") != NULL)
        last_closer = i, any_closer = TRUE;
    }

  im.items = g_ptr_array_new_with_free_func (g_free);
  im.open = g_array_new (FALSE, FALSE, sizeof (OpenItem));

  for (guint i = 0; lines[i] != NULL && im.items->len < IMPORT_MAX_ITEMS; i++)
    import_line (&im, lines[i], any_closer && last_closer > i);
  finish_item (&im);

  g_array_unref (im.open);
  g_ptr_array_add (im.items, NULL);
  return (GStrv) g_ptr_array_free (im.items, FALSE);
}
