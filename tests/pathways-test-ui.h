/* pathways-test-ui.h: helpers the widget tests share — letting the main loop run, finding
 * what is on screen by its type, text or title, clicking, reading the clipboard, and a
 * window with a toast overlay to hold the widget under test.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-test-util.h"

G_BEGIN_DECLS

void              pathways_test_settle_for          (guint          ms);
void              pathways_test_settle              (void);

void              pathways_test_collect             (GtkWidget     *root,
                                                     GType          type,
                                                     GPtrArray     *into);
GtkLabel         *pathways_test_find_label          (GtkWidget     *root,
                                                     const char    *text);
gboolean          pathways_test_shows_label         (GtkWidget     *root,
                                                     const char    *text);
GtkWidget        *pathways_test_find_button         (GtkWidget     *root,
                                                     const char    *text);
GtkWidget        *pathways_test_get_button          (GtkWidget     *root,
                                                     const char    *text);
gpointer          pathways_test_get_row             (GtkWidget     *root,
                                                     GType          type,
                                                     const char    *title);
AdwMessageDialog *pathways_test_find_message_dialog (void);

void              pathways_test_click               (GtkWidget     *button);

char             *pathways_test_dup_buffer_text     (GtkTextBuffer *buffer);
char             *pathways_test_dup_clipboard       (GtkWidget     *widget);

GtkWidget        *pathways_test_window_new          (GtkWidget     *child,
                                                     int            width,
                                                     int            height);

G_END_DECLS
