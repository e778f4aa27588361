/* test-markdown-view.c: what the native Markdown view shows for each construct.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathways-markdown-view.h"

static PathwaysMarkdownView *
view_new (void)
{
  return g_object_ref_sink (PATHWAYS_MARKDOWN_VIEW (pathways_markdown_view_new ()));
}

static void
show (PathwaysMarkdownView *view,
      const char           *markdown,
      GFile                *base_dir,
      GFile                *root)
{
  g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (markdown, -1, 0);

  pathways_markdown_view_set_document (view, doc, base_dir, root);
}

static PathwaysMarkdownView *
render (const char *markdown)
{
  PathwaysMarkdownView *view = view_new ();

  show (view, markdown, NULL, NULL);
  return view;
}

static GtkTextBuffer *
buffer_of (PathwaysMarkdownView *view)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

/* The buffer's text, with images as U+FFFC so that offsets match. */
static char *
dup_text (PathwaysMarkdownView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer_of (view), &start, &end);
  return gtk_text_buffer_get_slice (buffer_of (view), &start, &end, TRUE);
}

/* The text without list markers, table separators and rules. */
static char *
dup_content_text (PathwaysMarkdownView *view)
{
  GtkTextBuffer *buffer = buffer_of (view);
  GtkTextTag *decoration = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                      "decoration");
  GString *s = g_string_new (NULL);
  GtkTextIter iter, next;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      next = iter;
      if (!gtk_text_iter_forward_to_tag_toggle (&next, decoration))
        gtk_text_buffer_get_end_iter (buffer, &next);
      if (!gtk_text_iter_has_tag (&iter, decoration))
        {
          g_autofree char *part = gtk_text_buffer_get_text (buffer, &iter, &next, TRUE);
          g_string_append (s, part);
        }
      iter = next;
    }

  return g_string_free (s, FALSE);
}

static int
offset_of (PathwaysMarkdownView *view,
           const char           *needle)
{
  g_autofree char *text = dup_text (view);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return (int) g_utf8_pointer_to_offset (text, found);
}

static gboolean
has_tag (PathwaysMarkdownView *view,
         int                   offset,
         const char           *name)
{
  GtkTextBuffer *buffer = buffer_of (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* The value a paragraph property has on the line at @offset, from whichever tag sets it. */
static int
int_property_at (PathwaysMarkdownView *view,
                 int                   offset,
                 const char           *property)
{
  g_autofree char *set_name = g_strconcat (property, "-set", NULL);
  GSList *tags;
  GtkTextIter iter;
  int value = -1;

  gtk_text_buffer_get_iter_at_offset (buffer_of (view), &iter, offset);
  gtk_text_iter_set_line_offset (&iter, 0);
  tags = gtk_text_iter_get_tags (&iter);  /* (transfer container) */
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean is_set;

      g_object_get (l->data, set_name, &is_set, NULL);
      if (is_set)
        g_object_get (l->data, property, &value, NULL);
    }
  g_slist_free (tags);

  return value;
}

static PangoTabArray *
tabs_at (PathwaysMarkdownView *view,
         int                   offset)
{
  PangoTabArray *found = NULL;
  GSList *tags;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer_of (view), &iter, offset);
  gtk_text_iter_set_line_offset (&iter, 0);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean is_set;

      g_object_get (l->data, "tabs-set", &is_set, NULL);
      if (is_set && found == NULL)
        g_object_get (l->data, "tabs", &found, NULL);
    }
  g_slist_free (tags);

  return found;
}

static void
assert_text (PathwaysMarkdownView *view,
             const char           *expected)
{
  g_autofree char *text = dup_text (view);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_content_text (PathwaysMarkdownView *view,
                     const char           *expected)
{
  g_autofree char *text = dup_content_text (view);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_heading (void)
{
  PathwaysMarkdownView *view = render ("# Title\n\nSome text.\n\n### Third {#custom}\n");

  assert_text (view, "Title\nSome text.\nThird");
  g_assert_true (has_tag (view, 0, "h1"));
  g_assert_true (has_tag (view, 4, "h1"));
  g_assert_false (has_tag (view, offset_of (view, "Some"), "h1"));
  g_assert_true (has_tag (view, offset_of (view, "Third"), "h3"));
  /* Headings stand apart from what comes before them. */
  g_assert_cmpint (int_property_at (view, offset_of (view, "Third"), "pixels-above-lines"), >,
                   int_property_at (view, offset_of (view, "Some"), "pixels-above-lines"));

  g_assert_finalize_object (view);
}

static void
test_inline (void)
{
  PathwaysMarkdownView *view = render ("An *em* and **strong** and ***both*** and `code`.\n");
  int em = offset_of (view, "em ");
  int strong = offset_of (view, "strong");
  int both = offset_of (view, "both");
  int code = offset_of (view, "code");

  assert_text (view, "An em and strong and both and code.");
  g_assert_true (has_tag (view, em, "emphasis"));
  g_assert_false (has_tag (view, em, "strong"));
  g_assert_true (has_tag (view, strong, "strong"));
  g_assert_false (has_tag (view, strong, "emphasis"));
  g_assert_true (has_tag (view, both, "strong"));
  g_assert_true (has_tag (view, both, "emphasis"));
  g_assert_true (has_tag (view, code, "code"));
  g_assert_false (has_tag (view, code - 1, "code"));
  g_assert_false (has_tag (view, 0, "emphasis"));

  g_assert_finalize_object (view);
}

static void
test_breaks (void)
{
  PathwaysMarkdownView *view = render ("soft\nbreak and hard  \nbreak\\\nthird\n");

  assert_text (view, "soft break and hard\nbreak\nthird");
  g_assert_finalize_object (view);
}

static void
test_code_block (void)
{
  PathwaysMarkdownView *view = render ("Intro\n\n```python\nif x:\n    y()\n```\n\n"
                                       "    indented\n    code\n");
  int fenced = offset_of (view, "if x");
  int indented = offset_of (view, "indented");
  GtkWrapMode wrap;
  GtkTextTag *tag;

  assert_text (view, "Intro\nif x:\n    y()\nindented\ncode");
  g_assert_true (has_tag (view, fenced, "code-block"));
  g_assert_true (has_tag (view, offset_of (view, "y()"), "code-block"));
  g_assert_true (has_tag (view, indented, "code-block"));
  g_assert_false (has_tag (view, 0, "code-block"));

  /* Long lines wrap anywhere rather than being cut off, and the block sits indented. */
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer_of (view)), "code-block");
  g_object_get (tag, "wrap-mode", &wrap, NULL);
  g_assert_cmpint (wrap, ==, GTK_WRAP_CHAR);
  g_assert_cmpint (int_property_at (view, fenced, "left-margin"), >,
                   int_property_at (view, 0, "left-margin"));

  g_assert_finalize_object (view);
}

static void
test_block_quote (void)
{
  PathwaysMarkdownView *view = render ("Before\n\n> Quoted\n>\n> > Nested\n\nAfter\n");
  int before = offset_of (view, "Before");
  int quoted = offset_of (view, "Quoted");
  int nested = offset_of (view, "Nested");

  assert_text (view, "Before\nQuoted\nNested\nAfter");
  g_assert_true (has_tag (view, quoted, "block-quote"));
  g_assert_true (has_tag (view, nested, "block-quote"));
  g_assert_false (has_tag (view, offset_of (view, "After"), "block-quote"));
  g_assert_cmpint (int_property_at (view, quoted, "left-margin"), >,
                   int_property_at (view, before, "left-margin"));
  g_assert_cmpint (int_property_at (view, nested, "left-margin"), >,
                   int_property_at (view, quoted, "left-margin"));

  g_assert_finalize_object (view);
}

static void
test_alert (void)
{
  PathwaysMarkdownView *view = render ("> [!NOTE]\n> Read *this*.\n\n"
                                       "> [!warning]\n>\n> Careful.\n\n"
                                       "> [!NOTE] not alone on its line\n");
  g_autofree char *text = dup_text (view);

  g_assert_null (strstr (text, "[!NOTE]\n"));
  g_assert_true (g_str_has_prefix (text, "Note\nRead this.\nWarning\nCareful.\n"));
  g_assert_nonnull (strstr (text, "[!NOTE] not alone"));
  g_assert_true (has_tag (view, 0, "alert-title"));
  g_assert_true (has_tag (view, 0, "alert-note"));
  g_assert_true (has_tag (view, offset_of (view, "Warning"), "alert-warning"));
  g_assert_false (has_tag (view, offset_of (view, "Read"), "alert-title"));
  g_assert_true (has_tag (view, offset_of (view, "this"), "emphasis"));

  g_assert_finalize_object (view);
}

static void
test_bullet_list (void)
{
  PathwaysMarkdownView *view = render ("- one\n- two\n  - nested\n    - deeper\n- three\n");
  g_autofree char *text = dup_text (view);
  int one = offset_of (view, "one");
  int nested = offset_of (view, "nested");
  int deeper = offset_of (view, "deeper");

  g_assert_cmpstr (text, ==, "•\tone\n•\ttwo\n◦\tnested\n▪\tdeeper\n•\tthree");
  assert_content_text (view, "one\ntwo\nnested\ndeeper\nthree");
  g_assert_true (has_tag (view, 0, "decoration"));
  g_assert_true (has_tag (view, 1, "decoration"));
  g_assert_false (has_tag (view, one, "decoration"));

  /* Nesting indents; the hanging indent puts wrapped lines under the text, not the bullet. */
  g_assert_cmpint (int_property_at (view, nested, "left-margin"), >,
                   int_property_at (view, one, "left-margin"));
  g_assert_cmpint (int_property_at (view, deeper, "left-margin"), >,
                   int_property_at (view, nested, "left-margin"));
  g_assert_cmpint (int_property_at (view, one, "indent"), <, 0);

  g_assert_finalize_object (view);
}

static void
test_ordered_list (void)
{
  PathwaysMarkdownView *view = render ("3. three\n4. four\n\n---\n\n7) seven\n1) eight\n");

  assert_text (view, "3.\tthree\n4.\tfour\n \n7)\tseven\n8)\teight");
  g_assert_true (has_tag (view, 0, "decoration"));
  g_assert_true (has_tag (view, offset_of (view, "4."), "decoration"));
  g_assert_false (has_tag (view, offset_of (view, "four"), "decoration"));
  assert_content_text (view, "three\nfour\n\nseven\neight");

  g_assert_finalize_object (view);
}

static void
test_loose_list (void)
{
  PathwaysMarkdownView *tight = render ("- a\n- b\n");
  PathwaysMarkdownView *loose = render ("- a\n\n- b\n");

  g_assert_cmpint (int_property_at (loose, offset_of (loose, "b"), "pixels-above-lines"), >,
                   int_property_at (tight, offset_of (tight, "b"), "pixels-above-lines"));

  g_assert_finalize_object (tight);
  g_assert_finalize_object (loose);
}

static void
test_rule (void)
{
  PathwaysMarkdownView *view = render ("above\n\n***\n\nbelow\n");
  int rule = offset_of (view, "\n") + 1;

  assert_content_text (view, "above\n\nbelow");
  g_assert_true (has_tag (view, rule, "decoration"));
  g_assert_true (has_tag (view, rule, "rule"));

  g_assert_finalize_object (view);
}

static void
test_links (void)
{
  PathwaysMarkdownView *view = render ("See [the ladder](ladder.md#engineer-ii) or "
                                       "<https://example.com/x>.\n\n"
                                       "[ref]: https://example.org\n\nA [ref] link.\n");
  int ladder = offset_of (view, "ladder");
  int autolink = offset_of (view, "https://example.com");
  g_autofree char *at_ladder = pathways_markdown_view_dup_link_at_offset (view, ladder);
  g_autofree char *at_autolink = pathways_markdown_view_dup_link_at_offset (view, autolink + 5);
  g_autofree char *before = pathways_markdown_view_dup_link_at_offset (view, 0);
  g_autofree char *after = pathways_markdown_view_dup_link_at_offset (view,
                                                                      offset_of (view, " or"));

  g_assert_cmpstr (at_ladder, ==, "ladder.md#engineer-ii");
  g_assert_cmpstr (at_autolink, ==, "https://example.com/x");
  g_assert_null (before);
  g_assert_null (after);
  g_assert_true (has_tag (view, ladder, "link"));
  g_assert_false (has_tag (view, 0, "link"));

  {
    g_autofree char *text = dup_text (view);
    int reference = (int) g_utf8_pointer_to_offset (text, strstr (text, "A ref") + 2);
    g_autofree char *at_reference = pathways_markdown_view_dup_link_at_offset (view, reference);

    g_assert_cmpstr (at_reference, ==, "https://example.org");
  }

  g_assert_finalize_object (view);
}

static void
test_html (void)
{
  PathwaysMarkdownView *view = render ("<!-- a hidden\ncomment -->\n\nText <!-- gone --> and "
                                       "<b>bold</b>.\n\n<div class=\"x\">\n<p>raw</p>\n</div>\n");
  int div = offset_of (view, "<div");

  assert_text (view, "Text  and <b>bold</b>.\n<div class=\"x\">\n<p>raw</p>\n</div>");
  g_assert_true (has_tag (view, div, "html"));
  g_assert_true (has_tag (view, offset_of (view, "<b>"), "html"));
  g_assert_false (has_tag (view, offset_of (view, "bold"), "html"));

  g_assert_finalize_object (view);
}

static void
test_directive (void)
{
  PathwaysMarkdownView *view = render ("[[_TOC_]]\n\n{{< figure src=\"x.png\" >}}\n\nKept.\n");

  assert_text (view, "Kept.");
  g_assert_finalize_object (view);
}

/* A 3×2 PNG, red. */
static void
write_png (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3, 2);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
test_images (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("pathways-view-XXXXXX", &error);
  g_autofree char *root_path = g_build_filename (tmp, "handbook", NULL);
  g_autofree char *pages_path = g_build_filename (root_path, "pages", NULL);
  g_autofree char *inside = g_build_filename (root_path, "pic.png", NULL);
  g_autofree char *outside = g_build_filename (tmp, "secret.png", NULL);
  g_autofree char *link = g_build_filename (root_path, "escape.png", NULL);
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) pages = NULL;
  PathwaysMarkdownView *view = view_new ();
  GtkTextIter iter;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (pages_path, 0700), ==, 0);
  write_png (inside);
  write_png (outside);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  root = g_file_new_for_path (root_path);
  pages = g_file_new_for_path (pages_path);

  show (view, "![local](../pic.png) ![rooted](/pic.png) ![remote](https://example.com/a.png) "
              "![outside](../../secret.png) ![symlink](../escape.png) ![missing](nope.png)\n",
        pages, root);

  text = dup_text (view);
  g_assert_cmpstr (text, ==, "\xef\xbf\xbc \xef\xbf\xbc remote outside symlink missing");

  gtk_text_buffer_get_iter_at_offset (buffer_of (view), &iter, 0);
  g_assert_true (GDK_IS_PAINTABLE (gtk_text_iter_get_paintable (&iter)));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_text_iter_get_paintable (&iter)), ==, 3);
  gtk_text_buffer_get_iter_at_offset (buffer_of (view), &iter, 2);
  g_assert_true (GDK_IS_PAINTABLE (gtk_text_iter_get_paintable (&iter)));

  gtk_text_buffer_get_iter_at_offset (buffer_of (view), &iter, offset_of (view, "remote"));
  g_assert_null (gtk_text_iter_get_paintable (&iter));
  g_assert_true (has_tag (view, offset_of (view, "remote"), "image-alt"));
  g_assert_true (has_tag (view, offset_of (view, "outside"), "image-alt"));
  g_assert_true (has_tag (view, offset_of (view, "symlink"), "image-alt"));

  /* Without a folder nothing is read at all. */
  show (view, "![local](../pic.png)\n", NULL, NULL);
  assert_text (view, "local");

  g_assert_finalize_object (view);

  g_unlink (link);
  g_unlink (inside);
  g_unlink (outside);
  g_rmdir (pages_path);
  g_rmdir (root_path);
  g_rmdir (tmp);
}

static void
test_table (void)
{
  PathwaysMarkdownView *view = render ("Intro line\n"
                                       "| Name | Level | Notes |\n"
                                       "| :--- | :---: | ---: |\n"
                                       "| Ada | **IC 3** | `a|b` |\n"
                                       "| Grace \\| Hopper | [IC 5](l.md) |\n");
  g_autofree char *text = dup_text (view);
  int header = offset_of (view, "Name");
  int row = offset_of (view, "Ada");
  PangoTabArray *tabs;

  g_assert_cmpstr (text, ==,
                   "Intro line\n"
                   "\tName\tLevel\tNotes\n"
                   "\tAda\tIC 3\ta|b\n"
                   "\tGrace | Hopper\tIC 5\t");
  g_assert_true (has_tag (view, header, "table-header"));
  g_assert_false (has_tag (view, row, "table-header"));
  g_assert_true (has_tag (view, header - 1, "decoration"));
  g_assert_true (has_tag (view, offset_of (view, "IC 3"), "strong"));
  g_assert_true (has_tag (view, offset_of (view, "a|b"), "code"));
  {
    g_autofree char *href = pathways_markdown_view_dup_link_at_offset (view,
                                                                       offset_of (view, "IC 5"));
    g_assert_cmpstr (href, ==, "l.md");
  }

  tabs = tabs_at (view, row);
  g_assert_nonnull (tabs);
  g_assert_cmpint (pango_tab_array_get_size (tabs), ==, 3);
  {
    int x0, x1, x2;
    PangoTabAlign a0, a1, a2;

    pango_tab_array_get_tab (tabs, 0, &a0, &x0);
    pango_tab_array_get_tab (tabs, 1, &a1, &x1);
    pango_tab_array_get_tab (tabs, 2, &a2, &x2);
    g_assert_cmpint (x0, <, x1);
    g_assert_cmpint (x1, <, x2);
    g_assert_cmpint (a0, ==, PANGO_TAB_LEFT);
#if PANGO_VERSION_CHECK (1, 50, 0)
    g_assert_cmpint (a1, ==, PANGO_TAB_CENTER);
    g_assert_cmpint (a2, ==, PANGO_TAB_RIGHT);
#endif
  }
  pango_tab_array_free (tabs);
  g_assert_null (tabs_at (view, 0));

  /* Not a table: a delimiter row whose cells don't match the header. */
  show (view, "a | b\n--- | --- | ---\n", NULL, NULL);
  assert_text (view, "a | b --- | --- | ---");

  g_assert_finalize_object (view);
}

/* A table too wide for the text column becomes one block per row. */
static void
test_wide_table (void)
{
  GString *md = g_string_new ("| Team | Engineering lead | Product manager | Designer | Channel |\n"
                              "| --- | --- | --- | --- | --- |\n");
  PathwaysMarkdownView *view;
  int value;

  for (int i = 0; i < 3; i++)
    g_string_append_printf (md, "| Team number %d with a long name | Someone Withalongname | "
                                "Another Person | A Designer Too | #team-channel-%d |\n", i, i);
  g_string_append (md, "| Last | | only *product* | | |\n");

  view = render (md->str);
  g_string_free (md, TRUE);

  {
    g_autofree char *text = dup_text (view);

    g_assert_true (g_str_has_prefix (text, "Team number 0 with a long name\n"
                                           "Engineering lead\tSomeone Withalongname\n"
                                           "Product manager\tAnother Person\n"));
    g_assert_true (g_str_has_suffix (text, "Last\nProduct manager\tonly product"));
  }
  g_assert_true (has_tag (view, 0, "table-header"));
  g_assert_true (has_tag (view, offset_of (view, "Engineering lead"), "table-label"));
  g_assert_true (has_tag (view, offset_of (view, "\tSomeone"), "decoration"));
  g_assert_true (has_tag (view, offset_of (view, "product"), "emphasis"));

  /* Values wrap under themselves: a hanging indent with a tab stop where they start. */
  value = offset_of (view, "Someone");
  g_assert_cmpint (int_property_at (view, value, "indent"), <, 0);
  {
    PangoTabArray *tabs = tabs_at (view, value);

    g_assert_nonnull (tabs);
    g_assert_cmpint (pango_tab_array_get_size (tabs), ==, 1);
    pango_tab_array_free (tabs);
  }

  g_assert_finalize_object (view);
}

static void
test_anchor (void)
{
  PathwaysMarkdownView *view = render ("# Ladder\n\nIntro.\n\n## Apprentice (IC 1)\n\nText.\n\n"
                                       "## Engineer II\n\nMore.\n");
  GtkTextBuffer *buffer = buffer_of (view);
  GtkTextIter cursor;

  g_assert_true (pathways_markdown_view_scroll_to_anchor (view, "apprentice"));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, offset_of (view, "Apprentice"));

  g_assert_true (pathways_markdown_view_scroll_to_anchor (view, "#engineer-ii"));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, offset_of (view, "Engineer II"));

  g_assert_false (pathways_markdown_view_scroll_to_anchor (view, "quantum-physics-appendix"));

  pathways_markdown_view_scroll_to_heading (view, 0);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 0);
  pathways_markdown_view_scroll_to_heading (view, 99);

  g_assert_finalize_object (view);
}

static void
test_find (void)
{
  PathwaysMarkdownView *view = render ("# Growth\n\nGROWTH matters; growth is *growth*.\n");
  GtkTextBuffer *buffer = buffer_of (view);
  GtkTextIter start, end;

  g_assert_cmpuint (pathways_markdown_view_find (view, "growth"), ==, 4);
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 1);
  g_assert_true (has_tag (view, 0, "find-match"));
  g_assert_true (has_tag (view, 0, "find-current"));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 0);

  g_assert_true (pathways_markdown_view_find_next (view, FALSE));
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 2);
  g_assert_false (has_tag (view, 0, "find-current"));
  g_assert_true (has_tag (view, offset_of (view, "GROWTH"), "find-current"));

  g_assert_true (pathways_markdown_view_find_next (view, FALSE));
  g_assert_true (pathways_markdown_view_find_next (view, FALSE));
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 4);
  g_assert_true (pathways_markdown_view_find_next (view, FALSE));
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 1);
  g_assert_true (pathways_markdown_view_find_next (view, TRUE));
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 4);

  g_assert_cmpuint (pathways_markdown_view_find (view, "absent"), ==, 0);
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 0);
  g_assert_false (pathways_markdown_view_find_next (view, FALSE));

  g_assert_cmpuint (pathways_markdown_view_find (view, "growth"), ==, 4);
  g_assert_cmpuint (pathways_markdown_view_find (view, ""), ==, 0);
  g_assert_false (has_tag (view, 0, "find-match"));

  /* A new page forgets the old matches. */
  pathways_markdown_view_find (view, "growth");
  show (view, "growth again\n", NULL, NULL);
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 0);
  g_assert_false (pathways_markdown_view_find_next (view, FALSE));

  g_assert_finalize_object (view);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           int        *count)
{
  (*count)++;
}

static double
zoom_scale (PathwaysMarkdownView *view)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer_of (view)),
                                               "zoom");
  double scale;

  g_object_get (tag, "scale", &scale, NULL);
  return scale;
}

static void
test_zoom (void)
{
  PathwaysMarkdownView *view = render ("# Title\n\n- item\n");
  int notified = 0;
  int margin_before = int_property_at (view, offset_of (view, "item"), "left-margin");

  g_signal_connect (view, "notify::zoom", G_CALLBACK (on_notify), &notified);
  g_assert_cmpfloat (pathways_markdown_view_get_zoom (view), ==, 1.0);
  g_assert_true (has_tag (view, 0, "zoom"));

  pathways_markdown_view_set_zoom (view, 2.0);
  g_assert_cmpfloat (pathways_markdown_view_get_zoom (view), ==, 2.0);
  g_assert_cmpfloat_with_epsilon (zoom_scale (view), 2.0, 1e-9);
  g_assert_cmpint (notified, ==, 1);
  pathways_markdown_view_set_zoom (view, 2.0);
  g_assert_cmpint (notified, ==, 1);

  /* Indentation grows with the text. */
  g_assert_cmpint (int_property_at (view, offset_of (view, "item"), "indent"), <,
                   -margin_before / 100);

  g_object_set (view, "zoom", 3.0, NULL);
  pathways_markdown_view_set_zoom (view, 10.0);
  g_assert_cmpfloat (pathways_markdown_view_get_zoom (view), ==, 3.0);
  g_assert_cmpint (notified, ==, 2);

  /* The zoom outlives the page. */
  show (view, "Another page\n", NULL, NULL);
  g_assert_true (has_tag (view, 3, "zoom"));
  g_assert_cmpfloat_with_epsilon (zoom_scale (view), 3.0, 1e-9);

  g_assert_finalize_object (view);
}

static void
test_hostile_input (void)
{
  PathwaysMarkdownView *view = view_new ();
  GString *deep = g_string_new (NULL);
  static const char invalid[] = "# Bad \xff\xfe bytes\n\n"
                                "NUL \0 inside\r\nand \xe2\x80\xa9 separator\n";
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;

  doc = pathways_markdown_doc_parse (invalid, sizeof invalid - 1, 0);
  pathways_markdown_view_set_document (view, doc, NULL, NULL);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer_of (view)), ==, 2);

  for (int i = 0; i < 20000; i++)
    g_string_append_c (deep, '>');
  g_string_append (deep, " deep\n\n");
  for (int i = 0; i < 2000; i++)
    g_string_append (deep, "- ");
  g_string_append (deep, "list\n\n");
  for (int i = 0; i < 5000; i++)
    g_string_append (deep, "*a **b ");
  g_string_append (deep, "\n\n| a |\n|---|\n| `unclosed |\n|\n\n1234567890. not a list\n\n"
                         "999999999. big\n\n> [!NOTE]\n\n>\n\n-\n\n```\n");
  show (view, deep->str, NULL, NULL);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer_of (view)), >, 0);

  show (view, "", NULL, NULL);
  assert_text (view, "");
  pathways_markdown_view_set_document (view, NULL, NULL, NULL);
  assert_text (view, "");

  g_string_free (deep, TRUE);
  g_assert_finalize_object (view);
}

static gboolean
wait_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Scrolling lands once GtkTextView has measured the lines around the target, which it does
 * in idles: wait for that (at most 5 s) rather than for a fixed time. */
static double
spin_until_scrolled_to (PathwaysMarkdownView *view,
                        double                fraction,
                        double                epsilon)
{
  for (int i = 0; i < 50; i++)
    {
      spin (100);
      if (G_APPROX_VALUE (pathways_markdown_view_get_scroll_fraction (view), fraction, epsilon))
        break;
    }
  return pathways_markdown_view_get_scroll_fraction (view);
}

static void
test_measure_and_scroll (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  PathwaysMarkdownView *view = PATHWAYS_MARKDOWN_VIEW (pathways_markdown_view_new ());
  GString *long_page = g_string_new ("# Long\n\n");
  int left;

  for (int i = 0; i < 400; i++)
    g_string_append_printf (long_page, "Paragraph %d with some words in it.\n\n", i);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 500);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  show (view, long_page->str, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  /* Wide windows centre a readable column; the margins are the same on both sides. */
  left = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view));
  g_assert_cmpint (left, >, 24);
  g_assert_cmpint (left, ==, gtk_text_view_get_right_margin (GTK_TEXT_VIEW (view)));
  g_assert_cmpint (int_property_at (view, offset_of (view, "Paragraph 3 "), "left-margin"), ==,
                   left);

  /* At a larger zoom the column widens, so the margins shrink. */
  pathways_markdown_view_set_zoom (view, 1.5);
  /* The margins follow in an idle: on a loaded machine frames can keep it waiting. */
  for (int i = 0; i < 50 && gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)) >= left; i++)
    spin (100);
  g_assert_cmpint (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)), <, left);
  pathways_markdown_view_set_zoom (view, 1.0);

  g_assert_cmpfloat (pathways_markdown_view_get_scroll_fraction (view), ==, 0.0);
  pathways_markdown_view_set_scroll_fraction (view, 0.5);
  g_assert_cmpfloat_with_epsilon (spin_until_scrolled_to (view, 0.5, 0.02), 0.5, 0.02);

  /* A re-rendered page keeps its place when asked to. */
  show (view, long_page->str, NULL, NULL);
  pathways_markdown_view_set_scroll_fraction (view, 0.5);
  g_assert_cmpfloat_with_epsilon (spin_until_scrolled_to (view, 0.5, 0.02), 0.5, 0.02);

  pathways_markdown_view_set_scroll_fraction (view, 1.0);
  g_assert_cmpfloat_with_epsilon (spin_until_scrolled_to (view, 1.0, 0.001), 1.0, 0.001);

  g_string_free (long_page, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_label (void)
{
  PathwaysMarkdownView *view = view_new ();

  /* GTK 4.8 has no getter for accessible properties; rendering must at least keep the role
   * of a text view, which is what the end-to-end tests look for. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_false (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (view)));

  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pathways/markdown-view/heading", test_heading);
  g_test_add_func ("/pathways/markdown-view/inline", test_inline);
  g_test_add_func ("/pathways/markdown-view/breaks", test_breaks);
  g_test_add_func ("/pathways/markdown-view/code-block", test_code_block);
  g_test_add_func ("/pathways/markdown-view/block-quote", test_block_quote);
  g_test_add_func ("/pathways/markdown-view/alert", test_alert);
  g_test_add_func ("/pathways/markdown-view/bullet-list", test_bullet_list);
  g_test_add_func ("/pathways/markdown-view/ordered-list", test_ordered_list);
  g_test_add_func ("/pathways/markdown-view/loose-list", test_loose_list);
  g_test_add_func ("/pathways/markdown-view/rule", test_rule);
  g_test_add_func ("/pathways/markdown-view/links", test_links);
  g_test_add_func ("/pathways/markdown-view/html", test_html);
  g_test_add_func ("/pathways/markdown-view/directive", test_directive);
  g_test_add_func ("/pathways/markdown-view/images", test_images);
  g_test_add_func ("/pathways/markdown-view/table", test_table);
  g_test_add_func ("/pathways/markdown-view/wide-table", test_wide_table);
  g_test_add_func ("/pathways/markdown-view/anchor", test_anchor);
  g_test_add_func ("/pathways/markdown-view/find", test_find);
  g_test_add_func ("/pathways/markdown-view/zoom", test_zoom);
  g_test_add_func ("/pathways/markdown-view/hostile-input", test_hostile_input);
  g_test_add_func ("/pathways/markdown-view/measure-and-scroll", test_measure_and_scroll);
  g_test_add_func ("/pathways/markdown-view/accessible", test_accessible_label);

  return g_test_run ();
}
