/* pathways-print.h: Markdown laid out on paper — printed through GTK's print dialog or
 * exported straight to a PDF, styled like the app's Markdown view.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes @markdown, titled @title (in the page header), to the PDF file @file, on the
 * default paper size of the user's locale (A4 or US Letter). Blocking; fine for a review.
 * Returns %TRUE if the file was written. */
gboolean pathways_print_markdown_to_pdf (const char  *title,
                                         const char  *markdown,
                                         GFile       *file,
                                         GError     **error);

/* Shows the print dialog for @markdown (which offers printing and "Print to File"). */
void     pathways_print_markdown        (GtkWindow   *parent,
                                         const char  *title,
                                         const char  *markdown);

G_END_DECLS
