/* bench-team.c: a big synthetic team for the benchmarks — N people, each with years of
 * weekly 1-on-1s (guide topics and talking points, shared notes of realistic length, some
 * private notes, moods, action items), ladder ratings and evidence, notes-log entries, and a
 * review in every cycle; plus the next 1-on-1, planned.
 *
 *   bench-team --profile DIR [--people 50] [--years 5]
 *
 * Everything goes through the store's API, so the database is what the app itself would
 * have written. Deterministic: the same records on every run (a seeded GRand; dates counted
 * back from a fixed day, not from today). Prints how long it took and the file's size.
 *
 * Ladder keys are those of the sample handbook's careers/software-engineer.md: copy
 * data/handbook/careers into the handbook the app opens to see them (bench-app.py does).
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "pathways-agenda.h"
#include "pathways-review.h"
#include "pathways-store.h"

#define LADDER_PATH "careers/software-engineer.md"
/* The newest held 1-on-1 is on this day; the next one, planned, a week later. */
#define LAST_YEAR 2026
#define LAST_MONTH 11
#define LAST_DAY 20

static const char *first_names[] = {
  "Ada", "Bruno", "Chidi", "Dana", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kemal",
  "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tove", "Uma", "Viktor",
  "Wen", "Ximena", "Yusuf", "Zofia",
};
static const char *last_names[] = {
  "Abara", "Berg", "Costa", "Dubois", "Eze", "Fischer", "Garcia", "Horvat", "Ito", "Jensen",
  "Kowalski", "Lund", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Silva", "Tanaka",
};
static const char *levels[] = { "Apprentice", "Engineer I", "Engineer II", "Senior Engineer" };
static const char *competencies[] = {
  "impact", "technical skill", "quality", "ownership", "communication", "mentoring",
};

/* Sentences the notes are made of: plain work talk, some Markdown. */
static const char *sentences[] = {
  "We went through the migration plan again and agreed the rollback step needs a dry run.",
  "They felt the on-call week was calmer than the last one, mostly thanks to the new alerts.",
  "Code review turnaround is still slow on the billing service; we will raise it at the retro.",
  "Wants more ownership of the search project and to present the design at the guild.",
  "Blocked on access to the staging cluster for two days — I will chase the platform team.",
  "Talked about the conference talk proposal; the abstract needs a concrete example.",
  "The pairing sessions with the new joiner are going well, twice a week seems right.",
  "Some frustration about shifting priorities mid-sprint; I explained where it came from.",
  "**Feedback:** the incident write-up was clear and the timeline was easy to follow.",
  "Agreed to split the large pull request into three smaller ones before Friday.",
  "Energy is lower this month: family visiting, fewer late evenings, which is fine.",
  "- tests for the parser\n- the flaky integration job\n- docs for the new flag",
  "Asked how promotions work here; I pointed to the ladder and the evidence we keep.",
  "Would like a budget for a course on distributed systems; I will check with finance.",
  "We discussed how to say no to side requests without sounding unhelpful.",
  "The [design doc](https://example.com/doc) got good comments, two open questions left.",
};

static char *
make_text (GRand *rand,
           int    min_sentences,
           int    max_sentences)
{
  GString *out = g_string_new (NULL);
  int n = g_rand_int_range (rand, min_sentences, max_sentences + 1);

  for (int i = 0; i < n; i++)
    {
      g_string_append (out, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
      g_string_append (out, i % 3 == 2 ? "\n\n" : " ");
    }
  return g_string_free (out, FALSE);
}

static char *
format_date (GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

typedef struct
{
  PathwaysStore *store;
  GRand         *rand;
  guint          years;
  guint          meetings, points, actions, notes, evidence, reviews;
} Team;

static void
add_history (Team           *team,
             PathwaysPerson *person,
             GDate          *first,
             guint           weeks)
{
  g_autoptr(GDate) day = g_date_copy (first);
  PathwaysAgendaOptions options = { .guide = NULL, .n_checkins = 1, .recent_weeks = 8 };
  GRand *rand = team->rand;

  for (guint week = 0; week <= weeks; week++, g_date_add_days (day, 7))
    {
      g_autofree char *date = format_date (day);
      g_autofree char *when = g_strdup_printf ("%sT10:00", date);
      g_autoptr(PathwaysMeeting) meeting = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *level = g_ascii_strdown (levels[MIN (week / 70,
                                                             G_N_ELEMENTS (levels) - 1)], -1);
      g_autofree char *key = g_strdup_printf ("software engineer/%s/%s", level,
                                              competencies[g_rand_int_range (rand, 0, 6)]);

      options.today = date;
      meeting = pathways_store_create_meeting (team->store, person, PATHWAYS_MEETING_ONE_ON_ONE,
                                               when, &options, &error);
      check (meeting != NULL, error, "create meeting");
      team->meetings++;

      for (int i = g_rand_int_range (rand, 1, 4); i > 0; i--)
        {
          g_autofree char *body = make_text (rand, 1, 1);

          check (pathways_store_add_talking_point (team->store, person, meeting->id, body,
                                                   g_rand_boolean (rand) ? PATHWAYS_OWNER_ME
                                                                         : PATHWAYS_OWNER_THEM,
                                                   &error) > 0, error, "add point");
          team->points++;
        }

      /* The last week's meeting stays planned: the one the app prepares next. */
      if (week == weeks)
        break;

      {
        g_autofree char *shared = make_text (rand, 4, 14);
        g_autofree char *private_notes = g_rand_int_range (rand, 0, 4) == 0
                                         ? make_text (rand, 1, 4) : g_strdup ("");

        check (pathways_store_save_meeting_notes (team->store, meeting->id, shared,
                                                  private_notes, &error), error, "notes");
      }
      check (pathways_store_set_meeting_mood (team->store, meeting->id,
                                              g_rand_int_range (rand, 2, 6), &error),
             error, "mood");
      if (g_rand_boolean (rand))
        {
          g_autofree char *body = make_text (rand, 1, 1);
          gint64 id = pathways_store_add_action_item (team->store, person, meeting->id, body,
                                                      PATHWAYS_OWNER_THEM, NULL, &error);

          check (id > 0, error, "action item");
          /* Most are done by the next week. */
          if (g_rand_int_range (rand, 0, 5) != 0)
            check (pathways_store_set_action_done (team->store, id, TRUE, meeting->id, &error),
                   error, "action done");
          team->actions++;
        }
      check (pathways_store_set_meeting_status (team->store, meeting->id,
                                                PATHWAYS_MEETING_HELD, &error), error, "held");

      if (week % 2 == 0)
        {
          g_autofree char *body = make_text (rand, 1, 3);

          check (pathways_store_add_note (team->store, person,
                                          (PathwaysNoteKind) g_rand_int_range (rand, 0, 4),
                                          body, date, week % 4 == 0 ? key : NULL, &error) > 0,
                 error, "note");
          team->notes++;
        }
      if (week % 4 == 1)
        {
          g_autofree char *body = make_text (rand, 1, 2);

          check (pathways_store_add_evidence (team->store, person, key, NULL, body, date,
                                              &error) > 0, error, "evidence");
          check (pathways_store_rate (team->store, person, key,
                                      (PathwaysRating) g_rand_int_range (rand, 1, 4), NULL, date,
                                      &error), error, "rating");
          team->evidence++;
        }
      if (week % 70 == 69)
        check (pathways_store_change_level (team->store, person, LADDER_PATH,
                                            levels[MIN (week / 70 + 1, G_N_ELEMENTS (levels) - 1)],
                                            date, &error), error, "level");
    }
}

static void
add_reviews (Team           *team,
             PathwaysPerson *person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cycles = pathways_store_list_cycles (team->store, &error);
  g_autofree char *template_text = pathways_review_dup_default_template ();

  check (cycles != NULL, error, "cycles");
  for (guint i = 0; i < cycles->len; i++)
    {
      PathwaysCycle *cycle = g_ptr_array_index (cycles, i);
      g_autoptr(PathwaysReview) review = NULL;
      g_autofree char *body = NULL;

      if (g_strcmp0 (cycle->starts_on, "2026-11-27") > 0)
        continue;  /* not begun on the last day of the history */
      review = pathways_store_start_review (team->store, person, cycle->id, template_text,
                                            "Engineer II", "Senior Engineer", &error);
      check (review != NULL, error, "start review");
      body = g_strconcat (review->body, "\n\n", make_text (team->rand, 12, 30), NULL);
      check (pathways_store_autosave_review (team->store, review->id, body, &error), error,
             "autosave review");
      check (pathways_store_set_review_status (team->store, review->id,
                                               PATHWAYS_REVIEW_DELIVERED, &error),
             error, "review status");
      team->reviews++;
    }
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *profile = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysDb) db = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GDate) last = g_date_new_dmy (LAST_DAY, LAST_MONTH, LAST_YEAR);
  g_autoptr(GDate) first = NULL;
  int n_people = 50, years = 5;
  guint weeks;
  gint64 start;
  Team team = { 0 };
  GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &profile, "Write pathways.sqlite in this folder",
      "DIR" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "How many people (default 50)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of weekly 1-on-1s (default 5)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— generate a big synthetic team for the benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || profile == NULL
      || n_people < 1 || years < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--profile DIR is needed");
      return 2;
    }

  g_mkdir_with_parents (profile, 0755);
  db_path = g_build_filename (profile, "pathways.sqlite", NULL);
  wal = g_strconcat (db_path, "-wal", NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists: remove it first\n", db_path);
      return 2;
    }

  start = g_get_monotonic_time ();
  db = pathways_db_open (db_path, &error);
  check (db != NULL, error, "open");
  /* Nothing to lose here if the machine crashes: skip waiting for the disk. */
  sqlite3_exec (pathways_db_get_handle (db), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  store = pathways_store_new (db, &error);
  check (store != NULL, error, "store");

  team.store = store;
  team.rand = g_rand_new_with_seed (20261120);
  team.years = (guint) years;
  weeks = (guint) years * 52;
  first = g_date_copy (last);
  g_date_subtract_days (first, weeks * 7);

  for (int y = g_date_get_year (first); y <= LAST_YEAR; y++)
    check (pathways_store_ensure_cycles (store, y, &error), error, "cycles");

  for (int i = 0; i < n_people; i++)
    {
      guint surname = (guint) (i * 7 + i / 26) % G_N_ELEMENTS (last_names);
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[surname]);
      g_autoptr(PathwaysPerson) draft = pathways_person_new (name);
      g_autofree char *since = format_date (first);
      PathwaysPerson *person;

      pathways_person_set_title (draft, "Software Engineer");
      pathways_person_set_start_date (draft, since);
      person = pathways_store_add_person (store, draft, &error);
      check (person != NULL, error, "add person");
      check (pathways_store_change_level (store, person, LADDER_PATH, levels[0], since, &error),
             error, "level");
      add_history (&team, person, first, weeks);
      add_reviews (&team, person);
      g_print ("\r%d of %d people", i + 1, n_people);
      fflush (stdout);
    }

  g_print ("\n%d people × %d years: %u meetings, %u talking points typed, %u action items, "
           "%u notes, %u evidence, %u reviews\n", n_people, years, team.meetings, team.points,
           team.actions, team.notes, team.evidence, team.reviews);
  g_print ("generated in %.1f s (%.2f ms per meeting with its records, one transaction per "
           "store call)\n", (g_get_monotonic_time () - start) / 1e6,
           (g_get_monotonic_time () - start) / 1e3 / MAX (team.meetings, 1));
  g_clear_object (&store);
  g_clear_object (&db);
  g_print ("database: %.1f MB (%s)\n", (file_size (db_path) + file_size (wal)) / 1e6, db_path);
  g_rand_free (team.rand);
  return 0;
}
