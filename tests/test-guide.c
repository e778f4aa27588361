/* test-guide.c: tests for reading a handbook's 1-on-1 guide — the bundled sample, guides in
 * other styles, messy input, built-in topics, and finding the guide among a handbook's pages.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-guide"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pathways-guide.h"
#include "pathways-handbook.h"

/* ---- helpers ---- */

static PathwaysHandbook *
load_handbook (const char *path)
{
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PathwaysHandbook *handbook = pathways_handbook_new (root);

  pathways_handbook_load (handbook, NULL, &error);
  g_assert_no_error (error);
  return handbook;
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, len, &error);
  g_assert_no_error (error);
  return text;
}

static PathwaysGuide *
parse_style (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "guide-styles",
                                                 name, NULL);
  gsize len = 0;
  g_autofree char *text = read_file (path, &len);

  return pathways_guide_parse (text, len, name);
}

static char *
dup_sample_text (gsize *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook",
                                                 "guides", "one-on-ones.md", NULL);

  return read_file (path, len);
}

static const PathwaysTopic *
topic_at (const PathwaysGuide *guide,
          PathwaysTopicKind    kind,
          guint                i)
{
  g_assert_cmpuint (i, <, guide->topics[kind]->len);
  return g_ptr_array_index (guide->topics[kind], i);
}

/* The titles of a kind's topics, joined with '|'. */
static char *
dup_titles (const PathwaysGuide *guide,
            PathwaysTopicKind    kind)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < guide->topics[kind]->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", topic_at (guide, kind, i)->title);
  return g_string_free (s, FALSE);
}

static void
assert_titles (const PathwaysGuide *guide,
               PathwaysTopicKind    kind,
               const char          *expected)
{
  g_autofree char *titles = dup_titles (guide, kind);

  g_assert_cmpstr (titles, ==, expected);
}

/* ---- the sample guide ---- */

static void
test_sample (void)
{
  gsize len = 0;
  g_autofree char *text = dup_sample_text (&len);
  g_autoptr(PathwaysGuide) guide = pathways_guide_parse (text, len, "guides/one-on-ones.md");
  const PathwaysTopic *topic;

  g_assert_cmpstr (guide->page, ==, "guides/one-on-ones.md");
  g_assert_cmpstr (guide->title, ==, "1-on-1 guide");

  assert_titles (guide, PATHWAYS_TOPIC_EVERY,
                 "Follow-ups|Wins|Blockers|Their topics|"
                 "How they are feeling about their workload this week|"
                 "Anything the manager needs to share: news, context or feedback that should "
                 "not wait");
  topic = topic_at (guide, PATHWAYS_TOPIC_EVERY, 1);
  g_assert_cmpstr (topic->key, ==, "every/wins");
  g_assert_cmpstr (topic->detail, ==, "what went well since we last met, however small.");
  g_assert_null (topic_at (guide, PATHWAYS_TOPIC_EVERY, 4)->detail);

  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_FREQUENT]->len, ==, 8);
  topic = topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 0);
  g_assert_cmpstr (topic->title, ==, "Career growth");
  g_assert_cmpstr (topic->key, ==, "frequent/career growth");
  /* Links read as their text. */
  g_assert_cmpstr (topic->detail, ==, "where they want to be in a year or two, and progress "
                                      "against their level.");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 7)->title, ==, "Recognition");

  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_SKIP_LEVEL]->len, ==, 5);
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_SKIP_LEVEL, 0)->title, ==,
                   "What is getting in the way of the team doing its best work?");

  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_PROMPT]->len, ==, 10);
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_PROMPT, 0)->title, ==,
                   "What was the best part of your week? And the worst?");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_PROMPT, 9)->key, ==,
                   "prompt/how sustainable does your current pace feel");

  /* "The basics" and "Tips for managers" are about meetings, not topics for them. */
  g_assert_null (pathways_guide_lookup (guide, "every/cadence"));
  g_assert_null (pathways_guide_lookup (guide, "every/follow ups from last time"));
  g_assert_null (pathways_guide_lookup (guide, "every/skip levels"));
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    for (guint i = 0; i < guide->topics[k]->len; i++)
      g_assert_null (strstr (topic_at (guide, k, i)->title, "Keep the time protected"));

  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_EVERY], ==, "in-every-1-on-1");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_FREQUENT], ==, "frequently");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_SKIP_LEVEL], ==, "skip-levels");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_PROMPT], ==, "if-you-have-nothing-to-discuss");
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    g_assert_false (guide->builtin[k]);

  topic = pathways_guide_lookup (guide, "skip-level/how are you being supported in your growth");
  g_assert_nonnull (topic);
  g_assert_cmpint (topic->kind, ==, PATHWAYS_TOPIC_SKIP_LEVEL);
}

/* Rewording the detail keeps a topic's key, so its history stays attached to it. */
static void
test_keys_stable (void)
{
  gsize len = 0;
  g_autofree char *text = dup_sample_text (&len);
  g_autoptr(GString) edited = g_string_new_len (text, len);
  g_autoptr(PathwaysGuide) before = pathways_guide_parse (text, len, NULL);
  g_autoptr(PathwaysGuide) after = NULL;
  const PathwaysTopic *old_topic;
  const PathwaysTopic *new_topic;

  g_assert_cmpuint (g_string_replace (edited, "what went well since we last met, however small.",
                                      "good news of any size.", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "**Career growth:**", "**Career  growth** —", 1),
                    ==, 1);
  after = pathways_guide_parse (edited->str, -1, NULL);

  old_topic = pathways_guide_lookup (before, "every/wins");
  new_topic = pathways_guide_lookup (after, "every/wins");
  g_assert_nonnull (old_topic);
  g_assert_nonnull (new_topic);
  g_assert_cmpstr (new_topic->detail, ==, "good news of any size.");
  g_assert_cmpstr (pathways_guide_lookup (after, "frequent/career growth")->title, ==,
                   "Career growth");

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_assert_cmpuint (before->topics[k]->len, ==, after->topics[k]->len);
      for (guint i = 0; i < before->topics[k]->len; i++)
        g_assert_cmpstr (topic_at (before, k, i)->key, ==, topic_at (after, k, i)->key);
    }
}

/* ---- other styles ---- */

static void
test_style_nested_asterisks (void)
{
  g_autoptr(PathwaysGuide) guide = parse_style ("nested-asterisks.md");
  const PathwaysTopic *growth;

  g_assert_cmpstr (guide->title, ==, "Engineering manager playbook");
  /* The repeated "Check-in" is dropped; plain "Title: detail" items are split. */
  assert_titles (guide, PATHWAYS_TOPIC_EVERY,
                 "Check-in|Progress on last week's action items|Roadblocks|Shout-outs");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_EVERY, 0)->detail, ==,
                   "how was the week, in one word?");
  g_assert_null (topic_at (guide, PATHWAYS_TOPIC_EVERY, 1)->detail);
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_EVERY], ==, "topics-for-every-meeting");

  assert_titles (guide, PATHWAYS_TOPIC_FREQUENT,
                 "Growth plan|Compensation questions|Vacation planning");
  /* Nested items belong to their parent, not to the list of topics. */
  growth = topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 0);
  g_assert_cmpstr (growth->detail, ==, "review the development plan together\n"
                                       "What changed since last time?\nWhich skill is next?");

  /* "Tips" is advice, not a skip-level or prompt section. */
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_SKIP_LEVEL]->len, ==, 0);
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_PROMPT]->len, ==, 0);
}

static void
test_style_heading_per_topic (void)
{
  g_autoptr(PathwaysGuide) guide = parse_style ("heading-per-topic.md");
  const PathwaysTopic *topic;

  g_assert_cmpstr (guide->title, ==, "1:1 handbook");
  assert_titles (guide, PATHWAYS_TOPIC_EVERY,
                 "Updates from the report|Priorities for the coming week|Anything blocking?");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_EVERY], ==, "standing-agenda");

  /* Each subheading is a topic, its first paragraph the detail. */
  assert_titles (guide, PATHWAYS_TOPIC_FREQUENT, "Career growth|Feedback|Wellbeing");
  topic = topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 0);
  g_assert_cmpstr (topic->detail, ==, "Talk about where they want to be in two years and what "
                                      "would get them there. Link it to the career ladder.");
  g_assert_cmpstr (topic->key, ==, "frequent/career growth");
  topic = topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 2);
  g_assert_cmpstr (topic->detail, ==, "How sustainable is their workload? Are they taking "
                                      "time off?");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_FREQUENT], ==, "every-few-weeks");

  /* "Further reading" is not a section of topics. */
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_SKIP_LEVEL]->len, ==, 0);
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_PROMPT]->len, ==, 0);
}

static void
test_style_skip_levels (void)
{
  g_autoptr(PathwaysGuide) guide = parse_style ("skip-levels.md");

  /* "Questions for skip-levels" is about skip-levels, not a list of prompts. */
  assert_titles (guide, PATHWAYS_TOPIC_SKIP_LEVEL,
                 "What would you change about how the team plans its work?|"
                 "Do you know what is expected of you at your level?|Blind spots");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_SKIP_LEVEL, 2)->detail, ==,
                   "what do you think leadership does not see?");

  assert_titles (guide, PATHWAYS_TOPIC_PROMPT,
                 "What are you most excited about right now?|"
                 "What is draining your energy? See burnout for signs|"
                 "What would you like to learn next quarter?");

  /* "Frequently asked questions" is neither frequent topics nor prompts. */
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_FREQUENT]->len, ==, 0);
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_EVERY]->len, ==, 0);

  pathways_guide_fill_missing (guide);
  g_assert_true (guide->builtin[PATHWAYS_TOPIC_EVERY]);
  g_assert_true (guide->builtin[PATHWAYS_TOPIC_FREQUENT]);
  g_assert_false (guide->builtin[PATHWAYS_TOPIC_SKIP_LEVEL]);
  g_assert_false (guide->builtin[PATHWAYS_TOPIC_PROMPT]);
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_SKIP_LEVEL]->len, ==, 3);
  g_assert_nonnull (pathways_guide_lookup (guide, "frequent/career growth"));
  g_assert_null (guide->anchors[PATHWAYS_TOPIC_FREQUENT]);
}

static void
test_style_numbered_crlf (void)
{
  g_autoptr(PathwaysGuide) guide = parse_style ("numbered-crlf.md");

  assert_titles (guide, PATHWAYS_TOPIC_EVERY,
                 "Wins|Blockers|Ignored as a new list? No, still a list item");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_EVERY, 0)->detail, ==,
                   "what went well since last week");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_EVERY, 1)->detail, ==,
                   "anything that needs escalating");

  assert_titles (guide, PATHWAYS_TOPIC_FREQUENT, "Goals|Team health");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 0)->detail, ==,
                   "check the quarterly goals\nnested items belong to their parent");

  assert_titles (guide, PATHWAYS_TOPIC_PROMPT,
                 "What is on your mind?|What should we stop doing?");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_PROMPT], ==, "if-youre-stuck");
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    for (guint i = 0; i < guide->topics[k]->len; i++)
      {
        const PathwaysTopic *topic = topic_at (guide, k, i);

        g_assert_null (strchr (topic->title, '\r'));
        g_assert_true (topic->detail == NULL || strchr (topic->detail, '\r') == NULL);
      }
}

static void
test_style_no_sections (void)
{
  g_autoptr(PathwaysGuide) guide = parse_style ("no-sections.md");
  g_autoptr(PathwaysGuide) builtin = pathways_guide_new_builtin ();

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    g_assert_cmpuint (guide->topics[k]->len, ==, 0);

  pathways_guide_fill_missing (guide);
  g_assert_cmpstr (guide->page, ==, "no-sections.md");
  g_assert_cmpstr (guide->title, ==, "1-1 meetings");
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_autofree char *got = dup_titles (guide, k);
      g_autofree char *want = dup_titles (builtin, k);

      g_assert_true (guide->builtin[k]);
      g_assert_null (guide->anchors[k]);
      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_style_empty (void)
{
  g_autoptr(PathwaysGuide) guide = parse_style ("empty.md");

  g_assert_null (guide->title);
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    g_assert_cmpuint (guide->topics[k]->len, ==, 0);

  pathways_guide_fill_missing (guide);
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_assert_true (guide->builtin[k]);
      g_assert_cmpuint (guide->topics[k]->len, >, 0);
    }
}

/* Headings as handbooks write them, and the kind each one announces (-1: none). */
static void
test_headings (void)
{
  const struct
  {
    const char *heading;
    int         kind;
  } cases[] = {
    { "Topics for every meeting", PATHWAYS_TOPIC_EVERY },
    { "What to cover each week", PATHWAYS_TOPIC_EVERY },
    { "Standing agenda", PATHWAYS_TOPIC_EVERY },
    { "Always", PATHWAYS_TOPIC_EVERY },
    { "Things to discuss regularly", PATHWAYS_TOPIC_FREQUENT },
    { "Not every week", PATHWAYS_TOPIC_FREQUENT },
    { "Every other week", PATHWAYS_TOPIC_FREQUENT },
    { "Rotating topics", PATHWAYS_TOPIC_FREQUENT },
    { "Once in a while", PATHWAYS_TOPIC_FREQUENT },
    { "Skip level meetings", PATHWAYS_TOPIC_SKIP_LEVEL },
    { "Questions for skip-levels", PATHWAYS_TOPIC_SKIP_LEVEL },
    { "Monthly skip-level 1:1s", PATHWAYS_TOPIC_SKIP_LEVEL },
    { "Good questions to ask", PATHWAYS_TOPIC_PROMPT },
    { "If you’re stuck", PATHWAYS_TOPIC_PROMPT },
    { "Conversation starters", PATHWAYS_TOPIC_PROMPT },
    { "When there is nothing to talk about", PATHWAYS_TOPIC_PROMPT },
    { "Understanding your report", -1 },
    { "Everyone's welcome", -1 },
    { "Frequently asked questions", -1 },
    { "Tips for every 1-on-1", -1 },
    { "Things to avoid in every meeting", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markdown = g_strdup_printf ("# Guide\n\n## %s\n\n- A topic\n",
                                                   cases[i].heading);
      g_autoptr(PathwaysGuide) guide = pathways_guide_parse (markdown, -1, NULL);

      g_test_message ("heading: %s", cases[i].heading);
      for (int k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
        g_assert_cmpuint (guide->topics[k]->len, ==, k == cases[i].kind ? 1 : 0);
    }
}

/* Bold paragraphs standing in for headings, labelled paragraphs, and a task list. */
static void
test_loose_markup (void)
{
  const char *markdown =
    "**In every 1:1**\n\n"
    "- [ ] **Mood:** one word for the week\n"
    "- **Energy**\n  how much is left at the end of the week\n"
    "- [x] Priorities\n"
    "- \n\n"
    "## Every month\n\n"
    "**Career:** a step towards the next level.\n\n"
    "**Note:** this paragraph is a remark, not a topic.\n\n"
    "Plain prose is not a topic either.\n";
  g_autoptr(PathwaysGuide) guide = pathways_guide_parse (markdown, -1, NULL);

  assert_titles (guide, PATHWAYS_TOPIC_EVERY, "Mood|Energy|Priorities");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_EVERY, 0)->detail, ==,
                   "one word for the week");
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_EVERY, 1)->detail, ==,
                   "how much is left at the end of the week");
  assert_titles (guide, PATHWAYS_TOPIC_FREQUENT, "Career");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_FREQUENT], ==, "every-month");
}

/* A subheading that says what it is takes its own kind, except that questions under
 * "Skip-levels" stay skip-level topics. */
static void
test_subheadings (void)
{
  const char *markdown =
    "# Guide\n\n"
    "## Skip-levels\n\n"
    "### Questions to ask\n\n"
    "- What should we stop doing?\n\n"
    "## Agenda\n\n"
    "- Updates\n\n"
    "### Once a month\n\n"
    "- Goals\n\n"
    "### If you are stuck\n\n"
    "- What is on your mind?\n\n"
    "### Tips\n\n"
    "- Start on time.\n";
  g_autoptr(PathwaysGuide) guide = pathways_guide_parse (markdown, -1, NULL);

  assert_titles (guide, PATHWAYS_TOPIC_SKIP_LEVEL, "What should we stop doing?");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_SKIP_LEVEL], ==, "skip-levels");
  assert_titles (guide, PATHWAYS_TOPIC_EVERY, "Updates");
  assert_titles (guide, PATHWAYS_TOPIC_FREQUENT, "Goals");
  g_assert_cmpstr (guide->anchors[PATHWAYS_TOPIC_FREQUENT], ==, "once-a-month");
  assert_titles (guide, PATHWAYS_TOPIC_PROMPT, "What is on your mind?");
}

static void
test_messy_input (void)
{
  const char bytes[] = "## In every 1-on-1\n\n- **W\xffns:** good\0news\n- Second\n";
  g_autoptr(PathwaysGuide) broken = pathways_guide_parse (bytes, sizeof bytes - 1, NULL);
  g_autoptr(PathwaysGuide) cut_at_nul = pathways_guide_parse (bytes, -1, NULL);
  g_autoptr(PathwaysGuide) nothing = pathways_guide_parse (NULL, -1, NULL);
  const PathwaysTopic *topic;

  assert_titles (broken, PATHWAYS_TOPIC_EVERY, "W\xef\xbf\xbdns|Second");
  topic = topic_at (broken, PATHWAYS_TOPIC_EVERY, 0);
  g_assert_true (g_utf8_validate (topic->detail, -1, NULL));
  g_assert_true (g_str_has_prefix (topic->detail, "good"));
  g_assert_true (g_str_has_suffix (topic->detail, "news"));

  /* With -1 the text ends at the NUL. */
  g_assert_cmpuint (cut_at_nul->topics[PATHWAYS_TOPIC_EVERY]->len, ==, 1);
  g_assert_cmpstr (topic_at (cut_at_nul, PATHWAYS_TOPIC_EVERY, 0)->detail, ==, "good");

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    g_assert_cmpuint (nothing->topics[k]->len, ==, 0);
}

static void
test_huge_input (void)
{
  g_autoptr(GString) markdown = g_string_new ("## Every week\n\n");
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autoptr(PathwaysGuide) guide = NULL;
  const PathwaysTopic *topic;

  for (guint i = 0; i < 60; i++)
    g_string_append (sentence, "lorem ipsum ");
  g_string_append_printf (markdown, "- %s\n", sentence->str);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (markdown, "- Topic %u\n", i);

  guide = pathways_guide_parse (markdown->str, markdown->len, NULL);

  /* An absurd list is cut, not read in full. */
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_EVERY]->len, ==, 200);
  topic = topic_at (guide, PATHWAYS_TOPIC_EVERY, 0);
  g_assert_cmpuint (g_utf8_strlen (topic->title, -1), <=, 200);
  g_assert_true (g_str_has_suffix (topic->title, "ipsum…")
                 || g_str_has_suffix (topic->title, "lorem…"));
  g_assert_cmpstr (topic->detail, ==, g_strstrip (sentence->str));
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_EVERY, 199)->title, ==, "Topic 198");
}

/* ---- built-in topics ---- */

static void
test_builtin (void)
{
  g_autoptr(PathwaysGuide) guide = pathways_guide_new_builtin ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  const guint expected[PATHWAYS_N_TOPIC_KINDS] = { 5, 8, 4, 8 };

  g_assert_null (guide->page);
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_autofree char *prefix = g_strconcat (pathways_topic_kind_to_string (k), "/", NULL);

      g_assert_true (guide->builtin[k]);
      g_assert_cmpuint (guide->topics[k]->len, ==, expected[k]);
      for (guint i = 0; i < guide->topics[k]->len; i++)
        {
          const PathwaysTopic *topic = topic_at (guide, k, i);

          g_assert_cmpint (topic->kind, ==, k);
          g_assert_true (g_str_has_prefix (topic->key, prefix));
          g_assert_cmpstr (topic->title, !=, "");
          g_assert_true (g_hash_table_add (keys, topic->key));
          g_assert_true (pathways_guide_lookup (guide, topic->key) == topic);
        }
    }

  g_assert_cmpstr (pathways_guide_lookup (guide, "frequent/career growth")->title, ==,
                   "Career growth");
  g_assert_nonnull (pathways_guide_lookup (guide, "every/wins"));
  g_assert_null (pathways_guide_lookup (guide, "frequent/wins"));
  g_assert_cmpstr (pathways_topic_kind_to_string (PATHWAYS_TOPIC_SKIP_LEVEL), ==, "skip-level");
}

/* ---- finding the guide ---- */

static void
test_find_fixture_handbook (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "guide-handbook",
                                                 NULL);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (path);
  g_autofree char *page = pathways_guide_find_page (handbook);
  g_autoptr(PathwaysGuide) guide = NULL;

  /* Not "team/1-1s.md" or "1-1 with the CEO", shorter paths without sections of topics, nor
   * release 4.1.1, nor a page about one-to-one relations. */
  g_assert_cmpstr (page, ==, "management/people/one_on_ones.md");

  guide = pathways_guide_load (handbook);
  g_assert_cmpstr (guide->page, ==, "management/people/one_on_ones.md");
  g_assert_cmpstr (guide->title, ==, "Running one on ones");
  assert_titles (guide, PATHWAYS_TOPIC_EVERY, "Updates|Blockers");
  assert_titles (guide, PATHWAYS_TOPIC_FREQUENT, "Career");
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_SKIP_LEVEL]->len, ==, 1);
  g_assert_false (guide->builtin[PATHWAYS_TOPIC_EVERY]);
  g_assert_true (guide->builtin[PATHWAYS_TOPIC_PROMPT]);
  g_assert_cmpuint (guide->topics[PATHWAYS_TOPIC_PROMPT]->len, ==, 8);
}

static void
test_find_without_sections (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "handbook-basic",
                                                 NULL);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (path);
  g_autofree char *page = pathways_guide_find_page (handbook);
  g_autoptr(PathwaysGuide) guide = pathways_guide_load (handbook);

  /* A page about 1-on-1s with nothing in it that reads as topics still is the guide. */
  g_assert_cmpstr (page, ==, "processes/one-on-ones.md");
  g_assert_cmpstr (guide->page, ==, "processes/one-on-ones.md");
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_assert_true (guide->builtin[k]);
      g_assert_cmpuint (guide->topics[k]->len, >, 0);
    }
}

static void
test_find_none (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ladder-plain",
                                                 NULL);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (path);
  g_autofree char *page = pathways_guide_find_page (handbook);
  g_autoptr(PathwaysGuide) guide = pathways_guide_load (handbook);
  g_autoptr(PathwaysGuide) no_handbook = pathways_guide_load (NULL);

  g_assert_null (page);
  g_assert_null (guide->page);
  g_assert_null (no_handbook->page);
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_assert_true (guide->builtin[k]);
      g_assert_true (no_handbook->builtin[k]);
      g_assert_cmpuint (guide->topics[k]->len, ==, no_handbook->topics[k]->len);
    }
}

/* Pages that only look like 1-on-1 pages to a careless eye. */
static void
test_find_distractors_only (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("pathways-guide-XXXXXX", NULL);
  const char *pages[][2] = {
    { "4-1-1.md", "# Release 4.1.1\n\n## Every platform\n\n- Fixed a crash.\n" },
    { "one-to-one-relations.md", "# One-to-one relations\n\nA row matches one row.\n" },
    { "ones-and-zeros.md", "# Ones and zeros\n\n## Always\n\n- Bits.\n" },
    { "section-1.1.md", "# Section 1.1\n\n## Each field\n\n- Name.\n" },
  };
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autofree char *page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *file = g_build_filename (tmp, pages[i][0], NULL);

      g_assert_true (g_file_set_contents (file, pages[i][1], -1, NULL));
    }

  handbook = load_handbook (tmp);
  page = pathways_guide_find_page (handbook);
  g_assert_null (page);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *file = g_build_filename (tmp, pages[i][0], NULL);

      g_remove (file);
    }
  g_rmdir (tmp);
}

static void
test_find_sample_handbook (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook", NULL);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (path);
  g_autoptr(PathwaysGuide) guide = pathways_guide_load (handbook);

  g_assert_cmpstr (guide->page, ==, "guides/one-on-ones.md");
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    g_assert_false (guide->builtin[k]);
  g_assert_cmpstr (topic_at (guide, PATHWAYS_TOPIC_FREQUENT, 0)->title, ==, "Career growth");
}

static void
test_find_sourcegraph (void)
{
  const char *corpora = g_getenv ("PATHWAYS_CORPORA_DIR");
  g_autofree char *root = NULL;
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autofree char *page = NULL;

  if (corpora != NULL)
    root = g_build_filename (corpora, "sourcegraph-handbook", "content", NULL);
  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The Sourcegraph handbook corpus is not here (PATHWAYS_CORPORA_DIR)");
      return;
    }

  handbook = load_handbook (root);
  page = pathways_guide_find_page (handbook);
  /* Not security/tooling/trivy/4-1-1.md, the notes of release 4.1.1. */
  g_assert_cmpstr (page, ==, "company-info-and-process/communication/1-1.md");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/guide/sample", test_sample);
  g_test_add_func ("/pathways/guide/keys-stable", test_keys_stable);
  g_test_add_func ("/pathways/guide/style/nested-asterisks", test_style_nested_asterisks);
  g_test_add_func ("/pathways/guide/style/heading-per-topic", test_style_heading_per_topic);
  g_test_add_func ("/pathways/guide/style/skip-levels", test_style_skip_levels);
  g_test_add_func ("/pathways/guide/style/numbered-crlf", test_style_numbered_crlf);
  g_test_add_func ("/pathways/guide/style/no-sections", test_style_no_sections);
  g_test_add_func ("/pathways/guide/style/empty", test_style_empty);
  g_test_add_func ("/pathways/guide/headings", test_headings);
  g_test_add_func ("/pathways/guide/loose-markup", test_loose_markup);
  g_test_add_func ("/pathways/guide/subheadings", test_subheadings);
  g_test_add_func ("/pathways/guide/messy-input", test_messy_input);
  g_test_add_func ("/pathways/guide/huge-input", test_huge_input);
  g_test_add_func ("/pathways/guide/builtin", test_builtin);
  g_test_add_func ("/pathways/guide/find/fixture-handbook", test_find_fixture_handbook);
  g_test_add_func ("/pathways/guide/find/without-sections", test_find_without_sections);
  g_test_add_func ("/pathways/guide/find/none", test_find_none);
  g_test_add_func ("/pathways/guide/find/distractors-only", test_find_distractors_only);
  g_test_add_func ("/pathways/guide/find/sample-handbook", test_find_sample_handbook);
  g_test_add_func ("/pathways/guide/find/sourcegraph", test_find_sourcegraph);

  return g_test_run ();
}
