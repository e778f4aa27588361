/* pathways-application.h: the application object — command line, actions, windows.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_APPLICATION (pathways_application_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysApplication, pathways_application, PATHWAYS, APPLICATION,
                      AdwApplication)

PathwaysApplication *pathways_application_new            (void);
GFile               *pathways_application_dup_sample_dir (void);

G_END_DECLS
