/* bench-hello.c: the baseline for the app's start-up — the least a libadwaita app does
 * before its first frame (one AdwApplicationWindow with a header bar and a label), timed
 * with the app's own PATHWAYS_DEBUG_TIMING code, so bench-app.py reads both the same way.
 * With --text the window holds a focused, empty GtkTextView instead of the label: the
 * baseline for typing, what the toolkit's own redrawing costs per key on this display.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pathways-timing.h"

static gboolean with_text;

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (with_text)
    {
      GtkWidget *text = gtk_text_view_new ();

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
      gtk_widget_set_vexpand (text, TRUE);
      gtk_box_append (GTK_BOX (box), text);
      gtk_window_set_focus (GTK_WINDOW (window), text);
    }
  else
    gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);  /* the app's default */
  pathways_timing_watch_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  pathways_timing_init ();
  if (argc > 1 && g_str_equal (argv[1], "--text"))
    {
      with_text = TRUE;
      argc = 1;
    }
  app = adw_application_new ("co.packback.Pathways.BenchHello", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
