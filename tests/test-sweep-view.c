/* test-sweep-view.c: the bad-input sweep on screen — the Handbook area and its Markdown
 * view given nasty pages: the window keeps answering, shows what it can, says what it could
 * not, and opens, runs or fetches nothing.
 *
 * Covered elsewhere, and not repeated here:
 *   10 MB page truncated, with a notice     test-window /huge-page-is-truncated-with-notice
 *   invalid UTF-8 page notice               test-window /invalid-utf8-page-has-notice
 *   a page deleted while open               test-window /page-edited-and-deleted-on-disk
 *   one-line 20,000-deep quote, bad bytes   test-markdown-view /hostile-input
 *   remote, outside and symlinked images    test-markdown-view /images
 *   refused links keep the page             test-window /refused-and-missing-links-stay
 *
 * Links are opened through GIO's default handlers here, so the tests install their own
 * handler (a script that writes down what it was given) as the default for every scheme and
 * type a link could reach: whatever Pathways launched would show up in its log. A web link
 * and a plain document do reach it, which shows an empty log means nothing was launched.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pwd.h>
#include <grp.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pathways-handbook-page.h"
#include "pathways-test-ui.h"

/* Where the stand-in URI handler writes what it was asked to open. */
static char *launch_log;

typedef struct
{
  GtkWidget            *window;
  PathwaysHandbookPage *page;
  GSettings            *settings;
  char                 *dir;
  char                 *root;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pathways_test_make_temp_dir ("sweep-view");
  fixture->root = g_build_filename (fixture->dir, "handbook", NULL);
  g_assert_cmpint (g_mkdir (fixture->root, 0755), ==, 0);
  fixture->settings = g_settings_new (APPLICATION_ID);
  fixture->page = g_object_new (PATHWAYS_TYPE_HANDBOOK_PAGE, NULL);
  pathways_handbook_page_set_settings (fixture->page, fixture->settings);
  fixture->window = pathways_test_window_new (GTK_WIDGET (fixture->page), 900, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_settings_reset (fixture->settings, "handbook-folder");
  g_settings_reset (fixture->settings, "last-page");
  g_clear_object (&fixture->settings);
  pathways_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->root);
}

static void
write_page (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  pathways_test_write_file (fixture->root, name, contents, len);
}

/* ---- watching the main loop ---- */

/* A timer that notes the longest the main loop went without running it. */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  source;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer data)
{
  Heartbeat *beat = data;
  gint64 now = g_get_monotonic_time ();

  beat->longest = MAX (beat->longest, now - beat->last);
  beat->last = now;
  return G_SOURCE_CONTINUE;
}

static void
heartbeat_start (Heartbeat *beat)
{
  beat->last = g_get_monotonic_time ();
  beat->longest = 0;
  beat->source = g_timeout_add (10, heartbeat_cb, beat);
}

/* The longest stall, in ms. */
static gint64
heartbeat_stop (Heartbeat *beat)
{
  g_clear_handle_id (&beat->source, g_source_remove);
  return beat->longest / 1000;
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static gboolean
wait_until (Fixture       *fixture,
            Condition      condition,
            gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
page_is (Fixture       *fixture,
         gconstpointer  path)
{
  return g_strcmp0 (pathways_handbook_page_get_current_page (fixture->page), path) == 0;
}

static gboolean
has_notice (Fixture       *fixture,
            gconstpointer  data)
{
  return pathways_handbook_page_get_notice (fixture->page) != NULL;
}

static gboolean
has_status (Fixture       *fixture,
            gconstpointer  data)
{
  return pathways_handbook_page_get_status (fixture->page) != NULL;
}

static PathwaysMarkdownView *
view_of (Fixture *fixture)
{
  return pathways_handbook_page_get_view (fixture->page);
}

static char *
view_text (Fixture *fixture)
{
  GtkTextView *view = GTK_TEXT_VIEW (view_of (fixture));

  return pathways_test_dup_buffer_text (gtk_text_view_get_buffer (view));
}

static gboolean
text_contains (Fixture       *fixture,
               gconstpointer  needle)
{
  g_autofree char *text = view_text (fixture);

  return strstr (text, needle) != NULL;
}

static const char *
page_title (Fixture *fixture)
{
  static char *title;

  g_free (title);
  g_object_get (fixture->page, "page-title", &title, NULL);
  return title;
}

/* Opens the handbook folder on its home page, keeping count of the main loop's stalls. */
static gint64
open_handbook (Fixture    *fixture,
               const char *home)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->root);
  Heartbeat beat;

  heartbeat_start (&beat);
  pathways_handbook_page_open (fixture->page, folder, NULL);
  g_assert_true (wait_until (fixture, page_is, home));
  pathways_test_settle ();
  return heartbeat_stop (&beat);
}

static void
follow (Fixture    *fixture,
        const char *href)
{
  g_signal_emit_by_name (view_of (fixture), "link-activated", href);
}

/* Whether the line holding @needle is laid out inside the view's visible width. */
static gboolean
line_fits (Fixture    *fixture,
           const char *needle)
{
  GtkTextView *view = GTK_TEXT_VIEW (view_of (fixture));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match, end;
  GdkRectangle first, last;
  int width = gtk_widget_get_width (GTK_WIDGET (view));

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match, &end, NULL));
  gtk_text_view_get_iter_location (view, &match, &first);
  gtk_text_iter_backward_char (&end);
  gtk_text_view_get_iter_location (view, &end, &last);
  g_test_message ("“%s” at x %d…%d of %d", needle, first.x, last.x + last.width, width);
  return first.x >= 0 && last.x + last.width <= width && last.y == first.y;
}

/* ---- big and deep pages ---- */

static void
test_huge_page_responsive (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("# A very long page\n\n");
  gint64 stall;

  while (text->len < 10 * 1024 * 1024)
    g_string_append (text, "Another *line* of a handbook page, with a [link](index.md).\n\n");
  write_page (fixture, "index.md", text->str, text->len);

  /* Parsing happens in a thread; the view fills its buffer in one go. The window answers
   * all along: no stall near what a person would take for a hang. */
  stall = open_handbook (fixture, "index.md");
  g_test_message ("longest stall opening a 10 MB page: %" G_GINT64_FORMAT " ms", stall);
  g_assert_cmpint (stall, <, 5000);
  g_assert_true (text_contains (fixture, "A very long page"));
  g_assert_true (has_notice (fixture, NULL));
}

static void
test_long_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("# Checklist\n\n");
  g_autofree char *shown = NULL;
  gint64 stall;

  for (guint i = 1; i <= 50000; i++)
    g_string_append_printf (text, "- item %u\n", i);
  write_page (fixture, "index.md", text->str, text->len);

  stall = open_handbook (fixture, "index.md");
  g_test_message ("longest stall opening a 50,000-line list: %" G_GINT64_FORMAT " ms", stall);
  g_assert_cmpint (stall, <, 5000);

  shown = view_text (fixture);
  g_assert_nonnull (strstr (shown, "item 1\n"));
  g_assert_true (g_str_has_suffix (shown, "item 50000"));
  g_assert_true (line_fits (fixture, "item 50000"));
  g_assert_null (pathways_handbook_page_get_notice (fixture->page));

  /* Find in page reaches the end of it. */
  g_assert_cmpuint (pathways_markdown_view_find (view_of (fixture), "item 49999"), ==, 1);
}

static void
append_deep_quotes (GString *text,
                    guint    levels)
{
  for (guint level = 1; level <= levels; level++)
    {
      for (guint i = 0; i < level; i++)
        g_string_append (text, "> ");
      g_string_append_printf (text, "quote %u%s\n", level, level == levels ? " innermost" : "");
    }
}

static void
append_deep_lists (GString *text,
                   guint    levels)
{
  guint indent = 0;

  for (guint level = 1; level <= levels; level++)
    {
      for (guint i = 0; i < indent; i++)
        g_string_append_c (text, ' ');
      g_string_append (text, level % 2 == 1 ? "- " : "1. ");
      indent += level % 2 == 1 ? 2 : 3;
      g_string_append_printf (text, "item %u%s\n", level, level == levels ? " innermost" : "");
    }
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) quotes = g_string_new ("# Quotes\n\n");
  g_autoptr(GString) lists = g_string_new ("# Lists\n\n");
  gint64 stall;

  append_deep_quotes (quotes, 1000);
  g_string_append (quotes, "\nAfter the quotes.\n");
  append_deep_lists (lists, 1000);
  g_string_append (lists, "\nAfter the lists.\n");
  write_page (fixture, "index.md", quotes->str, quotes->len);
  write_page (fixture, "lists.md", lists->str, lists->len);

  stall = open_handbook (fixture, "index.md");
  g_assert_cmpint (stall, <, 5000);
  g_assert_true (text_contains (fixture, "quote 1\n"));
  g_assert_true (text_contains (fixture, "quote 1000 innermost"));
  g_assert_true (text_contains (fixture, "After the quotes."));
  /* Deep levels stop moving right: the innermost text is still on screen, on one line. */
  g_assert_true (line_fits (fixture, "quote 1000 innermost"));

  follow (fixture, "lists.md");
  g_assert_true (wait_until (fixture, page_is, "lists.md"));
  pathways_test_settle ();
  g_assert_true (text_contains (fixture, "item 1000 innermost"));
  g_assert_true (text_contains (fixture, "After the lists."));
  g_assert_true (line_fits (fixture, "item 1000 innermost"));
}

/* ---- encodings, line endings and file names ---- */

static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  static const char nul[] = "# With a NUL\n\nBefore\0after.\n";
  static const struct
  {
    const char *name;
    const char *href;
    const char *title;
    const char *body;
    gboolean    notice;
  } pages[] = {
    { "crlf.md", "crlf.md", "Windows page", "Crlf body.", FALSE },
    { "cr.md", "cr.md", "Mac page", "Cr body.", FALSE },
    { "bom.md", "bom.md", "Bom page", "Bom body.", FALSE },
    { "nul.md", "nul.md", "With a NUL", "With a NUL\nBefore\357\277\275after.", TRUE },
  };

  write_page (fixture, "index.md", "# Home\n", -1);
  write_page (fixture, "crlf.md", "---\r\ntitle: Windows page\r\n---\r\nCrlf body.\r\n", -1);
  write_page (fixture, "cr.md", "---\rtitle: Mac page\r---\rCr body.\r", -1);
  write_page (fixture, "bom.md", "\357\273\277---\ntitle: Bom page\n---\nBom body.\n", -1);
  write_page (fixture, "nul.md", nul, sizeof nul - 1);
  open_handbook (fixture, "index.md");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *shown = NULL;

      g_test_message ("%s", pages[i].name);
      follow (fixture, pages[i].href);
      g_assert_true (wait_until (fixture, page_is, pages[i].name));
      pathways_test_settle_for (50);
      g_assert_cmpstr (page_title (fixture), ==, pages[i].title);
      /* The front matter is not shown, nor a stray CR or byte order mark. */
      shown = view_text (fixture);
      g_assert_cmpstr (shown, ==, pages[i].body);
      g_assert_cmpint (has_notice (fixture, NULL), ==, pages[i].notice);
    }
}

static void
test_file_names (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *href;
    const char *title;
  } pages[] = {
    { "with spaces.md", "with%20spaces.md", "With spaces" },
    { "日本語.md", "%E6%97%A5%E6%9C%AC%E8%AA%9E.md", "日本語" },
    { "two\nlines.md", "two%0Alines.md", "Two lines" },
    { "caf\351.md", "caf%E9.md", "Caf\357\277\275" },
  };

  write_page (fixture, "index.md", "# Home\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    write_page (fixture, pages[i].name, "Some text.\n", -1);
  open_handbook (fixture, "index.md");

  /* Each opens by its link, titled from its name, on one line; a name that is not UTF-8
   * makes no GTK warning (the tests make those fatal). */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_test_message ("%s", pages[i].href);
      follow (fixture, pages[i].href);
      g_assert_true (wait_until (fixture, page_is, pages[i].name));
      pathways_test_settle_for (50);
      g_assert_cmpstr (page_title (fixture), ==, pages[i].title);
      g_assert_true (pathways_test_shows_label (fixture->window, pages[i].title));
      g_assert_true (text_contains (fixture, "Some text."));
    }
}

/* ---- pages that change under the reader ---- */

static void
test_page_became_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->root, "guide.md", NULL);

  write_page (fixture, "index.md", "# Home\n\nSee [the guide](guide.md).\n", -1);
  write_page (fixture, "guide.md", "# Guide\n\nThe guide's text.\n", -1);
  open_handbook (fixture, "index.md");
  follow (fixture, "guide.md");
  g_assert_true (wait_until (fixture, page_is, "guide.md"));

  /* The page on screen becomes a folder: what was read stays, and the page says it is
   * gone. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_page (fixture, "guide.md/notes.md", "# Notes\n", -1);
  g_assert_true (wait_until (fixture, has_notice, NULL));
  pathways_test_settle ();
  g_assert_true (text_contains (fixture, "The guide's text."));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            pathways_handbook_page_get_notice (fixture->page)));

  /* Following the link to it again lands on the folder, which has no page to show. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "handbook.back", NULL);
  g_assert_true (wait_until (fixture, page_is, "index.md"));
  follow (fixture, "guide.md");
  pathways_test_settle ();
  g_assert_true (page_is (fixture, "index.md"));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "“guide.md” is not a page of this handbook"));
}

/* A page with pictures is laid out again when the window's width changes; a link followed
 * meanwhile must still land, even when its page takes a while to read. */
static void
test_resize_then_follow (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *picture = g_build_filename (fixture->root, "picture.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  g_autoptr(GString) big = g_string_new ("# Big\n\n");
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save (pixbuf, picture, "png", &error, NULL);
  g_assert_no_error (error);
  while (big->len < 3 * 1024 * 1024)
    g_string_append (big, "A line of the big page, with *emphasis* and `code`.\n\n");
  write_page (fixture, "index.md", "![a picture](picture.png)\n\n[big](big.md)\n", -1);
  write_page (fixture, "big.md", big->str, big->len);
  open_handbook (fixture, "index.md");

  /* What the view does when the window gets narrower or wider… */
  g_signal_emit_by_name (view_of (fixture), "reflow-needed");
  /* …and the reader follows a link before the new layout is made. */
  follow (fixture, "big.md");
  g_assert_true (wait_until (fixture, page_is, "big.md"));
  pathways_test_settle_for (500);
  g_assert_true (page_is (fixture, "big.md"));
  g_assert_true (text_contains (fixture, "A line of the big page"));
}

/* Runs the rest of the test as "nobody" when it runs as root, so permissions bite. Only in
 * a subprocess: the display connection is already made, so the window still works. */
static gboolean
drop_root (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return TRUE;
  nobody = getpwnam ("nobody");
  return nobody != NULL && setgroups (0, NULL) == 0 && setgid (nobody->pw_gid) == 0 &&
         setuid (nobody->pw_uid) == 0 && geteuid () != 0;
}

static void
test_unreadable_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *locked = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* The fixture's folder was made as root: make it again as the user the test runs as,
   * so that it can be removed afterwards. */
  pathways_test_remove_tree (fixture->dir);
  if (!drop_root ())
    g_error ("Cannot run as “nobody” to make permissions bite");
  g_free (fixture->dir);
  g_free (fixture->root);
  fixture->dir = pathways_test_make_temp_dir ("sweep-view");
  fixture->root = g_build_filename (fixture->dir, "handbook", NULL);
  g_assert_cmpint (g_mkdir (fixture->root, 0755), ==, 0);

  write_page (fixture, "index.md", "# Home\n\nSee [the secret](locked.md).\n", -1);
  write_page (fixture, "locked.md", "# Secret\n\nHidden text.\n", -1);
  locked = g_build_filename (fixture->root, "locked.md", NULL);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  open_handbook (fixture, "index.md");

  /* Listed by its name; opening it says why it can't be shown, and shows nothing of it. */
  follow (fixture, "locked.md");
  g_assert_true (wait_until (fixture, has_status, NULL));
  g_assert_true (pathways_test_shows_label (fixture->window, "Can’t Open This Page"));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "The page “locked.md” cannot be read: you do not "
                                            "have permission to open it."));
  g_assert_false (text_contains (fixture, "Hidden text."));

  /* Back still works. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "handbook.back", NULL);
  g_assert_true (wait_until (fixture, page_is, "index.md"));
  g_assert_true (text_contains (fixture, "See the secret."));
}

/* ---- links ---- */

static char *
dup_launched (void)
{
  g_autofree char *log = NULL;

  if (!g_file_get_contents (launch_log, &log, NULL, NULL))
    return g_strdup ("");
  return g_steal_pointer (&log);
}

/* Clicks the link whose text is @label, as a pointer would: press and release on it. */
static void
click_link (Fixture    *fixture,
            const char *label)
{
  GtkWidget *view = GTK_WIDGET (view_of (fixture));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GListModel *controllers = gtk_widget_observe_controllers (view);
  GtkEventController *click = NULL;
  GtkTextIter start, match, end;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, label, 0, &match, &end, NULL));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &match, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + 2, rect.y + rect.height / 2, &x, &y);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "pathways-link-click") == 0)
        click = controller;
    }
  g_object_unref (controllers);
  g_assert_nonnull (click);

  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
}

static void
test_refused_links (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *label;
    const char *message;
  } links[] = {
    { "script link", "“javascript:alert(1)” was not opened: only web and email links open "
                     "outside Pathways" },
    { "shouting script", "“JavaScript:alert(document.cookie)” was not opened: only web and "
                         "email links open outside Pathways" },
    { "passwords file", "“file:///etc/passwd” was not opened: only web and email links open "
                        "outside Pathways" },
    { "data page", "“data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==” was not "
                   "opened: only web and email links open outside Pathways" },
    { "climbing out", "“../../etc/passwd” was not opened: it points outside the handbook "
                      "folder" },
    { "rooted climb", "“/../secret.md” was not opened: it points outside the handbook "
                      "folder" },
  };
  g_autofree char *launched = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *secret = NULL;

      g_test_message ("%s", links[i].label);
      /* A fresh window each time: toasts queue, and each message must be seen. */
      if (i > 0)
        {
          fixture_tear_down (fixture, NULL);
          fixture_set_up (fixture, NULL);
        }
      write_page (fixture, "index.md",
                  "# Links\n\n"
                  "- [script link](javascript:alert(1))\n"
                  "- [shouting script](JavaScript:alert(document.cookie))\n"
                  "- [passwords file](file:///etc/passwd)\n"
                  "- [data page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n"
                  "- [climbing out](../../etc/passwd)\n"
                  "- [rooted climb](/../secret.md)\n", -1);
      /* What the last one aims at: a page beside the handbook folder. */
      secret = g_build_filename (fixture->dir, "secret.md", NULL);
      g_assert_true (g_file_set_contents (secret, "# Secret\n", -1, NULL));

      open_handbook (fixture, "index.md");
      click_link (fixture, links[i].label);
      pathways_test_settle ();

      /* The reader is told, and stays where they were. */
      g_assert_true (pathways_test_shows_label (fixture->window, links[i].message));
      g_assert_true (page_is (fixture, "index.md"));
    }

  /* Nothing was handed to any program. */
  pathways_test_settle_for (500);
  launched = dup_launched ();
  g_assert_cmpstr (launched, ==, "");
}

/* The other side of test_refused_links: a web link does reach the handler, so an empty log
 * there means nothing was launched, not that launching can't be seen. */
static void
test_web_link_opens (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *launched = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  write_page (fixture, "index.md", "# Links\n\n[the web](https://example.com/handbook)\n", -1);
  open_handbook (fixture, "index.md");
  click_link (fixture, "the web");

  while (*(launched = dup_launched ()) == '\0' && g_get_monotonic_time () < deadline)
    {
      g_free (launched);
      pathways_test_settle_for (50);
    }
  g_assert_cmpstr (launched, ==, "https://example.com/handbook\n");
  g_assert_true (page_is (fixture, "index.md"));
  g_unlink (launch_log);
}

/* Files inside the handbook are handed to the system to open (a PDF, a spreadsheet), but
 * not programs and scripts, which the system's handler might run. */
static void
test_program_links (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *contents;
    gsize       len;
    guint       mode;
  } programs[] = {
    /* Binary headers hold NULs: the length is the literal's, not strlen()'s. */
#define PROGRAM(file, contents, mode) { file, contents, sizeof (contents) - 1, mode }
    PROGRAM ("tools/setup.sh", "#!/bin/sh\necho installed\n", 0755),
    PROGRAM ("tools/setup-no-x.sh", "#!/bin/sh\necho installed\n", 0644),
    PROGRAM ("tools/launcher.desktop", "[Desktop Entry]\nType=Application\nName=X\nExec=true\n",
             0644),
    PROGRAM ("tools/installer.exe", "MZ\220\0\3\0\0\0\4\0\0\0\377\377\0\0", 0644),
    PROGRAM ("tools/blob", "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0", 0755),
#undef PROGRAM
  };
  g_autofree char *launched = NULL;
  gint64 deadline;

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *page = g_strdup_printf ("# Tools\n\n[the tool](%s)\n", programs[i].file);
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;

      g_test_message ("%s", programs[i].file);
      if (i > 0)
        {
          fixture_tear_down (fixture, NULL);
          fixture_set_up (fixture, NULL);
        }
      path = g_build_filename (fixture->root, programs[i].file, NULL);
      write_page (fixture, programs[i].file, programs[i].contents, (gssize) programs[i].len);
      g_assert_cmpint (g_chmod (path, programs[i].mode), ==, 0);
      write_page (fixture, "index.md", page, -1);
      open_handbook (fixture, "index.md");

      click_link (fixture, "the tool");
      pathways_test_settle ();
      message = g_strdup_printf ("“%s” was not opened: it is a program or script, and "
                                 "Pathways does not run programs", programs[i].file);
      g_assert_true (pathways_test_shows_label (fixture->window, message));
      g_assert_true (page_is (fixture, "index.md"));
    }

  /* The control: a plain document beside them is opened, and it is the only thing that
   * reached the handler. */
  fixture_tear_down (fixture, NULL);
  fixture_set_up (fixture, NULL);
  write_page (fixture, "tools/notes.txt", "Just notes.\n", -1);
  write_page (fixture, "index.md", "# Tools\n\n[the notes](tools/notes.txt)\n", -1);
  open_handbook (fixture, "index.md");
  click_link (fixture, "the notes");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (*(launched = dup_launched ()) == '\0' && g_get_monotonic_time () < deadline)
    {
      g_free (launched);
      pathways_test_settle_for (50);
    }
  /* One line: GIO hands a local file over by its path. */
  g_test_message ("launched: %s", launched);
  g_assert_true (g_str_has_suffix (launched, "/handbook/tools/notes.txt\n"));
  g_assert_true (strchr (launched, '\n') == launched + strlen (launched) - 1);
  g_unlink (launch_log);
}

/* ---- images ---- */

static guint32 crc_table[256];

static guint32
png_crc (const guchar *data,
         gsize         len,
         guint32       crc)
{
  if (crc_table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (int k = 0; k < 8; k++)
          c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
      }
  for (gsize i = 0; i < len; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guchar *data,
              gsize         len)
{
  guint32 be_len = GUINT32_TO_BE ((guint32) len);
  guint32 crc = png_crc ((const guchar *) type, 4, 0xffffffffu);
  guint32 be_crc;

  crc = png_crc (data, len, crc) ^ 0xffffffffu;
  be_crc = GUINT32_TO_BE (crc);
  g_byte_array_append (png, (const guchar *) &be_len, 4);
  g_byte_array_append (png, (const guchar *) type, 4);
  g_byte_array_append (png, data, len);
  g_byte_array_append (png, (const guchar *) &be_crc, 4);
}

/* A valid, all-black, 1-bit PNG of @size × @size pixels: a few kilobytes on disk, gigabytes
 * once decoded to RGB. */
static void
write_huge_png (const char *path,
                guint       size)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB,
                                                                   1));
  gsize row_len = 1 + (size + 7) / 8;
  g_autofree guchar *row = g_malloc0 (row_len);
  guchar out[65536];
  guchar ihdr[13];
  guint32 be_size = GUINT32_TO_BE (size);
  g_autoptr(GError) error = NULL;

  g_byte_array_append (png, signature, sizeof signature);
  memcpy (ihdr, &be_size, 4);
  memcpy (ihdr + 4, &be_size, 4);
  ihdr[8] = 1;   /* bit depth */
  ihdr[9] = 0;   /* greyscale */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);

  for (guint y = 0; y <= size; y++)
    {
      gsize read = 0, written;
      gboolean last = y == size;

      do
        {
          gsize in_read = 0;
          GConverterResult result =
            g_converter_convert (zlib, last ? NULL : row + read, last ? 0 : row_len - read,
                                 out, sizeof out, last ? G_CONVERTER_INPUT_AT_END : 0,
                                 &in_read, &written, &error);

          g_assert_no_error (error);
          g_byte_array_append (idat, out, written);
          read += in_read;
          if (result == G_CONVERTER_FINISHED)
            break;
        }
      while (last || read < row_len);
    }
  append_chunk (png, "IDAT", idat->data, idat->len);
  append_chunk (png, "IEND", NULL, 0);

  g_assert_true (g_file_set_contents (path, (const char *) png->data, png->len, NULL));
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss / 1024;
}

/* The picture at the start of the page, if one is shown there. */
static GdkPaintable *
first_picture (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view_of (fixture)));
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  return gtk_text_iter_get_paintable (&start);
}

static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *alt;
  } bad[] = {
    { "text.png", "words pretending" },
    { "empty.png", "an empty file" },
    { "cut.png", "a cut-off picture" },
    { "folder.png", "a folder" },
    { "huge.png", "a huge picture" },
    { "huge.svg", "a huge drawing" },
  };
  g_autofree char *good = g_build_filename (fixture->root, "good.png", NULL);
  g_autofree char *folder = g_build_filename (fixture->root, "folder.png", NULL);
  g_autofree char *huge = g_build_filename (fixture->root, "huge.png", NULL);
  g_autofree char *cut = NULL;
  g_autofree char *good_bytes = NULL;
  gsize good_len = 0;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  g_autoptr(GError) error = NULL;
  long rss_before;
  gint64 stall;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save (pixbuf, good, "png", &error, NULL);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &good_bytes, &good_len, NULL));

  write_page (fixture, "text.png", "Just some words, not a picture.\n", -1);
  write_page (fixture, "empty.png", "", 0);
  cut = g_strndup (good_bytes, 60);
  write_page (fixture, "cut.png", cut, 60);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_page (fixture, "huge.svg",
              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20000\" height=\"20000\">"
              "<rect width=\"20000\" height=\"20000\" fill=\"red\"/></svg>\n", -1);
  write_huge_png (huge, 20000);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *page = g_strdup_printf ("![%s](%s)\n\nBelow the picture.\n",
                                               bad[i].alt, bad[i].file);
      g_autofree char *name = g_strdup_printf ("page-%u.md", i);

      write_page (fixture, name, page, -1);
    }
  write_page (fixture, "index.md", "![a good picture](good.png)\n\nBelow the picture.\n", -1);

  /* The control: a real picture shows as one. */
  rss_before = peak_rss_mb ();
  stall = open_handbook (fixture, "index.md");
  g_assert_nonnull (first_picture (fixture));
  g_assert_false (text_contains (fixture, "a good picture"));

  /* The others show their alt text, and the page below them. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.md", i);
      Heartbeat beat;

      g_test_message ("%s", bad[i].file);
      heartbeat_start (&beat);
      follow (fixture, name);
      g_assert_true (wait_until (fixture, page_is, name));
      pathways_test_settle_for (50);
      stall = MAX (stall, heartbeat_stop (&beat));
      g_assert_null (first_picture (fixture));
      g_assert_true (text_contains (fixture, bad[i].alt));
      g_assert_true (text_contains (fixture, "Below the picture."));
    }

  /* Decoding the 20,000 × 20,000 picture would take 1.2 GB and many seconds. */
  g_test_message ("peak memory grew by %ld MB; longest stall %" G_GINT64_FORMAT " ms",
                  peak_rss_mb () - rss_before, stall);
  g_assert_cmpint (peak_rss_mb () - rss_before, <, 256);
  g_assert_cmpint (stall, <, 5000);
}

/* ---- the stand-in URI handler ---- */

static char *
set_up_launch_catcher (void)
{
  static const char * const types[] = {
    "x-scheme-handler/http", "x-scheme-handler/https", "x-scheme-handler/mailto",
    "x-scheme-handler/javascript", "x-scheme-handler/data", "x-scheme-handler/vbscript",
    "x-scheme-handler/file", "text/plain", "text/markdown", "text/html", "inode/directory",
    "application/octet-stream", "application/x-shellscript", "application/x-desktop",
    "application/x-executable", "application/x-ms-dos-executable", "application/x-sharedlib",
    "image/png",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("pathways-sweep-launch-XXXXXX", &error);
  g_autofree char *apps = g_build_filename (home, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *script = g_build_filename (home, "catch", NULL);
  g_autofree char *desktop = g_build_filename (apps, "sweep-catcher.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GString) defaults = g_string_new ("[Default Applications]\n");
  g_autoptr(GString) mime_types = g_string_new (NULL);
  char *log;

  g_assert_no_error (error);
  /* Readable by "nobody" too, for the tests that drop root. */
  g_chmod (home, 0755);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0755), ==, 0);
  log = g_build_filename (home, "launched", NULL);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", log);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_string_append_printf (defaults, "%s=sweep-catcher.desktop\n", types[i]);
      g_string_append_printf (mime_types, "%s;", types[i]);
    }
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Sweep catcher\n"
                                  "Exec=%s %%u\nMimeType=%s\nNoDisplay=true\n", script,
                                  mime_types->str);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, defaults->str, -1, NULL));

  /* Before GTK or GIO look anything up. */
  g_setenv ("XDG_DATA_HOME", g_build_filename (home, "data", NULL), TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return log;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  gboolean subprocess = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    subprocess |= g_str_equal (argv[i], "--GTestSubprocess");
  /* Subprocesses (the test that drops root) open no links: they need no handler. */
  if (!subprocess)
    {
      launch_log = set_up_launch_catcher ();
      home = g_path_get_dirname (launch_log);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/sweep-view/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("huge-page-responsive", test_huge_page_responsive);
  ADD ("long-list", test_long_list);
  ADD ("deep-nesting", test_deep_nesting);
  ADD ("encodings", test_encodings);
  ADD ("file-names", test_file_names);
  ADD ("page-became-folder", test_page_became_folder);
  ADD ("resize-then-follow", test_resize_then_follow);
  ADD ("unreadable-page", test_unreadable_page);
  ADD ("refused-links", test_refused_links);
  ADD ("web-link-opens", test_web_link_opens);
  ADD ("program-links", test_program_links);
  ADD ("images", test_images);
#undef ADD

  status = g_test_run ();
  if (home != NULL)
    pathways_test_remove_tree (home);
  g_free (launch_log);
  return status;
}
