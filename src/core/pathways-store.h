/* pathways-store.h: the domain API over the database. SQL lives here and in pathways-db.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-db.h"
#include "pathways-person.h"

G_BEGIN_DECLS

#define PATHWAYS_STORE_ERROR (pathways_store_error_quark ())

typedef enum
{
  PATHWAYS_STORE_ERROR_INVALID,    /* a field that can't be saved: empty name, bad date… */
  PATHWAYS_STORE_ERROR_NOT_FOUND,  /* the record is gone (deleted and purged, say) */
} PathwaysStoreError;

typedef struct
{
  gint64  id;
  char   *ladder_path;
  char   *level;
  char   *effective_date;  /* YYYY-MM-DD */
} PathwaysLevelChange;

#define PATHWAYS_TYPE_STORE (pathways_store_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStore, pathways_store, PATHWAYS, STORE, GObject)

GQuark          pathways_store_error_quark        (void);
PathwaysStore  *pathways_store_new                (PathwaysDb      *db,
                                                   GError         **error);
PathwaysDb     *pathways_store_get_db             (PathwaysStore   *self);

/* People: one PathwaysPerson object per person, shared by everything that shows them. The
 * list holds everyone not deleted, archived people too, sorted by name (case-insensitive,
 * locale-aware); it updates itself as people are added, renamed, archived or deleted. */
GListModel     *pathways_store_get_people         (PathwaysStore   *self);
PathwaysPerson *pathways_store_lookup_person      (PathwaysStore   *self,
                                                   gint64           id);
PathwaysPerson *pathways_store_add_person         (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
gboolean        pathways_store_save_person        (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
gboolean        pathways_store_set_archived       (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   gboolean         archived,
                                                   GError         **error);
gboolean        pathways_store_delete_person      (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
gboolean        pathways_store_undelete_person    (PathwaysStore   *self,
                                                   gint64           id,
                                                   GError         **error);
gboolean        pathways_store_purge_deleted      (PathwaysStore   *self,
                                                   GError         **error);
guint           pathways_store_count_records      (PathwaysStore   *self,
                                                   PathwaysPerson  *person);

/* Level history: a promotion is an event with a date, not an overwrite. */
gboolean        pathways_store_change_level       (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   const char      *ladder_path,
                                                   const char      *level,
                                                   const char      *effective_date,
                                                   GError         **error);
GPtrArray      *pathways_store_list_level_history (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
void            pathways_level_change_free        (PathwaysLevelChange *change);

gboolean        pathways_store_load_sample_team   (PathwaysStore   *self,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLevelChange, pathways_level_change_free)

G_END_DECLS
