/* pathways-markdown.c: cmark parsing plus what cmark leaves out — input clean-up, front
 * matter, GitHub-style heading ids, an anchor resolver forgiving enough for real handbooks,
 * and GFM pipe tables read out of paragraphs.
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
 * Makes @text safe to hand to cmark and GTK: a leading byte order mark is dropped, every
 * NUL byte and every byte that is not part of a valid UTF-8 sequence becomes U+FFFD, and a
 * lone CR (classic Mac OS line endings) becomes LF.
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

  /* cmark ends a line at a lone CR, but front matter, titles and everything else that reads
   * the text line by line look for LF: a page saved with CR endings had its front matter
   * shown as a heading and its title read from its file name. Byte for byte, so offsets
   * into the text stay right; CRLF is left alone. */
  for (gsize i = 0; i < out->len; i++)
    if (out->str[i] == '\r' && out->str[i + 1] != '\n')
      out->str[i] = '\n';

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
  g_clear_pointer (&doc->line_starts, g_array_unref);
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

  doc->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = doc->body;;)
    {
      gsize at = p - doc->body;

      g_array_append_val (doc->line_starts, at);
      p = strchr (p, '\n');
      if (p == NULL)
        break;
      p++;
    }

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
      /* The fragment as written, which need not be valid UTF-8 either: the lowercasing and
       * slugifying below walk it character by character and would read past its end. */
      decoded = g_utf8_make_valid (anchor, -1);
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

static gboolean
is_break (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

/* ---- alerts ---- */

static const char * const alert_markers[PATHWAYS_N_ALERTS] = {
  [PATHWAYS_ALERT_NOTE] = "[!NOTE]",
  [PATHWAYS_ALERT_TIP] = "[!TIP]",
  [PATHWAYS_ALERT_IMPORTANT] = "[!IMPORTANT]",
  [PATHWAYS_ALERT_WARNING] = "[!WARNING]",
  [PATHWAYS_ALERT_CAUTION] = "[!CAUTION]",
};

static PathwaysAlertKind
alert_kind_of (const char *literal)
{
  g_autofree char *stripped = NULL;

  if (literal == NULL || literal[0] != '[' || literal[1] != '!')
    return PATHWAYS_ALERT_NONE;

  stripped = g_strstrip (g_strdup (literal));
  for (int kind = PATHWAYS_ALERT_NOTE; kind < PATHWAYS_N_ALERTS; kind++)
    if (g_ascii_strcasecmp (stripped, alert_markers[kind]) == 0)
      return kind;

  return PATHWAYS_ALERT_NONE;
}

/**
 * pathways_markdown_detect_alert:
 * @quote: a %CMARK_NODE_BLOCK_QUOTE
 * @rest: (out) (optional): for an alert, the first inline node of its first paragraph after
 *   the marker line, or %NULL if the marker is all that paragraph holds
 *
 * Tells whether @quote is a GitHub alert: its first paragraph starts with a line that is only
 * `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`, in any case.
 *
 * Returns: the kind of alert, or %PATHWAYS_ALERT_NONE
 */
PathwaysAlertKind
pathways_markdown_detect_alert (cmark_node  *quote,
                                cmark_node **rest)
{
  cmark_node *para = quote != NULL ? cmark_node_first_child (quote) : NULL;
  cmark_node *text;
  cmark_node *after;
  PathwaysAlertKind kind;

  if (rest != NULL)
    *rest = NULL;

  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
    return PATHWAYS_ALERT_NONE;

  text = cmark_node_first_child (para);
  if (text == NULL || cmark_node_get_type (text) != CMARK_NODE_TEXT)
    return PATHWAYS_ALERT_NONE;

  kind = alert_kind_of (cmark_node_get_literal (text));
  if (kind == PATHWAYS_ALERT_NONE)
    return PATHWAYS_ALERT_NONE;

  after = cmark_node_next (text);
  if (after != NULL && !is_break (after))
    return PATHWAYS_ALERT_NONE;

  if (rest != NULL)
    *rest = after != NULL ? cmark_node_next (after) : NULL;
  return kind;
}

/* ---- tables ---- */

static void
trim (const char **s,
      gsize       *len)
{
  while (*len > 0 && (**s == ' ' || **s == '\t'))
    (*s)++, (*len)--;
  while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
    (*len)--;
}

/* Parses a GFM delimiter row (`| :--- | ---: |`) into column alignments. A row without any
 * pipe is not taken for one: it would be a setext underline or a list. */
static gboolean
parse_delimiter_row (const char *s,
                     GArray     *aligns)
{
  gsize len = strlen (s);
  const char *p;
  const char *end;

  g_array_set_size (aligns, 0);
  trim (&s, &len);
  if (len == 0 || memchr (s, '|', len) == NULL)
    return FALSE;

  if (*s == '|')
    s++, len--;
  if (len > 0 && s[len - 1] == '|')
    len--;

  p = s;
  end = s + len;
  while (p <= end)
    {
      const char *bar = memchr (p, '|', end - p);
      const char *cell = p;
      gsize cell_len = (bar != NULL ? bar : end) - p;
      gboolean left, right;
      PathwaysTableAlign align;

      trim (&cell, &cell_len);
      if (cell_len == 0)
        return FALSE;

      left = cell[0] == ':';
      right = cell_len > 1 && cell[cell_len - 1] == ':';
      for (gsize i = left ? 1 : 0; i < cell_len - (right ? 1 : 0); i++)
        if (cell[i] != '-')
          return FALSE;
      if (cell_len - (left ? 1 : 0) - (right ? 1 : 0) == 0)
        return FALSE;

      align = left && right ? PATHWAYS_TABLE_ALIGN_CENTER
            : right         ? PATHWAYS_TABLE_ALIGN_RIGHT
            : left          ? PATHWAYS_TABLE_ALIGN_LEFT
                            : PATHWAYS_TABLE_ALIGN_NONE;
      g_array_append_val (aligns, align);

      if (bar == NULL)
        break;
      p = bar + 1;
    }

  return aligns->len > 0;
}

/* Splits a table row's source into cells on pipes that are neither escaped nor inside a code
 * span (GitHub splits inside code spans too, which surprises writers more than it helps). */
static GPtrArray *
split_row (const char *s,
           gsize       len)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  gsize cell_start = 0;
  gsize i = 0;

  trim (&s, &len);
  if (len > 0 && s[0] == '|')
    s++, len--;
  if (len > 0 && s[len - 1] == '|')
    {
      gsize backslashes = 0;

      while (backslashes + 1 < len && s[len - 2 - backslashes] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        len--;
    }

  while (i < len)
    {
      if (s[i] == '\\' && i + 1 < len)
        i += 2;
      else if (s[i] == '`')
        {
          gsize run = 0;
          gsize j;

          while (i + run < len && s[i + run] == '`')
            run++;
          /* Look for a closing run of exactly the same length. */
          for (j = i + run; j < len;)
            {
              gsize close = 0;

              while (j + close < len && s[j + close] == '`')
                close++;
              if (close == run)
                break;
              j += close > 0 ? close : 1;
            }
          i = j < len ? j + run : i + run;
        }
      else if (s[i] == '|')
        {
          g_ptr_array_add (cells, g_strndup (s + cell_start, i - cell_start));
          cell_start = ++i;
        }
      else
        i++;
    }
  g_ptr_array_add (cells, g_strndup (s + cell_start, len - cell_start));

  return cells;
}

/* Whether the source at @p (before @end) can be where inline @node starts: a character
 * boundary, and for text the literal's first byte, or a backslash escape or an entity that
 * cmark turned into it. */
static gboolean
source_starts_node (const char *p,
                    const char *end,
                    cmark_node *node)
{
  const char *literal;

  if (p < end && ((guchar) *p & 0xc0) == 0x80)
    return FALSE;
  if (cmark_node_get_type (node) != CMARK_NODE_TEXT)
    return TRUE;

  literal = cmark_node_get_literal (node);
  if (literal == NULL || literal[0] == '\0')
    return TRUE;

  return p < end && (*p == literal[0] || *p == '\\' || *p == '&');
}

/* Finds the source of one paragraph line from the position of its first inline node: cmark
 * has already unescaped the text, and a cell boundary depends on the escapes. */
static gboolean
source_line (const PathwaysMarkdownDoc  *doc,
             cmark_node                 *first,
             const char                **text,
             gsize                      *len)
{
  const char *body = doc->body;
  int line = cmark_node_get_start_line (first);
  int column = cmark_node_get_start_column (first);
  gsize line_start, line_end, start;

  if (body == NULL || doc->line_starts == NULL || line < 1 || column < 1)
    return FALSE;
  if ((guint) line > doc->line_starts->len)
    return FALSE;

  line_start = g_array_index (doc->line_starts, gsize, line - 1);
  if ((guint) line < doc->line_starts->len)
    line_end = g_array_index (doc->line_starts, gsize, line) - 1;
  else
    line_end = strlen (body);
  if (line_end > line_start && body[line_end - 1] == '\r')
    line_end--;
  start = line_start + column - 1;

  /* cmark 0.30 places every line of a paragraph at the column its container's content
   * starts at, even a lazy continuation line that has no "> " or list indent in front:
   * there the column points past the line's real start, possibly into a multi-byte
   * character. When the source at the column can't be where the first node begins, the
   * line is lazy and its content starts at its first non-blank. */
  if (start > line_end || !source_starts_node (body + start, body + line_end, first))
    {
      for (start = line_start; start < line_end && (body[start] == ' ' || body[start] == '\t');
           start++)
        ;
      if (!source_starts_node (body + start, body + line_end, first))
        return FALSE;
    }

  *text = body + start;
  *len = line_end - start;
  return TRUE;
}

typedef struct
{
  cmark_node *first;
  cmark_node *brk;   /* the break that ends the line, or NULL for the last */
} ParaLine;

/**
 * pathways_markdown_table_new_from_inlines:
 * @doc: the parsed document that holds @first
 * @first: (nullable): the first inline node of a paragraph to read, usually its first child
 *
 * Reads a GFM pipe table out of a paragraph, since cmark 0.30 parses one as plain text: a
 * header line, a delimiter row (`| :--- | ---: |`) with as many cells, then body rows. Lines
 * before the header are not part of the table (see @table->lead_end). Cells are split on the
 * source, so `\|` and pipes inside code spans stay in their cell.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL if the lines hold none
 */
PathwaysMarkdownTable *
pathways_markdown_table_new_from_inlines (const PathwaysMarkdownDoc *doc,
                                          cmark_node                *first)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) aligns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PathwaysMarkdownTable *table;
  ParaLine line = { first, NULL };
  guint delim = 0;

  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->body == NULL || first == NULL)
    return NULL;

  lines = g_array_new (FALSE, FALSE, sizeof (ParaLine));
  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    {
      if (is_break (node))
        {
          line.brk = node;
          g_array_append_val (lines, line);
          line.first = cmark_node_next (node);
          line.brk = NULL;
        }
    }
  if (line.first != NULL)
    g_array_append_val (lines, line);
  if (lines->len < 2)
    return NULL;

  aligns = g_array_new (FALSE, FALSE, sizeof (PathwaysTableAlign));

  for (guint i = 1; i < lines->len && delim == 0; i++)
    {
      ParaLine *cand = &g_array_index (lines, ParaLine, i);
      ParaLine *head = &g_array_index (lines, ParaLine, i - 1);
      g_autoptr(GPtrArray) head_cells = NULL;
      const char *literal;
      const char *src;
      gsize len;

      /* A delimiter row is plain text: emphasis or code in it means it is something else. */
      if (cand->first == NULL || cmark_node_get_type (cand->first) != CMARK_NODE_TEXT ||
          (cmark_node_next (cand->first) != NULL && cmark_node_next (cand->first) != cand->brk))
        continue;

      literal = cmark_node_get_literal (cand->first);
      if (literal == NULL || strchr (literal, '-') == NULL ||
          !parse_delimiter_row (literal, aligns))
        continue;

      if (head->first == NULL || !source_line (doc, head->first, &src, &len))
        continue;

      head_cells = split_row (src, len);
      if (head_cells->len == aligns->len)
        delim = i;
    }

  if (delim == 0)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = delim - 1; i < lines->len; i++)
    {
      ParaLine *row = &g_array_index (lines, ParaLine, i);
      const char *src;
      gsize len;

      if (i == delim)
        continue;
      if (row->first == NULL || !source_line (doc, row->first, &src, &len))
        {
          if (i == delim - 1)
            return NULL;
          g_ptr_array_add (rows, g_ptr_array_new_with_free_func (g_free));
          continue;
        }
      g_ptr_array_add (rows, split_row (src, len));
    }

  table = g_new0 (PathwaysMarkdownTable, 1);
  table->aligns = g_steal_pointer (&aligns);
  table->rows = g_steal_pointer (&rows);
  if (delim >= 2)
    table->lead_end = g_array_index (lines, ParaLine, delim - 2).brk;

  return table;
}

/**
 * pathways_markdown_table_free:
 * @table: (nullable): a table
 *
 * Frees @table; the cmark nodes it points to belong to their document.
 */
void
pathways_markdown_table_free (PathwaysMarkdownTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->aligns, g_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/**
 * pathways_markdown_table_cell_parse:
 * @cell: (nullable): a cell's source, as in #PathwaysMarkdownTable
 * @max_bytes: the most bytes of the trimmed cell to read, or 0 for no limit
 *
 * Parses a cell's Markdown as inline content, `\|` read as a pipe. Nothing at the cell's
 * start can open a block ("# x", "- x", "[x]: y"), yet emphasis there works as at the start
 * of a line.
 *
 * Returns: (transfer full): a cmark document; its inline content is the children of its
 * first child when that is a paragraph, which it is unless the cell is empty
 */
cmark_node *
pathways_markdown_table_cell_parse (const char *cell,
                                    gsize       max_bytes)
{
  /* Parsed behind an escaped punctuation character, removed again afterwards. */
  g_autoptr(GString) src = g_string_new ("\\&");
  const char *s = cell != NULL ? cell : "";
  gsize len = strlen (s);
  cmark_node *doc;
  cmark_node *para;

  trim (&s, &len);
  if (max_bytes > 0 && len > max_bytes)
    {
      len = max_bytes;
      while (len > 0 && ((guchar) s[len] & 0xC0) == 0x80)
        len--;
    }
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\\' && i + 1 < len && s[i + 1] == '|')
        continue;
      g_string_append_c (src, s[i]);
    }

  doc = cmark_parse_document (src->str, src->len, CMARK_OPT_DEFAULT);
  para = cmark_node_first_child (doc);
  if (para != NULL && cmark_node_get_type (para) == CMARK_NODE_PARAGRAPH)
    {
      cmark_node *child = cmark_node_first_child (para);

      if (child != NULL && cmark_node_get_type (child) == CMARK_NODE_TEXT)
        {
          const char *literal = cmark_node_get_literal (child);

          if (literal != NULL && literal[0] == '&')
            {
              if (literal[1] == '\0')
                {
                  cmark_node_unlink (child);
                  cmark_node_free (child);
                }
              else
                {
                  g_autofree char *rest = g_strdup (literal + 1);

                  cmark_node_set_literal (child, rest);
                }
            }
        }
    }

  return doc;
}
