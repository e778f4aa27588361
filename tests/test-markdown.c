/* test-markdown.c: tests for the Markdown layer — clean-up, front matter, heading ids,
 * anchors, directives and pipe tables.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-markdown"

#include "config.h"

#include <string.h>

#include "pathways-markdown.h"

/* ---- sanitize ---- */

static void
test_sanitize_bom (void)
{
  g_autofree char *out = NULL;
  gboolean invalid = TRUE, nul = TRUE;

  out = pathways_markdown_sanitize ("\357\273\277# Title\n", 11, &invalid, &nul);
  g_assert_cmpstr (out, ==, "# Title\n");
  g_assert_false (invalid);
  g_assert_false (nul);
}

static void
test_sanitize_invalid (void)
{
  g_autofree char *out = NULL;
  gboolean invalid = FALSE, nul = FALSE;
  /* "Caf\xe9" is Latin-1; "\xc3" is a truncated sequence at the end. */
  const char input[] = "Caf\351 ok \303";

  out = pathways_markdown_sanitize (input, sizeof input - 1, &invalid, &nul);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_cmpstr (out, ==, "Caf\357\277\275 ok \357\277\275");
  g_assert_true (invalid);
  g_assert_false (nul);
}

static void
test_sanitize_nul (void)
{
  g_autofree char *out = NULL;
  gboolean invalid = TRUE, nul = FALSE;
  const char input[] = "a\0b\0";

  out = pathways_markdown_sanitize (input, sizeof input - 1, &invalid, &nul);
  g_assert_cmpstr (out, ==, "a\357\277\275b\357\277\275");
  g_assert_true (nul);
  g_assert_false (invalid);
}

static void
test_sanitize_valid (void)
{
  g_autofree char *out = NULL;
  gboolean invalid = TRUE, nul = TRUE;
  const char *input = "Ünïcödé 日本語 ✓\n";

  out = pathways_markdown_sanitize (input, strlen (input), &invalid, &nul);
  g_assert_cmpstr (out, ==, input);
  g_assert_false (invalid);
  g_assert_false (nul);
}

/* ---- front matter ---- */

static void
test_front_matter_yaml (void)
{
  g_autofree char *fm = NULL;
  const char *text = "---\ntitle: Career ladder\nweight: 3\n---\n# Body\n";
  const char *body = pathways_markdown_split_front_matter (text, &fm);

  g_assert_cmpstr (body, ==, "# Body\n");
  g_assert_cmpstr (fm, ==, "title: Career ladder\nweight: 3\n");
}

static void
test_front_matter_none (void)
{
  g_autofree char *fm = NULL;
  const char *text = "# Title\n\n---\n\nafter a rule\n";

  g_assert_true (pathways_markdown_split_front_matter (text, &fm) == text);
  g_assert_null (fm);
}

static void
test_front_matter_unclosed (void)
{
  g_autofree char *fm = NULL;
  const char *text = "---\ntitle: Oops\n\n# Still shown\n";

  g_assert_true (pathways_markdown_split_front_matter (text, &fm) == text);
  g_assert_null (fm);
}

static void
test_front_matter_crlf (void)
{
  g_autofree char *fm = NULL;
  g_autofree char *title = NULL;
  const char *text = "---  \r\ntitle: Windows\r\n---\r\nBody\r\n";
  const char *body = pathways_markdown_split_front_matter (text, &fm);

  g_assert_cmpstr (body, ==, "Body\r\n");
  title = pathways_front_matter_dup_value (fm, "title");
  g_assert_cmpstr (title, ==, "Windows");
}

static void
test_front_matter_dots (void)
{
  g_autofree char *fm = NULL;
  const char *body = pathways_markdown_split_front_matter ("---\na: 1\n...\nText", &fm);

  g_assert_cmpstr (body, ==, "Text");
  g_assert_cmpstr (fm, ==, "a: 1\n");
}

static void
test_front_matter_toml (void)
{
  g_autofree char *fm = NULL;
  g_autofree char *title = NULL;
  const char *body = pathways_markdown_split_front_matter ("+++\ntitle = \"Hugo page\"\n+++\n"
                                                           "Text\n", &fm);

  g_assert_cmpstr (body, ==, "Text\n");
  title = pathways_front_matter_dup_value (fm, "title");
  g_assert_cmpstr (title, ==, "Hugo page");
}

static void
test_front_matter_values (void)
{
  const char *fm =
    "# a comment\n"
    "title: \"Levels: an overview\"\n"
    "author: 'It''s me'\n"
    "weight: 10 # sort order\n"
    "lang: C# guide\n"
    "params:\n"
    "  summary: nested\n"
    "empty:\n"
    "nothing: ~\n"
    "description: >\n"
    "  Two folded\n"
    "  lines\n"
    "titles: not the title\n";
  struct { const char *key; const char *value; } cases[] = {
    { "title", "Levels: an overview" },
    { "author", "It's me" },
    { "weight", "10" },
    { "lang", "C# guide" },
    { "summary", NULL },
    { "empty", NULL },
    { "nothing", NULL },
    { "description", "Two folded lines" },
    { "missing", NULL },
    { "titles", "not the title" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = pathways_front_matter_dup_value (fm, cases[i].key);
      g_assert_cmpstr (value, ==, cases[i].value);
    }
}

/* ---- slugs ---- */

static void
check_slug (const char *text,
            const char *expected)
{
  g_autofree char *slug = pathways_markdown_slugify (text);
  g_assert_cmpstr (slug, ==, expected);
}

static void
test_slug_basic (void)
{
  check_slug ("Engineer II (IC 3a)", "engineer-ii-ic-3a");
  check_slug ("Responsibilities", "responsibilities");
  check_slug ("snake_case and kebab-case", "snake_case-and-kebab-case");
}

static void
test_slug_double_dash (void)
{
  check_slug ("Team Lead / Senior Engineer (Manager 4 / IC 5)",
              "team-lead--senior-engineer-manager-4--ic-5");
  check_slug ("D1 - Developer 1", "d1---developer-1");
}

static void
test_slug_unicode (void)
{
  check_slug ("Café", "café");
  check_slug ("ÉQUIPE Über", "équipe-über");
  check_slug ("职业发展 路径", "职业发展-路径");
  check_slug ("キャリア・ラダー", "キャリアラダー");
}

static void
test_slug_punctuation (void)
{
  check_slug ("What's new? (v2.0!)", "whats-new-v20");
  check_slug ("  Padded  ", "padded");
  check_slug ("C++ & Rust", "c--rust");
  check_slug ("!!!", "");
}

/* ---- headings ---- */

static PathwaysHeading *
heading (PathwaysMarkdownDoc *doc,
         guint                i)
{
  g_assert_cmpuint (i, <, doc->headings->len);
  return g_ptr_array_index (doc->headings, i);
}

static void
test_headings_order_and_levels (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;

  doc = pathways_markdown_doc_parse ("# Path\n\n## Level *one*\n\ntext\n\nSetext\n------\n"
                                     "#### `code` here\n", -1, 0);
  g_assert_cmpuint (doc->headings->len, ==, 4);
  g_assert_cmpint (heading (doc, 0)->level, ==, 1);
  g_assert_cmpstr (heading (doc, 1)->text, ==, "Level one");
  g_assert_cmpstr (heading (doc, 1)->id, ==, "level-one");
  g_assert_cmpint (heading (doc, 2)->level, ==, 2);
  g_assert_cmpstr (heading (doc, 2)->id, ==, "setext");
  g_assert_cmpstr (heading (doc, 3)->text, ==, "code here");
  g_assert_cmpint (cmark_node_get_type (heading (doc, 3)->node), ==, CMARK_NODE_HEADING);
}

static void
test_headings_duplicates (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;

  doc = pathways_markdown_doc_parse ("## Examples\n## Examples\n## Examples 1\n## Examples\n",
                                     -1, 0);
  g_assert_cmpuint (doc->headings->len, ==, 4);
  g_assert_cmpstr (heading (doc, 0)->id, ==, "examples");
  g_assert_cmpstr (heading (doc, 1)->id, ==, "examples-1");
  /* "examples-1" is taken, so the heading that slugs to it gets a suffix of its own. */
  g_assert_cmpstr (heading (doc, 2)->id, ==, "examples-1-1");
  g_assert_cmpstr (heading (doc, 3)->id, ==, "examples-2");
}

static void
test_headings_custom_id (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *rendered = NULL;

  doc = pathways_markdown_doc_parse ("## Senior Engineer {#senior_eng}\n"
                                     "## **Staff** {#staff .level}\n"
                                     "## Not {an attribute}\n", -1, 0);
  g_assert_cmpuint (doc->headings->len, ==, 3);
  g_assert_cmpstr (heading (doc, 0)->id, ==, "senior_eng");
  g_assert_cmpstr (heading (doc, 0)->text, ==, "Senior Engineer");
  g_assert_cmpstr (heading (doc, 1)->id, ==, "staff");
  g_assert_cmpstr (heading (doc, 1)->text, ==, "Staff");
  g_assert_cmpstr (heading (doc, 2)->text, ==, "Not {an attribute}");

  /* The attribute is gone from the tree itself, so the page does not show it. */
  rendered = cmark_render_html (doc->root, CMARK_OPT_DEFAULT);
  g_assert_null (strstr (rendered, "{#"));
  g_assert_nonnull (strstr (rendered, "Senior Engineer</h2>"));
}

/* ---- anchors ---- */

static const char *ladder_page =
  "# Software engineer\n"
  "## Apprentice (IC 1)\n"
  "## Engineer I (IC 2)\n"
  "## Engineer II (IC 3a)\n"
  "## Engineering manager\n"
  "## Senior Engineer {#senior}\n"
  "## Responsibilities\n";

static void
test_anchor_exact (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (ladder_page, -1, 0);

  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "engineer-ii-ic-3a"), ==, 3);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "senior"), ==, 5);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "Responsibilities"), ==, 6);
}

static void
test_anchor_slugified (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (ladder_page, -1, 0);

  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "Engineer II (IC 3a)"), ==, 3);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "Engineer%20II%20(IC%203a)"), ==, 3);
  /* Not UTF-8: read past its end before (found by fuzzing). */
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "Engineer II\303"), ==, 3);
}

static void
test_anchor_prefix (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (ladder_page, -1, 0);

  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "apprentice"), ==, 1);
  /* "engineer" ends a word in "engineer-i-ic-2" but not in "engineering-manager". */
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "engineer"), ==, 2);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "engineer-ii"), ==, 3);
}

static void
test_anchor_fuzzy (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (ladder_page, -1, 0);

  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "responsibilites"), ==, 6);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "ic-3a"), ==, 3);
}

static void
test_anchor_none (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (ladder_page, -1, 0);
  g_autoptr(PathwaysMarkdownDoc) empty = pathways_markdown_doc_parse ("", 0, 0);

  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, "compensation-bands"), ==, -1);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (doc, ""), ==, -1);
  g_assert_cmpint (pathways_markdown_doc_find_anchor (empty, "anything"), ==, -1);
}

/* ---- directives ---- */

static gboolean
first_block_is_directive (const char *markdown)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (markdown, -1, 0);

  return pathways_markdown_node_is_directive (cmark_node_first_child (doc->root));
}

static void
test_directive_shortcode (void)
{
  g_assert_true (first_block_is_directive ("{{< figure src=\"ladder.png\" >}}\n"));
  g_assert_true (first_block_is_directive ("{{<figure src=\"x\">}}\n"));
  g_assert_true (first_block_is_directive ("{{% notice note %}}\n"));
  g_assert_true (first_block_is_directive ("{{< tabs >}}\n{{< /tabs >}}\n"));
}

static void
test_directive_toc (void)
{
  g_assert_true (first_block_is_directive ("[[_TOC_]]\n"));
  g_assert_true (first_block_is_directive ("[TOC]\n"));
  g_assert_true (first_block_is_directive ("[[toc]]\n"));
}

static void
test_directive_content_kept (void)
{
  g_assert_false (first_block_is_directive ("See {{< ref \"x\" >}} for more.\n"));
  g_assert_false (first_block_is_directive ("[TOC] of contents\n"));
  g_assert_false (first_block_is_directive ("    {{< figure >}}\n"));
  g_assert_false (first_block_is_directive ("# [TOC]\n"));
}

/* ---- parsing ---- */

static void
test_node_text (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *text = NULL;

  doc = pathways_markdown_doc_parse ("**Impact:** ships `code`\nacross <b>teams</b>  \n"
                                     "![the ladder](l.png) [link](x.md)\n", -1, 0);
  text = pathways_markdown_node_dup_text (cmark_node_first_child (doc->root));
  g_assert_cmpstr (text, ==, "Impact: ships code across teams the ladder link");
}

static void
test_parse_truncate (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(PathwaysMarkdownDoc) whole = NULL;
  g_autoptr(PathwaysMarkdownDoc) long_line = NULL;
  const char *text = "# One\n\n## Two\n\n## Three\n";

  /* The limit falls inside "## Two": that line is dropped, not cut in half. */
  doc = pathways_markdown_doc_parse (text, -1, 10);
  g_assert_true (doc->truncated);
  g_assert_cmpuint (doc->source_len, ==, strlen (text));
  g_assert_cmpstr (doc->body, ==, "# One\n\n");
  g_assert_cmpuint (doc->headings->len, ==, 1);

  whole = pathways_markdown_doc_parse (text, -1, strlen (text));
  g_assert_false (whole->truncated);
  g_assert_cmpuint (whole->headings->len, ==, 3);

  /* No newline before the limit: cut before the multi-byte "é", never inside it. */
  long_line = pathways_markdown_doc_parse ("abcé tail", -1, 4);
  g_assert_true (long_line->truncated);
  g_assert_cmpstr (long_line->body, ==, "abc");
}

static void
test_parse_dirty_input (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  const char input[] = "# Caf\351\0\n";

  doc = pathways_markdown_doc_parse (input, sizeof input - 1, 0);
  g_assert_true (doc->had_invalid_utf8);
  g_assert_true (doc->had_nul);
  g_assert_cmpstr (doc->title, ==, "Caf\357\277\275\357\277\275");
}

static void
test_parse_title (void)
{
  g_autoptr(PathwaysMarkdownDoc) fm = NULL;
  g_autoptr(PathwaysMarkdownDoc) h1 = NULL;
  g_autoptr(PathwaysMarkdownDoc) none = NULL;

  fm = pathways_markdown_doc_parse ("---\ntitle: 'From front matter'\n---\n# Heading\n", -1, 0);
  g_assert_cmpstr (fm->title, ==, "From front matter");
  g_assert_cmpstr (fm->front_matter, ==, "title: 'From front matter'\n");
  g_assert_cmpuint (fm->headings->len, ==, 1);

  h1 = pathways_markdown_doc_parse ("---\nweight: 2\n---\n## Intro\n# The *real* title\n# Later\n",
                                    -1, 0);
  g_assert_cmpstr (h1->title, ==, "The real title");

  none = pathways_markdown_doc_parse ("## Only a section\n", -1, 0);
  g_assert_null (none->title);
}

/* ---- alerts ---- */

static void
test_alert_detect (void)
{
  struct { const char *text; PathwaysAlertKind kind; gboolean has_rest; } cases[] = {
    { "> [!NOTE]\n> Read this.\n", PATHWAYS_ALERT_NOTE, TRUE },
    { "> [!warning]\n", PATHWAYS_ALERT_WARNING, FALSE },
    { "> [!CAUTION] and more on the line\n", PATHWAYS_ALERT_NONE, FALSE },
    { "> [!UNKNOWN]\n> text\n", PATHWAYS_ALERT_NONE, FALSE },
    { "> Plain quote\n", PATHWAYS_ALERT_NONE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (cases[i].text, -1, 0);
      cmark_node *quote = cmark_node_first_child (doc->root);
      cmark_node *rest = quote;

      g_assert_cmpint (pathways_markdown_detect_alert (quote, &rest), ==, cases[i].kind);
      g_assert_true ((rest != NULL) == cases[i].has_rest);
    }
}

/* ---- tables ---- */

/* Reads the table in the first block of @text, as the view and the printout do. */
static PathwaysMarkdownTable *
table_from_text (const char           *text,
                 PathwaysMarkdownDoc **doc_out)
{
  PathwaysMarkdownDoc *doc = pathways_markdown_doc_parse (text, -1, 0);
  cmark_node *block = cmark_node_first_child (doc->root);

  *doc_out = doc;
  if (block == NULL || cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return NULL;
  return pathways_markdown_table_new_from_inlines (doc, cmark_node_first_child (block));
}

static const char *
cell (PathwaysMarkdownTable *table,
      guint                  row,
      guint                  col)
{
  GPtrArray *cells = g_ptr_array_index (table->rows, row);

  g_assert_cmpuint (col, <, cells->len);
  return g_ptr_array_index (cells, col);
}

static guint
row_len (PathwaysMarkdownTable *table,
         guint                  row)
{
  return ((GPtrArray *) g_ptr_array_index (table->rows, row))->len;
}

static void
test_table_alignment (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(PathwaysMarkdownTable) table =
    table_from_text ("| Level | Title | Pay | Notes |\n"
                     "|-------|:------|:---:|------:|\n"
                     "| 1 | *Junior* | low | a |\n"
                     "| 2 | Senior | high | b |\n", &doc);

  g_assert_nonnull (table);
  g_assert_null (table->lead_end);
  g_assert_cmpuint (table->aligns->len, ==, 4);
  g_assert_cmpint (g_array_index (table->aligns, PathwaysTableAlign, 0), ==,
                   PATHWAYS_TABLE_ALIGN_NONE);
  g_assert_cmpint (g_array_index (table->aligns, PathwaysTableAlign, 1), ==,
                   PATHWAYS_TABLE_ALIGN_LEFT);
  g_assert_cmpint (g_array_index (table->aligns, PathwaysTableAlign, 2), ==,
                   PATHWAYS_TABLE_ALIGN_CENTER);
  g_assert_cmpint (g_array_index (table->aligns, PathwaysTableAlign, 3), ==,
                   PATHWAYS_TABLE_ALIGN_RIGHT);

  /* The delimiter row is not a row; cells keep their source, emphasis included. */
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (cell (table, 0, 1), ==, " Title ");
  g_assert_cmpstr (cell (table, 1, 1), ==, " *Junior* ");
  g_assert_cmpstr (cell (table, 2, 3), ==, " b ");
}

/* Lines of a quote's paragraph without "> " in front (lazy continuation lines) start at
 * column 1, whatever column cmark reports for them: found by fuzzing, when the reported
 * column fell inside "é" and a cell came out as invalid UTF-8. */
static void
test_table_lazy_lines (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc =
    pathways_markdown_doc_parse ("> Lead\n| a | b |\n|---|---|\n|\303\251 1 | 2 |\n", -1, 0);
  cmark_node *quote = cmark_node_first_child (doc->root);
  cmark_node *para = cmark_node_first_child (quote);
  g_autoptr(PathwaysMarkdownTable) table =
    pathways_markdown_table_new_from_inlines (doc, cmark_node_first_child (para));

  g_assert_nonnull (table);
  g_assert_nonnull (table->lead_end);
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (cell (table, 0, 0), ==, " a ");
  g_assert_cmpstr (cell (table, 0, 1), ==, " b ");
  g_assert_cmpstr (cell (table, 1, 0), ==, "\303\251 1 ");
  g_assert_cmpstr (cell (table, 1, 1), ==, " 2 ");
}

static void
test_table_no_outer_pipes (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(PathwaysMarkdownTable) table = table_from_text ("a | b\n--|--\n1 | 2\n", &doc);

  g_assert_nonnull (table);
  g_assert_cmpuint (table->aligns->len, ==, 2);
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (cell (table, 1, 0), ==, "1 ");
  g_assert_cmpstr (cell (table, 1, 1), ==, " 2");
}

static void
test_table_escaped_pipes (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(PathwaysMarkdownTable) table =
    table_from_text ("| Command | Meaning |\n"
                     "| --- | --- |\n"
                     "| `a|b` | either a \\| b |\n"
                     "| x | ends in a backslash \\\\|\n", &doc);

  g_assert_nonnull (table);
  g_assert_cmpuint (table->rows->len, ==, 3);
  /* Neither an escaped pipe nor one in a code span ends a cell. */
  g_assert_cmpuint (row_len (table, 1), ==, 2);
  g_assert_cmpstr (cell (table, 1, 0), ==, " `a|b` ");
  g_assert_cmpstr (cell (table, 1, 1), ==, " either a \\| b ");
  /* An escaped backslash does not escape the closing pipe. */
  g_assert_cmpuint (row_len (table, 2), ==, 2);
  g_assert_cmpstr (cell (table, 2, 1), ==, " ends in a backslash \\\\");
}

static void
test_table_ragged_rows (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(PathwaysMarkdownTable) table =
    table_from_text ("| a | b | c |\n"
                     "|---|---|---|\n"
                     "| 1 |\n"
                     "| 1 | 2 | 3 | 4 |\n", &doc);

  /* Rows keep the cells they have; the columns come from the delimiter row. */
  g_assert_nonnull (table);
  g_assert_cmpuint (table->aligns->len, ==, 3);
  g_assert_cmpuint (row_len (table, 1), ==, 1);
  g_assert_cmpuint (row_len (table, 2), ==, 4);
}

static void
test_table_after_text (void)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(PathwaysMarkdownTable) table =
    table_from_text ("The ladder:\n| a | b |\n|---|---|\n| 1 | 2 |\n", &doc);
  cmark_node *para = cmark_node_first_child (doc->root);

  /* The line before the header stays text, ending at the first break. */
  g_assert_nonnull (table);
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (cell (table, 0, 0), ==, " a ");
  g_assert_nonnull (table->lead_end);
  g_assert_true (table->lead_end == cmark_node_next (cmark_node_first_child (para)));
}

static void
test_table_lookalikes (void)
{
  const char *not_tables[] = {
    "Just a | pipe in prose\nand another line\n",
    /* The delimiter row has fewer cells than the header. */
    "| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n",
    /* No pipe in the delimiter: a setext heading, not a table. */
    "a | b\n---\n",
    /* A delimiter cell without dashes, or with other text. */
    "| a | b |\n|---|:|\n",
    "| a | b |\n|---| x |\n",
    /* Markup in the delimiter row. */
    "| a | b |\n|---|`---`|\n",
    /* A header alone. */
    "| a | b |\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_tables); i++)
    {
      g_autoptr(PathwaysMarkdownDoc) doc = NULL;
      g_autoptr(PathwaysMarkdownTable) table = table_from_text (not_tables[i], &doc);

      g_test_message ("input %u: %s", i, not_tables[i]);
      g_assert_null (table);
    }

  g_assert_null (pathways_markdown_table_new_from_inlines (
                   &(PathwaysMarkdownDoc) { .body = (char *) "" }, NULL));
}

static void
test_table_cell_parse (void)
{
  struct { const char *cell; gsize max; const char *text; } cases[] = {
    { " *a* \\| b ", 0, "a | b" },
    /* Block syntax at the start of a cell is literal text. */
    { " # not a heading", 0, "# not a heading" },
    { "- not a list", 0, "- not a list" },
    { "& co", 0, "& co" },
    { "", 0, "" },
    { "abcdef", 3, "abc" },
    /* The cut does not split a character. */
    { "a\303\251", 2, "a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cmark_node *doc = pathways_markdown_table_cell_parse (cases[i].cell, cases[i].max);
      cmark_node *para = cmark_node_first_child (doc);
      g_autofree char *text = NULL;

      if (para == NULL)
        text = g_strdup ("");
      else
        {
          g_assert_cmpint (cmark_node_get_type (para), ==, CMARK_NODE_PARAGRAPH);
          text = pathways_markdown_node_dup_text (para);
        }
      g_assert_cmpstr (text, ==, cases[i].text);
      cmark_node_free (doc);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/markdown/sanitize/bom", test_sanitize_bom);
  g_test_add_func ("/pathways/markdown/sanitize/invalid", test_sanitize_invalid);
  g_test_add_func ("/pathways/markdown/sanitize/nul", test_sanitize_nul);
  g_test_add_func ("/pathways/markdown/sanitize/valid", test_sanitize_valid);
  g_test_add_func ("/pathways/markdown/front-matter/yaml", test_front_matter_yaml);
  g_test_add_func ("/pathways/markdown/front-matter/none", test_front_matter_none);
  g_test_add_func ("/pathways/markdown/front-matter/unclosed", test_front_matter_unclosed);
  g_test_add_func ("/pathways/markdown/front-matter/crlf", test_front_matter_crlf);
  g_test_add_func ("/pathways/markdown/front-matter/dots", test_front_matter_dots);
  g_test_add_func ("/pathways/markdown/front-matter/toml", test_front_matter_toml);
  g_test_add_func ("/pathways/markdown/front-matter/values", test_front_matter_values);
  g_test_add_func ("/pathways/markdown/slug/basic", test_slug_basic);
  g_test_add_func ("/pathways/markdown/slug/double-dash", test_slug_double_dash);
  g_test_add_func ("/pathways/markdown/slug/unicode", test_slug_unicode);
  g_test_add_func ("/pathways/markdown/slug/punctuation", test_slug_punctuation);
  g_test_add_func ("/pathways/markdown/headings/order", test_headings_order_and_levels);
  g_test_add_func ("/pathways/markdown/headings/duplicates", test_headings_duplicates);
  g_test_add_func ("/pathways/markdown/headings/custom-id", test_headings_custom_id);
  g_test_add_func ("/pathways/markdown/anchor/exact", test_anchor_exact);
  g_test_add_func ("/pathways/markdown/anchor/slugified", test_anchor_slugified);
  g_test_add_func ("/pathways/markdown/anchor/prefix", test_anchor_prefix);
  g_test_add_func ("/pathways/markdown/anchor/fuzzy", test_anchor_fuzzy);
  g_test_add_func ("/pathways/markdown/anchor/none", test_anchor_none);
  g_test_add_func ("/pathways/markdown/directive/shortcode", test_directive_shortcode);
  g_test_add_func ("/pathways/markdown/directive/toc", test_directive_toc);
  g_test_add_func ("/pathways/markdown/directive/content-kept", test_directive_content_kept);
  g_test_add_func ("/pathways/markdown/node-text", test_node_text);
  g_test_add_func ("/pathways/markdown/parse/truncate", test_parse_truncate);
  g_test_add_func ("/pathways/markdown/parse/dirty-input", test_parse_dirty_input);
  g_test_add_func ("/pathways/markdown/parse/title", test_parse_title);
  g_test_add_func ("/pathways/markdown/alert/detect", test_alert_detect);
  g_test_add_func ("/pathways/markdown/table/alignment", test_table_alignment);
  g_test_add_func ("/pathways/markdown/table/no-outer-pipes", test_table_no_outer_pipes);
  g_test_add_func ("/pathways/markdown/table/lazy-lines", test_table_lazy_lines);
  g_test_add_func ("/pathways/markdown/table/escaped-pipes", test_table_escaped_pipes);
  g_test_add_func ("/pathways/markdown/table/ragged-rows", test_table_ragged_rows);
  g_test_add_func ("/pathways/markdown/table/after-text", test_table_after_text);
  g_test_add_func ("/pathways/markdown/table/lookalikes", test_table_lookalikes);
  g_test_add_func ("/pathways/markdown/table/cell-parse", test_table_cell_parse);

  return g_test_run ();
}
