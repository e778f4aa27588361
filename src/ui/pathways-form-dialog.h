/* pathways-form-dialog.h: the small forms Pathways asks in a dialog — a heading, a few rows
 * to fill in, Cancel and one action that stays disabled until the form is valid — and the
 * toasts that say what happened.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *pathways_form_dialog_new       (GtkWidget        *parent,
                                                  const char       *heading,
                                                  const char       *body,
                                                  const char       *accept_label);
void              pathways_form_dialog_add_row   (AdwMessageDialog *dialog,
                                                  GtkWidget        *row);
GtkEditable      *pathways_form_dialog_add_entry (AdwMessageDialog *dialog,
                                                  const char       *title,
                                                  const char       *text);
void              pathways_show_toast            (GtkWidget        *widget,
                                                  const char       *message);

G_END_DECLS
