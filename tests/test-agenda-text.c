/* test-agenda-text.c: tests for sharing a 1-on-1 agenda as Markdown — what goes in, in which
 * section, what stays private, that any text reads literally — and for reading talking
 * points back from pasted text, including an export of our own.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-agenda-text"

#include "config.h"

#include <string.h>

#include <cmark.h>

#include "pathways-agenda.h"
#include "pathways-markdown.h"

#define MEETING_ID 7
#define EARLIER_ID 5
/* Far enough ahead that nothing due in that year is overdue when the tests run. */
#define MEETING_AT "2999-12-01T10:00"
#define EM_DASH    "\342\200\224"

/* ---- building agendas by hand ---- */

static PathwaysMeeting *
meeting_new (PathwaysMeetingKind kind,
             const char         *scheduled_at,
             const char         *shared_notes,
             const char         *private_notes)
{
  PathwaysMeeting *meeting = g_new0 (PathwaysMeeting, 1);

  meeting->id = MEETING_ID;
  meeting->kind = kind;
  meeting->status = PATHWAYS_MEETING_PLANNED;
  meeting->scheduled_at = g_strdup (scheduled_at);
  meeting->shared_notes = g_strdup (shared_notes);
  meeting->private_notes = g_strdup (private_notes);
  return meeting;
}

static PathwaysTalkingPoint *
add_point (GPtrArray         *points,
           PathwaysPointKind  kind,
           PathwaysOwner      owner,
           const char        *body)
{
  PathwaysTalkingPoint *point = g_new0 (PathwaysTalkingPoint, 1);

  point->id = points->len + 1;
  point->meeting_id = MEETING_ID;
  point->body = g_strdup (body);
  point->notes = g_strdup ("");
  point->owner = owner;
  point->position = points->len;
  point->kind = kind;
  g_ptr_array_add (points, point);
  return point;
}

static void
make_carried (PathwaysTalkingPoint *point,
              const char           *origin_date)
{
  point->origin_meeting_id = EARLIER_ID;
  point->origin_date = g_strdup (origin_date);
}

static PathwaysActionItem *
add_action (GPtrArray     *actions,
            PathwaysOwner  owner,
            const char    *body,
            const char    *due_on)
{
  PathwaysActionItem *item = g_new0 (PathwaysActionItem, 1);

  item->id = actions->len + 1;
  item->meeting_id = MEETING_ID;
  item->body = g_strdup (body);
  item->owner = owner;
  item->due_on = g_strdup (due_on);
  g_ptr_array_add (actions, item);
  return item;
}

static GPtrArray *
points_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_talking_point_free);
}

static GPtrArray *
actions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_action_item_free);
}

/* ---- reading the export back with cmark ---- */

static cmark_node *
parse (const char *markdown)
{
  return cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
}

/* The level-2 headings, in order. */
static GStrv
dup_section_titles (cmark_node *doc)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (cmark_node *node = cmark_node_first_child (doc); node != NULL;
       node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING &&
          cmark_node_get_heading_level (node) == 2)
        g_ptr_array_add (titles, pathways_markdown_node_dup_text (node));
    }
  g_ptr_array_add (titles, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&titles), FALSE);
}

/* The list right under the level-2 heading @title, or NULL. */
static cmark_node *
find_section_list (cmark_node *doc,
                   const char *title)
{
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL;
       node = cmark_node_next (node))
    {
      g_autofree char *text = NULL;

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;
      text = pathways_markdown_node_dup_text (node);
      if (g_str_equal (text, title))
        {
          cmark_node *next = cmark_node_next (node);

          return next != NULL && cmark_node_get_type (next) == CMARK_NODE_LIST ? next : NULL;
        }
    }

  return NULL;
}

static guint
count_children (cmark_node *node)
{
  guint n = 0;

  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    n++;
  return n;
}

typedef struct
{
  gboolean  checked;
  char     *text;  /* what a reader sees between the checkbox and the note */
  char     *note;  /* the italic note: owner, dates */
} Item;

static void
item_clear (Item *item)
{
  g_free (item->text);
  g_free (item->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Item, item_clear)

/* Reads one list item of the export, asserting it is what a reader should see: one
 * paragraph of plain text — no links, code, HTML or line breaks — then " — " and the note
 * in italics. */
static void
read_item (cmark_node *list_item,
           Item       *item)
{
  cmark_node *paragraph = cmark_node_first_child (list_item);
  cmark_node *last;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpint (cmark_node_get_type (list_item), ==, CMARK_NODE_ITEM);
  g_assert_nonnull (paragraph);
  g_assert_cmpint (cmark_node_get_type (paragraph), ==, CMARK_NODE_PARAGRAPH);

  last = cmark_node_last_child (paragraph);
  g_assert_nonnull (last);
  g_assert_cmpint (cmark_node_get_type (last), ==, CMARK_NODE_EMPH);

  for (cmark_node *node = cmark_node_first_child (paragraph); node != last;
       node = cmark_node_next (node))
    {
      g_assert_cmpint (cmark_node_get_type (node), ==, CMARK_NODE_TEXT);
      g_string_append (text, cmark_node_get_literal (node));
    }

  g_assert_true (g_str_has_prefix (text->str, "[ ] ") || g_str_has_prefix (text->str, "[x] "));
  g_assert_true (g_str_has_suffix (text->str, " " EM_DASH " "));

  item->checked = text->str[1] == 'x';
  item->text = g_strndup (text->str + 4, text->len - 4 - strlen (" " EM_DASH " "));
  item->note = pathways_markdown_node_dup_text (last);
}

static void
read_list_item (cmark_node *list,
                guint       index,
                Item       *item)
{
  cmark_node *node = cmark_node_first_child (list);

  for (guint i = 0; i < index && node != NULL; i++)
    node = cmark_node_next (node);
  g_assert_nonnull (node);
  read_item (node, item);
}

/* The "## Talking points" section of an export, as text. */
static char *
dup_section_source (const char *markdown,
                    const char *title)
{
  g_autofree char *heading = g_strdup_printf ("## %s\n", title);
  const char *start = strstr (markdown, heading);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start + strlen (heading), "\n## ");
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

/* Some of everything, for the tests about sections. */
static void
fill_agenda (GPtrArray *points,
             GPtrArray *actions)
{
  PathwaysTalkingPoint *point;

  add_point (points, PATHWAYS_POINT_EVERY, PATHWAYS_OWNER_ME, "How are you doing?");
  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Conference budget");
  point = add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "On-call load");
  make_carried (point, "2999-11-12");
  add_point (points, PATHWAYS_POINT_FREQUENT, PATHWAYS_OWNER_ME, "Career growth");
  add_point (points, PATHWAYS_POINT_LADDER, PATHWAYS_OWNER_ME, "Leads design reviews");
  add_point (points, PATHWAYS_POINT_PROMPT, PATHWAYS_OWNER_ME, "What drained you this week?");
  add_point (points, PATHWAYS_POINT_SKIP_LEVEL, PATHWAYS_OWNER_ME, "How is your manager?");
  point = add_point (points, PATHWAYS_POINT_LADDER, PATHWAYS_OWNER_ME, "Mentors a junior");
  make_carried (point, "2999-11-12");

  add_action (actions, PATHWAYS_OWNER_ME, "Send the promotion doc", "2999-12-04");
}

/* ---- export ---- */

static void
test_export_private_notes (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "We agreed on the plan.",
                 "Worried about burnout.\n\n- watch hours");
  g_autoptr(GPtrArray) points = points_new ();
  g_autofree char *shared = NULL;
  g_autofree char *mine = NULL;
  g_auto(GStrv) titles = NULL;
  cmark_node *doc;

  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Vacation");

  shared = pathways_agenda_to_markdown (meeting, "Sam Lee", points, NULL, FALSE);
  g_assert_null (strstr (shared, "burnout"));
  g_assert_null (strstr (shared, "watch hours"));
  g_assert_null (strstr (shared, "Private"));
  g_assert_nonnull (strstr (shared, "We agreed on the plan."));

  mine = pathways_agenda_to_markdown (meeting, "Sam Lee", points, NULL, TRUE);
  doc = parse (mine);
  titles = dup_section_titles (doc);
  g_assert_cmpstrv (titles, ((const char *[]) { "Talking points", "Shared notes",
                                                "Private notes", NULL }));
  g_assert_nonnull (strstr (mine, "## Private notes\n\nWorried about burnout.\n\n- watch hours\n"));
  cmark_node_free (doc);
}

static void
test_export_private_notes_empty (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, " \n\t\n", "  \r\n ");
  g_autoptr(GPtrArray) points = points_new ();
  g_autofree char *markdown = NULL;

  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Vacation");

  /* Blank notes are no notes: no heading for them, even when asked for. */
  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, NULL, TRUE);
  g_assert_null (strstr (markdown, "Private notes"));
  g_assert_null (strstr (markdown, "Shared notes"));
  g_assert_true (g_str_has_suffix (markdown, "_Sam_\n"));
}

static void
test_export_title_and_date (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autofree char *one_on_one = NULL;
  g_autofree char *skip_level = NULL;
  g_autofree char *date_only = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *moved = NULL;

  one_on_one = pathways_agenda_to_markdown (meeting, "Sam Lee", NULL, NULL, FALSE);
  g_assert_cmpstr (one_on_one, ==, "# 1-on-1 with Sam Lee\n\nSunday 1 December 2999, 10:00\n");

  meeting->kind = PATHWAYS_MEETING_SKIP_LEVEL;
  skip_level = pathways_agenda_to_markdown (meeting, "Sam Lee", NULL, NULL, FALSE);
  g_assert_true (g_str_has_prefix (skip_level, "# Skip-level with Sam Lee\n\n"));

  g_free (meeting->scheduled_at);
  meeting->scheduled_at = g_strdup ("2999-12-01");
  date_only = pathways_agenda_to_markdown (meeting, "Sam Lee", NULL, NULL, FALSE);
  g_assert_nonnull (strstr (date_only, "\n\nSunday 1 December 2999\n"));

  meeting->status = PATHWAYS_MEETING_CANCELLED;
  cancelled = pathways_agenda_to_markdown (meeting, "Sam Lee", NULL, NULL, FALSE);
  g_assert_nonnull (strstr (cancelled, "\n\nSunday 1 December 2999 · Cancelled\n"));

  meeting->status = PATHWAYS_MEETING_MOVED;
  moved = pathways_agenda_to_markdown (meeting, "Sam Lee", NULL, NULL, FALSE);
  g_assert_nonnull (strstr (moved, "\n\nSunday 1 December 2999 · Moved\n"));
}

static void
test_export_title_literal (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autofree char *markdown = NULL;
  g_autofree char *title = NULL;
  cmark_node *doc;
  cmark_node *heading;
  g_auto(Item) item = { 0 };

  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Vacation");
  markdown = pathways_agenda_to_markdown (meeting, "*Ana_María* <ana> #", points, NULL, FALSE);
  doc = parse (markdown);

  heading = cmark_node_first_child (doc);
  g_assert_cmpint (cmark_node_get_type (heading), ==, CMARK_NODE_HEADING);
  g_assert_cmpint (cmark_node_get_heading_level (heading), ==, 1);
  title = pathways_markdown_node_dup_text (heading);
  g_assert_cmpstr (title, ==, "1-on-1 with *Ana_María* <ana> #");

  read_list_item (find_section_list (doc, "Talking points"), 0, &item);
  g_assert_cmpstr (item.note, ==, "*Ana_María*");
  cmark_node_free (doc);
}

static void
test_export_sections (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "Notes for both of us.", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autoptr(GPtrArray) actions = actions_new ();
  g_autofree char *markdown = NULL;
  g_auto(GStrv) titles = NULL;
  cmark_node *doc;
  struct {
    const char *section;
    const char *texts[3];
  } expected[] = {
    { "Carried over", { "On-call load", "Mentors a junior", NULL } },
    { "Action items", { "Send the promotion doc", NULL } },
    { "Every time", { "How are you doing?", "How is your manager?", NULL } },
    { "Talking points", { "Conference budget", "What drained you this week?", NULL } },
    { "Due for a check-in", { "Career growth", NULL } },
    { "Ladder", { "Leads design reviews", NULL } },
  };

  fill_agenda (points, actions);
  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, actions, FALSE);
  doc = parse (markdown);

  titles = dup_section_titles (doc);
  g_assert_cmpstrv (titles, ((const char *[]) { "Carried over", "Action items", "Every time",
                                                "Talking points", "Due for a check-in",
                                                "Ladder", "Shared notes", NULL }));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      cmark_node *list = find_section_list (doc, expected[i].section);
      guint n = g_strv_length ((GStrv) expected[i].texts);

      g_assert_nonnull (list);
      g_assert_cmpuint (count_children (list), ==, n);
      for (guint j = 0; j < n; j++)
        {
          g_auto(Item) item = { 0 };

          read_list_item (list, j, &item);
          g_assert_cmpstr (item.text, ==, expected[i].texts[j]);
        }
    }

  g_assert_true (g_str_has_suffix (markdown, "## Shared notes\n\nNotes for both of us.\n"));
  cmark_node_free (doc);
}

static void
test_export_empty_sections (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autoptr(GPtrArray) actions = actions_new ();
  g_autofree char *markdown = NULL;

  add_point (points, PATHWAYS_POINT_PROMPT, PATHWAYS_OWNER_ME, "What should I stop doing?");
  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, actions, FALSE);

  g_assert_cmpstr (markdown, ==,
                   "# 1-on-1 with Sam Lee\n"
                   "\n"
                   "Sunday 1 December 2999, 10:00\n"
                   "\n"
                   "## Talking points\n"
                   "\n"
                   "- [ ] What should I stop doing? " EM_DASH " _me_\n");
}

static void
test_export_owners (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autoptr(GPtrArray) actions = actions_new ();
  g_autofree char *markdown = NULL;
  g_auto(Item) theirs = { 0 };
  g_auto(Item) mine = { 0 };
  g_auto(Item) action = { 0 };
  cmark_node *doc;

  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Promotion");
  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_ME, "Reorg news");
  add_action (actions, PATHWAYS_OWNER_THEM, "Draft the RFC", NULL);
  markdown = pathways_agenda_to_markdown (meeting, "  Ana María López ", points, actions,
                                          FALSE);
  doc = parse (markdown);

  read_list_item (find_section_list (doc, "Talking points"), 0, &theirs);
  read_list_item (find_section_list (doc, "Talking points"), 1, &mine);
  read_list_item (find_section_list (doc, "Action items"), 0, &action);
  g_assert_cmpstr (theirs.note, ==, "Ana");
  g_assert_cmpstr (mine.note, ==, "me");
  g_assert_cmpstr (action.note, ==, "Ana");
  cmark_node_free (doc);
}

static void
test_export_carried_from (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autofree char *markdown = NULL;
  PathwaysTalkingPoint *point;
  g_auto(Item) carried = { 0 };
  g_auto(Item) last_year = { 0 };
  g_auto(Item) raised_here = { 0 };
  cmark_node *doc;

  point = add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "On-call load");
  make_carried (point, "2999-11-12");
  point = add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_ME, "Team offsite");
  make_carried (point, "2998-12-20");
  /* Raised in this very meeting: not carried over. */
  point = add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Hiring");
  point->origin_meeting_id = MEETING_ID;
  point->origin_date = g_strdup ("2999-12-01");

  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, NULL, FALSE);
  doc = parse (markdown);

  g_assert_cmpuint (count_children (find_section_list (doc, "Carried over")), ==, 2);
  read_list_item (find_section_list (doc, "Carried over"), 0, &carried);
  read_list_item (find_section_list (doc, "Carried over"), 1, &last_year);
  read_list_item (find_section_list (doc, "Talking points"), 0, &raised_here);
  g_assert_cmpstr (carried.note, ==, "Sam, from 12 Nov");
  g_assert_cmpstr (last_year.note, ==, "me, from 20 Dec 2998");
  g_assert_cmpstr (raised_here.text, ==, "Hiring");
  g_assert_cmpstr (raised_here.note, ==, "Sam");
  cmark_node_free (doc);
}

static void
test_export_checkboxes (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autoptr(GPtrArray) actions = actions_new ();
  g_autofree char *markdown = NULL;
  PathwaysActionItem *done;

  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Open")->discussed = FALSE;
  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Talked about")->discussed =
    TRUE;
  add_action (actions, PATHWAYS_OWNER_ME, "Still to do", NULL);
  done = add_action (actions, PATHWAYS_OWNER_ME, "Ticked off", "2000-01-03");
  done->done_at = g_strdup ("2000-01-02T09:00:00Z");

  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, actions, FALSE);
  g_assert_nonnull (strstr (markdown, "\n- [ ] Open " EM_DASH " _Sam_\n"));
  g_assert_nonnull (strstr (markdown, "\n- [x] Talked about " EM_DASH " _Sam_\n"));
  g_assert_nonnull (strstr (markdown, "\n- [ ] Still to do " EM_DASH " _me_\n"));
  /* Done in time or not, a done item is no longer overdue. */
  g_assert_nonnull (strstr (markdown, "\n- [x] Ticked off " EM_DASH " _me, due 3 Jan 2000_\n"));
}

static void
test_export_actions (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) actions = actions_new ();
  g_autofree char *markdown = NULL;
  PathwaysActionItem *earlier;
  cmark_node *doc;
  cmark_node *list;
  const char *expected_notes[] = {
    "me, due 4 Dec",
    "Sam, due 3 Jan 2000, overdue, from 12 Nov",
    "Sam",
  };

  add_action (actions, PATHWAYS_OWNER_ME, "Send the doc", "2999-12-04");
  earlier = add_action (actions, PATHWAYS_OWNER_THEM, "Book the room", "2000-01-03");
  earlier->meeting_id = EARLIER_ID;
  earlier->meeting_date = g_strdup ("2999-11-12");
  add_action (actions, PATHWAYS_OWNER_THEM, "Whenever", NULL);

  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", NULL, actions, FALSE);
  doc = parse (markdown);
  list = find_section_list (doc, "Action items");
  g_assert_cmpuint (count_children (list), ==, G_N_ELEMENTS (expected_notes));
  for (guint i = 0; i < G_N_ELEMENTS (expected_notes); i++)
    {
      g_auto(Item) item = { 0 };

      read_list_item (list, i, &item);
      g_assert_false (item.checked);
      g_assert_cmpstr (item.note, ==, expected_notes[i]);
    }
  cmark_node_free (doc);
}

static void
test_export_point_notes (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autofree char *markdown = NULL;
  PathwaysTalkingPoint *point;
  cmark_node *doc;
  cmark_node *list;
  cmark_node *item;
  cmark_node *child;
  g_autofree char *text = NULL;
  g_auto(Item) first = { 0 };
  g_auto(Item) second = { 0 };

  point = add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, "Promotion");
  g_free (point->notes);
  point->notes = g_strdup ("Committee meets in **March**.\r\nNeeds two sponsors.\n\n"
                           "- ask Dana\n- ask Lee\n\n# Not a heading of the agenda\n");
  add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_ME, "Vacation");

  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, NULL, FALSE);
  doc = parse (markdown);

  /* Still one list of two items, the notes inside the first. */
  list = find_section_list (doc, "Talking points");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_children (list), ==, 2);
  read_list_item (list, 0, &first);
  read_list_item (list, 1, &second);
  g_assert_cmpstr (first.text, ==, "Promotion");
  g_assert_cmpstr (second.text, ==, "Vacation");

  item = cmark_node_first_child (list);
  g_assert_cmpuint (count_children (item), ==, 4);
  child = cmark_node_next (cmark_node_first_child (item));
  g_assert_cmpint (cmark_node_get_type (child), ==, CMARK_NODE_PARAGRAPH);
  text = pathways_markdown_node_dup_text (child);
  g_assert_cmpstr (text, ==, "Committee meets in March. Needs two sponsors.");
  child = cmark_node_next (child);
  g_assert_cmpint (cmark_node_get_type (child), ==, CMARK_NODE_LIST);
  g_assert_cmpuint (count_children (child), ==, 2);
  child = cmark_node_next (child);
  g_assert_cmpint (cmark_node_get_type (child), ==, CMARK_NODE_HEADING);

  /* The agenda's own sections are untouched by the heading in the notes. */
  {
    g_auto(GStrv) titles = dup_section_titles (doc);

    g_assert_cmpstrv (titles, ((const char *[]) { "Talking points", NULL }));
  }
  cmark_node_free (doc);
}

/* Texts that look like Markdown, HTML or SQL, or hold line breaks, emoji or right-to-left
 * script; each with what a reader should see. */
static const struct
{
  const char *body;
  const char *seen;
} tricky[] = {
  { "# Looks like a heading", NULL },
  { "1. Looks like a numbered list", NULL },
  { "2) So does this", NULL },
  { "- Looks like a bullet", NULL },
  { "> Looks like a quote", NULL },
  { "    Four spaces in", "    Four spaces in" },
  { "First line\nsecond line\r\nthird\rfourth", "First line second line third fourth" },
  { "<b>bold</b> and <script>alert('x')</script>", NULL },
  { "<!-- not a comment --> but text", NULL },
  { "'; DROP TABLE person; --", NULL },
  { "**not bold** _not em_ `not code` [not a](link) ![no](image.png)", NULL },
  { "<https://example.com> and https://example.com", NULL },
  { "&amp; &#169; &#x41; R&D", NULL },
  { "C:\\temp\\*.log, \\\\server and a \\", NULL },
  { "[x] already ticked", NULL },
  { "Not our note " EM_DASH " _Sam_", NULL },
  { "~~not struck~~ and ~1 week", NULL },
  { "Ship it \360\237\232\200 \360\237\221\251\342\200\215\360\237\222\273", NULL },
  /* Arabic, then Hebrew */
  { "\330\247\331\204\330\252\330\261\331\202\331\212\330\251 (promotion) "
    "\327\251\327\234\327\225\327\235", NULL },
};

static void
test_export_tricky_bodies (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "", "");
  g_autoptr(GPtrArray) points = points_new ();
  g_autofree char *markdown = NULL;
  cmark_node *doc;
  cmark_node *list;

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    add_point (points, PATHWAYS_POINT_TYPED, PATHWAYS_OWNER_THEM, tricky[i].body);

  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, NULL, FALSE);
  doc = parse (markdown);
  list = find_section_list (doc, "Talking points");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_children (list), ==, G_N_ELEMENTS (tricky));

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_auto(Item) item = { 0 };
      const char *seen = tricky[i].seen != NULL ? tricky[i].seen : tricky[i].body;

      read_list_item (list, i, &item);
      g_assert_cmpstr (item.text, ==, seen);
      g_assert_cmpstr (item.note, ==, "Sam");
    }
  cmark_node_free (doc);
}

/* ---- import ---- */

static void
assert_import (const char        *text,
               const char * const *expected)
{
  g_auto(GStrv) texts = pathways_agenda_parse_import (text);

  g_assert_nonnull (texts);
  g_assert_cmpstrv (texts, expected);
}

#define STRV(...) ((const char * const []) { __VA_ARGS__, NULL })

static void
test_import_bullets (void)
{
  assert_import ("- Promotion\n* On-call\n+ Vacation\n\342\200\242 Pasted from a chat app\n",
                 STRV ("Promotion", "On-call", "Vacation", "Pasted from a chat app"));
  /* Not bullets: no space after the marker. */
  assert_import ("-5% budget\n*nix tools\n",
                 STRV ("-5% budget", "*nix tools"));
}

static void
test_import_numbered (void)
{
  assert_import ("1. Promotion\n2) On-call\n10. Vacation\n",
                 STRV ("Promotion", "On-call", "Vacation"));
  assert_import ("1.5 days of on-call\n", STRV ("1.5 days of on-call"));
}

static void
test_import_plain_lines (void)
{
  assert_import ("Hi! Things for Thursday:\nPromotion\n  On-call  \n> Vacation\n",
                 STRV ("Hi! Things for Thursday:", "Promotion", "On-call", "Vacation"));
}

static void
test_import_line_endings (void)
{
  assert_import ("- Promotion\r\n- On-call\r\n\r\n- Vacation", STRV ("Promotion", "On-call",
                                                                     "Vacation"));
  assert_import ("- Promotion\r- On-call\rVacation\r", STRV ("Promotion", "On-call",
                                                            "Vacation"));
  assert_import ("\357\273\277- Promotion\n", STRV ("Promotion"));
}

static void
test_import_checkboxes (void)
{
  assert_import ("- [ ] Promotion\n- [x] On-call\n* [X] Vacation\n[ ] Plain\n- [ ]\n"
                 "- [y] Not a checkbox\n- [ ]No space\n",
                 STRV ("Promotion", "On-call", "Vacation", "Plain", "[y] Not a checkbox",
                       "[ ]No space"));
}

static void
test_import_continuations (void)
{
  /* Indented: the same point. Not indented: a new one. Nested bullets: points of their
   * own. */
  assert_import ("- Promotion timeline and\n  what the committee expects\n"
                 "Also: can we move Thursday?\n"
                 "1. Parent\n   - child one\n   - child two\n     continued\n2. Next\n",
                 STRV ("Promotion timeline and what the committee expects",
                       "Also: can we move Thursday?", "Parent", "child one",
                       "child two continued", "Next"));
  /* A blank line ends a point; what is indented under it after that is its details. */
  assert_import ("- Promotion\n\n  I've been thinking about the timeline.\n\n  - and more\n"
                 "- On-call\n\n- Vacation\n",
                 STRV ("Promotion", "On-call", "Vacation"));
}

static void
test_import_skipped (void)
{
  assert_import ("# Agenda\n\n## For Thursday\nPromotion\n---\n***\n- - -\n"
                 "<!-- a comment -->\nOn-call <!-- inline --> load\n"
                 "<!--\nmany\nlines\n-->\n"
                 "Topics\n======\n#hashtag stays\n   \n\t\n",
                 STRV ("Promotion", "On-call load", "#hashtag stays"));
  /* A "<!--" that nothing closes is text someone typed. */
  assert_import ("I <!-- typed this\n", STRV ("I <!-- typed this"));
}

static void
test_import_code_fences (void)
{
  assert_import ("- Deploy failed\n```sh\n$ make deploy\n  - error: no space left\n```\n"
                 "~~~\n# kept\n~~~\n- After\n",
                 STRV ("Deploy failed", "$ make deploy", "- error: no space left", "# kept",
                       "After"));
}

static void
test_import_whitespace (void)
{
  assert_import ("\tTabbed line\n-   Lots \t of\302\240\302\240space   \n",
                 STRV ("Tabbed line", "Lots of space"));
}

static void
test_import_escapes (void)
{
  assert_import ("- \\*not emphasis\\* and C:\\temp\n- **kept** as typed\n",
                 STRV ("*not emphasis* and C:\\temp", "**kept** as typed"));
}

static void
test_import_invalid_utf8 (void)
{
  g_auto(GStrv) texts = pathways_agenda_parse_import ("- Caf\351 \303\n- ok\n");

  g_assert_cmpuint (g_strv_length (texts), ==, 2);
  g_assert_true (g_utf8_validate (texts[0], -1, NULL));
  g_assert_true (g_str_has_prefix (texts[0], "Caf"));
  g_assert_cmpstr (texts[1], ==, "ok");
}

static void
test_import_empty (void)
{
  assert_import (NULL, (const char * const []) { NULL });
  assert_import ("", (const char * const []) { NULL });
  assert_import ("\n  \n\r\n# Only a heading\n- \n- [ ]\n", (const char * const []) { NULL });
}

static void
test_import_limits (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) long_line = g_string_new ("- ");
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) one = NULL;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (many, "- Point %u\n", i);
  texts = pathways_agenda_parse_import (many->str);
  g_assert_cmpuint (g_strv_length (texts), ==, 500);
  g_assert_cmpstr (texts[499], ==, "Point 499");

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_line, "\303\251");  /* é: characters, not bytes, are counted */
  one = pathways_agenda_parse_import (long_line->str);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpint (g_utf8_strlen (one[0], -1), ==, 10000);
}

/* ---- round trip ---- */

static void
test_round_trip (void)
{
  g_autoptr(PathwaysMeeting) meeting =
    meeting_new (PATHWAYS_MEETING_ONE_ON_ONE, MEETING_AT, "Shared", "Private");
  g_autoptr(GPtrArray) points = points_new ();
  g_autoptr(GPtrArray) actions = actions_new ();
  g_autofree char *markdown = NULL;
  g_autofree char *section = NULL;
  g_auto(GStrv) texts = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  PathwaysTalkingPoint *point;

  fill_agenda (points, actions);
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      point = add_point (points, PATHWAYS_POINT_TYPED, i % 2 ? PATHWAYS_OWNER_ME
                                                             : PATHWAYS_OWNER_THEM,
                         tricky[i].body);
      point->discussed = i % 3 == 0;
      if (i == 4)
        {
          g_free (point->notes);
          point->notes = g_strdup ("Notes with a list:\n\n- not a point\n- nor this\n\n"
                                   "> - nor a quoted one\n\n```\ncode\n```");
        }
    }

  g_ptr_array_add (expected, g_strdup ("Conference budget"));
  g_ptr_array_add (expected, g_strdup ("What drained you this week?"));
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      const char *seen = tricky[i].seen != NULL ? tricky[i].seen : tricky[i].body;

      /* Leading blanks and runs of them don't survive an import. */
      g_ptr_array_add (expected, g_strstrip (g_strdup (seen)));
    }
  g_ptr_array_add (expected, NULL);

  markdown = pathways_agenda_to_markdown (meeting, "Sam Lee", points, actions, TRUE);
  section = dup_section_source (markdown, "Talking points");
  texts = pathways_agenda_parse_import (section);
  g_assert_cmpstrv (texts, (const char * const *) expected->pdata);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/agenda-text/export/private-notes", test_export_private_notes);
  g_test_add_func ("/pathways/agenda-text/export/private-notes-empty",
                   test_export_private_notes_empty);
  g_test_add_func ("/pathways/agenda-text/export/title-and-date", test_export_title_and_date);
  g_test_add_func ("/pathways/agenda-text/export/title-literal", test_export_title_literal);
  g_test_add_func ("/pathways/agenda-text/export/sections", test_export_sections);
  g_test_add_func ("/pathways/agenda-text/export/empty-sections", test_export_empty_sections);
  g_test_add_func ("/pathways/agenda-text/export/owners", test_export_owners);
  g_test_add_func ("/pathways/agenda-text/export/carried-from", test_export_carried_from);
  g_test_add_func ("/pathways/agenda-text/export/checkboxes", test_export_checkboxes);
  g_test_add_func ("/pathways/agenda-text/export/actions", test_export_actions);
  g_test_add_func ("/pathways/agenda-text/export/point-notes", test_export_point_notes);
  g_test_add_func ("/pathways/agenda-text/export/tricky-bodies", test_export_tricky_bodies);
  g_test_add_func ("/pathways/agenda-text/import/bullets", test_import_bullets);
  g_test_add_func ("/pathways/agenda-text/import/numbered", test_import_numbered);
  g_test_add_func ("/pathways/agenda-text/import/plain-lines", test_import_plain_lines);
  g_test_add_func ("/pathways/agenda-text/import/line-endings", test_import_line_endings);
  g_test_add_func ("/pathways/agenda-text/import/checkboxes", test_import_checkboxes);
  g_test_add_func ("/pathways/agenda-text/import/continuations", test_import_continuations);
  g_test_add_func ("/pathways/agenda-text/import/skipped", test_import_skipped);
  g_test_add_func ("/pathways/agenda-text/import/code-fences", test_import_code_fences);
  g_test_add_func ("/pathways/agenda-text/import/whitespace", test_import_whitespace);
  g_test_add_func ("/pathways/agenda-text/import/escapes", test_import_escapes);
  g_test_add_func ("/pathways/agenda-text/import/invalid-utf8", test_import_invalid_utf8);
  g_test_add_func ("/pathways/agenda-text/import/empty", test_import_empty);
  g_test_add_func ("/pathways/agenda-text/import/limits", test_import_limits);
  g_test_add_func ("/pathways/agenda-text/round-trip", test_round_trip);

  return g_test_run ();
}
