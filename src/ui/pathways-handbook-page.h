/* pathways-handbook-page.h: the Handbook area — page tree, rendered page, history, find.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-handbook.h"
#include "pathways-ladder.h"
#include "pathways-markdown-view.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_HANDBOOK_PAGE (pathways_handbook_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysHandbookPage, pathways_handbook_page, PATHWAYS, HANDBOOK_PAGE,
                      GtkWidget)

void                  pathways_handbook_page_set_settings     (PathwaysHandbookPage *self,
                                                               GSettings            *settings);
void                  pathways_handbook_page_open             (PathwaysHandbookPage *self,
                                                               GFile                *folder,
                                                               const char           *page);
PathwaysHandbook     *pathways_handbook_page_get_handbook     (PathwaysHandbookPage *self);
const char           *pathways_handbook_page_get_current_page (PathwaysHandbookPage *self);
PathwaysMarkdownView *pathways_handbook_page_get_view         (PathwaysHandbookPage *self);
const char           *pathways_handbook_page_get_notice       (PathwaysHandbookPage *self);
const char           *pathways_handbook_page_get_status       (PathwaysHandbookPage *self);
void                  pathways_handbook_page_set_view_stack   (PathwaysHandbookPage *self,
                                                               AdwViewStack         *stack);
void                  pathways_handbook_page_set_ladder       (PathwaysHandbookPage *self,
                                                               const PathwaysLadder *ladder);
char                **pathways_handbook_page_dup_ladder_pages (PathwaysHandbookPage *self);
void                  pathways_handbook_page_show_section     (PathwaysHandbookPage *self,
                                                               const char           *path,
                                                               const char           *anchor);
void                  pathways_handbook_page_compare_levels   (PathwaysHandbookPage *self,
                                                               const char           *path_a,
                                                               const char           *level_a,
                                                               const char           *path_b,
                                                               const char           *level_b);

G_END_DECLS
