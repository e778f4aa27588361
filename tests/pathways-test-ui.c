/* pathways-test-ui.c: helpers the widget tests share — letting the main loop run, finding
 * what is on screen by its type, text or title, clicking, reading the clipboard, and a
 * window with a toast overlay to hold the widget under test.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pathways-test-ui.h"

/**
 * pathways_test_settle_for:
 * @ms: how long, in milliseconds
 *
 * Runs the main loop for @ms, so idles, layout, frames and timeouts started by what the
 * test just did get their turn. Waiting for a while rather than until nothing is pending,
 * since frame clocks always have something pending.
 */
void
pathways_test_settle_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/**
 * pathways_test_settle:
 *
 * Runs the main loop for a fifth of a second: long enough for the widgets to catch up with
 * a change, short enough to do after every step.
 */
void
pathways_test_settle (void)
{
  pathways_test_settle_for (200);
}

/**
 * pathways_test_collect:
 * @root: where to look
 * @type: the type wanted
 * @into: where to add what is found
 *
 * Adds every widget of @type below @root (not @root itself) to @into, depth first.
 */
void
pathways_test_collect (GtkWidget *root,
                       GType      type,
                       GPtrArray *into)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (into, child);
      pathways_test_collect (child, type, into);
    }
}

/**
 * pathways_test_find_label:
 * @root: where to look
 * @text: the whole text of the label
 *
 * Returns: (transfer none) (nullable): the label on screen (mapped) below @root reading
 *   exactly @text, or %NULL
 */
GtkLabel *
pathways_test_find_label (GtkWidget  *root,
                          const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (label))
          && g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return label;
    }
  return NULL;
}

/**
 * pathways_test_shows_label:
 * @root: where to look
 * @text: the whole text of the label
 *
 * Returns: whether a label reading exactly @text is on screen below @root
 */
gboolean
pathways_test_shows_label (GtkWidget  *root,
                           const char *text)
{
  return pathways_test_find_label (root, text) != NULL;
}

static GtkWidget *
button_showing (GtkWidget  *root,
                const char *text,
                gboolean    mapped_only)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  pathways_test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (mapped_only && !gtk_widget_get_mapped (button))
        continue;
      pathways_test_collect (button, GTK_TYPE_LABEL, labels);
      for (guint j = 0; j < labels->len; j++)
        if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, j)), text) == 0)
          return button;
    }
  return NULL;
}

/**
 * pathways_test_find_button:
 * @root: where to look
 * @text: the text of a label inside the button
 *
 * Returns: (transfer none) (nullable): the button on screen below @root showing @text,
 *   or %NULL
 */
GtkWidget *
pathways_test_find_button (GtkWidget  *root,
                           const char *text)
{
  return button_showing (root, text, TRUE);
}

/**
 * pathways_test_get_button:
 * @root: where to look
 * @text: the text of a label inside the button
 *
 * Like pathways_test_find_button(), but on screen or not, and the test fails if there is
 * no such button.
 *
 * Returns: (transfer none): the first button below @root showing @text
 */
GtkWidget *
pathways_test_get_button (GtkWidget  *root,
                          const char *text)
{
  GtkWidget *button = button_showing (root, text, FALSE);

  g_assert_nonnull (button);
  return button;
}

/**
 * pathways_test_get_row:
 * @root: where to look
 * @type: a subtype of #AdwPreferencesRow
 * @title: the row's title
 *
 * The test fails if there is no such row.
 *
 * Returns: (transfer none) (type AdwPreferencesRow): the first row of @type below @root
 *   titled @title, on screen or not
 */
gpointer
pathways_test_get_row (GtkWidget  *root,
                       GType       type,
                       const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_true (g_type_is_a (type, ADW_TYPE_PREFERENCES_ROW));
  pathways_test_collect (root, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

/**
 * pathways_test_find_message_dialog:
 *
 * The test fails if more than one is shown.
 *
 * Returns: (transfer none) (nullable): the message dialog shown, or %NULL
 */
AdwMessageDialog *
pathways_test_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  return found;
}

/**
 * pathways_test_click:
 * @button: a sensitive button
 *
 * Clicks @button and lets the main loop settle. Emits "clicked" at once, where activating
 * would wait for the pressed look to end.
 */
void
pathways_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pathways_test_settle ();
}

/**
 * pathways_test_dup_buffer_text:
 * @buffer: a text buffer
 *
 * Returns: (transfer full): all of @buffer's text, without hidden parts
 */
char *
pathways_test_dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

/**
 * pathways_test_dup_clipboard:
 * @widget: a widget on the display to read
 *
 * Reads the clipboard's text, running the main loop until it comes; the test fails if it
 * takes more than ten seconds or there is no text.
 *
 * Returns: (transfer full): the text on the clipboard
 */
char *
pathways_test_dup_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_read,
                                 &read);
  while (!read.done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  g_assert_nonnull (read.text);
  return read.text;
}

/**
 * pathways_test_window_new:
 * @child: the widget under test
 * @width: the window's default width
 * @height: the window's default height
 *
 * Puts @child in an #AdwToastOverlay, as the application window does, so its toasts have
 * somewhere to go, and that in a new window. The window is not presented yet, so the test
 * can finish setting @child up first.
 *
 * Returns: (transfer none): the window, owned by GTK until it is destroyed
 */
GtkWidget *
pathways_test_window_new (GtkWidget *child,
                          int        width,
                          int        height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  return window;
}
