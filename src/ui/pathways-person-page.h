/* pathways-person-page.h: one report's details, edited in place and saved as you type.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-search.h"

#include "pathways-guide.h"
#include "pathways-ladder.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_PAGE (pathways_person_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonPage, pathways_person_page, PATHWAYS, PERSON_PAGE, GtkWidget)

void            pathways_person_page_set_store  (PathwaysPersonPage *self,
                                                 PathwaysStore      *store);
void            pathways_person_page_set_person (PathwaysPersonPage *self,
                                                 PathwaysPerson     *person);
void            pathways_person_page_show_search_result (PathwaysPersonPage         *self,
                                                         const PathwaysSearchResult *result);
PathwaysPerson *pathways_person_page_get_person (PathwaysPersonPage *self);
void            pathways_person_page_flush      (PathwaysPersonPage *self);
void            pathways_person_page_set_settings (PathwaysPersonPage *self,
                                                   GSettings          *settings);
void            pathways_person_page_set_ladder (PathwaysPersonPage   *self,
                                                 const PathwaysLadder *ladder);
void            pathways_person_page_set_guide  (PathwaysPersonPage  *self,
                                                 const PathwaysGuide *guide);
AdwViewStack   *pathways_person_page_get_view_stack (PathwaysPersonPage *self);

G_END_DECLS
