/* test-commonmark.c: the Markdown view against the CommonMark 0.30 spec examples.
 *
 * Every example must render without a warning; its text, less decoration (bullets, numbers,
 * rules), must read the same as the text content of cmark's own HTML for it. Where the view
 * deliberately differs from a browser, the example is listed below with the reason.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <cmark.h>

#include "pathways-markdown-view.h"

#define N_SPEC_EXAMPLES 652

typedef struct
{
  const char *why;
  const int  *numbers;
  guint       n_numbers;
} ExceptionGroup;

/* Raw HTML blocks are shown as literal text, never interpreted, while a browser shows only
 * the text between the tags (or nothing, for a bare tag). */
static const int raw_html_blocks[] = {
  148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165,
  166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180, 181, 182, 184, 185,
  186, 187, 188, 189, 190, 191,
};

/* Raw inline HTML (tags, processing instructions, declarations, CDATA) is shown as literal
 * text too; these examples are mostly about where inline HTML wins over other constructs. */
static const int raw_html_inline[] = {
  21, 31, 201, 344, 474, 475, 476, 490, 493, 523, 535, 612, 613, 614, 615, 616, 622, 627,
  628, 629, 630, 631, 642, 643,
};

/* Images that cannot be loaded (here: no folder to load from) show their alt text; in HTML
 * the alt text is an attribute, not text. */
static const int image_alt_text[] = {
  516, 519, 530, 571, 572, 573, 574, 575, 576, 577, 578, 579, 581, 582, 583, 584, 585, 586,
  587, 588, 590,
};

/* Pages may start with YAML front matter between "---" lines, which is taken off before
 * parsing: this example opens with a thematic break and has a later "---" line. */
static const int front_matter[] = {
  96,
};

static const ExceptionGroup exception_groups[] = {
  { "raw HTML blocks shown as text", raw_html_blocks, G_N_ELEMENTS (raw_html_blocks) },
  { "raw inline HTML shown as text", raw_html_inline, G_N_ELEMENTS (raw_html_inline) },
  { "image alt text shown", image_alt_text, G_N_ELEMENTS (image_alt_text) },
  { "leading \"---\" block read as front matter", front_matter, G_N_ELEMENTS (front_matter) },
};

typedef struct
{
  int   number;
  char *section;
  char *markdown;
} Example;

static void
example_free (gpointer data)
{
  Example *example = data;

  g_free (example->section);
  g_free (example->markdown);
  g_free (example);
}

static char *
replace_tabs (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "→", -1);

  return g_strjoinv ("\t", parts);
}

/* The spec's examples: a fence of 32 backticks and " example", the Markdown, a line with a
 * single ".", the HTML, and a closing fence of 32 backticks. */
static GPtrArray *
parse_spec (const char *spec)
{
  GPtrArray *examples = g_ptr_array_new_with_free_func (example_free);
  g_auto(GStrv) lines = g_strsplit (spec, "\n", -1);
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *section = g_strdup ("");
  g_autofree char *fence = g_strnfill (32, '`');
  g_autofree char *opening = g_strconcat (fence, " example", NULL);
  enum { OUTSIDE, MARKDOWN, HTML } state = OUTSIDE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      switch (state)
        {
        case OUTSIDE:
          if (g_str_equal (line, opening))
            {
              g_string_truncate (markdown, 0);
              state = MARKDOWN;
            }
          else if (line[0] == '#' && (line[1] == ' ' || (line[1] == '#' && line[2] == ' ')))
            {
              g_free (section);
              section = g_strdup (strchr (line, ' ') + 1);
            }
          break;

        case MARKDOWN:
          if (g_str_equal (line, "."))
            state = HTML;
          else
            {
              g_string_append (markdown, line);
              g_string_append_c (markdown, '\n');
            }
          break;

        case HTML:
          if (g_str_equal (line, fence))
            {
              Example *example = g_new0 (Example, 1);

              example->number = examples->len + 1;
              example->section = g_strdup (section);
              example->markdown = replace_tabs (markdown->str);
              g_ptr_array_add (examples, example);
              state = OUTSIDE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return examples;
}

static void
append_normalized (GString    *out,
                   const char *text,
                   gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

static char *
finish_normalized (GString *s)
{
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  if (s->len > 0 && s->str[0] == ' ')
    g_string_erase (s, 0, 1);

  return g_string_free (s, FALSE);
}

/* The text a browser would show for cmark's HTML: tags and comments dropped, and the entities
 * cmark writes decoded. */
static char *
html_text_content (const char *html)
{
  GString *text = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      if (strncmp (p, "<!--", 4) == 0)
        {
          const char *close = strstr (p + 2, "-->");

          p = close != NULL ? close + 3 : p + strlen (p);
        }
      else if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '?' || p[1] == '!'))
        {
          const char *close = strchr (p, '>');

          p = close != NULL ? close + 1 : p + strlen (p);
        }
      else if (*p == '&')
        {
          static const struct { const char *entity; char c; } entities[] = {
            { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
          };
          gboolean decoded = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !decoded; i++)
            {
              gsize n = strlen (entities[i].entity);

              if (strncmp (p, entities[i].entity, n) == 0)
                {
                  g_string_append_c (text, entities[i].c);
                  p += n;
                  decoded = TRUE;
                }
            }
          if (!decoded)
            g_string_append_c (text, *p++);
        }
      else
        g_string_append_c (text, *p++);
    }

  append_normalized (out, text->str, text->len);
  g_string_free (text, TRUE);
  return finish_normalized (out);
}

static char *
view_text_content (PathwaysMarkdownView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *decoration = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                      "decoration");
  GString *out = g_string_new (NULL);
  GtkTextIter iter, next;

  g_assert_nonnull (decoration);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      next = iter;
      if (!gtk_text_iter_forward_to_tag_toggle (&next, decoration))
        gtk_text_buffer_get_end_iter (buffer, &next);
      if (!gtk_text_iter_has_tag (&iter, decoration))
        {
          g_autofree char *part = gtk_text_buffer_get_text (buffer, &iter, &next, TRUE);

          /* Decoration stands between words, as block boundaries do in HTML. */
          append_normalized (out, part, -1);
        }
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      iter = next;
    }

  return finish_normalized (out);
}

static gboolean
is_listed (int          number,
           const char **why)
{
  for (guint g = 0; g < G_N_ELEMENTS (exception_groups); g++)
    for (guint i = 0; i < exception_groups[g].n_numbers; i++)
      if (exception_groups[g].numbers[i] == number)
        {
          *why = exception_groups[g].why;
          return TRUE;
        }

  return FALSE;
}

static void
test_spec (void)
{
  const char *corpora = g_getenv ("PATHWAYS_CORPORA_DIR");
  g_autofree char *path = NULL;
  g_autofree char *spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) examples = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GString) stale = g_string_new (NULL);
  PathwaysMarkdownView *view;
  guint matched = 0;
  guint listed = 0;
  guint n_listed = 0;

  if (corpora == NULL)
    {
      g_test_skip ("PATHWAYS_CORPORA_DIR is not set: the CommonMark corpus is not present");
      return;
    }

  path = g_build_filename (corpora, "commonmark-spec", "spec-0.30.txt", NULL);
  if (!g_file_get_contents (path, &spec, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf ("The CommonMark corpus is not present: %s",
                                                  error->message);
      g_test_skip (message);
      return;
    }

  examples = parse_spec (spec);
  g_assert_cmpuint (examples->len, ==, N_SPEC_EXAMPLES);

  for (guint g = 0; g < G_N_ELEMENTS (exception_groups); g++)
    n_listed += exception_groups[g].n_numbers;

  view = g_object_ref_sink (PATHWAYS_MARKDOWN_VIEW (pathways_markdown_view_new ()));

  for (guint i = 0; i < examples->len; i++)
    {
      Example *example = g_ptr_array_index (examples, i);
      g_autoptr(PathwaysMarkdownDoc) doc = pathways_markdown_doc_parse (example->markdown, -1, 0);
      g_autofree char *html = cmark_markdown_to_html (example->markdown,
                                                      strlen (example->markdown),
                                                      CMARK_OPT_DEFAULT);
      g_autofree char *expected = html_text_content (html);
      g_autofree char *shown = NULL;
      const char *why = NULL;
      gboolean same;

      pathways_markdown_view_set_document (view, doc, NULL, NULL);
      shown = view_text_content (view);
      same = g_str_equal (shown, expected);

      if (same)
        matched++;

      if (is_listed (example->number, &why))
        {
          if (same)
            g_string_append_printf (stale, " %d", example->number);
          else
            listed++;
        }
      else if (!same)
        {
          g_string_append_printf (failures, " %d", example->number);
          g_test_message ("Example %d (%s) differs:\n  expected: %s\n  shown:    %s",
                          example->number, example->section, expected, shown);
        }
    }

  g_assert_finalize_object (view);

  g_print ("# CommonMark 0.30: %u of %u examples match, %u listed exceptions\n",
           matched, examples->len, listed);

  if (failures->len > 0)
    g_test_fail_printf ("Examples that differ and are not listed:%s", failures->str);
  if (stale->len > 0)
    g_test_fail_printf ("Listed exceptions that now match (take them off the list):%s",
                        stale->str);
  if (stale->len == 0)
    g_assert_cmpuint (listed, ==, n_listed);  /* or a number is listed twice */
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pathways/commonmark/spec-0.30", test_spec);

  return g_test_run ();
}
