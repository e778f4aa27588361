/* pathways-markdown.c: cmark parsing plus what cmark leaves out — input clean-up, front
 * matter, GitHub-style heading ids and an anchor resolver forgiving enough for real handbooks.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-markdown"

#include "config.h"

#include <string.h>

#include "pathways-markdown.h"

#define REPLACEMENT_CHAR "\357\277\275" /* U+FFFD in UTF-8 */

/**
 * pathways_markdown_sanitize:
 * @text: bytes of unknown encoding
 * @len: number of bytes in @text
 * @had_invalid_utf8: (out) (optional): set to whether invalid bytes were replaced
 * @had_nul: (out) (optional): set to whether NUL bytes were replaced
 *
 * Makes @text safe to hand to cmark and GTK: a leading byte order mark is dropped, and every
 * NUL byte and every byte that is not part of a valid UTF-8 sequence becomes U+FFFD.
 *
 * Returns: (transfer full): NUL-terminated valid UTF-8
 */
char *
pathways_markdown_sanitize (const char *text,
                            gsize       len,
                            gboolean   *had_invalid_utf8,
                            gboolean   *had_nul)
{
  GString *out;
  const char *p;
  const char *end;
  gboolean invalid = FALSE;
  gboolean nul = FALSE;

  if (text == NULL)
    text = "", len = 0;
  p = text;
  end = text + len;

  if (end - p >= 3 && memcmp (p, "\357\273\277", 3) == 0)
    p += 3;

  out = g_string_sized_new ((end - p) + 1);

  while (p < end)
    {
      const char *valid_end = NULL;

      /* g_utf8_validate_len() stops at a NUL inside the range, which is what we want:
       * copy the valid run, then deal with the one offending byte. */
      if (g_utf8_validate_len (p, end - p, &valid_end))
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, valid_end - p);
      if (*valid_end == '\0')
        nul = TRUE;
      else
        invalid = TRUE;
      g_string_append (out, REPLACEMENT_CHAR);
      p = valid_end + 1;
    }

  if (had_invalid_utf8 != NULL)
    *had_invalid_utf8 = invalid;
  if (had_nul != NULL)
    *had_nul = nul;

  return g_string_free (out, FALSE);
}

/* If @line (at the start of a line) is @fence followed only by blanks, returns the start of
 * the next line (or the end of the text); else NULL. */
static const char *
match_fence_line (const char *line,
                  const char *fence)
{
  gsize fence_len = strlen (fence);
  const char *p;

  if (strncmp (line, fence, fence_len) != 0)
    return NULL;

  for (p = line + fence_len; *p == ' ' || *p == '\t' || *p == '\r'; p++)
    ;

  if (*p == '\n')
    return p + 1;
  if (*p == '\0')
    return p;
  return NULL;
}

/**
 * pathways_markdown_split_front_matter:
 * @text: NUL-terminated Markdown
 * @front_matter: (out) (transfer full) (nullable): the front matter without its fences
 *
 * Finds YAML front matter (`---` … `---` or `...`) or TOML front matter (`+++` … `+++`, as
 * Hugo writes it) at the very start of @text. An opening fence without a closing one is not
 * front matter: the page is shown as it is.
 *
 * Returns: (transfer none): the body, inside @text
 */
const char *
pathways_markdown_split_front_matter (const char  *text,
                                      char       **front_matter)
{
  const char *inner;
  const char *line;
  gboolean toml = FALSE;

  if (front_matter != NULL)
    *front_matter = NULL;

  if (text == NULL)
    return NULL;

  inner = match_fence_line (text, "---");
  if (inner == NULL)
    {
      inner = match_fence_line (text, "+++");
      toml = TRUE;
    }
  /* A fence alone at the end of the file has no closing fence. */
  if (inner == NULL || *inner == '\0')
    return text;

  for (line = inner; *line != '\0';)
    {
      const char *after;
      const char *nl;

      if (toml)
        after = match_fence_line (line, "+++");
      else if ((after = match_fence_line (line, "---")) == NULL)
        after = match_fence_line (line, "...");

      if (after != NULL)
        {
          if (front_matter != NULL)
            *front_matter = g_strndup (inner, line - inner);
          return after;
        }

      nl = strchr (line, '\n');
      if (nl == NULL)
        break;
      line = nl + 1;
    }

  return text;
}

/* Reads a double-quoted YAML/TOML scalar starting after the opening quote. */
static char *
dup_double_quoted (const char *p)
{
  GString *s = g_string_new (NULL);

  for (; *p != '\0' && *p != '"' && *p != '\n'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
        {
          p++;
          switch (*p)
            {
            case 'n': g_string_append_c (s, '\n'); break;
            case 't': g_string_append_c (s, '\t'); break;
            default: g_string_append_c (s, *p); break;
            }
        }
      else
        g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

/* Reads a single-quoted YAML scalar, where '' stands for one quote. */
static char *
dup_single_quoted (const char *p)
{
  GString *s = g_string_new (NULL);

  for (; *p != '\0' && *p != '\n'; p++)
    {
      if (*p == '\'')
        {
          if (p[1] != '\'')
            break;
          p++;
        }
      g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

/* Joins the indented lines after a `key: |` or `key: >` line. */
static char *
dup_block_scalar (const char *next_line,
                  gboolean    literal)
{
  GString *s = g_string_new (NULL);
  const char *line = next_line;

  while (line != NULL && (*line == ' ' || *line == '\t' || *line == '\n' || *line == '\r'))
    {
      const char *nl = strchr (line, '\n');
      g_autofree char *content = nl ? g_strndup (line, nl - line) : g_strdup (line);

      g_strstrip (content);
      if (*content != '\0')
        {
          if (s->len > 0)
            g_string_append_c (s, literal ? '\n' : ' ');
          g_string_append (s, content);
        }
      line = nl ? nl + 1 : NULL;
    }

  return g_string_free (s, FALSE);
}

/**
 * pathways_front_matter_dup_value:
 * @front_matter: (nullable): YAML (or TOML) front matter
 * @key: a top-level key
 *
 * Reads a top-level scalar, without pulling in a YAML parser: `key: value`, `key: "a: b"`,
 * `key: 'it''s'`, `key = "toml"`, with trailing comments removed. Nested and indented keys
 * are not top-level and are ignored.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when absent or empty
 */
char *
pathways_front_matter_dup_value (const char *front_matter,
                                 const char *key)
{
  gsize key_len;
  const char *line;

  g_return_val_if_fail (key != NULL, NULL);

  if (front_matter == NULL)
    return NULL;

  key_len = strlen (key);

  for (line = front_matter; line != NULL && *line != '\0';)
    {
      const char *nl = strchr (line, '\n');
      const char *next = nl ? nl + 1 : NULL;
      const char *p;
      g_autofree char *value = NULL;

      if (strncmp (line, key, key_len) != 0)
        {
          line = next;
          continue;
        }

      for (p = line + key_len; *p == ' ' || *p == '\t'; p++)
        ;
      if (*p != ':' && *p != '=')
        {
          line = next;
          continue;
        }
      for (p++; *p == ' ' || *p == '\t'; p++)
        ;

      if (*p == '"')
        value = dup_double_quoted (p + 1);
      else if (*p == '\'')
        value = dup_single_quoted (p + 1);
      else if ((*p == '|' || *p == '>') &&
               (p[1] == '\n' || p[1] == '\r' || p[1] == '\0' || p[1] == '-' || p[1] == '+'))
        value = dup_block_scalar (next, *p == '|');
      else
        {
          const char *q;

          value = nl ? g_strndup (p, nl - p) : g_strdup (p);
          /* A comment starts at a '#' after a blank; "C# guide" keeps its '#'. */
          for (q = value; *q != '\0'; q++)
            {
              if (*q == '#' && (q == value || q[-1] == ' ' || q[-1] == '\t'))
                {
                  value[q - value] = '\0';
                  break;
                }
            }
          g_strstrip (value);
          if (g_str_equal (value, "~") || g_str_equal (value, "null"))
            value[0] = '\0';
        }

      if (value[0] == '\0')
        return NULL;

      return g_steal_pointer (&value);
    }

  return NULL;
}

/* GitHub keeps letters, marks, numbers and connector punctuation ('_'), in any script. */
static gboolean
slug_keeps (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;
    default:
      return c == '-';
    }
}

/**
 * pathways_markdown_slugify:
 * @text: heading text
 *
 * Computes the anchor GitHub gives a heading: lowercase, punctuation dropped, each space
 * turned into '-' (runs are not collapsed, so "A / B" becomes "a--b").
 *
 * Returns: (transfer full): the slug, possibly empty
 */
char *
pathways_markdown_slugify (const char *text)
{
  g_autofree char *lower = NULL;
  GString *slug;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (text, -1);
  g_strstrip (lower);
  slug = g_string_sized_new (strlen (lower));

  for (p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (slug, '-');
      else if (slug_keeps (c))
        g_string_append_unichar (slug, c);
    }

  return g_string_free (slug, FALSE);
}

static void
append_inline_text (GString    *s,
                    cmark_node *node,
                    gboolean    with_html)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);

      if (ev == CMARK_EVENT_ENTER)
        {
          switch (type)
            {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
              g_string_append (s, cmark_node_get_literal (cur));
              break;
            case CMARK_NODE_HTML_INLINE:
              if (with_html)
                g_string_append (s, cmark_node_get_literal (cur));
              break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
              g_string_append_c (s, ' ');
              break;
            default:
              break;
            }
        }
      else if (ev == CMARK_EVENT_EXIT && cur != node &&
               type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK)
        {
          /* Blocks inside a container (list items, quotes) read as separate words. */
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
    }

  cmark_iter_free (iter);
}

/**
 * pathways_markdown_node_dup_text:
 * @node: a cmark node, usually a heading or paragraph
 *
 * Extracts the plain text a reader sees: text and code spans, line breaks as spaces, image
 * alt text; inline HTML is left out.
 *
 * Returns: (transfer full): the text, without leading or trailing blanks
 */
char *
pathways_markdown_node_dup_text (cmark_node *node)
{
  GString *s = g_string_new (NULL);

  if (node != NULL)
    append_inline_text (s, node, FALSE);

  return g_strstrip (g_string_free (s, FALSE));
}

/* Whether @p starts a TOC marker; advances @p past it. */
static gboolean
skip_toc_marker (const char **p)
{
  static const char * const markers[] = { "[[_toc_]]", "[[toc]]", "[toc]", "${toc}" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gsize n = strlen (markers[i]);

      if (g_ascii_strncasecmp (*p, markers[i], n) == 0)
        {
          *p += n;
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether @p starts a Hugo shortcode `{{< … >}}` or `{{% … %}}`; advances @p past it. */
static gboolean
skip_shortcode (const char **p)
{
  const char *close;
  char delim;

  if (strncmp (*p, "{{", 2) != 0 || ((*p)[2] != '<' && (*p)[2] != '%'))
    return FALSE;

  delim = (*p)[2];
  close = strstr (*p + 3, delim == '<' ? ">}}" : "%}}");
  if (close == NULL)
    return FALSE;

  *p = close + 3;
  return TRUE;
}

/**
 * pathways_markdown_node_is_directive:
 * @node: a cmark node
 *
 * Tells whether @node is a paragraph that holds nothing but site-generator directives —
 * Hugo shortcodes or table-of-contents markers — which mean nothing to a reader.
 *
 * Returns: %TRUE if the node should be hidden
 */
gboolean
pathways_markdown_node_is_directive (cmark_node *node)
{
  GString *s;
  g_autofree char *text = NULL;
  const char *p;

  if (node == NULL || cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH)
    return FALSE;

  /* Shortcodes like {{<figure src="x">}} contain what cmark takes for inline HTML. */
  s = g_string_new (NULL);
  append_inline_text (s, node, TRUE);
  text = g_strstrip (g_string_free (s, FALSE));

  if (*text == '\0')
    return FALSE;

  for (p = text; *p != '\0';)
    {
      if (!skip_shortcode (&p) && !skip_toc_marker (&p))
        return FALSE;
      while (g_ascii_isspace (*p))
        p++;
    }

  return TRUE;
}

static void
heading_free (gpointer data)
{
  PathwaysHeading *heading = data;

  g_free (heading->text);
  g_free (heading->id);
  g_free (heading);
}

/**
 * pathways_markdown_doc_free:
 * @doc: (nullable): a parsed document
 *
 * Frees @doc and its cmark tree.
 */
void
pathways_markdown_doc_free (PathwaysMarkdownDoc *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->root, cmark_node_free);
  g_clear_pointer (&doc->headings, g_ptr_array_unref);
  g_free (doc->front_matter);
  g_free (doc->title);
  g_free (doc->body);
  g_free (doc);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == ':' || c == '.' || (c & 0x80);
}

/* Parses a Pandoc/Hugo attribute block `{#id .class key=val}` that ends @literal. On success
 * returns the id and sets @prefix_len to the length of the text before the block. */
static char *
dup_attribute_id (const char *literal,
                  gsize      *prefix_len)
{
  const char *end = literal + strlen (literal);
  const char *open;
  const char *p;
  g_autofree char *id = NULL;

  while (end > literal && g_ascii_isspace (end[-1]))
    end--;
  if (end == literal || end[-1] != '}')
    return NULL;

  for (open = end - 1; open > literal && open[-1] != '{'; open--)
    ;
  if (open == literal || (open[0] != '#' && open[0] != '.'))
    return NULL;
  open--;  /* at '{' */

  for (p = open + 1; p < end - 1;)
    {
      const char *start;

      while (p < end - 1 && *p == ' ')
        p++;
      start = p;
      while (p < end - 1 && *p != ' ')
        p++;
      if (p == start)
        continue;

      if (*start == '#')
        {
          const char *q;

          for (q = start + 1; q < p; q++)
            if (!is_id_char (*q))
              return NULL;
          if (p - start > 1 && id == NULL)
            id = g_strndup (start + 1, p - start - 1);
        }
      else if (*start != '.' && memchr (start, '=', p - start) == NULL)
        return NULL;
    }

  if (id == NULL)
    return NULL;

  while (open > literal && g_ascii_isspace (open[-1]))
    open--;
  *prefix_len = open - literal;

  return g_steal_pointer (&id);
}

/* Removes a trailing `{#id}` from @heading's last text node; returns the id or NULL. */
static char *
take_heading_attribute (cmark_node *heading)
{
  cmark_node *last;
  const char *literal;
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;
  gsize prefix_len = 0;

  /* cmark splits text at '_' and other delimiters; "{#my_id}" must read as one string. */
  cmark_consolidate_text_nodes (heading);

  last = cmark_node_last_child (heading);
  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_TEXT)
    return NULL;

  literal = cmark_node_get_literal (last);
  if (literal == NULL || (id = dup_attribute_id (literal, &prefix_len)) == NULL)
    return NULL;

  if (prefix_len == 0)
    {
      cmark_node_unlink (last);
      cmark_node_free (last);
    }
  else
    {
      prefix = g_strndup (literal, prefix_len);
      cmark_node_set_literal (last, prefix);
    }

  return g_steal_pointer (&id);
}

/* Makes @id unique the way GitHub does: the second "foo" becomes "foo-1", then "foo-2",
 * skipping any id that is already taken. */
static char *
dup_unique_id (GHashTable *used,
               const char *id)
{
  gpointer count_ptr;
  guint count;
  char *candidate;

  if (!g_hash_table_lookup_extended (used, id, NULL, &count_ptr))
    {
      g_hash_table_insert (used, g_strdup (id), GUINT_TO_POINTER (0));
      return g_strdup (id);
    }

  count = GPOINTER_TO_UINT (count_ptr);
  do
    {
      count++;
      candidate = g_strdup_printf ("%s-%u", id, count);
      if (!g_hash_table_contains (used, candidate))
        break;
      g_free (candidate);
    }
  while (TRUE);

  g_hash_table_insert (used, g_strdup (id), GUINT_TO_POINTER (count));
  g_hash_table_insert (used, g_strdup (candidate), GUINT_TO_POINTER (0));

  return candidate;
}

static void
collect_headings (PathwaysMarkdownDoc *doc)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cmark_iter *iter = cmark_iter_new (doc->root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      PathwaysHeading *heading;
      g_autofree char *custom_id = NULL;
      g_autofree char *slug = NULL;

      /* Headings are leaves for our purposes: edit them on EXIT, once the iterator is done
       * with their children, so unlinking a child cannot disturb the walk. */
      if (ev != CMARK_EVENT_EXIT || cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;

      heading = g_new0 (PathwaysHeading, 1);
      heading->node = node;
      heading->level = cmark_node_get_heading_level (node);
      custom_id = take_heading_attribute (node);
      heading->text = pathways_markdown_node_dup_text (node);

      if (custom_id != NULL)
        heading->id = dup_unique_id (used, custom_id);
      else
        {
          slug = pathways_markdown_slugify (heading->text);
          heading->id = dup_unique_id (used, *slug != '\0' ? slug : "section");
        }

      g_ptr_array_add (doc->headings, heading);
    }

  cmark_iter_free (iter);
}

/**
 * pathways_markdown_doc_parse:
 * @text: Markdown, in any encoding (invalid UTF-8 is replaced)
 * @len: length of @text in bytes, or -1 if NUL-terminated
 * @max_len: the most bytes to parse, or 0 for no limit
 *
 * Parses a page: input cleaned up, long input cut at a line boundary, front matter split
 * off, and the headings collected with their ids. The tree is parsed with
 * %CMARK_OPT_SOURCEPOS; positions refer to @doc->body.
 *
 * Returns: (transfer full): the document
 */
PathwaysMarkdownDoc *
pathways_markdown_doc_parse (const char *text,
                             gssize      len,
                             gsize       max_len)
{
  PathwaysMarkdownDoc *doc = g_new0 (PathwaysMarkdownDoc, 1);
  g_autofree char *clean = NULL;
  gboolean invalid = FALSE;
  gboolean nul = FALSE;
  const char *body;
  gsize cut;

  if (text == NULL)
    text = "", len = 0;
  if (len < 0)
    len = strlen (text);

  doc->source_len = len;
  cut = len;

  if (max_len > 0 && (gsize) len > max_len)
    {
      gsize nl = max_len;

      while (nl > 0 && text[nl - 1] != '\n')
        nl--;

      if (nl > 0)
        cut = nl;
      else
        {
          /* One enormous line: at least don't split a character. */
          cut = max_len;
          while (cut > 0 && ((guchar) text[cut] & 0xC0) == 0x80)
            cut--;
        }
      doc->truncated = TRUE;
    }

  clean = pathways_markdown_sanitize (text, cut, &invalid, &nul);
  doc->had_invalid_utf8 = invalid;
  doc->had_nul = nul;

  body = pathways_markdown_split_front_matter (clean, &doc->front_matter);
  doc->body = g_strdup (body);
  doc->root = cmark_parse_document (doc->body, strlen (doc->body),
                                    CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
  doc->headings = g_ptr_array_new_with_free_func (heading_free);
  collect_headings (doc);

  doc->title = pathways_front_matter_dup_value (doc->front_matter, "title");
  if (doc->title != NULL)
    g_strstrip (doc->title);
  if (doc->title != NULL && doc->title[0] == '\0')
    g_clear_pointer (&doc->title, g_free);

  for (guint i = 0; doc->title == NULL && i < doc->headings->len; i++)
    {
      PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);

      if (heading->level == 1 && heading->text[0] != '\0')
        doc->title = g_strdup (heading->text);
    }

  return doc;
}

/* Edit distance over characters, with two rows of memory. */
static guint
levenshtein (const char *a,
             const char *b)
{
  glong la, lb;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  g_autofree guint *prev = g_new (guint, lb + 1);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    prev[j] = j;

  for (glong i = 1; i <= la; i++)
    {
      guint *tmp;

      row[0] = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
        }
      tmp = prev, prev = row, row = tmp;
    }

  return prev[lb];
}

/* Picks among candidates: the shorter id wins, then the earlier heading. */
static gboolean
better_candidate (int         best,
                  gsize       best_len,
                  const char *id)
{
  return best < 0 || strlen (id) < best_len;
}

/**
 * pathways_markdown_find_anchor:
 * @headings: (element-type PathwaysHeading): the headings of a page
 * @anchor: a link's fragment, without '#', possibly percent-encoded
 *
 * Finds the heading a link means, forgiving the mismatches real handbooks have: an exact id,
 * then the slug of the anchor ("Engineer II" → "engineer-ii"), then an id that starts with it
 * (`#apprentice` → "apprentice-ic-1"), then one that contains it, then the closest id by edit
 * distance.
 *
 * Returns: the index in @headings, or -1 if nothing is close enough
 */
int
pathways_markdown_find_anchor (GPtrArray  *headings,
                               const char *anchor)
{
  g_autofree char *decoded = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *slug = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gsize slug_len;
  glong slug_chars;
  int best = -1;
  gsize best_len = 0;
  guint best_distance = G_MAXUINT;

  if (headings == NULL || anchor == NULL)
    return -1;

  if (*anchor == '#')
    anchor++;
  decoded = g_uri_unescape_string (anchor, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    {
      g_free (decoded);
      decoded = g_strdup (anchor);
    }
  if (*decoded == '\0')
    return -1;

  wanted = g_utf8_strdown (decoded, -1);
  ids = g_ptr_array_new_full (headings->len, g_free);
  for (guint i = 0; i < headings->len; i++)
    {
      PathwaysHeading *heading = g_ptr_array_index (headings, i);
      g_ptr_array_add (ids, g_utf8_strdown (heading->id, -1));
    }

  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), wanted))
      return i;

  slug = pathways_markdown_slugify (decoded);
  slug_len = strlen (slug);
  slug_chars = g_utf8_strlen (slug, -1);
  if (slug_len == 0)
    return -1;

  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), slug))
      return i;

  /* A prefix that ends at a word boundary ("apprentice" in "apprentice-ic-1") says more
   * than one that stops mid-word ("engineer" in "engineering-manager"). */
  for (int pass = 0; pass < 2 && best < 0; pass++)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);

          if (!g_str_has_prefix (id, slug))
            continue;
          if (pass == 0 && id[slug_len] != '-')
            continue;
          if (better_candidate (best, best_len, id))
            best = i, best_len = strlen (id);
        }
    }
  if (best >= 0)
    return best;

  /* Containment means little for very short anchors: "ic" is in half the ladder. */
  if (slug_chars >= 3)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);

          if (strstr (id, slug) != NULL && better_candidate (best, best_len, id))
            best = i, best_len = strlen (id);
        }
      if (best >= 0)
        return best;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      guint distance = levenshtein (slug, g_ptr_array_index (ids, i));

      if (distance < best_distance)
        best = i, best_distance = distance;
    }
  if (best >= 0 && best_distance <= (guint) MAX (2, slug_chars / 3))
    return best;

  return -1;
}

/**
 * pathways_markdown_doc_find_anchor:
 * @doc: a parsed document
 * @anchor: a link's fragment, without '#'
 *
 * Like pathways_markdown_find_anchor() over @doc's headings.
 *
 * Returns: the index in @doc->headings, or -1
 */
int
pathways_markdown_doc_find_anchor (const PathwaysMarkdownDoc *doc,
                                   const char                *anchor)
{
  g_return_val_if_fail (doc != NULL, -1);

  return pathways_markdown_find_anchor (doc->headings, anchor);
}
