/* pathways-guide.c: reads a handbook's 1-on-1 guide into agenda topics — sections classified
 * by what their headings say ("In every 1-on-1", "Frequently", "Skip-levels", "If you have
 * nothing to discuss"), their items split into a title and a detail — and finds the guide
 * among the pages of a handbook. Built-in topics fill in whatever the guide leaves out.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-guide"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-guide.h"
#include "pathways-ladder.h"
#include "pathways-markdown.h"

/* A guide with more topics than this is not a guide any more; the rest are dropped. */
#define MAX_TOPICS_PER_KIND   200
#define MAX_TITLE_CHARS       200
/* "Short title: the rest" in an item without bold text. */
#define MAX_PLAIN_LEAD_CHARS  40
#define MAX_PLAIN_LEAD_WORDS  5
/* Bold text longer than this is a sentence, not a heading or a label. */
#define MAX_BOLD_LABEL_WORDS  8
/* Pages whose name says 1-on-1 that are read to see which is the guide. */
#define MAX_CANDIDATES        64
/* A bold paragraph standing alone acts as a heading below all real ones. */
#define PSEUDO_HEADING_LEVEL  7

/* Classification of a heading besides the topic kinds. */
#define CUE_NOT_TOPICS     (-1)  /* says it is about something else: "Tips", "FAQ" */
#define CUE_UNCLASSIFIED   (-2)  /* says nothing: inherits its parent's kind */

/* ---- kinds ---- */

static const char * const kind_names[PATHWAYS_N_TOPIC_KINDS] = {
  [PATHWAYS_TOPIC_EVERY] = "every",
  [PATHWAYS_TOPIC_FREQUENT] = "frequent",
  [PATHWAYS_TOPIC_SKIP_LEVEL] = "skip-level",
  [PATHWAYS_TOPIC_PROMPT] = "prompt",
};

/**
 * pathways_topic_kind_to_string:
 * @kind: a topic kind
 *
 * Returns: the kind's name as used in topic keys: "every", "frequent", "skip-level" or
 *   "prompt"
 */
const char *
pathways_topic_kind_to_string (PathwaysTopicKind kind)
{
  g_return_val_if_fail (kind >= 0 && kind < PATHWAYS_N_TOPIC_KINDS, NULL);

  return kind_names[kind];
}

/* ---- built-in topics ---- */

typedef struct
{
  PathwaysTopicKind  kind;
  const char        *title;
  const char        *detail;
} BuiltinTopic;

/* Keys are made from the untranslated titles, so that what was discussed when is still
 * recognised after the language changes. */
static const BuiltinTopic builtin_topics[] = {
  /* Translators: topics for an agenda of a 1-on-1 between a manager and a report */
  { PATHWAYS_TOPIC_EVERY, N_("Follow-ups"),
    N_("The action items you both took away last time: which are done, which are stuck, and "
       "which no longer matter.") },
  { PATHWAYS_TOPIC_EVERY, N_("Wins"),
    N_("Something that went well since you last met. Small things count too.") },
  { PATHWAYS_TOPIC_EVERY, N_("Blockers"),
    N_("What is slowing them down, and what you can do to clear the way.") },
  { PATHWAYS_TOPIC_EVERY, N_("Their topics"),
    N_("Whatever they want to bring up. Their items come before yours.") },
  { PATHWAYS_TOPIC_EVERY, N_("Anything to share"),
    N_("News, decisions or context from your side that they should hear from you first.") },

  { PATHWAYS_TOPIC_FREQUENT, N_("Career growth"),
    N_("Where they want to go next, and what would help them get there.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("Feedback for them"),
    N_("Concrete observations about recent work: what to keep doing and what to change.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("Feedback for me"),
    N_("Ask how you could support them better, and follow up on what you hear.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("Wellbeing"),
    N_("Workload, energy, holidays: how they are really doing, as far as they want to say.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("Goals"),
    N_("How their current goals are going, and whether they are still the right ones.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("Learning"),
    N_("A skill they want to build, and the time, project or course that would help.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("The team"),
    N_("How working together is going, and what they notice that you might miss.") },
  { PATHWAYS_TOPIC_FREQUENT, N_("Recognition"),
    N_("Work of theirs that more people should know about, and how to make that happen.") },

  { PATHWAYS_TOPIC_SKIP_LEVEL, N_("What works well"),
    N_("What the team does well and should protect as it changes.") },
  { PATHWAYS_TOPIC_SKIP_LEVEL, N_("What gets in the way"),
    N_("Problems in the team or the wider organisation that are hard to see from above.") },
  { PATHWAYS_TOPIC_SKIP_LEVEL, N_("Direction"),
    N_("How well they understand where the company is heading, and where they fit in.") },
  { PATHWAYS_TOPIC_SKIP_LEVEL, N_("Support"),
    N_("Whether they get the coaching, feedback and opportunities they need to grow.") },

  { PATHWAYS_TOPIC_PROMPT, N_("What has been on your mind lately?"), NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("Which piece of recent work are you proudest of?"), NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("What would make your work more enjoyable?"), NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("Is there something you would like more feedback on?"), NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("What would you like to learn next?"), NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("Is anything about how the team works frustrating you?"), NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("What should I start, stop or keep doing as your manager?"),
    NULL },
  { PATHWAYS_TOPIC_PROMPT, N_("If you could change one thing about how we work, what would "
                              "it be?"), NULL },
};

/* ---- freeing ---- */

/**
 * pathways_topic_free:
 * @topic: (nullable): a topic
 */
void
pathways_topic_free (PathwaysTopic *topic)
{
  if (topic == NULL)
    return;

  g_free (topic->key);
  g_free (topic->title);
  g_free (topic->detail);
  g_free (topic);
}

/**
 * pathways_guide_free:
 * @guide: (nullable): a guide
 */
void
pathways_guide_free (PathwaysGuide *guide)
{
  if (guide == NULL)
    return;

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    {
      g_free (guide->anchors[k]);
      g_clear_pointer (&guide->topics[k], g_ptr_array_unref);
    }
  g_free (guide->page);
  g_free (guide->title);
  g_free (guide);
}

static PathwaysGuide *
guide_new (const char *page)
{
  PathwaysGuide *guide = g_new0 (PathwaysGuide, 1);

  guide->page = g_strdup (page);
  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    guide->topics[k] = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_topic_free);
  return guide;
}

/* ---- heading classification ---- */

typedef struct
{
  const char *phrase;  /* normalised as by pathways_ladder_normalize(); a trailing '*' also
                        * matches longer words ("rotat*": "rotate", "rotating") */
  int         kind;    /* a PathwaysTopicKind or CUE_NOT_TOPICS */
} Cue;

/* The first cue found wins, so order matters: what a section is not about comes first, then
 * skip-levels (a kind of meeting, whatever its cadence), then cadences less often than every
 * time ("not every week" is not "every"), then prompts, then every meeting, then the words
 * that only weakly suggest a standing agenda. */
static const Cue heading_cues[] = {
  { "faq", CUE_NOT_TOPICS },
  { "faqs", CUE_NOT_TOPICS },
  { "frequently asked", CUE_NOT_TOPICS },
  { "further reading", CUE_NOT_TOPICS },
  { "see also", CUE_NOT_TOPICS },
  { "resources", CUE_NOT_TOPICS },
  { "references", CUE_NOT_TOPICS },
  { "links", CUE_NOT_TOPICS },
  { "related", CUE_NOT_TOPICS },
  { "avoid*", CUE_NOT_TOPICS },
  { "anti pattern*", CUE_NOT_TOPICS },
  { "antipattern*", CUE_NOT_TOPICS },
  { "pitfall*", CUE_NOT_TOPICS },
  { "mistake*", CUE_NOT_TOPICS },
  { "dont", CUE_NOT_TOPICS },
  { "do not", CUE_NOT_TOPICS },
  { "tip", CUE_NOT_TOPICS },
  { "tips", CUE_NOT_TOPICS },
  { "advice", CUE_NOT_TOPICS },
  { "basics", CUE_NOT_TOPICS },
  { "logistics", CUE_NOT_TOPICS },
  { "scheduling", CUE_NOT_TOPICS },
  { "purpose", CUE_NOT_TOPICS },
  { "why", CUE_NOT_TOPICS },
  { "what is", CUE_NOT_TOPICS },
  { "what are", CUE_NOT_TOPICS },

  { "skip level*", PATHWAYS_TOPIC_SKIP_LEVEL },
  { "skiplevel*", PATHWAYS_TOPIC_SKIP_LEVEL },
  { "skip 1 1*", PATHWAYS_TOPIC_SKIP_LEVEL },
  { "skip 1 on 1*", PATHWAYS_TOPIC_SKIP_LEVEL },
  { "skip one on one*", PATHWAYS_TOPIC_SKIP_LEVEL },
  { "managers manager*", PATHWAYS_TOPIC_SKIP_LEVEL },

  { "frequent*", PATHWAYS_TOPIC_FREQUENT },
  { "regularly", PATHWAYS_TOPIC_FREQUENT },
  { "often", PATHWAYS_TOPIC_FREQUENT },
  { "from time to time", PATHWAYS_TOPIC_FREQUENT },
  { "occasional*", PATHWAYS_TOPIC_FREQUENT },
  { "periodic*", PATHWAYS_TOPIC_FREQUENT },
  { "sometimes", PATHWAYS_TOPIC_FREQUENT },
  { "not every", PATHWAYS_TOPIC_FREQUENT },
  { "every few", PATHWAYS_TOPIC_FREQUENT },
  { "every other", PATHWAYS_TOPIC_FREQUENT },
  { "every couple", PATHWAYS_TOPIC_FREQUENT },
  { "every two", PATHWAYS_TOPIC_FREQUENT },
  { "every second", PATHWAYS_TOPIC_FREQUENT },
  { "every month", PATHWAYS_TOPIC_FREQUENT },
  { "every quarter", PATHWAYS_TOPIC_FREQUENT },
  { "each month", PATHWAYS_TOPIC_FREQUENT },
  { "each quarter", PATHWAYS_TOPIC_FREQUENT },
  { "monthly", PATHWAYS_TOPIC_FREQUENT },
  { "quarterly", PATHWAYS_TOPIC_FREQUENT },
  { "fortnight*", PATHWAYS_TOPIC_FREQUENT },
  { "rotat*", PATHWAYS_TOPIC_FREQUENT },
  { "now and then", PATHWAYS_TOPIC_FREQUENT },
  { "once a month", PATHWAYS_TOPIC_FREQUENT },
  { "once a quarter", PATHWAYS_TOPIC_FREQUENT },
  { "once in a while", PATHWAYS_TOPIC_FREQUENT },

  { "nothing to discuss", PATHWAYS_TOPIC_PROMPT },
  { "nothing to talk*", PATHWAYS_TOPIC_PROMPT },
  { "nothing on the agenda", PATHWAYS_TOPIC_PROMPT },
  { "empty agenda", PATHWAYS_TOPIC_PROMPT },
  { "no agenda", PATHWAYS_TOPIC_PROMPT },
  { "run out of", PATHWAYS_TOPIC_PROMPT },
  { "conversation starter*", PATHWAYS_TOPIC_PROMPT },
  { "icebreaker*", PATHWAYS_TOPIC_PROMPT },
  { "ice breaker*", PATHWAYS_TOPIC_PROMPT },
  { "prompt*", PATHWAYS_TOPIC_PROMPT },
  { "questions to ask", PATHWAYS_TOPIC_PROMPT },
  { "questions you can ask", PATHWAYS_TOPIC_PROMPT },
  { "good questions", PATHWAYS_TOPIC_PROMPT },
  { "question bank", PATHWAYS_TOPIC_PROMPT },
  { "sample questions", PATHWAYS_TOPIC_PROMPT },
  { "example questions", PATHWAYS_TOPIC_PROMPT },
  { "if youre stuck", PATHWAYS_TOPIC_PROMPT },
  { "if you are stuck", PATHWAYS_TOPIC_PROMPT },
  { "when youre stuck", PATHWAYS_TOPIC_PROMPT },
  { "when you are stuck", PATHWAYS_TOPIC_PROMPT },
  { "stuck for", PATHWAYS_TOPIC_PROMPT },

  { "every", PATHWAYS_TOPIC_EVERY },
  { "each", PATHWAYS_TOPIC_EVERY },
  { "always", PATHWAYS_TOPIC_EVERY },
  { "standing", PATHWAYS_TOPIC_EVERY },
  { "recurring", PATHWAYS_TOPIC_EVERY },
  { "routine", PATHWAYS_TOPIC_EVERY },
  { "weekly", PATHWAYS_TOPIC_EVERY },

  { "question*", PATHWAYS_TOPIC_PROMPT },
  { "agenda*", PATHWAYS_TOPIC_EVERY },
  { "talking points", PATHWAYS_TOPIC_EVERY },
  { "topics", PATHWAYS_TOPIC_EVERY },
  { "what to discuss", PATHWAYS_TOPIC_EVERY },
  { "what to talk about", PATHWAYS_TOPIC_EVERY },
  { "what to cover", PATHWAYS_TOPIC_EVERY },
  { "things to discuss", PATHWAYS_TOPIC_EVERY },
  { "things to cover", PATHWAYS_TOPIC_EVERY },
  { "things to talk about", PATHWAYS_TOPIC_EVERY },
};

/* Whether @phrase occurs in @padded (normalised text with a space at each end) as whole
 * words, or as the start of a word when it ends with '*'. */
static gboolean
has_phrase (const char *padded,
            const char *phrase)
{
  gsize len = strlen (phrase);
  gboolean prefix = len > 0 && phrase[len - 1] == '*';
  char needle[64];

  if (prefix)
    len--;
  if (len + 3 > sizeof needle)
    return FALSE;

  needle[0] = ' ';
  memcpy (needle + 1, phrase, len);
  if (prefix)
    needle[len + 1] = '\0';
  else
    {
      needle[len + 1] = ' ';
      needle[len + 2] = '\0';
    }

  return strstr (padded, needle) != NULL;
}

/* What kind of topics a heading announces, from its words. */
static int
classify_heading (const char *text)
{
  g_autofree char *norm = pathways_ladder_normalize (text);
  g_autofree char *padded = g_strconcat (" ", norm, " ", NULL);

  if (*norm == '\0')
    return CUE_UNCLASSIFIED;

  for (guint i = 0; i < G_N_ELEMENTS (heading_cues); i++)
    if (has_phrase (padded, heading_cues[i].phrase))
      return heading_cues[i].kind;

  return CUE_UNCLASSIFIED;
}

/* ---- text helpers ---- */

/* Plain text of inline content: text and code, links as their text, breaks as spaces. */
static void
append_inline (GString    *s,
               cmark_node *node)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);

      if (ev == CMARK_EVENT_ENTER)
        {
          if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
            g_string_append (s, cmark_node_get_literal (cur));
          else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
            g_string_append_c (s, ' ');
        }
      else if (ev == CMARK_EVENT_EXIT && cur != node
               && type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK)
        g_string_append_c (s, ' ');
    }

  cmark_iter_free (iter);
}

/* Turns every run of blanks into one space and trims the ends, in place. */
static char *
squash_blanks (char *text)
{
  char *out = text;
  gboolean blank = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        blank = TRUE;
      else
        {
          if (blank && out != text)
            *out++ = ' ';
          blank = FALSE;
          *out++ = *p;
        }
    }
  *out = '\0';
  return text;
}

static char *
dup_inline_text (cmark_node *node)
{
  GString *s = g_string_new (NULL);

  append_inline (s, node);
  return squash_blanks (g_string_free (s, FALSE));
}

/* Appends @block as lines: one per paragraph, one per list item (nested items too). */
static void
append_block_lines (GString    *s,
                    cmark_node *block)
{
  g_autofree char *line = NULL;

  switch (cmark_node_get_type (block))
    {
    case CMARK_NODE_LIST:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_BLOCK_QUOTE:
      for (cmark_node *child = cmark_node_first_child (block); child != NULL;
           child = cmark_node_next (child))
        append_block_lines (s, child);
      return;
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
      return;
    case CMARK_NODE_CODE_BLOCK:
      line = g_strdup (cmark_node_get_literal (block));
      squash_blanks (line);
      break;
    default:
      if (pathways_markdown_node_is_directive (block))
        return;
      line = dup_inline_text (block);
      break;
    }

  if (line != NULL && *line != '\0')
    g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "", line);
}

/* The blocks from @block to the end of its parent, as lines; NULL when empty. */
static char *
dup_blocks_text_from (cmark_node *block)
{
  GString *s = g_string_new (NULL);

  for (; block != NULL; block = cmark_node_next (block))
    append_block_lines (s, block);

  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }
  return n;
}

/* Removes trailing blanks and colons (ASCII or full-width), in place. */
static char *
strip_trailing_colons (char *text)
{
  gsize len = strlen (text);

  while (len > 0)
    {
      if (text[len - 1] == ':' || g_ascii_isspace (text[len - 1]))
        len--;
      else if (len >= 3 && memcmp (text + len - 3, "\357\274\232", 3) == 0)
        len -= 3;
      else
        break;
    }
  text[len] = '\0';
  return text;
}

/* Skips a task-list box ("[ ] ", "[x] ") and blanks at the start of an item's text. */
static const char *
skip_task_box (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  if (text[0] == '[' && (text[1] == ' ' || text[1] == 'x' || text[1] == 'X') && text[2] == ']'
      && (text[3] == '\0' || g_ascii_isspace (text[3])))
    text += 3;
  while (g_ascii_isspace (*text))
    text++;
  return text;
}

/* Shortens @title to at most MAX_TITLE_CHARS characters, at a word boundary. */
static char *
dup_ellipsized (const char *title)
{
  const char *cut = g_utf8_offset_to_pointer (title, MAX_TITLE_CHARS - 1);
  const char *space = cut;
  const char *stop = g_utf8_offset_to_pointer (title, MAX_TITLE_CHARS / 2);
  g_autofree char *head = NULL;

  while (space > stop && *space != ' ')
    space--;
  if (space > stop)
    cut = space;

  head = g_strndup (title, cut - title);
  g_strchomp (head);
  while (*head != '\0' && strchr (",;:-", head[strlen (head) - 1]) != NULL)
    head[strlen (head) - 1] = '\0';
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/* ---- topics ---- */

typedef struct
{
  PathwaysGuide *guide;
  GHashTable    *keys[PATHWAYS_N_TOPIC_KINDS];
} TopicSink;

static char *
dup_key (PathwaysTopicKind  kind,
         const char        *title)
{
  g_autofree char *norm = pathways_ladder_normalize (title);

  /* Titles of symbols only still need a key of their own. */
  if (*norm == '\0')
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, title, -1);

      return g_strdup_printf ("%s/#%.12s", kind_names[kind], sum);
    }
  return g_strdup_printf ("%s/%s", kind_names[kind], norm);
}

/* Adds a topic unless one with the same key is there; takes @title and @detail. Returns
 * whether it was added. */
static gboolean
sink_add (TopicSink         *sink,
          PathwaysTopicKind  kind,
          char              *title,
          char              *detail)
{
  g_autofree char *owned_title = title;
  g_autofree char *owned_detail = detail;
  GPtrArray *topics = sink->guide->topics[kind];
  PathwaysTopic *topic;
  const char *start;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  gsize len;

  if (owned_title == NULL || topics->len >= MAX_TOPICS_PER_KIND)
    return FALSE;

  start = skip_task_box (squash_blanks (owned_title));
  clean = strip_trailing_colons (g_strdup (start));
  /* A title is not a sentence: "this week." reads as "this week", but "etc..." stays. */
  len = strlen (clean);
  if (len >= 2 && clean[len - 1] == '.' && clean[len - 2] != '.')
    clean[len - 1] = '\0';
  if (*clean == '\0')
    return FALSE;
  if (owned_detail != NULL && *g_strstrip (owned_detail) == '\0')
    g_clear_pointer (&owned_detail, g_free);

  if (g_utf8_strlen (clean, -1) > MAX_TITLE_CHARS)
    {
      char *full = g_steal_pointer (&clean);

      clean = dup_ellipsized (full);
      if (owned_detail != NULL)
        {
          char *joined = g_strconcat (full, "\n", owned_detail, NULL);

          g_free (owned_detail);
          owned_detail = joined;
          g_free (full);
        }
      else
        owned_detail = full;
    }

  key = dup_key (kind, clean);
  if (g_hash_table_contains (sink->keys[kind], key))
    return FALSE;

  topic = g_new0 (PathwaysTopic, 1);
  topic->kind = kind;
  topic->key = g_steal_pointer (&key);
  topic->title = g_steal_pointer (&clean);
  topic->detail = g_steal_pointer (&owned_detail);
  g_hash_table_add (sink->keys[kind], topic->key);
  g_ptr_array_add (topics, topic);
  return TRUE;
}

/* The first inline node of a paragraph that says anything, past blanks and a task box. */
static cmark_node *
first_meaningful_inline (cmark_node *para)
{
  cmark_node *node = cmark_node_first_child (para);

  while (node != NULL && cmark_node_get_type (node) == CMARK_NODE_TEXT
         && *skip_task_box (cmark_node_get_literal (node)) == '\0')
    node = cmark_node_next (node);
  return node;
}

/* Reads a bold (or italic) lead at the start of @para: `**Wins:** text`, `**Wins**: text`,
 * `**Wins** – text`, `**Wins.** Text`, or `**Wins**` alone. Returns the lead without its
 * separator and, in @rest, the text after it (possibly empty). */
static char *
dup_lead (cmark_node  *para,
          char       **rest)
{
  cmark_node *lead = first_meaningful_inline (para);
  cmark_node_type type;
  g_autofree char *raw = NULL;
  g_autofree char *after = NULL;
  const char *tail;
  gsize raw_len;

  *rest = NULL;
  if (lead == NULL)
    return NULL;
  type = cmark_node_get_type (lead);
  if (type != CMARK_NODE_STRONG && type != CMARK_NODE_EMPH)
    return NULL;

  raw = dup_inline_text (lead);
  raw_len = strlen (raw);
  if (raw_len == 0)
    return NULL;

  /* The text after the lead keeps its leading blank, to tell "**Wins.** Text" from
   * "**v1.**2"; dup_inline_text_from() would trim it. */
  {
    GString *s = g_string_new (NULL);

    for (cmark_node *n = cmark_node_next (lead); n != NULL; n = cmark_node_next (n))
      append_inline (s, n);
    after = g_string_free (s, FALSE);
  }
  tail = after;
  while (g_ascii_isspace (*tail))
    tail++;

  if (raw[raw_len - 1] == ':' || g_str_has_suffix (raw, "："))
    ;
  else if (*tail == ':' || *tail == ',' || *tail == ';' || *tail == '|')
    tail++;
  else if (*tail == '-' && g_ascii_isspace (tail[1]))
    tail++;
  else if (g_str_has_prefix (tail, "–") || g_str_has_prefix (tail, "—"))
    tail += strlen ("–");
  else if (*tail == '\0')
    ;
  else if (cmark_node_get_type (cmark_node_next (lead)) == CMARK_NODE_SOFTBREAK
           || cmark_node_get_type (cmark_node_next (lead)) == CMARK_NODE_LINEBREAK)
    ;  /* the lead on a line of its own */
  else if (strchr (".?!", raw[raw_len - 1]) != NULL && tail != after)
    {
      /* "**Wins.** What went well": the full stop ends the lead, not the title. */
      if (raw[raw_len - 1] == '.' && (raw_len < 2 || raw[raw_len - 2] != '.'))
        raw[raw_len - 1] = '\0';
    }
  else
    return NULL;  /* "**Always** ask …" is emphasis inside a sentence */

  *rest = squash_blanks (g_strdup (tail));
  return strip_trailing_colons (g_steal_pointer (&raw));
}

/* Splits plain text as "Short title: the rest" (or "Short title – the rest") when the part
 * before the separator is short. */
static gboolean
split_plain_lead (const char  *text,
                  char       **title,
                  char       **rest)
{
  static const char * const dashes[] = { " - ", " – ", " — " };
  const char *sep = NULL;
  gsize sep_len = 0;
  g_autofree char *head = NULL;

  for (const char *p = text; *p != '\0' && sep == NULL; p++)
    {
      if (*p == ':' && (p[1] == '\0' || g_ascii_isspace (p[1])))
        sep = p, sep_len = 1;
      for (guint i = 0; i < G_N_ELEMENTS (dashes) && sep == NULL; i++)
        if (g_str_has_prefix (p, dashes[i]))
          sep = p, sep_len = strlen (dashes[i]);
    }

  if (sep == NULL || g_utf8_strlen (text, sep - text) > MAX_PLAIN_LEAD_CHARS)
    return FALSE;

  head = g_strstrip (g_strndup (text, sep - text));
  if (*head == '\0' || count_words (head) > MAX_PLAIN_LEAD_WORDS)
    return FALSE;

  *title = g_steal_pointer (&head);
  *rest = g_strstrip (g_strdup (sep + sep_len));
  return TRUE;
}

/* Joins two optional texts with a newline; takes both. */
static char *
join_details (char *first,
              char *second)
{
  char *joined;

  if (first == NULL || *first == '\0')
    {
      g_free (first);
      return second;
    }
  if (second == NULL || *second == '\0')
    {
      g_free (second);
      return first;
    }
  joined = g_strconcat (first, "\n", second, NULL);
  g_free (first);
  g_free (second);
  return joined;
}

/* Splits the first block of a list item (or a paragraph) into a title and the rest. */
static void
split_block (cmark_node  *block,
             char       **title,
             char       **detail)
{
  g_autofree char *rest = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *text = NULL;

  *title = NULL;
  *detail = NULL;

  if (cmark_node_get_type (block) == CMARK_NODE_PARAGRAPH
      && (lead = dup_lead (block, &rest)) != NULL)
    {
      *title = g_steal_pointer (&lead);
      *detail = g_steal_pointer (&rest);
      return;
    }

  if (cmark_node_get_type (block) == CMARK_NODE_PARAGRAPH
      || cmark_node_get_type (block) == CMARK_NODE_HEADING)
    text = dup_inline_text (block);
  else
    {
      GString *s = g_string_new (NULL);

      append_block_lines (s, block);
      text = g_string_free (s, FALSE);
    }

  if (split_plain_lead (skip_task_box (text), title, detail))
    return;
  *title = g_steal_pointer (&text);
}

static gboolean
add_item (TopicSink         *sink,
          PathwaysTopicKind  kind,
          cmark_node        *item)
{
  cmark_node *first = cmark_node_first_child (item);
  char *title = NULL;
  char *detail = NULL;

  /* An empty bullet, or one holding only a nested list, has no title of its own. */
  if (first == NULL || cmark_node_get_type (first) == CMARK_NODE_LIST)
    return FALSE;

  split_block (first, &title, &detail);
  detail = join_details (detail, dup_blocks_text_from (cmark_node_next (first)));
  return sink_add (sink, kind, title, detail);
}

/* Labels that introduce a remark, not a topic, when a paragraph starts with them. */
static gboolean
is_remark_label (const char *label)
{
  static const char * const remarks[] = {
    "note", "nb", "tip", "hint", "important", "warning", "caution", "example", "for example",
    "eg", "e g", "remember", "update", "edit", "todo",
  };
  g_autofree char *norm = pathways_ladder_normalize (label);

  for (guint i = 0; i < G_N_ELEMENTS (remarks); i++)
    if (g_str_equal (norm, remarks[i]))
      return TRUE;
  return FALSE;
}

/* A paragraph of a section that reads as a topic: "**Wins:** what went well". */
static gboolean
add_lead_paragraph (TopicSink         *sink,
                    PathwaysTopicKind  kind,
                    cmark_node        *para)
{
  g_autofree char *rest = NULL;
  char *lead = dup_lead (para, &rest);

  if (lead == NULL)
    return FALSE;
  if (*rest == '\0' || count_words (lead) > MAX_BOLD_LABEL_WORDS || is_remark_label (lead))
    {
      g_free (lead);
      return FALSE;
    }
  return sink_add (sink, kind, lead, g_steal_pointer (&rest));
}

/* ---- sections ---- */

typedef struct
{
  int         level;      /* 1–6, PSEUDO_HEADING_LEVEL, or 0 for what precedes all */
  char       *text;
  const char *id;         /* (nullable) owned by the document */
  int         own;        /* classify_heading() of the text */
  int         kind;       /* the effective kind, or CUE_NOT_TOPICS */
  int         parent;     /* index, or -1 */
  int         root;       /* the nearest section (itself or above) with a class of its own */
  int         end;        /* one past its last subsection */
  gboolean    has_list;   /* a list among its own blocks */
  GPtrArray  *blocks;     /* cmark_node*, until the next heading */
} Section;

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_free (section->text);
  g_clear_pointer (&section->blocks, g_ptr_array_unref);
}

/* A paragraph of nothing but short bold text ("**In every 1-on-1**") stands for a heading. */
static char *
dup_pseudo_heading (cmark_node *para)
{
  cmark_node *first = first_meaningful_inline (para);
  g_autofree char *text = NULL;
  gsize len;

  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_STRONG)
    return NULL;
  for (cmark_node *n = cmark_node_next (first); n != NULL; n = cmark_node_next (n))
    {
      cmark_node_type type = cmark_node_get_type (n);

      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        continue;
      if (type != CMARK_NODE_TEXT || cmark_node_get_literal (n)[strspn (
            cmark_node_get_literal (n), " \t:")] != '\0')
        return NULL;
    }

  text = strip_trailing_colons (dup_inline_text (first));
  len = strlen (text);
  if (len == 0 || count_words (text) > MAX_BOLD_LABEL_WORDS
      || text[len - 1] == '.' || text[len - 1] == '!')
    return NULL;
  return g_steal_pointer (&text);
}

static Section *
sections_add (GArray     *sections,
              int         level,
              char       *text,
              const char *id)
{
  Section section = { 0 };

  section.level = level;
  section.text = text;
  section.id = id;
  section.own = CUE_UNCLASSIFIED;
  section.kind = CUE_NOT_TOPICS;
  section.parent = -1;
  section.root = -1;
  section.blocks = g_ptr_array_new ();
  g_array_append_val (sections, section);
  return &g_array_index (sections, Section, sections->len - 1);
}

/* Cuts the top-level blocks of @doc into sections at each heading. */
static GArray *
split_sections (PathwaysMarkdownDoc *doc)
{
  g_autoptr(GHashTable) by_node = g_hash_table_new (NULL, NULL);
  GArray *sections = g_array_new (FALSE, TRUE, sizeof (Section));
  Section *current;
  const char *last_id = NULL;

  g_array_set_clear_func (sections, section_clear);
  for (guint i = 0; i < doc->headings->len; i++)
    {
      PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);

      g_hash_table_insert (by_node, heading->node, heading);
    }

  current = sections_add (sections, 0, g_strdup (""), NULL);
  for (cmark_node *node = cmark_node_first_child (doc->root); node != NULL;
       node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);
      char *pseudo = NULL;

      if (type == CMARK_NODE_HEADING)
        {
          PathwaysHeading *heading = g_hash_table_lookup (by_node, node);

          if (heading != NULL)
            {
              current = sections_add (sections, heading->level, g_strdup (heading->text),
                                      heading->id);
              last_id = heading->id;
            }
          else
            current = sections_add (sections, cmark_node_get_heading_level (node),
                                    dup_inline_text (node), last_id);
        }
      else if (type == CMARK_NODE_PARAGRAPH && (pseudo = dup_pseudo_heading (node)) != NULL)
        current = sections_add (sections, PSEUDO_HEADING_LEVEL, pseudo, last_id);
      else if (type == CMARK_NODE_PARAGRAPH && pathways_markdown_node_is_directive (node))
        continue;
      else
        {
          g_ptr_array_add (current->blocks, node);
          if (type == CMARK_NODE_LIST)
            current->has_list = TRUE;
        }
    }

  return sections;
}

/* Gives each section its kind: its own if its heading says one, else its parent's. The page
 * title (the only H1, or the H1 that is the title) says nothing about its sections. */
static void
classify_sections (GArray     *sections,
                   const char *title)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_h1 = 0;

  for (guint i = 0; i < sections->len; i++)
    if (g_array_index (sections, Section, i).level == 1)
      n_h1++;

  for (guint i = 0; i < sections->len; i++)
    {
      Section *section = &g_array_index (sections, Section, i);

      while (stack->len > 0)
        {
          int top = g_array_index (stack, int, stack->len - 1);
          Section *above = &g_array_index (sections, Section, top);

          if (above->level < section->level)
            break;
          above->end = i;
          g_array_set_size (stack, stack->len - 1);
        }
      section->parent = stack->len > 0 ? g_array_index (stack, int, stack->len - 1) : -1;

      if (section->level == 0
          || (section->level == 1 && (n_h1 == 1 || g_strcmp0 (section->text, title) == 0)))
        section->own = CUE_UNCLASSIFIED;
      else
        section->own = classify_heading (section->text);

      /* Questions under "Skip-levels" are questions for skip-levels. */
      if (section->own == PATHWAYS_TOPIC_PROMPT && section->parent >= 0
          && g_array_index (sections, Section, section->parent).kind
             == PATHWAYS_TOPIC_SKIP_LEVEL)
        section->own = CUE_UNCLASSIFIED;

      if (section->own != CUE_UNCLASSIFIED || section->parent < 0)
        {
          section->kind = section->own == CUE_UNCLASSIFIED ? CUE_NOT_TOPICS : section->own;
          section->root = i;
        }
      else
        {
          Section *parent = &g_array_index (sections, Section, section->parent);

          section->kind = parent->kind;
          section->root = parent->root;
        }

      g_array_append_val (stack, i);
    }

  for (guint i = 0; i < stack->len; i++)
    g_array_index (sections, Section, g_array_index (stack, int, i)).end = sections->len;
}

/* The first paragraph of a section or its subsections, else its first list, as text. */
static char *
dup_section_detail (GArray *sections,
                    guint   index)
{
  Section *section = &g_array_index (sections, Section, index);

  for (int pass = 0; pass < 2; pass++)
    for (int i = index; i < section->end; i++)
      {
        Section *sub = &g_array_index (sections, Section, i);

        for (guint b = 0; b < sub->blocks->len; b++)
          {
            cmark_node *block = g_ptr_array_index (sub->blocks, b);
            cmark_node_type type = cmark_node_get_type (block);

            if (pass == 0 && type == CMARK_NODE_PARAGRAPH)
              return dup_inline_text (block);
            if (pass == 1 && type == CMARK_NODE_LIST)
              {
                GString *s = g_string_new (NULL);

                append_block_lines (s, block);
                return g_string_free (s, FALSE);
              }
          }
      }

  return NULL;
}

/* Whether the section holds a list, itself or in a subsection. */
static gboolean
subtree_has_list (GArray      *sections,
                  const guint *lists_before,
                  guint        index)
{
  Section *section = &g_array_index (sections, Section, index);

  return lists_before[section->end] > lists_before[index];
}

static gboolean
is_inherited (GArray *sections,
              guint   index)
{
  Section *section = &g_array_index (sections, Section, index);

  return section->own == CUE_UNCLASSIFIED && section->kind >= 0 && section->root != (int) index;
}

static void
note_anchor (TopicSink *sink,
             GArray    *sections,
             guint      index)
{
  Section *section = &g_array_index (sections, Section, index);
  Section *root = &g_array_index (sections, Section, section->root);

  if (sink->guide->anchors[section->kind] == NULL && root->id != NULL)
    sink->guide->anchors[section->kind] = g_strdup (root->id);
}

/* Turns the classified sections into topics, in the order of the page. Items of the lists in
 * a section are topics; so are paragraphs led by a bold label. A subsection without a list
 * ("### Career growth" and a paragraph) is one topic — and so are all its siblings when most
 * of them are like that, as when a guide gives each topic a heading. */
static void
read_sections (TopicSink *sink,
               GArray    *sections)
{
  guint n = sections->len;
  g_autofree guint *lists_before = g_new0 (guint, n + 1);
  g_autofree guint *children_with_list = g_new0 (guint, n);
  g_autofree guint *children_without_list = g_new0 (guint, n);
  g_autofree gboolean *consumed = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    lists_before[i + 1] = lists_before[i]
                          + (g_array_index (sections, Section, i).has_list ? 1 : 0);

  for (guint i = 0; i < n; i++)
    {
      Section *section = &g_array_index (sections, Section, i);

      if (!is_inherited (sections, i))
        continue;
      if (subtree_has_list (sections, lists_before, i))
        children_with_list[section->parent]++;
      else
        children_without_list[section->parent]++;
    }

  for (guint i = 0; i < n; i++)
    {
      Section *section = &g_array_index (sections, Section, i);
      PathwaysTopicKind kind;

      if (consumed[i] || section->kind < 0)
        continue;
      kind = section->kind;

      if (is_inherited (sections, i))
        {
          guint without = children_without_list[section->parent];
          guint with = children_with_list[section->parent];

          if (!subtree_has_list (sections, lists_before, i) || (without > 0 && without >= with))
            {
              if (sink_add (sink, kind, g_strdup (section->text),
                            dup_section_detail (sections, i)))
                note_anchor (sink, sections, i);
              for (int j = i + 1; j < section->end; j++)
                if (g_array_index (sections, Section, j).root == section->root)
                  consumed[j] = TRUE;
              continue;
            }
        }

      for (guint b = 0; b < section->blocks->len; b++)
        {
          cmark_node *block = g_ptr_array_index (section->blocks, b);
          gboolean added = FALSE;

          if (cmark_node_get_type (block) == CMARK_NODE_LIST)
            {
              for (cmark_node *item = cmark_node_first_child (block); item != NULL;
                   item = cmark_node_next (item))
                added |= add_item (sink, kind, item);
            }
          else if (cmark_node_get_type (block) == CMARK_NODE_PARAGRAPH)
            added = add_lead_paragraph (sink, kind, block);

          if (added)
            note_anchor (sink, sections, i);
        }
    }
}

/* ---- parsing ---- */

/**
 * pathways_guide_parse:
 * @markdown: (nullable): the guide page, in any encoding
 * @length: its length in bytes, or -1 if NUL-terminated
 * @page: (nullable): the handbook page it was read from
 *
 * Reads a 1-on-1 guide. Sections are recognised by their headings ("In every 1-on-1",
 * "Frequently", "Skip-levels", "If you have nothing to discuss", and the many ways
 * handbooks say the same); their list items become topics in the page's order. Kinds the
 * page does not cover are left empty: see pathways_guide_fill_missing().
 *
 * Returns: (transfer full): the guide, possibly without any topics
 */
PathwaysGuide *
pathways_guide_parse (const char *markdown,
                      gssize      length,
                      const char *page)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(GArray) sections = NULL;
  PathwaysGuide *guide = guide_new (page);
  TopicSink sink = { guide, { NULL } };

  doc = pathways_markdown_doc_parse (markdown, length, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  guide->title = g_strdup (doc->title);

  /* cmark splits text at '[' and '_'; a task box "[ ]" must read as one piece. */
  cmark_consolidate_text_nodes (doc->root);

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    sink.keys[k] = g_hash_table_new (g_str_hash, g_str_equal);

  sections = split_sections (doc);
  classify_sections (sections, doc->title);
  read_sections (&sink, sections);

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    g_hash_table_unref (sink.keys[k]);

  return guide;
}

/* ---- built-in topics ---- */

static void
add_builtin_topics (PathwaysGuide     *guide,
                    PathwaysTopicKind  kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_topics); i++)
    {
      const BuiltinTopic *builtin = &builtin_topics[i];
      PathwaysTopic *topic;

      if (builtin->kind != kind)
        continue;

      topic = g_new0 (PathwaysTopic, 1);
      topic->kind = kind;
      topic->key = dup_key (kind, builtin->title);
      topic->title = g_strdup (_(builtin->title));
      topic->detail = builtin->detail != NULL ? g_strdup (_(builtin->detail)) : NULL;
      g_ptr_array_add (guide->topics[kind], topic);
    }
  guide->builtin[kind] = TRUE;
}

/**
 * pathways_guide_new_builtin:
 *
 * The topics Pathways suggests when a handbook has no 1-on-1 guide, in the current
 * language. Their keys do not depend on the language.
 *
 * Returns: (transfer full): a guide of built-in topics only, without a page
 */
PathwaysGuide *
pathways_guide_new_builtin (void)
{
  PathwaysGuide *guide = guide_new (NULL);

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    add_builtin_topics (guide, k);
  return guide;
}

/**
 * pathways_guide_fill_missing:
 * @guide: a guide
 *
 * Gives each kind of topic the guide has none of the built-in topics of that kind, and marks
 * them as built-in.
 */
void
pathways_guide_fill_missing (PathwaysGuide *guide)
{
  g_return_if_fail (guide != NULL);

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    if (guide->topics[k]->len == 0)
      add_builtin_topics (guide, k);
}

/**
 * pathways_guide_lookup:
 * @guide: a guide
 * @key: a topic key, as "frequent/career growth"
 *
 * Returns: (transfer none) (nullable): the topic with @key, or %NULL if the guide has none
 */
const PathwaysTopic *
pathways_guide_lookup (const PathwaysGuide *guide,
                       const char          *key)
{
  g_return_val_if_fail (guide != NULL, NULL);

  if (key == NULL)
    return NULL;

  for (guint k = 0; k < PATHWAYS_N_TOPIC_KINDS; k++)
    for (guint i = 0; i < guide->topics[k]->len; i++)
      {
        const PathwaysTopic *topic = g_ptr_array_index (guide->topics[k], i);

        if (g_str_equal (topic->key, key))
          return topic;
      }

  return NULL;
}

/* ---- finding the guide ---- */

typedef struct
{
  char     *page;
  guint     extra;     /* words of the title or name besides "1-on-1" and filler */
  gboolean  weak;      /* matched only "one-to-one" or a "1-1" inside other words */
  guint     n_kinds;   /* kinds of topics the page has sections for */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->page);
  g_free (candidate);
}

/* The ways handbooks write "1-on-1", as dup_words() splits them ("1:1" and "1_1" are
 * "1 1" too). The last word may also take a plural 's' ("1-1s", "one-on-ones"). */
static const struct
{
  const char *words[3];
  gboolean    weak;
} name_patterns[] = {
  { { "1", "on", "1" }, FALSE },
  { { "one", "on", "one" }, FALSE },
  { { "1on1" }, FALSE },
  { { "oneonone" }, FALSE },
  { { "1", "1" }, FALSE },
  /* Also a term of data modelling; a page about that is no guide. */
  { { "one", "to", "one" }, TRUE },
  { { "1", "to", "1" }, TRUE },
};

/* Words that say a page is about the meetings, or that say nothing. */
static const char * const filler_words[] = {
  "s", "meeting", "meetings", "guide", "guides", "guideline", "guidelines", "guidance",
  "the", "a", "an", "our", "your", "how", "to", "run", "running", "we", "do", "for", "manager",
  "managers", "template", "templates", "agenda", "agendas", "index", "readme", "md",
  "markdown", "about", "and", "good", "great", "effective", "chat", "chats", "conversation",
  "conversations", "sync", "syncs", "check", "in", "ins", "checkin", "checkins",
};

static gboolean
word_in (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

static gboolean
is_meeting_word (const char *word)
{
  static const char * const meeting_words[] = {
    "meeting", "meetings", "guide", "guidelines", "chat", "chats", "conversation",
    "conversations", "sync", "syncs", "checkin", "checkins", "agenda", "manager", "managers",
  };

  return word_in (meeting_words, G_N_ELEMENTS (meeting_words), word);
}

/* A short number next to "1-1" makes it part of a version or a section number ("4-1-1"). */
static gboolean
is_short_number (const char *word)
{
  gsize len = strlen (word);

  return len > 0 && len <= 3 && strspn (word, "0123456789") == len;
}

/* Lowercase words of @text: letters and digits, with '.' kept between digits so that
 * "4.1.1" stays one word while "1-1", "1:1" and "1_1" become two. */
static GPtrArray *
dup_words (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (c == '.' && word->len > 0 && g_ascii_isdigit (word->str[word->len - 1])
          && g_ascii_isdigit (p[1]))
        {
          g_string_append_c (word, '.');
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

/* Whether @text (a page title or file name) names 1-on-1s. Sets @extra to the number of
 * other meaningful words, @weak when the match alone is not convincing, and @meeting when a
 * word says the page is about meetings. */
static gboolean
names_one_on_one (const char *text,
                  guint      *extra,
                  gboolean   *weak,
                  gboolean   *meeting)
{
  g_autoptr(GPtrArray) words = NULL;

  if (text == NULL)
    return FALSE;
  words = dup_words (text);

  for (guint p = 0; p < G_N_ELEMENTS (name_patterns); p++)
    {
      guint len = 0;

      while (len < G_N_ELEMENTS (name_patterns[p].words) && name_patterns[p].words[len] != NULL)
        len++;

      for (guint start = 0; start + len <= words->len; start++)
        {
          gboolean match = TRUE;
          gboolean plural = FALSE;

          for (guint w = 0; w < len && match; w++)
            {
              const char *word = g_ptr_array_index (words, start + w);
              const char *want = name_patterns[p].words[w];

              if (g_str_equal (word, want))
                continue;
              if (w == len - 1 && g_str_has_prefix (word, want)
                  && g_str_equal (word + strlen (want), "s"))
                plural = TRUE;
              else
                match = FALSE;
            }
          if (!match
              || (start > 0 && is_short_number (g_ptr_array_index (words, start - 1)))
              || (start + len < words->len
                  && is_short_number (g_ptr_array_index (words, start + len))))
            continue;

          *extra = 0;
          *meeting = FALSE;
          for (guint w = 0; w < words->len; w++)
            {
              const char *word = g_ptr_array_index (words, w);

              if (is_meeting_word (word))
                *meeting = TRUE;
              if ((w < start || w >= start + len)
                  && !word_in (filler_words, G_N_ELEMENTS (filler_words), word))
                (*extra)++;
            }
          /* "1-1" after other words ("step-1-1", "notes from 1-1") may be anything. */
          *weak = name_patterns[p].weak || (len == 2 && !plural && start > 0);
          return TRUE;
        }
    }

  return FALSE;
}

/* The name of the page as a reader knows it: the file name without extension, or the
 * folder's name for an index page. */
static char *
dup_page_name (const char *page)
{
  g_autofree char *base = g_path_get_basename (page);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (g_ascii_strcasecmp (base, "index") == 0 || g_ascii_strcasecmp (base, "_index") == 0
      || g_ascii_strcasecmp (base, "readme") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (page);

      if (!g_str_equal (dir, "."))
        {
          g_free (base);
          base = g_path_get_basename (dir);
        }
    }

  return g_steal_pointer (&base);
}

static void
consider_page (GPtrArray  *candidates,
               GHashTable *seen,
               const char *page,
               const char *title)
{
  g_autofree char *name = NULL;
  guint extra = 0;
  guint name_extra = 0;
  gboolean weak = TRUE;
  gboolean name_weak = TRUE;
  gboolean meeting = FALSE;
  gboolean name_meeting = FALSE;
  gboolean by_title;
  gboolean by_name;
  Candidate *candidate;

  if (page == NULL || g_hash_table_contains (seen, page))
    return;
  g_hash_table_add (seen, g_strdup (page));

  name = dup_page_name (page);
  by_title = names_one_on_one (title, &extra, &weak, &meeting);
  by_name = names_one_on_one (name, &name_extra, &name_weak, &name_meeting);
  if (!by_title && !by_name)
    return;

  if (!by_title || (by_name && (name_weak < weak || (name_weak == weak && name_extra < extra))))
    {
      extra = name_extra;
      weak = name_weak;
    }

  candidate = g_new0 (Candidate, 1);
  candidate->page = g_strdup (page);
  candidate->extra = extra;
  /* A weak match needs another word to say it is about meetings. */
  candidate->weak = weak && !(meeting || name_meeting);
  g_ptr_array_add (candidates, candidate);
}

static void
collect_candidates (GListModel *model,
                    GPtrArray  *candidates,
                    GHashTable *seen)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      GListModel *children = pathways_page_node_get_children (node);

      consider_page (candidates, seen, pathways_page_node_get_page_path (node),
                     pathways_page_node_get_title (node));
      if (children != NULL)
        collect_candidates (children, candidates, seen);
    }
}

static int
compare_names (const Candidate *a,
               const Candidate *b)
{
  if (a->weak != b->weak)
    return a->weak ? 1 : -1;
  if (a->extra != b->extra)
    return a->extra < b->extra ? -1 : 1;
  if (strlen (a->page) != strlen (b->page))
    return strlen (a->page) < strlen (b->page) ? -1 : 1;
  return strcmp (a->page, b->page);
}

static int
compare_candidates_by_name (gconstpointer a,
                            gconstpointer b)
{
  return compare_names (*(Candidate * const *) a, *(Candidate * const *) b);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = *(Candidate * const *) a;
  const Candidate *cb = *(Candidate * const *) b;

  if (ca->n_kinds != cb->n_kinds)
    return ca->n_kinds > cb->n_kinds ? -1 : 1;
  return compare_names (ca, cb);
}

static PathwaysGuide *
read_guide (PathwaysHandbook *handbook,
            const char       *page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  text = pathways_handbook_read_page (handbook, page, &len, &error);
  if (text == NULL)
    {
      g_debug ("Page %s not read: %s", page, error->message);
      return NULL;
    }
  return pathways_guide_parse (text, len, page);
}

/**
 * pathways_guide_find_page:
 * @handbook: a loaded handbook
 *
 * Finds the handbook's 1-on-1 guide: a page whose title or file name says "1-on-1" (or
 * "1:1", "one-on-one", "1-1s", …). Among several, the one with the most kinds of topics
 * wins, then the one whose name says least besides, then the shortest path. Only those pages
 * are read.
 *
 * Returns: (transfer full) (nullable): the page's path, or %NULL when no page is about
 *   1-on-1s
 */
char *
pathways_guide_find_page (PathwaysHandbook *handbook)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *home;
  Candidate *best;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (handbook), NULL);

  home = pathways_handbook_get_home_page (handbook);
  if (home != NULL)
    {
      PathwaysPageNode *node = pathways_handbook_lookup (handbook, home);

      consider_page (candidates, seen, home,
                     node != NULL ? pathways_page_node_get_title (node) : NULL);
    }
  collect_candidates (pathways_handbook_get_tree (handbook), candidates, seen);

  g_ptr_array_sort (candidates, compare_candidates_by_name);
  if (candidates->len > MAX_CANDIDATES)
    g_ptr_array_set_size (candidates, MAX_CANDIDATES);

  for (guint i = 0; i < candidates->len;)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      g_autoptr(PathwaysGuide) guide = read_guide (handbook, candidate->page);

      for (guint k = 0; guide != NULL && k < PATHWAYS_N_TOPIC_KINDS; k++)
        if (guide->topics[k]->len > 0)
          candidate->n_kinds++;

      /* "one-to-one" alone is as likely a page about data models. */
      if (guide == NULL || (candidate->weak && candidate->n_kinds == 0))
        g_ptr_array_remove_index (candidates, i);
      else
        i++;
    }

  if (candidates->len == 0)
    return NULL;

  g_ptr_array_sort (candidates, compare_candidates);
  best = g_ptr_array_index (candidates, 0);
  return g_strdup (best->page);
}

/**
 * pathways_guide_load:
 * @handbook: (nullable): a loaded handbook
 *
 * Reads the handbook's 1-on-1 guide (see pathways_guide_find_page()), with built-in topics
 * for whatever kinds it does not cover — or only built-in topics when there is no handbook
 * or no guide in it.
 *
 * Returns: (transfer full): the guide
 */
PathwaysGuide *
pathways_guide_load (PathwaysHandbook *handbook)
{
  g_autofree char *page = NULL;
  PathwaysGuide *guide = NULL;

  g_return_val_if_fail (handbook == NULL || PATHWAYS_IS_HANDBOOK (handbook), NULL);

  if (handbook != NULL)
    page = pathways_guide_find_page (handbook);
  if (page != NULL)
    guide = read_guide (handbook, page);
  if (guide == NULL)
    return pathways_guide_new_builtin ();

  pathways_guide_fill_missing (guide);
  return guide;
}
