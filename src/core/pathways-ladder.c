/* pathways-ladder.c: finds the career ladder in a handbook — path pages (H1 = path, H2 =
 * level), the competencies and responsibilities of each level in the many ways handbooks
 * write them, and an overview page that gives the levels their order and summaries.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-ladder"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-ladder.h"
#include "pathways-markdown.h"

#define KIND_COMPETENCY     1
#define KIND_RESPONSIBILITY 2

/* Longer "labels" are bold sentences, not labels. */
#define MAX_BOLD_LABEL_WORDS  8
#define MAX_BOLD_LABEL_CHARS  60
/* Plain "Label: text" bullets are weaker evidence, so their labels must be short. */
#define MAX_PLAIN_LABEL_WORDS 4
#define MAX_PREFIX_CODE_CHARS 12

G_DEFINE_QUARK (pathways-ladder-error-quark, pathways_ladder_error)

/* ---- freeing ---- */

static void
competency_free (gpointer data)
{
  PathwaysCompetency *competency = data;

  g_free (competency->key);
  g_free (competency->label);
  g_free (competency->text);
  g_free (competency);
}

static void
responsibility_free (gpointer data)
{
  PathwaysResponsibility *responsibility = data;

  g_free (responsibility->key);
  g_free (responsibility->text);
  g_ptr_array_unref (responsibility->children);
  g_free (responsibility);
}

static PathwaysResponsibility *
responsibility_new (char *text)
{
  PathwaysResponsibility *responsibility = g_new0 (PathwaysResponsibility, 1);

  responsibility->text = text;
  responsibility->children = g_ptr_array_new_with_free_func (responsibility_free);
  return responsibility;
}

static void
level_free (gpointer data)
{
  PathwaysLevel *level = data;

  g_free (level->title);
  g_free (level->code);
  g_free (level->page);
  g_free (level->anchor);
  g_free (level->summary);
  g_ptr_array_unref (level->competencies);
  g_ptr_array_unref (level->responsibilities);
  g_free (level);
}

static void
path_free (gpointer data)
{
  PathwaysPath *path = data;

  g_free (path->title);
  g_free (path->page);
  g_ptr_array_unref (path->levels);
  g_free (path);
}

/**
 * pathways_ladder_free:
 * @ladder: (nullable): a ladder
 *
 * Frees @ladder and everything in it.
 */
void
pathways_ladder_free (PathwaysLadder *ladder)
{
  if (ladder == NULL)
    return;

  g_ptr_array_unref (ladder->paths);
  g_free (ladder->overview);
  g_hash_table_unref (ladder->keys);
  g_hash_table_unref (ladder->kinds);
  g_free (ladder);
}

/**
 * pathways_ladder_change_free:
 * @change: (nullable): a change from pathways_ladder_compare()
 */
void
pathways_ladder_change_free (PathwaysLadderChange *change)
{
  if (change == NULL)
    return;

  g_free (change->key);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change->new_key);
  g_free (change);
}

/* ---- text helpers ---- */

/**
 * pathways_ladder_normalize:
 * @text: (nullable): a label, title or sentence
 *
 * The form keys are made from and texts are compared in: case-folded, apostrophes dropped,
 * other punctuation and runs of blanks turned into single spaces, so that retyping a
 * sentence with different spacing or quotes does not make it a different expectation.
 *
 * Returns: (transfer full): the normalised text, possibly empty
 */
char *
pathways_ladder_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC)
        continue;
      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        pending_space = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* Plain text of inline content, keeping the spaces between nodes (unlike taking each node's
 * text on its own). Stops at the first line break when @one_line is set. */
static void
append_text (GString    *s,
             cmark_node *node,
             gboolean    one_line,
             gboolean   *stopped)
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
            {
              if (one_line)
                {
                  if (stopped != NULL)
                    *stopped = TRUE;
                  break;
                }
              g_string_append_c (s, ' ');
            }
        }
      else if (ev == CMARK_EVENT_EXIT && cur != node && type == CMARK_NODE_PARAGRAPH)
        g_string_append_c (s, ' ');
    }

  cmark_iter_free (iter);
}

/* The text of @node and the siblings after it. */
static char *
dup_text_from (cmark_node *node)
{
  GString *s = g_string_new (NULL);

  for (; node != NULL; node = cmark_node_next (node))
    append_text (s, node, FALSE, NULL);

  return g_strstrip (g_string_free (s, FALSE));
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Trims blanks and trailing colons from a label as written. */
static char *
clean_label (const char *label)
{
  char *clean = g_strstrip (g_strdup (label));
  gsize len = strlen (clean);

  while (len > 0 && (clean[len - 1] == ':' || g_ascii_isspace (clean[len - 1])))
    clean[--len] = '\0';
  return clean;
}

/* Skips blanks and the dashes, colons and pipes that separate a link from its description. */
static const char *
skip_separators (const char *p)
{
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != ':' && c != '|' && c != 0x2013
          && c != 0x2014 && c != ',')
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

/* ---- level headings ---- */

/* Splits "Engineer II (IC 3)", "D1 - Developer 1" and "T5: Staff Engineer" into title and
 * code; anything else is all title. */
static void
split_level_heading (const char  *text,
                     char       **title,
                     char       **code)
{
  g_autofree char *heading = g_strstrip (g_strdup (text));
  gsize len = strlen (heading);
  static const char * const separators[] = { " - ", " \342\200\223 ", " \342\200\224 ", ": " };

  *code = NULL;

  if (len > 2 && heading[len - 1] == ')')
    {
      int depth = 0;

      for (gssize i = len - 1; i >= 0; i--)
        {
          if (heading[i] == ')')
            depth++;
          else if (heading[i] == '(' && --depth == 0)
            {
              g_autofree char *inner = g_strndup (heading + i + 1, len - i - 2);

              g_strstrip (inner);
              if (i > 0 && *inner != '\0' && has_digit (inner) && strlen (inner) <= 32)
                {
                  *code = g_steal_pointer (&inner);
                  *title = g_strstrip (g_strndup (heading, i));
                  return;
                }
              break;
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *sep = strstr (heading, separators[i]);
      g_autofree char *prefix = NULL;
      const char *rest;

      if (sep == NULL || sep == heading)
        continue;
      prefix = g_strstrip (g_strndup (heading, sep - heading));
      rest = sep + strlen (separators[i]);
      while (g_ascii_isspace (*rest))
        rest++;
      if (strlen (prefix) <= MAX_PREFIX_CODE_CHARS && has_digit (prefix)
          && count_words (prefix) <= 3 && *rest != '\0')
        {
          *code = g_steal_pointer (&prefix);
          *title = g_strdup (rest);
          return;
        }
    }

  *title = g_steal_pointer (&heading);
}

/* ---- expectations inside a level section ---- */

typedef struct
{
  PathwaysLevel   *level;
  PathwaysHeading *heading;
  guint            strong;      /* bold labels and responsibilities found */
  guint            weak;        /* plain "Label: text" bullets found */
  char            *first_para;  /* the first unlabelled paragraph */
  int              overview_index;
  guint            doc_index;
} LevelDraft;

static void
level_draft_free (gpointer data)
{
  LevelDraft *draft = data;

  if (draft->level != NULL)
    level_free (draft->level);
  g_free (draft->first_para);
  g_free (draft);
}

static gboolean
is_responsibility_name (const char *text,
                        gboolean    heading)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, "responsibilit") != NULL
         || (heading && strstr (folded, "expectation") != NULL);
}

/* Reads a bold label at the start of @para: `**Impact:** text`, `**Impact**: text`,
 * `__Impact__` alone. Returns the label and, in @rest, the text after it. */
static char *
dup_strong_label (cmark_node  *para,
                  char       **rest)
{
  cmark_node *first = cmark_node_first_child (para);
  cmark_node *next;
  g_autofree char *raw = NULL;
  g_autofree char *label = NULL;
  GString *after;

  *rest = NULL;
  /* A blank text node can precede the label when the line starts with a space. */
  while (first != NULL && cmark_node_get_type (first) == CMARK_NODE_TEXT
         && cmark_node_get_literal (first)[strspn (cmark_node_get_literal (first), " \t")]
            == '\0')
    first = cmark_node_next (first);
  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_STRONG)
    return NULL;

  raw = pathways_markdown_node_dup_text (first);
  next = cmark_node_next (first);
  after = g_string_new (NULL);
  for (cmark_node *n = next; n != NULL; n = cmark_node_next (n))
    append_text (after, n, FALSE, NULL);
  g_strstrip (after->str);
  after->len = strlen (after->str);

  if (g_str_has_suffix (raw, ":"))
    ;
  else if (after->str[0] == ':')
    g_string_erase (after, 0, 1);
  else if (after->len > 0)
    {
      /* "**Note** that …" is emphasis inside a sentence, not a label. */
      g_string_free (after, TRUE);
      return NULL;
    }

  label = clean_label (raw);
  if (*label == '\0' || strlen (label) > MAX_BOLD_LABEL_CHARS
      || count_words (label) > MAX_BOLD_LABEL_WORDS)
    {
      g_string_free (after, TRUE);
      return NULL;
    }

  *rest = g_strstrip (g_string_free (after, FALSE));
  return g_steal_pointer (&label);
}

/* Reads a plain label at the start of @para, as in `Impact: text`: a short capitalised
 * phrase before a colon. */
static char *
dup_plain_label (cmark_node  *para,
                 char       **rest)
{
  cmark_node *first = cmark_node_first_child (para);
  const char *literal;
  const char *colon;
  g_autofree char *label = NULL;
  GString *after;

  *rest = NULL;
  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_TEXT)
    return NULL;

  literal = cmark_node_get_literal (first);
  colon = strchr (literal, ':');
  if (colon == NULL || (colon[1] != '\0' && !g_ascii_isspace (colon[1])))
    return NULL;

  label = g_strstrip (g_strndup (literal, colon - literal));
  if (*label == '\0' || !g_unichar_isupper (g_utf8_get_char (label))
      || count_words (label) > MAX_PLAIN_LABEL_WORDS || strpbrk (label, ".,;!?()[]") != NULL)
    return NULL;

  after = g_string_new (colon + 1);
  for (cmark_node *n = cmark_node_next (first); n != NULL; n = cmark_node_next (n))
    append_text (after, n, FALSE, NULL);

  *rest = g_strstrip (g_string_free (after, FALSE));
  return g_steal_pointer (&label);
}

/* The items of @list (and of the lists nested in them), one per line. */
static void
append_list_text (GString    *s,
                  cmark_node *list)
{
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item))
    {
      for (cmark_node *block = cmark_node_first_child (item); block != NULL;
           block = cmark_node_next (block))
        {
          if (cmark_node_get_type (block) == CMARK_NODE_LIST)
            append_list_text (s, block);
          else
            {
              GString *line = g_string_new (NULL);

              append_text (line, block, FALSE, NULL);
              g_strstrip (line->str);
              if (line->str[0] != '\0')
                {
                  if (s->len > 0)
                    g_string_append_c (s, '\n');
                  g_string_append (s, line->str);
                }
              g_string_free (line, TRUE);
            }
        }
    }
}

static char *
dup_list_text (cmark_node *list)
{
  GString *s = g_string_new (NULL);

  append_list_text (s, list);
  return g_string_free (s, FALSE);
}

/* The blocks of an item after its first paragraph, as text: nested lists and any further
 * paragraphs. */
static char *
dup_item_tail_text (cmark_node *first_block)
{
  GString *s = g_string_new (NULL);

  for (cmark_node *block = cmark_node_next (first_block); block != NULL;
       block = cmark_node_next (block))
    {
      if (cmark_node_get_type (block) == CMARK_NODE_LIST)
        {
          g_autofree char *text = dup_list_text (block);

          if (*text != '\0')
            g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "", text);
        }
      else
        {
          GString *line = g_string_new (NULL);

          append_text (line, block, FALSE, NULL);
          g_strstrip (line->str);
          if (line->str[0] != '\0')
            g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "", line->str);
          g_string_free (line, TRUE);
        }
    }

  return g_string_free (s, FALSE);
}

static void
add_competency (LevelDraft *draft,
                char       *label,
                char       *text)
{
  PathwaysCompetency *competency = g_new0 (PathwaysCompetency, 1);

  competency->label = label;
  competency->text = text;
  g_ptr_array_add (draft->level->competencies, competency);
}

/* Every item of @list as a responsibility, nested items as its children. */
static void
add_responsibilities (GPtrArray  *into,
                      cmark_node *list)
{
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item))
    {
      GString *text = g_string_new (NULL);
      PathwaysResponsibility *responsibility;
      GPtrArray *nested = g_ptr_array_new ();

      for (cmark_node *block = cmark_node_first_child (item); block != NULL;
           block = cmark_node_next (block))
        {
          if (cmark_node_get_type (block) == CMARK_NODE_LIST)
            g_ptr_array_add (nested, block);
          else
            append_text (text, block, FALSE, NULL);
        }

      g_strstrip (text->str);
      responsibility = responsibility_new (g_strdup (text->str));
      g_string_free (text, TRUE);
      for (guint i = 0; i < nested->len; i++)
        add_responsibilities (responsibility->children, g_ptr_array_index (nested, i));
      g_ptr_array_unref (nested);

      if (responsibility->text[0] == '\0' && responsibility->children->len == 0)
        responsibility_free (responsibility);
      else
        g_ptr_array_add (into, responsibility);
    }
}

/* A bullet list outside a responsibilities section: only its labelled items count. */
static void
read_competency_list (LevelDraft *draft,
                      cmark_node *list)
{
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item))
    {
      cmark_node *para = cmark_node_first_child (item);
      char *rest = NULL;
      char *label;
      gboolean strong = TRUE;

      if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
        continue;

      label = dup_strong_label (para, &rest);
      if (label == NULL)
        {
          label = dup_plain_label (para, &rest);
          strong = FALSE;
        }
      if (label == NULL)
        continue;

      if (*rest == '\0')
        {
          g_free (rest);
          rest = dup_item_tail_text (para);
        }
      else
        {
          g_autofree char *tail = dup_item_tail_text (para);

          if (*tail != '\0')
            {
              char *joined = g_strconcat (rest, "\n", tail, NULL);

              g_free (rest);
              rest = joined;
            }
        }

      /* A label with nothing after it at all is a heading in disguise, not a competency. */
      if (*rest == '\0')
        {
          g_free (label);
          g_free (rest);
          continue;
        }

      if (is_responsibility_name (label, FALSE) && strong)
        {
          g_free (label);
          g_free (rest);
          for (cmark_node *block = cmark_node_next (para); block != NULL;
               block = cmark_node_next (block))
            if (cmark_node_get_type (block) == CMARK_NODE_LIST)
              add_responsibilities (draft->level->responsibilities, block);
          draft->strong++;
          continue;
        }

      add_competency (draft, label, rest);
      if (strong)
        draft->strong++;
      else
        draft->weak++;
    }
}

static void
read_level_blocks (LevelDraft *draft,
                   GPtrArray  *blocks)
{
  gboolean in_responsibilities = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      cmark_node *block = g_ptr_array_index (blocks, i);
      cmark_node *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
      gboolean next_is_list = next != NULL && cmark_node_get_type (next) == CMARK_NODE_LIST;

      switch (cmark_node_get_type (block))
        {
        case CMARK_NODE_HEADING:
          {
            g_autofree char *text = pathways_markdown_node_dup_text (block);

            in_responsibilities = is_responsibility_name (text, TRUE);
          }
          break;

        case CMARK_NODE_PARAGRAPH:
          {
            g_autofree char *rest = NULL;
            g_autofree char *label = NULL;

            if (pathways_markdown_node_is_directive (block))
              break;

            label = dup_strong_label (block, &rest);
            if (label == NULL)
              {
                if (draft->first_para == NULL)
                  {
                    draft->first_para = dup_text_from (cmark_node_first_child (block));
                    if (*draft->first_para == '\0')
                      g_clear_pointer (&draft->first_para, g_free);
                  }
                break;
              }

            if (is_responsibility_name (label, FALSE))
              {
                if (*rest != '\0')
                  {
                    g_ptr_array_add (draft->level->responsibilities,
                                     responsibility_new (g_steal_pointer (&rest)));
                    draft->strong++;
                  }
                if (next_is_list)
                  {
                    add_responsibilities (draft->level->responsibilities, next);
                    draft->strong++;
                    i++;
                  }
                break;
              }

            if (*rest == '\0')
              {
                /* A label alone: the list after it is its text. */
                if (!next_is_list)
                  break;
                g_free (rest);
                rest = dup_list_text (next);
                i++;
              }
            add_competency (draft, g_steal_pointer (&label), g_steal_pointer (&rest));
            draft->strong++;
          }
          break;

        case CMARK_NODE_LIST:
          if (in_responsibilities)
            {
              guint before = draft->level->responsibilities->len;

              add_responsibilities (draft->level->responsibilities, block);
              draft->strong += draft->level->responsibilities->len - before;
            }
          else
            read_competency_list (draft, block);
          break;

        default:
          break;
        }
    }
}

static gboolean
level_draft_is_level (LevelDraft *draft)
{
  /* A question ("What are the expectations of my role?") introduces the levels, it isn't
   * one, even when it lists the competencies. */
  if (g_str_has_suffix (draft->heading->text, "?"))
    return FALSE;
  return draft->strong >= 1 || draft->weak >= 2;
}

/* ---- path pages ---- */

typedef struct
{
  char      *title;
  GPtrArray *levels;  /* LevelDraft* */
  guint      doc_index;
  char      *page;
  char      *page_title;
  int        overview_index;
} PathDraft;

static void
path_draft_free (gpointer data)
{
  PathDraft *draft = data;

  g_free (draft->title);
  g_free (draft->page);
  g_free (draft->page_title);
  g_ptr_array_unref (draft->levels);
  g_free (draft);
}

/* Whether a heading like "IC1", "L4" or "E5" is nothing but a level code. */
static gboolean
looks_like_code (const char *text)
{
  gboolean alpha = FALSE;
  gsize len = strlen (text);

  if (len == 0 || len > 8)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        alpha = TRUE;
      else if (!g_ascii_isdigit (*p) && *p != '-' && *p != '.')
        return FALSE;
    }
  return alpha && has_digit (text);
}

/* Whether any word of @text (normalised) starts with one of @prefixes or equals one of
 * @words. */
static gboolean
has_word (const char         *text,
          const char * const *prefixes,
          const char * const *words)
{
  g_autofree char *norm = pathways_ladder_normalize (text);
  g_auto(GStrv) tokens = g_strsplit (norm, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      for (guint j = 0; prefixes != NULL && prefixes[j] != NULL; j++)
        if (g_str_has_prefix (tokens[i], prefixes[j]))
          return TRUE;
      if (words != NULL && g_strv_contains (words, tokens[i]))
        return TRUE;
    }
  return FALSE;
}

/* A group of sections under one H1 is a path when it has two levels, looks like a ladder
 * (a label shared by two levels, or responsibilities in two) and is about careers: most
 * levels have codes, or the page is named for careers or levels, or most level titles are
 * roles. Without the last test, every how-to page with "**Step 1:**" in each section of a
 * big handbook would be a path. */
static gboolean
path_draft_is_path (PathDraft *path)
{
  static const char * const career_prefixes[] = {
    "career", "ladder", "level", "progression", "competenc", "promotion", NULL
  };
  static const char * const career_words[] = { "path", "paths", "track", "tracks", NULL };
  static const char * const role_words[] = {
    "engineer", "engineers", "engineering", "developer", "manager", "director", "architect",
    "designer", "scientist", "analyst", "principal", "staff", "apprentice", "intern",
    "fellow", "associate", "junior", "senior", "vp", "cto", NULL
  };
  g_autoptr(GHashTable) seen = NULL;
  gboolean shared_label = FALSE;
  guint with_responsibilities = 0;
  guint coded = 0;
  guint roles = 0;

  if (path->levels->len < 2)
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < path->levels->len; i++)
    {
      LevelDraft *draft = g_ptr_array_index (path->levels, i);
      g_autoptr(GHashTable) mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
      GHashTableIter iter;
      gpointer key;

      if (draft->level->code != NULL || looks_like_code (draft->level->title))
        coded++;
      if (has_word (draft->level->title, NULL, role_words))
        roles++;
      if (draft->level->responsibilities->len > 0)
        with_responsibilities++;
      for (guint j = 0; j < draft->level->competencies->len; j++)
        {
          PathwaysCompetency *competency = g_ptr_array_index (draft->level->competencies, j);
          char *norm = pathways_ladder_normalize (competency->label);

          if (g_hash_table_contains (seen, norm))
            shared_label = TRUE;
          g_hash_table_add (mine, norm);
        }
      g_hash_table_iter_init (&iter, mine);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_add (seen, key);
        }
    }

  if (!shared_label && with_responsibilities < 2)
    return FALSE;

  if (coded >= 2 && coded * 2 >= path->levels->len)
    return TRUE;
  if (has_word (path->title, career_prefixes, career_words)
      || has_word (path->page_title, career_prefixes, career_words)
      || has_word (path->page, career_prefixes, career_words))
    return TRUE;
  return shared_label && roles >= 2 && roles * 2 >= path->levels->len;
}

typedef struct
{
  char                *path;    /* handbook-relative */
  char                *title;
  PathwaysMarkdownDoc *doc;     /* kept only for path pages, for resolving anchors */
  GHashTable          *levels;  /* heading index → LevelDraft* (owned by the paths) */
  GPtrArray           *paths;   /* PathDraft* found on the page */
  GPtrArray           *links;   /* OverviewLink* to other pages, with anchors */
  gboolean             chosen;  /* the person said this page is part of the ladder */
} PageInfo;

typedef struct
{
  char *href;
  char *summary;
} OverviewLink;

static void
overview_link_free (gpointer data)
{
  OverviewLink *link = data;

  g_free (link->href);
  g_free (link->summary);
  g_free (link);
}

static void
page_info_free (gpointer data)
{
  PageInfo *info = data;

  g_free (info->path);
  g_free (info->title);
  pathways_markdown_doc_free (info->doc);
  g_hash_table_unref (info->levels);
  g_ptr_array_unref (info->paths);
  g_clear_pointer (&info->links, g_ptr_array_unref);
  g_free (info);
}

static void
finish_section (PathDraft       *path,
                PathwaysHeading *heading,
                guint            heading_index,
                GPtrArray       *blocks,
                PageInfo        *info,
                guint           *doc_index)
{
  LevelDraft *draft = g_new0 (LevelDraft, 1);

  draft->heading = heading;
  draft->overview_index = -1;
  draft->doc_index = (*doc_index)++;
  draft->level = g_new0 (PathwaysLevel, 1);
  draft->level->competencies = g_ptr_array_new_with_free_func (competency_free);
  draft->level->responsibilities = g_ptr_array_new_with_free_func (responsibility_free);
  split_level_heading (heading->text, &draft->level->title, &draft->level->code);
  draft->level->page = g_strdup (info->path);
  draft->level->anchor = g_strdup (heading->id);

  read_level_blocks (draft, blocks);

  if (level_draft_is_level (draft))
    {
      g_ptr_array_add (path->levels, draft);
      g_hash_table_insert (info->levels, GUINT_TO_POINTER (heading_index), draft);
    }
  else
    level_draft_free (draft);
}

static PathDraft *
path_draft_new (const char *title,
                PageInfo   *info,
                guint       doc_index)
{
  PathDraft *path = g_new0 (PathDraft, 1);

  path->title = g_strdup (title);
  path->levels = g_ptr_array_new_with_free_func (level_draft_free);
  path->doc_index = doc_index;
  path->page = g_strdup (info->path);
  path->page_title = g_strdup (info->title);
  path->overview_index = -1;
  return path;
}

static void
finish_group (PathDraft *path,
              PageInfo  *info)
{
  if (path == NULL)
    return;

  /* A page the person chose is a ladder page whatever it looks like; it only needs levels. */
  if (info->chosen ? path->levels->len > 0 : path_draft_is_path (path))
    g_ptr_array_add (info->paths, path);
  else
    {
      for (guint i = 0; i < path->levels->len; i++)
        {
          LevelDraft *draft = g_ptr_array_index (path->levels, i);
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, info->levels);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            if (value == draft)
              g_hash_table_iter_remove (&iter);
        }
      path_draft_free (path);
    }
}

/* Splits the page into H1 groups of H2 sections and keeps the groups that are paths. */
static void
find_paths (PageInfo *info)
{
  PathwaysMarkdownDoc *doc = info->doc;
  g_autoptr(GHashTable) heading_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  PathDraft *path = NULL;
  PathwaysHeading *section = NULL;
  guint section_index = 0;
  guint doc_index = 0;

  for (guint i = 0; i < doc->headings->len; i++)
    {
      PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);

      if (heading->level <= 2)
        g_hash_table_insert (heading_index, heading->node, GUINT_TO_POINTER (i + 1));
    }

  for (cmark_node *node = cmark_node_first_child (doc->root); node != NULL;
       node = cmark_node_next (node))
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (heading_index, node));
      PathwaysHeading *heading = index > 0 ? g_ptr_array_index (doc->headings, index - 1)
                                           : NULL;

      if (heading == NULL)
        {
          if (section != NULL)
            g_ptr_array_add (blocks, node);
          continue;
        }

      if (section != NULL)
        finish_section (path, section, section_index, blocks, info, &doc_index);
      section = NULL;
      g_ptr_array_set_size (blocks, 0);

      if (heading->level == 1)
        {
          finish_group (path, info);
          path = path_draft_new (heading->text, info, doc_index++);
        }
      else
        {
          /* Levels without an H1 above them belong to a path named after the page. */
          if (path == NULL)
            path = path_draft_new (info->title, info, doc_index++);
          section = heading;
          section_index = index - 1;
        }
    }

  if (section != NULL)
    finish_section (path, section, section_index, blocks, info, &doc_index);
  finish_group (path, info);
}

/* ---- the overview page ---- */

/* What a list item or table row says about the level it links to, after the link. */
static char *
dup_link_summary (cmark_node *link)
{
  cmark_node *para = cmark_node_parent (link);
  cmark_node *container;
  GString *before = g_string_new (NULL);
  GString *line = g_string_new (NULL);
  GString *all = g_string_new (NULL);
  gboolean after = FALSE;
  gboolean line_done = FALSE;
  gboolean table;
  char *summary = NULL;

  while (para != NULL && cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
    para = cmark_node_parent (para);
  if (para == NULL)
    goto out;
  container = cmark_node_parent (para);

  for (cmark_node *n = cmark_node_first_child (para); n != NULL; n = cmark_node_next (n))
    {
      cmark_node_type type = cmark_node_get_type (n);

      if (n == link)
        {
          after = TRUE;
          continue;
        }
      if (!after)
        {
          if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
            g_string_truncate (before, 0);
          else
            append_text (before, n, FALSE, NULL);
          /* The link may sit inside emphasis: everything after that counts. */
          {
            cmark_node *up = cmark_node_parent (link);

            for (; up != NULL && up != para; up = cmark_node_parent (up))
              if (up == n)
                after = TRUE;
          }
          continue;
        }

      if (!line_done)
        {
          if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
            line_done = TRUE;
          else if (type == CMARK_NODE_LINK)
            line_done = TRUE;
          else
            append_text (line, n, FALSE, NULL);
        }
      append_text (all, n, FALSE, NULL);
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        g_string_append_c (all, ' ');
    }

  table = strchr (before->str, '|') != NULL || strchr (line->str, '|') != NULL;
  if (table)
    {
      g_auto(GStrv) cells = g_strsplit (line->str, "|", -1);
      GString *joined = g_string_new (NULL);

      for (guint i = 0; cells[i] != NULL; i++)
        {
          g_strstrip (cells[i]);
          if (cells[i][0] == '\0')
            continue;
          if (joined->len > 0)
            g_string_append (joined, "; ");
          g_string_append (joined, cells[i]);
        }
      summary = g_string_free (joined, FALSE);
    }
  else if (container != NULL && cmark_node_get_type (container) == CMARK_NODE_ITEM)
    summary = g_strdup (all->str);

  if (summary != NULL)
    {
      const char *start = skip_separators (summary);
      char *clean = g_strstrip (g_strdup (start));

      g_free (summary);
      summary = clean;
      if (*summary == '\0')
        g_clear_pointer (&summary, g_free);
    }

out:
  g_string_free (before, TRUE);
  g_string_free (line, TRUE);
  g_string_free (all, TRUE);
  return summary;
}

/* Links that may point at levels: to another page, with an anchor. */
static GPtrArray *
collect_anchor_links (PathwaysMarkdownDoc *doc)
{
  GPtrArray *links = g_ptr_array_new_with_free_func (overview_link_free);
  cmark_iter *iter = cmark_iter_new (doc->root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *url;
      OverviewLink *link;

      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_LINK)
        continue;
      url = cmark_node_get_url (node);
      if (url == NULL || url[0] == '#' || strchr (url, '#') == NULL)
        continue;

      link = g_new0 (OverviewLink, 1);
      link->href = g_strdup (url);
      link->summary = dup_link_summary (node);
      g_ptr_array_add (links, link);
    }

  cmark_iter_free (iter);
  return links;
}

/* ---- keys ---- */

static void
register_key (PathwaysLadder *ladder,
              char          **key,
              gpointer        expectation,
              int             kind)
{
  /* The same label twice in a level (it happens) must not make two ratings collide. */
  if (g_hash_table_contains (ladder->keys, *key))
    {
      for (guint n = 2;; n++)
        {
          char *candidate = g_strdup_printf ("%s~%u", *key, n);

          if (!g_hash_table_contains (ladder->keys, candidate))
            {
              g_free (*key);
              *key = candidate;
              break;
            }
          g_free (candidate);
        }
    }
  g_hash_table_insert (ladder->keys, *key, expectation);
  g_hash_table_insert (ladder->kinds, *key, GINT_TO_POINTER (kind));
}

static void
key_responsibilities (PathwaysLadder *ladder,
                      const char     *prefix,
                      GPtrArray      *responsibilities)
{
  for (guint i = 0; i < responsibilities->len; i++)
    {
      PathwaysResponsibility *responsibility = g_ptr_array_index (responsibilities, i);
      g_autofree char *norm = pathways_ladder_normalize (responsibility->text);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, norm, -1);

      hash[16] = '\0';
      responsibility->key = g_strdup_printf ("%s/r:%s", prefix, hash);
      register_key (ladder, &responsibility->key, responsibility, KIND_RESPONSIBILITY);
      key_responsibilities (ladder, prefix, responsibility->children);
    }
}

static void
assign_keys (PathwaysLadder *ladder)
{
  for (guint i = 0; i < ladder->paths->len; i++)
    {
      PathwaysPath *path = g_ptr_array_index (ladder->paths, i);
      g_autofree char *path_norm = pathways_ladder_normalize (path->title);

      for (guint j = 0; j < path->levels->len; j++)
        {
          PathwaysLevel *level = g_ptr_array_index (path->levels, j);
          g_autofree char *level_norm = pathways_ladder_normalize (level->title);
          g_autofree char *prefix = g_strdup_printf ("%s/%s", path_norm, level_norm);

          for (guint k = 0; k < level->competencies->len; k++)
            {
              PathwaysCompetency *competency = g_ptr_array_index (level->competencies, k);
              g_autofree char *label_norm = pathways_ladder_normalize (competency->label);

              competency->key = g_strdup_printf ("%s/%s", prefix, label_norm);
              register_key (ladder, &competency->key, competency, KIND_COMPETENCY);
            }
          key_responsibilities (ladder, prefix, level->responsibilities);
        }
    }
}

/* ---- loading ---- */

static void
collect_pages (GListModel *model,
               GPtrArray  *pages,
               GHashTable *seen)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      const char *page = pathways_page_node_get_page_path (node);
      GListModel *children = pathways_page_node_get_children (node);

      if (page != NULL && !g_hash_table_contains (seen, page))
        {
          g_hash_table_add (seen, g_strdup (page));
          g_ptr_array_add (pages, g_strdup (page));
        }
      if (children != NULL)
        collect_pages (children, pages, seen);
    }
}

static int
compare_levels (gconstpointer a,
                gconstpointer b)
{
  const LevelDraft *la = *(LevelDraft **) a;
  const LevelDraft *lb = *(LevelDraft **) b;
  /* Levels the overview does not mention keep their place after the ones it does. */
  guint ia = la->overview_index >= 0 ? (guint) la->overview_index : G_MAXUINT;
  guint ib = lb->overview_index >= 0 ? (guint) lb->overview_index : G_MAXUINT;

  if (ia != ib)
    return ia < ib ? -1 : 1;
  return la->doc_index < lb->doc_index ? -1 : la->doc_index > lb->doc_index;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const PathDraft *pa = *(PathDraft **) a;
  const PathDraft *pb = *(PathDraft **) b;
  guint ia = pa->overview_index >= 0 ? (guint) pa->overview_index : G_MAXUINT;
  guint ib = pb->overview_index >= 0 ? (guint) pb->overview_index : G_MAXUINT;
  int cmp;

  if (ia != ib)
    return ia < ib ? -1 : 1;
  cmp = g_utf8_collate (pa->page_title, pb->page_title);
  if (cmp == 0)
    cmp = g_strcmp0 (pa->page, pb->page);
  if (cmp == 0)
    cmp = pa->doc_index < pb->doc_index ? -1 : pa->doc_index > pb->doc_index;
  return cmp;
}

/* Finds the page that links to the most levels and takes the levels' order and summaries
 * from it. Returns the overview page, or NULL. */
static char *
apply_overview (PathwaysHandbook *handbook,
                GPtrArray        *infos,
                GHashTable       *path_pages)
{
  PageInfo *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < infos->len; i++)
    {
      PageInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GHashTable) hits = NULL;

      if (info->links == NULL)
        continue;
      hits = g_hash_table_new (NULL, NULL);
      for (guint j = 0; j < info->links->len; j++)
        {
          OverviewLink *link = g_ptr_array_index (info->links, j);
          g_autofree char *target = NULL;
          g_autofree char *anchor = NULL;
          PageInfo *target_info;
          int index;
          LevelDraft *draft;

          if (pathways_handbook_resolve_link (handbook, info->path, link->href, &target,
                                              &anchor) != PATHWAYS_LINK_PAGE
              || anchor == NULL
              || (target_info = g_hash_table_lookup (path_pages, target)) == NULL)
            continue;
          index = pathways_markdown_doc_find_anchor (target_info->doc, anchor);
          if (index < 0)
            continue;
          draft = g_hash_table_lookup (target_info->levels, GUINT_TO_POINTER (index));
          if (draft != NULL)
            g_hash_table_add (hits, draft);
        }
      if (g_hash_table_size (hits) > best_count)
        best = info, best_count = g_hash_table_size (hits);
    }

  if (best == NULL || best_count < 2)
    return NULL;

  for (guint j = 0, order = 0; j < best->links->len; j++)
    {
      OverviewLink *link = g_ptr_array_index (best->links, j);
      g_autofree char *target = NULL;
      g_autofree char *anchor = NULL;
      PageInfo *target_info;
      LevelDraft *draft;
      int index;

      if (pathways_handbook_resolve_link (handbook, best->path, link->href, &target,
                                          &anchor) != PATHWAYS_LINK_PAGE
          || anchor == NULL
          || (target_info = g_hash_table_lookup (path_pages, target)) == NULL)
        continue;
      index = pathways_markdown_doc_find_anchor (target_info->doc, anchor);
      draft = index >= 0 ? g_hash_table_lookup (target_info->levels,
                                                GUINT_TO_POINTER (index)) : NULL;
      if (draft == NULL || draft->overview_index >= 0)
        continue;

      draft->overview_index = order++;
      if (link->summary != NULL)
        {
          g_free (draft->level->summary);
          draft->level->summary = g_strdup (link->summary);
        }

      /* The path is ranked by the first of its levels the overview mentions. */
      for (guint p = 0; p < target_info->paths->len; p++)
        {
          PathDraft *path = g_ptr_array_index (target_info->paths, p);

          if (path->overview_index < 0 && g_ptr_array_find (path->levels, draft, NULL))
            path->overview_index = draft->overview_index;
        }
    }

  return g_strdup (best->path);
}

/**
 * pathways_ladder_load:
 * @handbook: a loaded handbook
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads every page of @handbook and finds its career ladder: pages where an H1 (or the page
 * itself) is a path and its H2 sections are levels with competencies or responsibilities,
 * ordered and summarised by the overview page that links to them, if there is one. Reads
 * files: call it from a worker thread for a big handbook.
 *
 * Returns: (transfer full): the ladder, or %NULL with %PATHWAYS_LADDER_ERROR_NO_LADDER (or a
 *   %G_IO_ERROR_CANCELLED) set
 */
PathwaysLadder *
pathways_ladder_load (PathwaysHandbook  *handbook,
                      GCancellable      *cancellable,
                      GError           **error)
{
  return pathways_ladder_load_pages (handbook, NULL, cancellable, error);
}

/**
 * pathways_ladder_load_pages:
 * @handbook: a loaded handbook
 * @ladder_pages: (nullable) (array zero-terminated=1): the pages that hold the ladder's
 *   paths, as the person chose them when detection was wrong; %NULL to detect them
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Like pathways_ladder_load(), but only @ladder_pages can hold paths, and each of them does
 * as long as it has levels. Other pages may still be the overview.
 *
 * Returns: (transfer full): the ladder, or %NULL with an error set
 */
PathwaysLadder *
pathways_ladder_load_pages (PathwaysHandbook   *handbook,
                            const char * const *ladder_pages,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (page_info_free);
  g_autoptr(GHashTable) path_pages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new ();
  const char *home;
  PathwaysLadder *ladder;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (handbook), NULL);

  home = pathways_handbook_get_home_page (handbook);
  if (home != NULL)
    {
      g_hash_table_add (seen, g_strdup (home));
      g_ptr_array_add (pages, g_strdup (home));
    }
  collect_pages (pathways_handbook_get_tree (handbook), pages, seen);

  for (guint i = 0; i < pages->len; i++)
    {
      const char *page = g_ptr_array_index (pages, i);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *text = NULL;
      PathwaysPageNode *node;
      PageInfo *info;
      gsize len = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      text = pathways_handbook_read_page (handbook, page, &len, &read_error);
      if (text == NULL)
        {
          /* A page that vanished or can't be read just isn't part of the ladder. */
          g_debug ("Page %s not read: %s", page, read_error->message);
          continue;
        }

      info = g_new0 (PageInfo, 1);
      info->path = g_strdup (page);
      info->doc = pathways_markdown_doc_parse (text, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
      node = pathways_handbook_lookup (handbook, page);
      if (info->doc->title != NULL)
        info->title = g_strdup (info->doc->title);
      else if (node != NULL && !pathways_page_node_is_folder (node))
        info->title = g_strdup (pathways_page_node_get_title (node));
      else
        info->title = g_path_get_basename (page);
      info->levels = g_hash_table_new (NULL, NULL);
      info->paths = g_ptr_array_new_with_free_func (path_draft_free);
      info->chosen = ladder_pages != NULL && g_strv_contains (ladder_pages, page);

      if (ladder_pages == NULL || info->chosen)
        find_paths (info);

      if (info->paths->len > 0)
        {
          g_hash_table_insert (path_pages, info->path, info);
          g_ptr_array_extend (drafts, info->paths, NULL, NULL);
        }
      else
        {
          info->links = collect_anchor_links (info->doc);
          if (info->links->len < 2)
            g_clear_pointer (&info->links, g_ptr_array_unref);
          /* Only path pages' headings are needed later: don't hold every page in memory. */
          g_clear_pointer (&info->doc, pathways_markdown_doc_free);
        }
      g_ptr_array_add (infos, info);
    }

  if (drafts->len == 0)
    {
      g_set_error (error, PATHWAYS_LADDER_ERROR, PATHWAYS_LADDER_ERROR_NO_LADDER,
                   _("No career ladder was found in this handbook. A ladder is a page whose "
                     "sections are levels with competencies or responsibilities."));
      return NULL;
    }

  ladder = g_new0 (PathwaysLadder, 1);
  ladder->paths = g_ptr_array_new_with_free_func (path_free);
  ladder->keys = g_hash_table_new (g_str_hash, g_str_equal);
  ladder->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  ladder->overview = apply_overview (handbook, infos, path_pages);

  g_ptr_array_sort (drafts, compare_paths);
  for (guint i = 0; i < drafts->len; i++)
    {
      PathDraft *draft = g_ptr_array_index (drafts, i);
      PathwaysPath *path = g_new0 (PathwaysPath, 1);

      g_ptr_array_sort (draft->levels, compare_levels);
      path->title = g_strdup (draft->title);
      path->page = g_strdup (draft->page);
      path->levels = g_ptr_array_new_with_free_func (level_free);
      for (guint j = 0; j < draft->levels->len; j++)
        {
          LevelDraft *level = g_ptr_array_index (draft->levels, j);

          if (level->level->summary == NULL && level->first_para != NULL)
            level->level->summary = g_steal_pointer (&level->first_para);
          g_ptr_array_add (path->levels, g_steal_pointer (&level->level));
        }
      g_ptr_array_add (ladder->paths, path);
    }

  assign_keys (ladder);
  return ladder;
}

/* ---- keys and changes ---- */

/**
 * pathways_ladder_lookup_key:
 * @ladder: a ladder
 * @key: an expectation's key
 *
 * Returns: (nullable): the text of the competency or responsibility with @key, or %NULL if
 *   the ladder has none
 */
const char *
pathways_ladder_lookup_key (PathwaysLadder *ladder,
                            const char     *key)
{
  gpointer expectation;
  int kind;

  g_return_val_if_fail (ladder != NULL, NULL);

  if (key == NULL || (expectation = g_hash_table_lookup (ladder->keys, key)) == NULL)
    return NULL;
  kind = GPOINTER_TO_INT (g_hash_table_lookup (ladder->kinds, key));
  if (kind == KIND_COMPETENCY)
    return ((PathwaysCompetency *) expectation)->text;
  return ((PathwaysResponsibility *) expectation)->text;
}

/**
 * pathways_ladder_dup_snapshot:
 * @ladder: a ladder
 *
 * The text of every expectation by key — what is recorded with a rating, to compare later
 * with pathways_ladder_compare().
 *
 * Returns: (transfer full) (element-type utf8 utf8): key → text
 */
GHashTable *
pathways_ladder_dup_snapshot (PathwaysLadder *ladder)
{
  GHashTable *snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ladder != NULL, snapshot);

  g_hash_table_iter_init (&iter, ladder->keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_insert (snapshot, g_strdup (key),
                         g_strdup (pathways_ladder_lookup_key (ladder, key)));
  return snapshot;
}

/* Words in common over words in either, for telling a reworded responsibility from a new
 * one. */
static double
word_similarity (const char *a,
                 const char *b)
{
  g_autofree char *na = pathways_ladder_normalize (a);
  g_autofree char *nb = pathways_ladder_normalize (b);
  g_auto(GStrv) wa = g_strsplit (na, " ", -1);
  g_auto(GStrv) wb = g_strsplit (nb, " ", -1);
  g_autoptr(GHashTable) set_a = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) set_b = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer word;
  guint common = 0;
  guint all;

  for (guint i = 0; wa[i] != NULL; i++)
    if (wa[i][0] != '\0')
      g_hash_table_add (set_a, wa[i]);
  for (guint i = 0; wb[i] != NULL; i++)
    if (wb[i][0] != '\0')
      g_hash_table_add (set_b, wb[i]);

  g_hash_table_iter_init (&iter, set_a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (set_b, word))
      common++;

  all = g_hash_table_size (set_a) + g_hash_table_size (set_b) - common;
  return all > 0 ? (double) common / all : 0;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 ((*(PathwaysLadderChange **) a)->key, (*(PathwaysLadderChange **) b)->key);
}

/**
 * pathways_ladder_compare:
 * @ladder: the ladder as the handbook has it now
 * @snapshot: (element-type utf8 utf8): key → text, as recorded when expectations were rated
 *   (see pathways_ladder_dup_snapshot())
 *
 * Says, for each recorded key, whether its expectation is unchanged, changed (with the new
 * text, and the new key when a reworded responsibility got one) or removed. Cosmetic edits
 * (spacing, punctuation, case) count as unchanged. A responsibility whose key is gone is
 * matched to a new responsibility of the same level sharing at least half its words.
 *
 * Returns: (transfer full) (element-type PathwaysLadderChange): one change per key, sorted
 *   by key
 */
GPtrArray *
pathways_ladder_compare (PathwaysLadder *ladder,
                         GHashTable     *snapshot)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                       pathways_ladder_change_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ladder != NULL && snapshot != NULL, changes);

  g_hash_table_iter_init (&iter, snapshot);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PathwaysLadderChange *change = g_new0 (PathwaysLadderChange, 1);
      const char *now = pathways_ladder_lookup_key (ladder, key);

      change->key = g_strdup (key);
      change->old_text = g_strdup (value);
      if (now != NULL)
        {
          g_autofree char *old_norm = pathways_ladder_normalize (value);
          g_autofree char *new_norm = pathways_ladder_normalize (now);

          change->status = g_str_equal (old_norm, new_norm) ? PATHWAYS_LADDER_KEY_UNCHANGED
                                                            : PATHWAYS_LADDER_KEY_CHANGED;
          change->new_text = g_strdup (now);
          change->new_key = g_strdup (key);
        }
      else
        change->status = PATHWAYS_LADDER_KEY_REMOVED;
      g_ptr_array_add (changes, change);
    }

  /* Reworded responsibilities: their new keys are the ones nobody recorded. */
  for (guint i = 0; i < changes->len; i++)
    {
      PathwaysLadderChange *change = g_ptr_array_index (changes, i);
      const char *mark = strstr (change->key, "/r:");
      const char *best_key = NULL;
      double best = 0.5;

      if (change->status != PATHWAYS_LADDER_KEY_REMOVED || mark == NULL)
        continue;

      g_hash_table_iter_init (&iter, ladder->kinds);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double similarity;

          if (GPOINTER_TO_INT (value) != KIND_RESPONSIBILITY
              || strncmp (key, change->key, mark - change->key + 3) != 0
              || g_hash_table_contains (snapshot, key) || g_hash_table_contains (taken, key))
            continue;
          similarity = word_similarity (change->old_text, pathways_ladder_lookup_key (ladder,
                                                                                     key));
          if (similarity >= best)
            best = similarity, best_key = key;
        }

      if (best_key != NULL)
        {
          g_hash_table_add (taken, (gpointer) best_key);
          change->status = PATHWAYS_LADDER_KEY_CHANGED;
          change->new_key = g_strdup (best_key);
          change->new_text = g_strdup (pathways_ladder_lookup_key (ladder, best_key));
        }
    }

  g_ptr_array_sort (changes, compare_changes);
  return changes;
}

/* ---- JSON ---- */

/**
 * pathways_json_append_string:
 * @out: where to write
 * @text: (nullable): UTF-8 text
 *
 * Appends @text as a JSON string (or `null`), for the command line's JSON outputs.
 */
void
pathways_json_append_string (GString    *out,
                             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_json_responsibilities (GString   *out,
                              GPtrArray *responsibilities,
                              guint      depth)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < responsibilities->len; i++)
    {
      PathwaysResponsibility *responsibility = g_ptr_array_index (responsibilities, i);

      append_indent (out, depth + 1);
      g_string_append (out, "{\"key\": ");
      pathways_json_append_string (out, responsibility->key);
      g_string_append (out, ", \"text\": ");
      pathways_json_append_string (out, responsibility->text);
      g_string_append (out, ", \"children\": ");
      append_json_responsibilities (out, responsibility->children, depth + 1);
      g_string_append_c (out, '}');
      if (i + 1 < responsibilities->len)
        g_string_append_c (out, ',');
    }
  if (responsibilities->len > 0)
    append_indent (out, depth);
  g_string_append_c (out, ']');
}

/**
 * pathways_ladder_to_json:
 * @ladder: a ladder
 * @handbook_dir: (nullable): the handbook folder, as it should appear in the output
 *
 * Writes the ladder as JSON for scripts and spreadsheets (`pathways --print-ladder`):
 * `{"handbook", "paths": [{"title", "page", "levels": [{"title", "code", "page", "anchor",
 * "summary", "competencies": [{"key", "label", "text"}], "responsibilities": [{"key",
 * "text", "children"}]}]}]}`, with null for a missing code or summary.
 *
 * Returns: (transfer full): UTF-8 JSON text ending with a newline
 */
char *
pathways_ladder_to_json (PathwaysLadder *ladder,
                         const char     *handbook_dir)
{
  GString *out = g_string_new ("{\"handbook\": ");

  g_return_val_if_fail (ladder != NULL, NULL);

  pathways_json_append_string (out, handbook_dir);
  g_string_append (out, ",\n  \"paths\": [");
  for (guint i = 0; i < ladder->paths->len; i++)
    {
      PathwaysPath *path = g_ptr_array_index (ladder->paths, i);

      append_indent (out, 2);
      g_string_append (out, "{\"title\": ");
      pathways_json_append_string (out, path->title);
      g_string_append (out, ", \"page\": ");
      pathways_json_append_string (out, path->page);
      g_string_append (out, ",\n     \"levels\": [");
      for (guint j = 0; j < path->levels->len; j++)
        {
          PathwaysLevel *level = g_ptr_array_index (path->levels, j);

          append_indent (out, 3);
          g_string_append (out, "{\"title\": ");
          pathways_json_append_string (out, level->title);
          g_string_append (out, ", \"code\": ");
          pathways_json_append_string (out, level->code);
          g_string_append (out, ", \"page\": ");
          pathways_json_append_string (out, level->page);
          g_string_append (out, ", \"anchor\": ");
          pathways_json_append_string (out, level->anchor);
          g_string_append (out, ",");
          append_indent (out, 4);
          g_string_append (out, "\"summary\": ");
          pathways_json_append_string (out, level->summary);
          g_string_append (out, ",");
          append_indent (out, 4);
          g_string_append (out, "\"competencies\": [");
          for (guint k = 0; k < level->competencies->len; k++)
            {
              PathwaysCompetency *competency = g_ptr_array_index (level->competencies, k);

              append_indent (out, 5);
              g_string_append (out, "{\"key\": ");
              pathways_json_append_string (out, competency->key);
              g_string_append (out, ", \"label\": ");
              pathways_json_append_string (out, competency->label);
              g_string_append (out, ", \"text\": ");
              pathways_json_append_string (out, competency->text);
              g_string_append_c (out, '}');
              if (k + 1 < level->competencies->len)
                g_string_append_c (out, ',');
            }
          if (level->competencies->len > 0)
            append_indent (out, 4);
          g_string_append (out, "],");
          append_indent (out, 4);
          g_string_append (out, "\"responsibilities\": ");
          append_json_responsibilities (out, level->responsibilities, 4);
          g_string_append_c (out, '}');
          if (j + 1 < path->levels->len)
            g_string_append_c (out, ',');
        }
      append_indent (out, 2);
      g_string_append (out, "]}");
      if (i + 1 < ladder->paths->len)
        g_string_append_c (out, ',');
    }
  append_indent (out, 1);
  g_string_append (out, "]\n}\n");

  return g_string_free (out, FALSE);
}

/* A person's level is free text: "Engineer II (IC 3)", "Engineer II", "IC 3" all name the
 * same level. */
static gboolean
level_matches (const PathwaysLevel *level,
               const char          *wanted)
{
  g_autofree char *want = pathways_ladder_normalize (wanted);
  g_autofree char *title = pathways_ladder_normalize (level->title);
  g_autofree char *display = NULL;
  g_autofree char *display_norm = NULL;
  g_autofree char *code = NULL;

  if (g_strcmp0 (want, title) == 0)
    return TRUE;
  if (level->code == NULL)
    return FALSE;
  code = pathways_ladder_normalize (level->code);
  display = pathways_level_dup_display_name (level);
  display_norm = pathways_ladder_normalize (display);
  return g_strcmp0 (want, code) == 0 || g_strcmp0 (want, display_norm) == 0;
}

/**
 * pathways_level_dup_display_name:
 * @level: a level
 *
 * Returns: (transfer full): the level as people write it: "Engineer II (IC 3)"
 */
char *
pathways_level_dup_display_name (const PathwaysLevel *level)
{
  g_return_val_if_fail (level != NULL, NULL);

  if (level->code == NULL)
    return g_strdup (level->title);
  return g_strdup_printf ("%s (%s)", level->title, level->code);
}

/**
 * pathways_level_dup_choice_name:
 * @path: the path @level is on
 * @level: a level
 *
 * Returns: (transfer full): the level as lists of every level show it:
 *   "Software Engineer — Engineer II (IC 3)"
 */
char *
pathways_level_dup_choice_name (const PathwaysPath  *path,
                                const PathwaysLevel *level)
{
  g_autofree char *display = pathways_level_dup_display_name (level);

  /* Translators: a level in a list of every level: the ladder path, then the level */
  return g_strdup_printf (_("%s — %s"), path->title, display);
}

/**
 * pathways_ladder_get_path_of_level:
 * @level: a level of @ladder
 *
 * Returns: (nullable): the path @level is on
 */
const PathwaysPath *
pathways_ladder_get_path_of_level (const PathwaysLadder *ladder,
                                   const PathwaysLevel  *level)
{
  for (guint i = 0; ladder != NULL && i < ladder->paths->len; i++)
    {
      const PathwaysPath *path = g_ptr_array_index (ladder->paths, i);

      if (g_ptr_array_find (path->levels, level, NULL))
        return path;
    }
  return NULL;
}

/**
 * pathways_ladder_find_level:
 * @path: (nullable): the path's title; %NULL to look in every path
 * @level: the level as written: its title, its code, or "title (code)"
 * @found_path: (out) (optional): the path the level is on
 *
 * Finds a level by the free text a person record holds, case and punctuation aside.
 *
 * Returns: (nullable): the level, owned by @ladder
 */
const PathwaysLevel *
pathways_ladder_find_level (const PathwaysLadder *ladder,
                            const char           *path,
                            const char           *level,
                            const PathwaysPath  **found_path)
{
  g_autofree char *want_path = path != NULL ? pathways_ladder_normalize (path) : NULL;

  if (found_path != NULL)
    *found_path = NULL;
  if (ladder == NULL || level == NULL)
    return NULL;

  /* The named path first; a level title unique enough is found on any path too, since
   * people move between paths and records lag behind. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ladder->paths->len; i++)
      {
        const PathwaysPath *p = g_ptr_array_index (ladder->paths, i);
        g_autofree char *title = pathways_ladder_normalize (p->title);

        if (pass == 0 && (want_path == NULL || g_strcmp0 (title, want_path) != 0))
          continue;
        for (guint j = 0; j < p->levels->len; j++)
          {
            const PathwaysLevel *l = g_ptr_array_index (p->levels, j);

            if (level_matches (l, level))
              {
                if (found_path != NULL)
                  *found_path = p;
                return l;
              }
          }
      }
  return NULL;
}

/**
 * pathways_ladder_next_level:
 * @level: a level of @ladder
 * @found_path: (out) (optional): the path of the next level
 *
 * Returns: (nullable): the level after @level on its path, or %NULL at the top
 */
const PathwaysLevel *
pathways_ladder_next_level (const PathwaysLadder *ladder,
                            const PathwaysLevel  *level,
                            const PathwaysPath  **found_path)
{
  if (found_path != NULL)
    *found_path = NULL;
  if (ladder == NULL || level == NULL)
    return NULL;

  for (guint i = 0; i < ladder->paths->len; i++)
    {
      const PathwaysPath *p = g_ptr_array_index (ladder->paths, i);

      for (guint j = 0; j + 1 < p->levels->len; j++)
        if (g_ptr_array_index (p->levels, j) == level)
          {
            if (found_path != NULL)
              *found_path = p;
            return g_ptr_array_index (p->levels, j + 1);
          }
    }
  return NULL;
}

/**
 * pathways_ladder_find_target:
 * @ladder: a ladder
 * @path: (nullable): a person's career path
 * @level: (nullable): their level
 * @target_path: (nullable): the path of the level they aim for
 * @target_level: (nullable): the level they aim for; %NULL for the next one on their path
 * @current: (out) (optional): their current level in the ladder, or %NULL if not found
 *
 * Returns: (nullable): the level a person works toward — the chosen one if the ladder has
 *   it, else the next level on their path, else (at the top of a path) their current one
 */
const PathwaysLevel *
pathways_ladder_find_target (const PathwaysLadder  *ladder,
                             const char            *path,
                             const char            *level,
                             const char            *target_path,
                             const char            *target_level,
                             const PathwaysLevel  **current)
{
  const PathwaysLevel *found = NULL;
  const PathwaysLevel *target = NULL;

  g_return_val_if_fail (ladder != NULL, NULL);

  if (level != NULL)
    found = pathways_ladder_find_level (ladder, path, level, NULL);
  if (target_level != NULL)
    target = pathways_ladder_find_level (ladder, target_path, target_level, NULL);
  if (target == NULL && found != NULL)
    target = pathways_ladder_next_level (ladder, found, NULL);
  if (current != NULL)
    *current = found;

  /* At the top of a path, the current level is what there is to keep. */
  return target != NULL ? target : found;
}
