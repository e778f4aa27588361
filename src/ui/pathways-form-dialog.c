/* pathways-form-dialog.c: the small forms Pathways asks in a dialog — a heading, a few rows
 * to fill in, Cancel and one action that stays disabled until the form is valid.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"

/**
 * pathways_form_dialog_new:
 * @parent: a widget of the window the dialog belongs to
 * @heading: what the form is for
 * @body: (nullable): a sentence of explanation
 * @accept_label: the label of the action, with a mnemonic; its response id is "accept"
 *
 * Returns: (transfer none): a dialog with an empty boxed list and Cancel / @accept_label;
 *   "accept" starts disabled, for the caller to enable when the form is valid
 */
AdwMessageDialog *
pathways_form_dialog_new (GtkWidget  *parent,
                          const char *heading,
                          const char *body,
                          const char *accept_label)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "accept", FALSE);
  return dialog;
}

void
pathways_form_dialog_add_row (AdwMessageDialog *dialog,
                              GtkWidget        *row)
{
  gtk_list_box_append (GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog)), row);
}

/**
 * pathways_form_dialog_add_entry:
 * @title: the row's title
 * @text: (nullable): what the entry starts with
 *
 * Returns: (transfer none): the new entry row
 */
GtkEditable *
pathways_form_dialog_add_entry (AdwMessageDialog *dialog,
                                const char       *title,
                                const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  pathways_form_dialog_add_row (dialog, row);
  return GTK_EDITABLE (row);
}

/**
 * pathways_show_toast:
 * @widget: a widget inside the window's toast overlay
 * @message: what happened, or what went wrong and what to do
 *
 * Shows @message in a toast (and in the debug log, for tests and bug reports).
 */
void
pathways_show_toast (GtkWidget  *widget,
                     const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;

  g_debug ("%s", message);
  if (overlay == NULL)
    return;

  /* Toast titles are markup: a name with "&" or "<" must show as written. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}
