/* test-sweep-data.c: the bad-input sweep over what a manager writes and the dates it is
 * written on. Every text field the store keeps takes 100,000 characters, emoji sequences,
 * right-to-left text with bidi marks, SQL, markup, format directives and control characters,
 * and gives them back exactly after the database is closed and opened again; invalid UTF-8
 * is never stored as it came. The Markdown exports keep each value verbatim, or escaped so
 * that a CommonMark reader shows it verbatim. Dates: year ends, leap days, daylight-saving
 * changes in Berlin and New York, and a clock set back behind what was saved.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sweep-data"

#include "config.h"

#include <string.h>
#include <time.h>
#include <utime.h>

#include <cmark.h>
#include <glib/gstdio.h>

#include "pathways-agenda.h"
#include "pathways-db.h"
#include "pathways-review.h"
#include "pathways-search.h"
#include "pathways-test-util.h"

/* ==== the values ==== */

typedef struct
{
  const char *name;
  char       *value;  /* valid UTF-8, no leading or trailing blanks */
} Nasty;

static GPtrArray *nasties;  /* Nasty */

static char *
make_long_value (void)
{
  /* Mixed widths (1–4 bytes per character) so that no byte/character confusion passes. */
  static const char *pieces[] = { "Ünïcödé ", "😀", " longer text ", "界", "\xe2\x80\x8f",
                                  "*_`[<&#>", " " };
  GString *s = g_string_new (NULL);
  glong n_chars = 0;

  for (guint i = 0; n_chars < 100000; i++)
    {
      const char *piece = pieces[i % G_N_ELEMENTS (pieces)];
      glong piece_chars = g_utf8_strlen (piece, -1);

      if (n_chars + piece_chars > 100000)
        piece = "x", piece_chars = 1;
      g_string_append (s, piece);
      n_chars += piece_chars;
    }
  /* No blank at the end: stored values are trimmed. */
  s->str[s->len - 1] = 'z';
  g_assert_cmpint (g_utf8_strlen (s->str, -1), ==, 100000);

  return g_string_free (s, FALSE);
}

static void
add_nasty (const char *name,
           char       *value)
{
  Nasty *nasty = g_new0 (Nasty, 1);

  g_assert_true (g_utf8_validate (value, -1, NULL));
  nasty->name = name;
  nasty->value = value;
  g_ptr_array_add (nasties, nasty);
}

static void
nasty_free (gpointer data)
{
  Nasty *nasty = data;

  g_free (nasty->value);
  g_free (nasty);
}

static void
make_nasties (void)
{
  nasties = g_ptr_array_new_with_free_func (nasty_free);
  add_nasty ("long", make_long_value ());
  /* A ZWJ family, a coder with a skin tone, a rainbow flag (with VS16), a thumbs-up with the
   * darkest tone, a keycap and a regional-indicator flag. */
  add_nasty ("emoji", g_strdup ("Zoë 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 👍🏿 1️⃣ 🇳🇿"));
  /* Arabic and Hebrew with RLM/LRM, an embedding and an isolate, and digits between. */
  add_nasty ("rtl", g_strdup ("\xe2\x80\x8fمرحبا بالعالم 2026\xe2\x80\x8e — שלום עולם "
                              "\xe2\x80\xab""embedded\xe2\x80\xac \xe2\x81\xa7עברית\xe2\x81\xa9"
                              " end"));
  add_nasty ("sql", g_strdup ("Robert'); DROP TABLE person; -- \" ' `; DELETE FROM note"));
  add_nasty ("markup", g_strdup ("<script>alert('x')</script> <b>bold</b> &amp; &lt; "
                                 "<!-- c --> ]]> <span foreground=\"red\">r</span>"));
  add_nasty ("format", g_strdup ("%s %n %d %% %1$s %-999999x {name} {cycle} ${HOME} \\n"));
  /* Control characters, all but NUL (SQLite and C strings end there). */
  add_nasty ("control", g_strdup ("a\x01\x02\x07\x08\x0b\x0c\x0e\x1b[31mred\x1b[0m\x7f"
                                  "\t tab \xc2\x85 nel \xc2\x9b csi z"));
  add_nasty ("markdown", g_strdup ("# Not a heading\n\n* item _under_ **bold** `code` "
                                   "[link](http://x) ![img](y)\n> quote\n\n| a | b |\n"
                                   "|---|---|\n\\\\ back \\* slash\n1. one\n```\nfence"));
}

/* @value on one line, as inline exports write it: each line break a space. */
static char *
dup_one_line (const char *value)
{
  GString *s = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        p++;
      g_string_append_c (s, (*p == '\r' || *p == '\n') ? ' ' : *p);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_multi_line (const char *value)
{
  return strchr (value, '\n') != NULL;
}

/* ==== reading exports the way a CommonMark reader does ==== */

/* The text of @node's inline children as a reader sees it. Fails the test when anything but
 * text and line breaks is there: what was written must not have become emphasis, code, a
 * link or raw HTML. @stop, when set, ends the text at the first child of that type (the
 * note in italics after an agenda item). */
static char *
dup_literal_text (cmark_node      *node,
                  cmark_node_type  stop)
{
  GString *s = g_string_new (NULL);

  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      cmark_node_type type = cmark_node_get_type (child);

      if (type == stop)
        break;
      switch (type)
        {
        case CMARK_NODE_TEXT:
          g_string_append (s, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (s, ' ');
          break;
        default:
          g_error ("the export made a %s of what was written as text, after “%.60s”",
                   cmark_node_get_type_string (child), s->str);
        }
    }
  return g_string_free (s, FALSE);
}

/* The first node of @type in @doc, in document order. */
static cmark_node *
find_node (cmark_node      *doc,
           cmark_node_type  type,
           guint            nth)
{
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_node *found = NULL;
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == type && nth-- == 0)
        {
          found = node;
          break;
        }
    }
  cmark_iter_free (iter);
  return found;
}

/* The reader's text of the first paragraph of the list item whose text starts with
 * "[ ] " + @prefix, up to the note in italics. NULL when there is no such item. */
static char *
dup_item_text (cmark_node *doc,
               const char *prefix)
{
  g_autofree char *want = g_strconcat ("[ ] ", prefix, NULL);
  cmark_node *item;

  for (guint i = 0; (item = find_node (doc, CMARK_NODE_ITEM, i)) != NULL; i++)
    {
      g_autofree char *text = NULL;

      if (cmark_node_get_type (cmark_node_first_child (item)) != CMARK_NODE_PARAGRAPH)
        continue;
      text = dup_literal_text (cmark_node_first_child (item), CMARK_NODE_EMPH);
      if (g_str_has_prefix (text, want))
        return g_steal_pointer (&text);
    }
  return NULL;
}

/* ==== a store on a database that can be closed and opened again ==== */

typedef struct
{
  char          *dir;
  char          *path;
  PathwaysDb    *db;
  PathwaysStore *store;
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  fixture->store = pathways_test_open_store (fixture->path, &fixture->db);
}

static void
fixture_reopen (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
  fixture_open (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pathways_test_make_temp_dir ("sweep-data");
  fixture->path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static PathwaysPerson *
only_person (Fixture *fixture)
{
  GListModel *people = pathways_store_get_people (fixture->store);
  g_autoptr(PathwaysPerson) person = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  person = g_list_model_get_item (people, 0);
  return person;  /* the store keeps it */
}

static gint64
add_simple_person (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new (name);
  g_autoptr(GError) error = NULL;
  PathwaysPerson *added = pathways_store_add_person (fixture->store, person, &error);

  g_assert_no_error (error);
  return pathways_person_get_id (added);
}

static const PathwaysAgendaOptions plain_options = { .today = "2026-03-02" };

/* ==== 1. text round-trips through the database ==== */

/* Every field, written with @value, then read back after closing and opening the file. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const Nasty *nasty = data;
  const char *value = nasty->value;
  g_autofree char *key = g_strconcat ("key:", value, NULL);
  g_autofree char *padded = g_strconcat ("  \n\t", value, " \r\n ", NULL);
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) ratings = NULL;
  PathwaysPerson *stored;
  PathwaysTalkingPoint point_edit = { 0 };
  PathwaysRatingState *rating;
  gint64 meeting_id, point_id, action_id, cycle_id, note_id;

  person = g_object_new (PATHWAYS_TYPE_PERSON, "name", padded, "ladder-path", value,
                         "level", value, NULL);
  pathways_person_set_pronouns (person, value);
  pathways_person_set_title (person, padded);
  pathways_person_set_notes (person, value);
  pathways_person_set_target_path (person, value);
  pathways_person_set_target_level (person, value);
  stored = pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);

  g_assert_true (pathways_store_change_level (fixture->store, stored, value, value,
                                              "2026-01-05", &error));
  g_assert_no_error (error);
  g_assert_true (pathways_store_rate (fixture->store, stored, key,
                                      PATHWAYS_RATING_CONSISTENTLY, value, "2026-02-01",
                                      &error));
  g_assert_no_error (error);
  pathways_store_add_evidence (fixture->store, stored, key, value, padded, "2026-02-02",
                               &error);
  g_assert_no_error (error);
  note_id = pathways_store_add_note (fixture->store, stored, PATHWAYS_NOTE_WIN, padded,
                                     "2026-02-03", key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);

  meeting = pathways_store_create_meeting (fixture->store, stored,
                                           PATHWAYS_MEETING_ONE_ON_ONE, "2026-03-02T10:00",
                                           &plain_options, &error);
  g_assert_no_error (error);
  meeting_id = meeting->id;
  g_assert_true (pathways_store_save_meeting_notes (fixture->store, meeting_id, value, value,
                                                    &error));
  g_assert_no_error (error);
  point_id = pathways_store_add_talking_point (fixture->store, stored, meeting_id, padded,
                                               PATHWAYS_OWNER_THEM, &error);
  g_assert_no_error (error);
  point_edit.id = point_id;
  point_edit.body = (char *) value;
  point_edit.notes = (char *) value;
  point_edit.owner = PATHWAYS_OWNER_THEM;
  g_assert_true (pathways_store_save_talking_point (fixture->store, &point_edit, &error));
  g_assert_no_error (error);
  action_id = pathways_store_add_action_item (fixture->store, stored, meeting_id, padded,
                                              PATHWAYS_OWNER_ME, "2026-03-09", &error);
  g_assert_no_error (error);
  g_assert_cmpint (action_id, >, 0);

  cycle_id = pathways_store_add_cycle (fixture->store, padded, "2026-01-01", "2026-04-30",
                                       &error);
  g_assert_no_error (error);
  review = pathways_store_start_review (fixture->store, stored, cycle_id, "", NULL, NULL,
                                        &error);
  g_assert_no_error (error);
  /* Twice: the first text goes into the revision history. */
  g_assert_true (pathways_store_autosave_review (fixture->store, review->id, value, &error));
  g_assert_no_error (error);
  g_assert_true (pathways_store_autosave_review (fixture->store, review->id, "replaced",
                                                 &error));
  g_assert_no_error (error);
  g_clear_pointer (&review, pathways_review_free);

  /* Close the file and open it again: what comes back is what the database holds. */
  fixture_reopen (fixture);
  stored = only_person (fixture);

  g_assert_cmpstr (pathways_person_get_name (stored), ==, value);  /* stored trimmed */
  g_assert_cmpstr (pathways_person_get_pronouns (stored), ==, value);
  g_assert_cmpstr (pathways_person_get_title (stored), ==, value);
  g_assert_cmpstr (pathways_person_get_ladder_path (stored), ==, value);
  g_assert_cmpstr (pathways_person_get_level (stored), ==, value);
  g_assert_cmpstr (pathways_person_get_notes (stored), ==, value);
  g_assert_cmpstr (pathways_person_get_target_path (stored), ==, value);
  g_assert_cmpstr (pathways_person_get_target_level (stored), ==, value);

  list = pathways_store_list_level_history (fixture->store, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 1);
  {
    PathwaysLevelChange *change = g_ptr_array_index (list, list->len - 1);

    g_assert_cmpstr (change->ladder_path, ==, value);
    g_assert_cmpstr (change->level, ==, value);
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  ratings = pathways_store_dup_ratings (fixture->store, stored, &error);
  g_assert_no_error (error);
  rating = g_hash_table_lookup (ratings, key);
  g_assert_nonnull (rating);
  g_assert_cmpstr (rating->expectation_text, ==, value);
  g_assert_cmpint (rating->rating, ==, PATHWAYS_RATING_CONSISTENTLY);

  list = pathways_store_list_evidence (fixture->store, stored, key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PathwaysEvidence *) list->pdata[0])->body, ==, value);
  g_assert_cmpstr (((PathwaysEvidence *) list->pdata[0])->expectation_text, ==, value);
  g_assert_cmpstr (((PathwaysEvidence *) list->pdata[0])->key, ==, key);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = pathways_store_list_notes (fixture->store, stored, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PathwaysNote *) list->pdata[0])->body, ==, value);
  g_assert_cmpstr (((PathwaysNote *) list->pdata[0])->expectation_key, ==, key);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_clear_pointer (&meeting, pathways_meeting_free);
  meeting = pathways_store_get_meeting (fixture->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (meeting->shared_notes, ==, value);
  g_assert_cmpstr (meeting->private_notes, ==, value);

  list = pathways_store_list_talking_points (fixture->store, stored, meeting_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      PathwaysTalkingPoint *point = list->pdata[i];

      if (point->id == point_id)
        {
          g_assert_cmpstr (point->body, ==, value);
          g_assert_cmpstr (point->notes, ==, value);
          point_id = 0;
        }
    }
  g_assert_cmpint (point_id, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = pathways_store_list_open_actions (fixture->store, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PathwaysActionItem *) list->pdata[0])->body, ==, value);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = pathways_store_list_cycles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PathwaysCycle *) list->pdata[0])->name, ==, value);
  g_clear_pointer (&list, g_ptr_array_unref);

  review = pathways_store_get_review (fixture->store, stored, cycle_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->body, ==, "replaced");
  g_assert_cmpstr (review->cycle_name, ==, value);
  list = pathways_store_list_review_revisions (fixture->store, review->id, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < list->len; i++)
      found |= g_strcmp0 (((PathwaysReviewRevision *) list->pdata[i])->body, value) == 0;
    g_assert_true (found);
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* And the review text can be got back from its revision, exactly. */
  {
    g_autoptr(GPtrArray) revisions = pathways_store_list_review_revisions (fixture->store,
                                                                           review->id,
                                                                           &error);
    g_autoptr(PathwaysReview) restored = NULL;

    for (guint i = 0; i < revisions->len; i++)
      {
        PathwaysReviewRevision *revision = revisions->pdata[i];

        if (g_strcmp0 (revision->body, value) == 0)
          g_assert_true (pathways_store_restore_review_revision (fixture->store, review->id,
                                                                 revision->id, &error));
      }
    g_assert_no_error (error);
    fixture_reopen (fixture);
    stored = only_person (fixture);
    restored = pathways_store_get_review (fixture->store, stored, cycle_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (restored->body, ==, value);
  }
}

/* Saving a person's fields again (as autosave does) keeps them exact too. */
static void
test_round_trip_person_edit (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwaysPerson *stored;

  add_simple_person (fixture, "Ada");
  stored = only_person (fixture);
  for (guint i = 0; i < nasties->len; i++)
    {
      const Nasty *nasty = nasties->pdata[i];

      pathways_person_set_name (stored, nasty->value);
      pathways_person_set_title (stored, nasty->value);
      pathways_person_set_notes (stored, nasty->value);
      g_assert_true (pathways_store_save_person (fixture->store, stored, &error));
      g_assert_no_error (error);
      fixture_reopen (fixture);
      stored = only_person (fixture);
      g_assert_cmpstr (pathways_person_get_name (stored), ==, nasty->value);
      g_assert_cmpstr (pathways_person_get_title (stored), ==, nasty->value);
      g_assert_cmpstr (pathways_person_get_notes (stored), ==, nasty->value);
    }
}

/* Bytes that are not UTF-8 (a Latin-1 paste, a cut multi-byte character, an encoded
 * surrogate, an overlong slash) never reach the file as they came: what is read back is
 * valid UTF-8, with the valid parts kept. */
static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const invalid[] = {
    "Caf\xe9 cr\xe8me",          /* Latin-1 */
    "cut \xf0\x9f\x98",          /* a 4-byte emoji without its last byte */
    "surrogate \xed\xa0\x80 x",  /* U+D800 encoded: lone surrogates have no UTF-8 */
    "overlong \xc0\xaf slash",
    "\xff\xfe bom-ish",
  };
  g_autoptr(GError) error = NULL;
  PathwaysPerson *stored;
  gint64 meeting_id;

  add_simple_person (fixture, "Ada");
  stored = only_person (fixture);
  {
    g_autoptr(PathwaysMeeting) meeting =
      pathways_store_create_meeting (fixture->store, stored, PATHWAYS_MEETING_ONE_ON_ONE,
                                     "2026-03-02", &plain_options, &error);

    g_assert_no_error (error);
    meeting_id = meeting->id;
  }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(PathwaysMeeting) meeting = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GPtrArray) actions = NULL;
      gint64 note_id;
      gboolean ok;

      g_test_message ("invalid UTF-8 #%u", i);
      pathways_person_set_title (stored, invalid[i]);
      pathways_person_set_notes (stored, invalid[i]);
      ok = pathways_store_save_person (fixture->store, stored, &error);
      /* Refused or repaired: either is fine, storing the bytes is not. */
      g_assert_true (ok || error != NULL);
      g_clear_error (&error);

      ok = pathways_store_save_meeting_notes (fixture->store, meeting_id, invalid[i],
                                              invalid[i], &error);
      g_assert_true (ok || error != NULL);
      g_clear_error (&error);
      note_id = pathways_store_add_note (fixture->store, stored, PATHWAYS_NOTE_PLAIN,
                                         invalid[i], "2026-03-01", NULL, &error);
      g_assert_true (note_id > 0 || error != NULL);
      g_clear_error (&error);
      pathways_store_add_action_item (fixture->store, stored, 0, invalid[i],
                                      PATHWAYS_OWNER_ME, NULL, &error);
      g_clear_error (&error);

      fixture_reopen (fixture);
      stored = only_person (fixture);

      g_assert_true (pathways_person_get_title (stored) == NULL
                     || g_utf8_validate (pathways_person_get_title (stored), -1, NULL));
      g_assert_true (g_utf8_validate (pathways_person_get_notes (stored), -1, NULL));
      meeting = pathways_store_get_meeting (fixture->store, meeting_id, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (meeting->shared_notes, -1, NULL));
      g_assert_true (g_utf8_validate (meeting->private_notes, -1, NULL));
      notes = pathways_store_list_notes (fixture->store, stored, NULL, NULL, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < notes->len; j++)
        g_assert_true (g_utf8_validate (((PathwaysNote *) notes->pdata[j])->body, -1, NULL));
      actions = pathways_store_list_open_actions (fixture->store, stored, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < actions->len; j++)
        g_assert_true (g_utf8_validate (((PathwaysActionItem *) actions->pdata[j])->body, -1,
                                        NULL));

      /* Whatever was kept of it, the valid start is still there. */
      if (pathways_person_get_notes (stored)[0] != '\0')
        {
          g_autofree char *start = g_strndup (invalid[i], 3);

          if (g_utf8_validate (start, -1, NULL))
            g_assert_true (g_str_has_prefix (pathways_person_get_notes (stored), start));
        }
    }

  /* Nothing half-written: the file is sound. */
  {
    sqlite3_stmt *stmt = pathways_db_prepare (fixture->db, "PRAGMA integrity_check", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_reset (stmt);
  }
}

/* ==== 1b. exports ==== */

/* The agenda as Markdown: the title, each talking point and action item read literally
 * (inline escaping is CommonMark's backslash escapes: a reader sees the value, line breaks
 * as spaces), and the point's notes, shared and private notes verbatim as Markdown blocks. */
static void
test_export_agenda (gconstpointer data)
{
  const Nasty *nasty = data;
  const char *value = nasty->value;
  g_autofree char *one_line = dup_one_line (value);
  g_autoptr(GPtrArray) points = g_ptr_array_new ();
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  PathwaysMeeting meeting = {
    .id = 7, .kind = PATHWAYS_MEETING_ONE_ON_ONE, .status = PATHWAYS_MEETING_PLANNED,
    .scheduled_at = (char *) "2026-03-02T10:00", .shared_notes = (char *) value,
    .private_notes = (char *) value,
  };
  PathwaysTalkingPoint point = {
    .id = 1, .meeting_id = 7, .body = (char *) value, .notes = (char *) "", .owner = PATHWAYS_OWNER_ME,
  };
  PathwaysTalkingPoint noted = {
    .id = 2, .meeting_id = 7, .body = (char *) "Noted", .notes = (char *) value,
    .owner = PATHWAYS_OWNER_ME,
  };
  PathwaysActionItem action = {
    .id = 3, .meeting_id = 7, .body = (char *) value, .owner = PATHWAYS_OWNER_THEM,
  };
  g_autofree char *markdown = NULL;
  g_autofree char *shared_only = NULL;
  g_autofree char *title = NULL;
  g_autofree char *item_text = NULL;
  g_autofree char *want = NULL;
  cmark_node *doc;

  g_ptr_array_add (points, &point);
  g_ptr_array_add (points, &noted);
  g_ptr_array_add (actions, &action);

  markdown = pathways_agenda_to_markdown (&meeting, value, points, actions, TRUE);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  doc = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);

  /* The title: one heading, the name in it as written. */
  title = dup_literal_text (find_node (doc, CMARK_NODE_HEADING, 0), CMARK_NODE_NONE);
  want = g_strconcat ("1-on-1 with ", one_line, NULL);
  g_assert_cmpstr (title, ==, want);

  /* Point and action: the list item's text up to the note is the value. */
  item_text = dup_item_text (doc, one_line);
  g_assert_nonnull (item_text);
  g_clear_pointer (&want, g_free);
  want = g_strconcat ("[ ] ", one_line, " — ", NULL);
  g_assert_cmpstr (item_text, ==, want);
  cmark_node_free (doc);

  /* The notes are Markdown the manager wrote: verbatim. */
  if (!is_multi_line (value))
    {
      g_autofree char *indented = g_strconcat ("\n  ", value, "\n", NULL);

      g_assert_nonnull (strstr (markdown, indented));  /* a point's notes, in its item */
    }
  g_assert_nonnull (strstr (markdown, value));
  {
    /* Shared, then private: the value appears as a block after each heading. */
    g_autofree char *shared = g_strconcat ("## Shared notes\n\n", value, "\n", NULL);
    g_autofree char *private_notes = g_strconcat ("## Private notes\n\n", value, "\n", NULL);

    g_assert_nonnull (strstr (markdown, shared));
    g_assert_nonnull (strstr (markdown, private_notes));
  }

  /* Private notes stay out unless asked for, whatever they hold. */
  meeting.shared_notes = (char *) "Shared.";
  shared_only = pathways_agenda_to_markdown (&meeting, "Ada", NULL, NULL, FALSE);
  g_assert_null (strstr (shared_only, "Private notes"));
  if (g_utf8_strlen (value, -1) > 20)
    g_assert_null (strstr (shared_only, value));
}

/* Agenda import reads back what the export wrote: the escaping is reversible. */
static void
test_export_agenda_import (gconstpointer data)
{
  const Nasty *nasty = data;
  g_autofree char *one_line = dup_one_line (nasty->value);
  g_autoptr(GPtrArray) points = g_ptr_array_new ();
  PathwaysMeeting meeting = {
    .id = 7, .kind = PATHWAYS_MEETING_ONE_ON_ONE, .scheduled_at = (char *) "2026-03-02",
    .shared_notes = (char *) "", .private_notes = (char *) "",
  };
  PathwaysTalkingPoint point = {
    .id = 1, .meeting_id = 7, .body = nasty->value, .notes = (char *) "",
    .owner = PATHWAYS_OWNER_ME,
  };
  g_autofree char *markdown = NULL;
  g_autoptr(GString) want = g_string_new (NULL);
  g_auto(GStrv) imported = NULL;
  const char *section;

  /* Import reads at most 10,000 characters (a paste, not a file). */
  if (g_utf8_strlen (one_line, -1) > 9000)
    {
      g_test_skip ("longer than an import reads");
      return;
    }
  g_ptr_array_add (points, &point);
  markdown = pathways_agenda_to_markdown (&meeting, "Ada", points, NULL, FALSE);
  /* The talking points, as someone would copy them out of the shared agenda. */
  section = strstr (markdown, "## Talking points\n");
  g_assert_nonnull (section);
  imported = pathways_agenda_parse_import (section);
  g_assert_nonnull (imported);
  g_assert_cmpuint (g_strv_length (imported), ==, 1);
  /* Import makes each run of blanks one space (documented), and a pasted control character
   * counts as a blank; nothing else changes. */
  for (const char *p = one_line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          if (want->len > 0 && want->str[want->len - 1] != ' ')
            g_string_append_c (want, ' ');
        }
      else
        g_string_append_unichar (want, g_utf8_get_char (p));
    }
  g_assert_cmpstr (imported[0], ==, g_strstrip (want->str));
}

/* The review as Markdown: the title reads "Performance review: NAME, CYCLE" literally, the
 * body follows verbatim. Filled into a template, the name reads literally too. */
static void
test_export_review (gconstpointer data)
{
  const Nasty *nasty = data;
  const char *value = nasty->value;
  g_autofree char *one_line = dup_one_line (value);
  PathwaysReview review = {
    .id = 1, .cycle_name = (char *) value, .starts_on = (char *) "2026-01-01",
    .ends_on = (char *) "2026-04-30", .body = (char *) value,
  };
  g_autofree char *markdown = pathways_review_to_markdown (&review, value);
  g_autofree char *title = NULL;
  g_autofree char *want = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *paragraph = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  cmark_node *doc;

  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  doc = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  title = dup_literal_text (find_node (doc, CMARK_NODE_HEADING, 0), CMARK_NODE_NONE);
  want = g_strconcat ("Performance review: ", one_line, ", ", one_line, NULL);
  g_assert_cmpstr (title, ==, want);
  cmark_node_free (doc);

  /* The body is the manager's Markdown: as written, after the title. */
  {
    g_autofree char *body = g_strconcat ("\n\n", value, "\n", NULL);

    g_assert_true (g_str_has_suffix (markdown, body));
  }

  /* A template's {name} and {cycle} take the value literally, never as Markdown. */
  g_hash_table_insert (values, (gpointer) "name", (gpointer) value);
  g_hash_table_insert (values, (gpointer) "cycle", (gpointer) value);
  expanded = pathways_review_expand_template ("Review of {name} for {cycle}.", values);
  doc = cmark_parse_document (expanded, strlen (expanded), CMARK_OPT_DEFAULT);
  paragraph = dup_literal_text (find_node (doc, CMARK_NODE_PARAGRAPH, 0), CMARK_NODE_NONE);
  g_clear_pointer (&want, g_free);
  want = g_strconcat ("Review of ", one_line, " for ", one_line, ".", NULL);
  g_assert_cmpstr (paragraph, ==, want);
  cmark_node_free (doc);
}

/* An evidence bullet: "- 2 Feb 2026 — TEXT _(SOURCE)_": the text verbatim (it is
 * Markdown the manager wrote; later lines indented into the bullet), the source literal. */
static void
test_export_evidence (gconstpointer data)
{
  const Nasty *nasty = data;
  const char *value = nasty->value;
  g_autofree char *one_line = dup_one_line (value);
  PathwaysEvidenceItem item = {
    .kind = PATHWAYS_EVIDENCE_WIN, .date = (char *) "2026-02-02", .text = (char *) value,
    .source = (char *) value, .ref = (char *) "note:1",
  };
  g_autofree char *bullet = pathways_evidence_item_to_markdown (&item);
  g_autofree char *source = NULL;
  cmark_node *doc;
  cmark_node *last_emph;

  g_assert_true (g_utf8_validate (bullet, -1, NULL));
  if (!is_multi_line (value))
    {
      g_autofree char *start = g_strconcat ("- 2 Feb 2026 — ", value, " _(", NULL);

      g_assert_true (g_str_has_prefix (bullet, start));
    }
  else
    {
      /* Each line of the text is there, in order, indented under the bullet. */
      g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
      const char *at = bullet;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = i == 0 ? g_strdup (lines[i])
                                         : g_strconcat ("\n  ", lines[i], NULL);

          if (lines[i][0] == '\0')
            continue;
          at = strstr (at, line);
          g_assert_nonnull (at);
        }
    }

  /* The source, in the final italics, reads literally. (The text before it is the
   * manager's own Markdown: a stray backtick or an unclosed fence in it can run on over
   * the source, as it would over anything that follows it in the draft.) */
  item.text = (char *) "Shipped it";
  g_clear_pointer (&bullet, g_free);
  bullet = pathways_evidence_item_to_markdown (&item);
  doc = cmark_parse_document (bullet, strlen (bullet), CMARK_OPT_DEFAULT);
  last_emph = NULL;
  for (guint i = 0; find_node (doc, CMARK_NODE_EMPH, i) != NULL; i++)
    last_emph = find_node (doc, CMARK_NODE_EMPH, i);
  g_assert_nonnull (last_emph);
  source = dup_literal_text (last_emph, CMARK_NODE_NONE);
  {
    g_autofree char *want = g_strconcat ("(", one_line, ")", NULL);

    g_assert_cmpstr (source, ==, want);
  }
  cmark_node_free (doc);
}

/* The evidence a review is drafted from gives the notes back as written; the search over
 * the records finds them and prints valid JSON. */
static void
test_export_gathered_evidence (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PathwaysPerson *stored;
  guint found = 0;

  add_simple_person (fixture, "Ada");
  stored = only_person (fixture);
  for (guint i = 0; i < nasties->len; i++)
    {
      const Nasty *nasty = nasties->pdata[i];

      pathways_store_add_note (fixture->store, stored, PATHWAYS_NOTE_WIN, nasty->value,
                               "2026-02-03", NULL, &error);
      g_assert_no_error (error);
    }
  fixture_reopen (fixture);
  stored = only_person (fixture);

  items = pathways_store_gather_evidence (fixture->store, stored, "2026-01-01", "2026-04-30",
                                          NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < nasties->len; i++)
    {
      const Nasty *nasty = nasties->pdata[i];

      for (guint j = 0; j < items->len; j++)
        {
          PathwaysEvidenceItem *item = items->pdata[j];

          if (g_strcmp0 (item->text, nasty->value) == 0)
            {
              g_autofree char *bullet = pathways_evidence_item_to_markdown (item);

              /* Inserted into a draft, the bullet makes the item count as cited. */
              g_assert_true (pathways_evidence_item_is_cited (item, bullet));
              found++;
              break;
            }
        }
    }
  g_assert_cmpuint (found, ==, nasties->len);

  /* `pathways --search`: each result one line of valid UTF-8 JSON, nothing raw in it. */
  {
    g_autoptr(GPtrArray) results = pathways_search_records (fixture->db, "DROP TABLE", 20,
                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpuint (results->len, >=, 1);
    for (guint i = 0; i < results->len; i++)
      {
        g_autofree char *json = pathways_search_result_to_json (results->pdata[i]);

        g_assert_true (g_utf8_validate (json, -1, NULL));
        g_assert_null (strchr (json, '\n'));
        for (const char *p = json; *p != '\0'; p++)
          g_assert_cmpint ((guchar) *p, >=, 0x20);
      }
  }
}

/* ==== 2. dates ==== */

static void
set_time_zone (const char *zone)
{
  g_setenv ("TZ", zone, TRUE);
  tzset ();
}

static void
restore_time_zone (void)
{
  set_time_zone ("UTC");
  g_unsetenv ("PATHWAYS_DEBUG_NOW");
}

static gboolean
count_lines_with (const char *text,
                  const char *needle)
{
  return strstr (text, needle) != NULL;
}

static PathwaysMeeting *
hold_meeting (Fixture        *fixture,
              PathwaysPerson *person,
              const char     *scheduled_at)
{
  g_autoptr(GError) error = NULL;
  PathwaysMeeting *meeting = pathways_store_create_meeting (fixture->store, person,
                                                            PATHWAYS_MEETING_ONE_ON_ONE,
                                                            scheduled_at, &plain_options,
                                                            &error);

  g_assert_no_error (error);
  g_assert_true (pathways_store_set_meeting_status (fixture->store, meeting->id,
                                                    PATHWAYS_MEETING_HELD, &error));
  g_assert_no_error (error);
  return meeting;
}

/* Dec 31 → Jan 1: the next 1-on-1, the last one held, a cycle's days left, default cycles
 * and "overdue" all cross into the new year. */
static void
test_dates_year_end (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysMeeting) held = NULL;
  g_autoptr(PathwaysCycle) december = NULL;
  g_autoptr(PathwaysCycle) january = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *last = NULL;
  PathwaysCycle winter = { .name = (char *) "Winter", .starts_on = (char *) "2026-12-01",
                           .ends_on = (char *) "2027-03-31" };
  PathwaysPerson *person;

  /* Weekly on Tuesdays at 10:00, last held Tuesday 29 December. */
  suggested = pathways_agenda_suggest_date ("2026-12-29T10:00", 1, 2, "10:00", "2026-12-31");
  g_assert_cmpstr (suggested, ==, "2027-01-05T10:00");
  g_clear_pointer (&suggested, g_free);
  suggested = pathways_agenda_suggest_date ("2026-12-22", 2, 2, NULL, "2026-12-30");
  g_assert_cmpstr (suggested, ==, "2027-01-05");
  g_clear_pointer (&suggested, g_free);
  /* Nothing held yet, on New Year's Eve (a Thursday): the next Monday. */
  suggested = pathways_agenda_suggest_date (NULL, 1, 1, NULL, "2026-12-31");
  g_assert_cmpstr (suggested, ==, "2027-01-04");
  g_clear_pointer (&suggested, g_free);

  add_simple_person (fixture, "Ada");
  person = only_person (fixture);
  pathways_person_set_meeting_weekday (person, 2);
  pathways_person_set_meeting_time (person, "10:00");
  g_assert_true (pathways_store_save_person (fixture->store, person, &error));
  g_assert_no_error (error);
  g_clear_pointer (&held, pathways_meeting_free);
  held = hold_meeting (fixture, person, "2026-12-15T10:00");
  g_clear_pointer (&held, pathways_meeting_free);
  held = hold_meeting (fixture, person, "2026-12-29T10:00");
  last = pathways_store_dup_last_held_date (fixture->store, person);
  g_assert_cmpstr (last, ==, "2026-12-29T10:00");
  suggested = pathways_store_dup_suggested_date (fixture->store, person, "2027-01-01");
  g_assert_cmpstr (suggested, ==, "2027-01-05T10:00");
  g_clear_pointer (&suggested, g_free);

  /* A cycle across the new year: every day of both years counted, no gap at midnight. */
  g_assert_cmpuint (pathways_cycle_days_left (&winter, "2026-12-31"), ==, 91);
  g_assert_cmpuint (pathways_cycle_days_left (&winter, "2027-01-01"), ==, 90);
  g_assert_true (pathways_cycle_contains (&winter, "2026-12-31"));
  g_assert_true (pathways_cycle_contains (&winter, "2027-01-01"));

  /* The default cycles of two years meet at midnight on New Year's Eve. */
  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2026, &error));
  g_assert_no_error (error);
  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2027, &error));
  g_assert_no_error (error);
  december = pathways_store_find_cycle (fixture->store, "2026-12-31", &error);
  g_assert_no_error (error);
  january = pathways_store_find_cycle (fixture->store, "2027-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (december->name, ==, "September–December 2026");
  g_assert_cmpstr (january->name, ==, "January–April 2027");
  g_assert_cmpuint (pathways_cycle_days_left (december, "2026-12-31"), ==, 1);

  /* Shared agenda of the first 1-on-1 of the year: an item due on New Year's Day is not
   * overdue on New Year's Eve, and is the day after; dates in the meeting's year go without
   * the year, the old year's with it. */
  {
    PathwaysMeeting meeting = { .id = 9, .scheduled_at = (char *) "2027-01-05T10:00",
                                .shared_notes = (char *) "", .private_notes = (char *) "" };
    PathwaysActionItem item = { .id = 1, .meeting_id = 5, .meeting_date = (char *) "2026-12-29",
                                .body = (char *) "Send the doc", .owner = PATHWAYS_OWNER_ME,
                                .due_on = (char *) "2027-01-01" };
    g_autoptr(GPtrArray) actions = g_ptr_array_new ();
    g_autofree char *eve = NULL;
    g_autofree char *new_year = NULL;

    g_ptr_array_add (actions, &item);
    g_setenv ("PATHWAYS_DEBUG_NOW", "2026-12-31T23:59:59", TRUE);
    eve = pathways_agenda_to_markdown (&meeting, "Ada", NULL, actions, FALSE);
    g_setenv ("PATHWAYS_DEBUG_NOW", "2027-01-02T00:00:00", TRUE);
    new_year = pathways_agenda_to_markdown (&meeting, "Ada", NULL, actions, FALSE);
    g_unsetenv ("PATHWAYS_DEBUG_NOW");

    g_assert_true (count_lines_with (eve, "Tuesday 5 January 2027, 10:00"));
    g_assert_true (count_lines_with (eve, "- [ ] Send the doc — _me, due 1 Jan, from 29 Dec 2026_"));
    g_assert_true (count_lines_with (new_year,
                                     "- [ ] Send the doc — _me, due 1 Jan, overdue, from 29 Dec 2026_"));
  }

  /* The override is what the core takes as today. */
  g_setenv ("PATHWAYS_DEBUG_NOW", "2026-12-31T23:59:59", TRUE);
  {
    g_autofree char *today = pathways_dup_today ();

    g_assert_cmpstr (today, ==, "2026-12-31");
  }
  g_unsetenv ("PATHWAYS_DEBUG_NOW");
}

/* Feb 29: meetings and cycles on it, cadences from it, and Feb 29 of years without one
 * refused. */
static void
test_dates_leap_day (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *markdown = NULL;
  PathwaysPerson *person;
  gint64 cycle_id;

  g_assert_true (pathways_agenda_scheduled_is_valid ("2028-02-29T10:00"));
  g_assert_true (pathways_agenda_scheduled_is_valid ("2000-02-29"));
  g_assert_false (pathways_agenda_scheduled_is_valid ("2027-02-29"));
  g_assert_false (pathways_agenda_scheduled_is_valid ("2100-02-29"));
  g_assert_true (pathways_date_is_valid ("2028-02-29"));
  g_assert_false (pathways_date_is_valid ("2027-02-29"));

  add_simple_person (fixture, "Ada");
  person = only_person (fixture);
  pathways_person_set_start_date (person, "2028-02-29");
  g_assert_true (pathways_store_save_person (fixture->store, person, &error));
  g_assert_no_error (error);
  meeting = pathways_store_create_meeting (fixture->store, person, PATHWAYS_MEETING_ONE_ON_ONE,
                                           "2028-02-29T10:00", &plain_options, &error);
  g_assert_no_error (error);
  g_assert_null (pathways_store_create_meeting (fixture->store, person,
                                                PATHWAYS_MEETING_ONE_ON_ONE, "2027-02-29",
                                                &plain_options, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pathways_store_set_meeting_status (fixture->store, meeting->id,
                                                    PATHWAYS_MEETING_HELD, &error));
  g_assert_no_error (error);

  fixture_reopen (fixture);
  person = only_person (fixture);
  g_assert_cmpstr (pathways_person_get_start_date (person), ==, "2028-02-29");
  meetings = pathways_store_list_meetings (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpstr (((PathwaysMeeting *) meetings->pdata[0])->scheduled_at, ==,
                   "2028-02-29T10:00");
  markdown = pathways_agenda_to_markdown (meetings->pdata[0], "Ada", NULL, NULL, FALSE);
  g_assert_true (count_lines_with (markdown, "Tuesday 29 February 2028, 10:00\n"));

  /* Weekly from Feb 29 (a Tuesday): 7 March; four-weekly: 28 March; 52 weeks: the Tuesday
   * nearest a year on, 27 February 2029. Monthly from 31 January lands in February. */
  suggested = pathways_store_dup_suggested_date (fixture->store, person, "2028-03-01");
  g_assert_cmpstr (suggested, ==, "2028-03-07");
  g_clear_pointer (&suggested, g_free);
  suggested = pathways_agenda_suggest_date ("2028-02-29", 4, 2, NULL, "2028-03-01");
  g_assert_cmpstr (suggested, ==, "2028-03-28");
  g_clear_pointer (&suggested, g_free);
  suggested = pathways_agenda_suggest_date ("2028-02-29", 52, 0, NULL, "2028-03-01");
  g_assert_cmpstr (suggested, ==, "2029-02-27");
  g_clear_pointer (&suggested, g_free);
  suggested = pathways_agenda_suggest_date ("2028-01-31", 4, 0, NULL, "2028-02-01");
  g_assert_cmpstr (suggested, ==, "2028-02-28");
  g_clear_pointer (&suggested, g_free);

  /* A cycle ending on Feb 29: its last day counts; one ending Feb 29 2027 is refused. */
  cycle_id = pathways_store_add_cycle (fixture->store, "Leap winter", "2027-11-01",
                                       "2028-02-29", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pathways_store_add_cycle (fixture->store, "No such day", "2026-11-01",
                                             "2027-02-29", &error), ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cycle = pathways_store_find_cycle (fixture->store, "2028-02-29", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cycle);
  g_assert_cmpint (cycle->id, ==, cycle_id);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2028-02-28"), ==, 2);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2028-02-29"), ==, 1);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2028-03-01"), ==, 0);
  g_clear_pointer (&cycle, pathways_cycle_free);
  /* The year's default cycles in a leap year leave no day out. */
  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2028, &error) || error != NULL);
  g_clear_error (&error);
}

/* Clocks going forward and back, in Berlin and New York: a 1-on-1 set for 02:30 on the
 * night the clocks skip it keeps its time everywhere it is shown; the day of a moment
 * stored in UTC is the local one; autosave stamps stay UTC. */
typedef struct
{
  const char *zone;
  const char *forward_day;    /* clocks go 02:00 → 03:00 */
  const char *weekday_line;   /* that day in the shared agenda */
  const char *before_change;  /* a UTC moment just before midnight local, the day before */
  const char *after_forward;  /* a UTC moment in the skipped night's morning */
  const char *back_night;     /* a UTC moment just after local midnight the night clocks go
                               * back */
  const char *back_day;       /* that local day */
} DstCase;

static const DstCase dst_cases[] = {
  { "Europe/Berlin", "2027-03-28", "Sunday 28 March 2027, 02:30",
    "2027-03-27T22:59:59Z", "2027-03-28T01:30:00Z", "2027-10-30T22:30:00Z", "2027-10-31" },
  { "America/New_York", "2027-03-14", "Sunday 14 March 2027, 02:30",
    "2027-03-14T04:59:59Z", "2027-03-14T07:30:00Z", "2027-11-07T04:30:00Z", "2027-11-07" },
};

static void
test_dates_dst (Fixture       *fixture,
                gconstpointer  data)
{
  const DstCase *dst = data;
  g_autofree char *scheduled = g_strconcat (dst->forward_day, "T02:30", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) reread = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *day = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *week_before = NULL;
  PathwaysPerson *person;
  gint64 cycle_id;

  set_time_zone (dst->zone);

  add_simple_person (fixture, "Ada");
  person = only_person (fixture);
  meeting = pathways_store_create_meeting (fixture->store, person, PATHWAYS_MEETING_ONE_ON_ONE,
                                           scheduled, &plain_options, &error);
  g_assert_no_error (error);
  fixture_reopen (fixture);
  reread = pathways_store_get_meeting (fixture->store, meeting->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread->scheduled_at, ==, scheduled);

  /* Shown at 02:30, as set — not moved to 03:00 by the skipped hour. */
  markdown = pathways_agenda_to_markdown (reread, "Ada", NULL, NULL, FALSE);
  g_assert_true (count_lines_with (markdown, dst->weekday_line));

  /* A weekly slot stays at 02:30 across the change. */
  {
    GDate date;

    g_date_set_parse (&date, dst->forward_day);
    g_assert_true (g_date_valid (&date));
    g_date_subtract_days (&date, 7);
    week_before = g_strdup_printf ("%04u-%02u-%02uT02:30", g_date_get_year (&date),
                                   g_date_get_month (&date), g_date_get_day (&date));
  }
  suggested = pathways_agenda_suggest_date (week_before, 1, 7, "02:30", week_before);
  g_assert_cmpstr (suggested, ==, scheduled);

  /* The local day of UTC moments around both changes. */
  day = pathways_review_dup_local_date (dst->before_change, NULL);
  g_assert_true (strcmp (day, dst->forward_day) < 0);
  g_clear_pointer (&day, g_free);
  day = pathways_review_dup_local_date (dst->after_forward, NULL);
  g_assert_cmpstr (day, ==, dst->forward_day);
  g_clear_pointer (&day, g_free);
  day = pathways_review_dup_local_date (dst->back_night, NULL);
  g_assert_cmpstr (day, ==, dst->back_day);
  g_clear_pointer (&day, g_free);

  /* "Today" on the night clocks skip, from the override: still that day. */
  {
    g_autofree char *now = g_strconcat (dst->forward_day, "T02:30:00", NULL);

    g_setenv ("PATHWAYS_DEBUG_NOW", now, TRUE);
    day = pathways_dup_today ();
    g_assert_cmpstr (day, ==, dst->forward_day);
    g_clear_pointer (&day, g_free);
    g_unsetenv ("PATHWAYS_DEBUG_NOW");
  }

  /* Autosave stamps are UTC moments, whatever the zone: within a minute of the real now. */
  cycle_id = pathways_store_add_cycle (fixture->store, "Spring", "2027-01-01", "2027-04-30",
                                       &error);
  g_assert_no_error (error);
  person = only_person (fixture);
  review = pathways_store_start_review (fixture->store, person, cycle_id, "Draft", NULL, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_true (pathways_store_autosave_review (fixture->store, review->id, "Draft, more",
                                                 &error));
  g_assert_no_error (error);
  g_clear_pointer (&review, pathways_review_free);
  review = pathways_store_get_review (fixture->store, person, cycle_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (review->updated_at, "Z"));
  {
    g_autoptr(GDateTime) saved = g_date_time_new_from_iso8601 (review->updated_at, NULL);
    g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();

    g_assert_nonnull (saved);
    g_assert_cmpint (ABS (g_date_time_difference (real_now, saved)), <, 60 * G_TIME_SPAN_SECOND);
  }

  restore_time_zone ();
}

/* The clock set back, behind records already written: nothing negative, nothing lost. */
static void
test_dates_clock_back (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autofree char *suggested = NULL;
  PathwaysCycle next_year = { .name = (char *) "Next", .starts_on = (char *) "2027-01-01",
                              .ends_on = (char *) "2027-04-30" };
  PathwaysPerson *person;
  sqlite3_stmt *stmt;
  gint64 cycle_id;

  /* A meeting held "next year" (as the clock said then): the next one follows it, not
   * today. */
  suggested = pathways_agenda_suggest_date ("2027-06-01", 1, 2, NULL, "2026-12-07");
  g_assert_cmpstr (suggested, ==, "2027-06-08");

  /* A cycle that has not started has its whole length left; one over has none. */
  g_assert_cmpuint (pathways_cycle_days_left (&next_year, "2026-12-07"), ==, 120);
  g_assert_cmpuint (pathways_cycle_days_left (&next_year, "2027-05-01"), ==, 0);

  /* Review revisions written while the clock was a year ahead. */
  add_simple_person (fixture, "Ada");
  person = only_person (fixture);
  cycle_id = pathways_store_add_cycle (fixture->store, "Now", "2026-09-01", "2026-12-31",
                                       &error);
  g_assert_no_error (error);
  review = pathways_store_start_review (fixture->store, person, cycle_id, "Template", NULL,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pathways_store_autosave_review (fixture->store, review->id, "First draft",
                                                 &error));
  g_assert_no_error (error);
  stmt = pathways_db_prepare (fixture->db,
                              "UPDATE review_revision SET saved_at = "
                              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+1 year')", &error);
  g_assert_no_error (error);
  g_assert_true (pathways_db_step_done (fixture->db, stmt, &error));
  g_assert_no_error (error);

  /* Back to the real time, the manager types on: the draft they had is kept as a revision
   * (the future one is no reason to wait a year), and it is listed as the newest. */
  g_assert_true (pathways_store_autosave_review (fixture->store, review->id,
                                                 "First draft, edited", &error));
  g_assert_no_error (error);
  revisions = pathways_store_list_review_revisions (fixture->store, review->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (((PathwaysReviewRevision *) revisions->pdata[0])->body, ==, "First draft");
  g_assert_cmpstr (((PathwaysReviewRevision *) revisions->pdata[1])->body, ==, "Template");
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Many more such edits, past the limit of kept revisions: the newest are kept, not the
   * ones dated in the future. */
  for (guint i = 0; i < PATHWAYS_REVIEW_MAX_REVISIONS + 5; i++)
    {
      g_autofree char *body = g_strdup_printf ("Draft %u ", i);
      g_autofree char *big = g_strnfill (PATHWAYS_REVIEW_REVISION_CHARS + 1, 'a' + i % 26);
      g_autofree char *text = g_strconcat (body, big, NULL);

      g_assert_true (pathways_store_autosave_review (fixture->store, review->id, text,
                                                     &error));
      g_assert_no_error (error);
    }
  revisions = pathways_store_list_review_revisions (fixture->store, review->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, PATHWAYS_REVIEW_MAX_REVISIONS);
  {
    g_autofree char *newest_prefix = g_strdup_printf ("Draft %u ",
                                                      PATHWAYS_REVIEW_MAX_REVISIONS + 3);

    g_assert_true (g_str_has_prefix (((PathwaysReviewRevision *) revisions->pdata[0])->body,
                                     newest_prefix));
  }
}

/* Backups made while the clock was ahead: a backup is still made today, kept, and is the
 * one "restore the newest backup" takes; the older ones are not lost. */
static void
test_dates_clock_back_backups (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pathways_db_dup_backup_dir (fixture->path);
  g_autofree char *newest = NULL;
  g_autoptr(GPtrArray) future = g_ptr_array_new_with_free_func (g_free);
  gboolean made_one = FALSE;
  time_t ahead = time (NULL) + 365 * 24 * 60 * 60;

  g_assert_true (pathways_db_daily_backup (fixture->db, &made_one, &error));
  g_assert_no_error (error);
  g_assert_true (made_one);
  /* Seven backups (all that are kept) dated a year from now, as if the clock was ahead. */
  newest = pathways_db_dup_newest_backup (fixture->path);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("pathways-2027010%u-120000.sqlite", i + 1);
      char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;
      struct utimbuf times = { .actime = ahead + i * 86400, .modtime = ahead + i * 86400 };

      g_assert_true (g_file_get_contents (newest, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
      g_assert_cmpint (g_utime (path, &times), ==, 0);
      g_ptr_array_add (future, path);
    }
  g_assert_cmpint (g_unlink (newest), ==, 0);
  g_clear_pointer (&newest, g_free);

  g_assert_true (pathways_db_daily_backup (fixture->db, &made_one, &error));
  g_assert_no_error (error);
  g_assert_true (made_one);
  newest = pathways_db_dup_newest_backup (fixture->path);
  g_assert_nonnull (newest);
  for (guint i = 0; i < future->len; i++)
    g_assert_cmpstr (newest, !=, future->pdata[i]);
  g_assert_true (g_file_test (newest, G_FILE_TEST_IS_REGULAR));

  /* Not one more each start: the next is due a day after today's. */
  g_assert_true (pathways_db_daily_backup (fixture->db, &made_one, &error));
  g_assert_no_error (error);
  g_assert_false (made_one);

  /* The six newest of those made while the clock was ahead are still there. */
  for (guint i = 1; i < future->len; i++)
    g_assert_true (g_file_test (future->pdata[i], G_FILE_TEST_IS_REGULAR));
}

/* ==== main ==== */

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_nasties ();

  for (guint i = 0; i < nasties->len; i++)
    {
      const Nasty *nasty = nasties->pdata[i];
      g_autofree char *round_trip = g_strdup_printf ("/pathways/sweep-data/round-trip/%s",
                                                     nasty->name);
      g_autofree char *agenda = g_strdup_printf ("/pathways/sweep-data/export/agenda/%s",
                                                 nasty->name);
      g_autofree char *import = g_strdup_printf ("/pathways/sweep-data/export/agenda-import/%s",
                                                 nasty->name);
      g_autofree char *review = g_strdup_printf ("/pathways/sweep-data/export/review/%s",
                                                 nasty->name);
      g_autofree char *evidence = g_strdup_printf ("/pathways/sweep-data/export/evidence/%s",
                                                   nasty->name);

      g_test_add (round_trip, Fixture, nasty, fixture_set_up, test_round_trip,
                  fixture_tear_down);
      g_test_add_data_func (agenda, nasty, test_export_agenda);
      g_test_add_data_func (import, nasty, test_export_agenda_import);
      g_test_add_data_func (review, nasty, test_export_review);
      g_test_add_data_func (evidence, nasty, test_export_evidence);
    }
  g_test_add ("/pathways/sweep-data/round-trip/person-edit", Fixture, NULL, fixture_set_up,
              test_round_trip_person_edit, fixture_tear_down);
  g_test_add ("/pathways/sweep-data/invalid-utf8", Fixture, NULL, fixture_set_up,
              test_invalid_utf8, fixture_tear_down);
  g_test_add ("/pathways/sweep-data/export/gathered-evidence", Fixture, NULL, fixture_set_up,
              test_export_gathered_evidence, fixture_tear_down);

  g_test_add ("/pathways/sweep-data/dates/year-end", Fixture, NULL, fixture_set_up,
              test_dates_year_end, fixture_tear_down);
  g_test_add ("/pathways/sweep-data/dates/leap-day", Fixture, NULL, fixture_set_up,
              test_dates_leap_day, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (dst_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pathways/sweep-data/dates/dst/%s",
                                               dst_cases[i].zone);

      g_test_add (path, Fixture, &dst_cases[i], fixture_set_up, test_dates_dst,
                  fixture_tear_down);
    }
  g_test_add ("/pathways/sweep-data/dates/clock-back", Fixture, NULL, fixture_set_up,
              test_dates_clock_back, fixture_tear_down);
  g_test_add ("/pathways/sweep-data/dates/clock-back-backups", Fixture, NULL, fixture_set_up,
              test_dates_clock_back_backups, fixture_tear_down);

  status = g_test_run ();
  g_ptr_array_free (g_steal_pointer (&nasties), TRUE);
  return status;
}
