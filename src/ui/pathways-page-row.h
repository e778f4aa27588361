/* pathways-page-row.h: one row of the handbook's page tree.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-handbook.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PAGE_ROW (pathways_page_row_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPageRow, pathways_page_row, PATHWAYS, PAGE_ROW, GtkWidget)

GtkWidget *pathways_page_row_new    (GtkListItem     *list_item);
void       pathways_page_row_bind   (PathwaysPageRow *self,
                                     gpointer         item);

G_END_DECLS
