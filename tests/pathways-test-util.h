/* pathways-test-util.h: helpers every test shares that need no display — temporary
 * folders and files in them, dates relative to today, and a store on a fresh database.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-db.h"
#include "pathways-store.h"

G_BEGIN_DECLS

char          *pathways_test_make_temp_dir (const char  *name);
gboolean       pathways_test_remove_tree   (const char  *path);
void           pathways_test_write_file    (const char  *root,
                                            const char  *name,
                                            const char  *contents,
                                            gssize       len);
char          *pathways_test_dup_day       (int          days_from_today);
PathwaysStore *pathways_test_open_store    (const char  *path,
                                            PathwaysDb **db);

G_END_DECLS
