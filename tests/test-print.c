/* test-print.c: Markdown exported to PDF — what ends up on the pages, read back with
 * poppler's tools when they are installed.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathways-print.h"

#define N_SENTENCES 150
#define FINAL_SENTENCE "This closing sentence ends the long paragraph of the review."

typedef struct
{
  char  *dir;
  GFile *pdf;
  char  *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pathways-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "review.pdf", NULL);
  fixture->pdf = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->pdf);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
export (Fixture    *fixture,
        const char *title,
        const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (pathways_print_markdown_to_pdf (title, markdown, fixture->pdf, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
}

/* Runs a poppler tool and returns what it printed, or %NULL if the tool is not installed. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  if (program == NULL)
    return NULL;

  argv = g_ptr_array_new ();
  g_ptr_array_add (argv, program);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* The text of pages @first to @last (0 for the end), with all runs of white space made one
 * space: where the lines wrap is not what is being tested. */
static char *
dup_pdf_text (Fixture *fixture,
              int      first,
              int      last)
{
  g_autofree char *first_arg = g_strdup_printf ("%d", first);
  g_autofree char *last_arg = g_strdup_printf ("%d", last);
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;

  if (last > 0)
    text = run_tool ("pdftotext", "-f", first_arg, "-l", last_arg, fixture->path, "-", NULL);
  else
    text = run_tool ("pdftotext", "-f", first_arg, fixture->path, "-", NULL);
  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\f\r", -1);
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          continue;
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, words[i]);
      }
    return g_string_free (g_steal_pointer (&joined), FALSE);
  }
}

/* pdfinfo's "Pages:", or -1 without pdfinfo. */
static int
pdf_pages (Fixture *fixture)
{
  g_autofree char *info = run_tool ("pdfinfo", fixture->path, NULL);
  const char *line;

  if (info == NULL)
    return -1;

  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static char *
dup_review (void)
{
  GString *md = g_string_new (NULL);

  g_string_append (md,
                   "# Performance review: Ada Lovelace\n"
                   "\n"
                   "## Summary\n"
                   "\n"
                   "Ada had a **strong** year with *notable* growth in `scope`. See "
                   "[the ladder](https://example.com/ladder) for the level.\n"
                   "\n"
                   "## Wins and successes\n"
                   "\n"
                   "- Shipped the analytical engine notes\n"
                   "  - Wrote the first published algorithm\n"
                   "    1. Bernoulli numbers\n"
                   "    2. Loops over the cards\n"
                   "- Mentored two engineers\n"
                   "\n"
                   "| Area | Rating | Comment |\n"
                   "| --- | :---: | ---: |\n"
                   "| Delivery | Exceeds | Shipped three releases |\n"
                   "| Craft | Meets | Clean and well tested code |\n"
                   "| Impact | Exceeds | Mentored the whole team |\n"
                   "\n"
                   "```c\n"
                   "int main (void) { return 0; }\n"
                   "```\n"
                   "\n"
                   "> Ada is the person everyone asks first.\n"
                   "> — a peer\n"
                   "\n"
                   "Feedback from abroad 🎉 مرحبا بالعالم، شكرا لك and 你好 👍🏽\n"
                   "\n"
                   "![a diagram of the engine](engine.png)\n"
                   "\n"
                   "---\n"
                   "\n"
                   "## Growth\n"
                   "\n");

  for (int i = 1; i <= N_SENTENCES; i++)
    g_string_append_printf (md, "Sentence %d of the growth section describes steady progress. ",
                            i);
  g_string_append (md, FINAL_SENTENCE "\n");

  return g_string_free (md, FALSE);
}

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *review = dup_review ();
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *info = NULL;
  int pages;

  export (fixture, "Ada Lovelace — 2026 review", review);

  pages = pdf_pages (fixture);
  if (pages >= 0)
    g_assert_cmpint (pages, >=, 2);

  info = run_tool ("pdfinfo", fixture->path, NULL);
  if (info != NULL)
    g_assert_true (strstr (info, "(A4)") != NULL || strstr (info, "(letter)") != NULL);

  text = dup_pdf_text (fixture, 1, 0);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed: the PDF's text was not checked");
      return;
    }

  g_assert_nonnull (strstr (text, "Ada Lovelace — 2026 review"));
  g_assert_nonnull (strstr (text, "Summary"));
  g_assert_nonnull (strstr (text, "Wins and successes"));
  g_assert_nonnull (strstr (text, "Bernoulli numbers"));
  g_assert_nonnull (strstr (text, "https://example.com/ladder"));
  g_assert_nonnull (strstr (text, "a diagram of the engine"));
  for (guint i = 0; i < 15; i++)
    {
      static const char * const cells[] = {
        "Area", "Rating", "Comment",
        "Delivery", "Exceeds", "Shipped three releases",
        "Craft", "Meets", "Clean and well tested code",
        "Impact", "Exceeds", "Mentored the whole team",
        "int main (void)", "everyone asks first", "Page 1 of",
      };

      g_assert_nonnull (strstr (text, cells[i]));
    }

  /* Every line of the paragraph that spans the page break is there, once the footer and
   * header between its pages are taken out. */
  {
    g_autoptr(GRegex) furniture =
      g_regex_new (" Page [0-9]+ of [0-9]+ Ada Lovelace — 2026 review", 0, 0, NULL);
    g_autofree char *flowing = g_regex_replace_literal (furniture, text, -1, 0, "", 0, NULL);

    for (int i = 1; i <= N_SENTENCES; i++)
      {
        g_autofree char *sentence =
          g_strdup_printf ("Sentence %d of the growth section describes steady progress.", i);

        g_assert_nonnull (strstr (flowing, sentence));
      }
    g_assert_nonnull (strstr (flowing, FINAL_SENTENCE));
  }

  /* It starts on the first page and goes on after it. */
  first_page = dup_pdf_text (fixture, 1, 1);
  g_assert_nonnull (strstr (first_page, "Sentence 1 of the growth section"));
  g_assert_null (strstr (first_page, FINAL_SENTENCE));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *text = NULL;
  int pages;

  export (fixture, NULL, "");

  pages = pdf_pages (fixture);
  if (pages >= 0)
    g_assert_cmpint (pages, ==, 1);

  text = dup_pdf_text (fixture, 1, 0);
  if (text == NULL)
    g_test_skip ("pdftotext is not installed: the PDF's text was not checked");
  else
    g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

/* The page cap: 500 pages, the last one saying that the rest was left out. */
static void
check_truncated (Fixture *fixture)
{
  g_autofree char *text = NULL;
  int pages = pdf_pages (fixture);

  if (pages >= 0)
    g_assert_cmpint (pages, ==, 500);

  text = dup_pdf_text (fixture, 500, 500);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed: the PDF's text was not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "(truncated)"));
  g_assert_nonnull (strstr (text, "Page 500 of 500"));
}

static void
test_huge_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) md = g_string_new ("# A very long list\n\n");

  for (int i = 1; i <= 50000; i++)
    g_string_append_printf (md, "- Item number %d of the list\n", i);

  export (fixture, "Long list", md->str);
  check_truncated (fixture);
}

/* 10 MB of prose in long paragraphs: more than the app shows, far more than fits. */
static void
test_huge_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) md = g_string_new (NULL);

  while (md->len < 10 * 1024 * 1024)
    {
      for (int i = 0; i < 400; i++)
        g_string_append (md, "Words keep coming in this enormous review, sentence after "
                             "sentence. ");
      g_string_append (md, "\n\n");
    }

  export (fixture, NULL, md->str);
  check_truncated (fixture);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "review.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (pathways_print_markdown_to_pdf ("Review", "# Review\n", file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GtkWindow *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GType dialog_type = g_type_from_name ("GtkPrintUnixDialog");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (dialog_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (window, dialog_type))
        return window;
    }

  return NULL;
}

/* Spins the main loop until the print dialog is there (or gone), for at most ten seconds. */
static GtkWindow *
wait_for_print_dialog (gboolean shown)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *dialog = find_print_dialog ();

  while ((dialog != NULL) != shown && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      dialog = find_print_dialog ();
    }

  return dialog;
}

/* Printing shows GTK's dialog over the window; cancelling it closes it quietly. */
static void
test_dialog_cancel (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  pathways_print_markdown (GTK_WINDOW (window), "Review", "# Review\n\nSome text.\n");

  dialog = wait_for_print_dialog (TRUE);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  gtk_window_close (dialog);
  g_assert_null (wait_for_print_dialog (FALSE));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/print/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("review", test_review);
  ADD ("empty", test_empty);
  ADD ("huge-list", test_huge_list);
  ADD ("huge-text", test_huge_text);
  ADD ("unwritable", test_unwritable);
#undef ADD
  g_test_add_func ("/pathways/print/dialog-cancel", test_dialog_cancel);

  return g_test_run ();
}
