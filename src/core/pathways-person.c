/* pathways-person.c: one of the manager's reports — the properties the UI binds to, and
 * the checks for the dates and times a person carries.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-person"

#include "config.h"

#include <string.h>

#include "pathways-person.h"
#include "pathways-person-private.h"

struct _PathwaysPerson
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *sort_key;
  char     *initials;
  char     *pronouns;
  char     *title;
  char     *ladder_path;
  char     *level;
  char     *start_date;
  char     *meeting_time;
  char     *notes;
  char     *target_path;
  char     *target_level;
  guint     cadence_weeks;
  guint     meeting_weekday;
  gboolean  skip_level;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (PathwaysPerson, pathways_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PRONOUNS,
  PROP_TITLE,
  PROP_LADDER_PATH,
  PROP_LEVEL,
  PROP_START_DATE,
  PROP_CADENCE_WEEKS,
  PROP_MEETING_WEEKDAY,
  PROP_MEETING_TIME,
  PROP_SKIP_LEVEL,
  PROP_NOTES,
  PROP_TARGET_PATH,
  PROP_TARGET_LEVEL,
  PROP_ARCHIVED,
  PROP_INITIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- derived values ---- */

/* First letters of the first and last words: "Ada Lovelace" → "AL", "Ada" → "A". Letters,
 * not punctuation ("(Sam) O'Neil" → "SO"); composed first, so an accent typed as a
 * combining mark stays with its letter. */
static char *
compute_initials (const char *name)
{
  g_autofree char *composed = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  gunichar first = 0;
  gunichar last = 0;
  gboolean in_word = FALSE;
  gboolean word_counted = FALSE;
  GString *initials;

  if (composed == NULL)
    return g_strdup ("?");

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        {
          in_word = TRUE;
          word_counted = FALSE;
        }
      if (word_counted || !g_unichar_isalnum (c))
        continue;

      word_counted = TRUE;
      if (first == 0)
        first = c;
      else
        last = c;
    }

  if (first == 0)
    return g_strdup ("?");

  initials = g_string_new (NULL);
  g_string_append_unichar (initials, g_unichar_toupper (first));
  if (last != 0)
    g_string_append_unichar (initials, g_unichar_toupper (last));

  return g_string_free (initials, FALSE);
}

/* Sorting by name ignores case and the spaces people leave around names, and follows the
 * locale's alphabet. */
static char *
compute_sort_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_collate_key (folded, -1);
}

/* ---- setters ---- */

/* Replaces *@field with @value; returns whether it changed. Optional text is NULL when
 * empty, so "no pronouns" has one representation. */
static gboolean
set_optional_string (char       **field,
                     const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
pathways_person_finalize (GObject *object)
{
  PathwaysPerson *self = PATHWAYS_PERSON (object);

  g_free (self->name);
  g_free (self->sort_key);
  g_free (self->initials);
  g_free (self->pronouns);
  g_free (self->title);
  g_free (self->ladder_path);
  g_free (self->level);
  g_free (self->start_date);
  g_free (self->meeting_time);
  g_free (self->notes);
  g_free (self->target_path);
  g_free (self->target_level);

  G_OBJECT_CLASS (pathways_person_parent_class)->finalize (object);
}

static void
pathways_person_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PathwaysPerson *self = PATHWAYS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PRONOUNS:
      g_value_set_string (value, self->pronouns);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LADDER_PATH:
      g_value_set_string (value, self->ladder_path);
      break;
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_CADENCE_WEEKS:
      g_value_set_uint (value, self->cadence_weeks);
      break;
    case PROP_MEETING_WEEKDAY:
      g_value_set_uint (value, self->meeting_weekday);
      break;
    case PROP_MEETING_TIME:
      g_value_set_string (value, self->meeting_time);
      break;
    case PROP_SKIP_LEVEL:
      g_value_set_boolean (value, self->skip_level);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_TARGET_PATH:
      g_value_set_string (value, self->target_path);
      break;
    case PROP_TARGET_LEVEL:
      g_value_set_string (value, self->target_level);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_person_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PathwaysPerson *self = PATHWAYS_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      pathways_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_PRONOUNS:
      pathways_person_set_pronouns (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      pathways_person_set_title (self, g_value_get_string (value));
      break;
    case PROP_LADDER_PATH:
      pathways_person_set_ladder_path (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      pathways_person_set_level (self, g_value_get_string (value));
      break;
    case PROP_START_DATE:
      pathways_person_set_start_date (self, g_value_get_string (value));
      break;
    case PROP_CADENCE_WEEKS:
      pathways_person_set_cadence_weeks (self, g_value_get_uint (value));
      break;
    case PROP_MEETING_WEEKDAY:
      pathways_person_set_meeting_weekday (self, g_value_get_uint (value));
      break;
    case PROP_MEETING_TIME:
      pathways_person_set_meeting_time (self, g_value_get_string (value));
      break;
    case PROP_SKIP_LEVEL:
      pathways_person_set_skip_level (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      pathways_person_set_notes (self, g_value_get_string (value));
      break;
    case PROP_TARGET_PATH:
      pathways_person_set_target_path (self, g_value_get_string (value));
      break;
    case PROP_TARGET_LEVEL:
      pathways_person_set_target_level (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_person_class_init (PathwaysPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pathways_person_finalize;
  object_class->get_property = pathways_person_get_property;
  object_class->set_property = pathways_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_PRONOUNS] =
    g_param_spec_string ("pronouns", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_LADDER_PATH] =
    g_param_spec_string ("ladder-path", NULL, NULL, NULL, rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL, NULL, rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL, rw);
  properties[PROP_CADENCE_WEEKS] =
    g_param_spec_uint ("cadence-weeks", NULL, NULL, 1, 52, 1, rw);
  properties[PROP_MEETING_WEEKDAY] =
    g_param_spec_uint ("meeting-weekday", NULL, NULL, 0, 7, 0, rw);
  properties[PROP_MEETING_TIME] =
    g_param_spec_string ("meeting-time", NULL, NULL, NULL, rw);
  properties[PROP_SKIP_LEVEL] =
    g_param_spec_boolean ("skip-level", NULL, NULL, FALSE, rw);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_TARGET_PATH] =
    g_param_spec_string ("target-path", NULL, NULL, NULL, rw);
  properties[PROP_TARGET_LEVEL] =
    g_param_spec_string ("target-level", NULL, NULL, NULL, rw);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, ro);
  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL, "?", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathways_person_init (PathwaysPerson *self)
{
  self->name = g_strdup ("");
  self->sort_key = compute_sort_key ("");
  self->initials = g_strdup ("?");
  self->notes = g_strdup ("");
  self->cadence_weeks = 1;
}

/**
 * pathways_person_new:
 * @name: (nullable): the person's name
 *
 * Creates a person who is not stored yet; pathways_store_add_person() stores them.
 *
 * Returns: (transfer full): a new person
 */
PathwaysPerson *
pathways_person_new (const char *name)
{
  return g_object_new (PATHWAYS_TYPE_PERSON, "name", name, NULL);
}

/**
 * pathways_person_get_id:
 * @self: a person
 *
 * Returns: the store's id for the person, or 0 if they have not been stored
 */
gint64
pathways_person_get_id (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), 0);

  return self->id;
}

void
pathways_person_set_id (PathwaysPerson *self,
                        gint64          id)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * pathways_person_get_name:
 * @self: a person
 *
 * Returns: the name as typed (possibly empty for a person not stored yet)
 */
const char *
pathways_person_get_name (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->name;
}

/**
 * pathways_person_set_name:
 * @self: a person
 * @name: (nullable): the new name
 *
 * Changes the name, and with it the initials. The store checks it is not empty when saving.
 */
void
pathways_person_set_name (PathwaysPerson *self,
                          const char     *name)
{
  g_autofree char *initials = NULL;

  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (!set_string (&self->name, name))
    return;

  g_free (self->sort_key);
  self->sort_key = compute_sort_key (self->name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);

  initials = compute_initials (self->name);
  if (g_strcmp0 (initials, self->initials) != 0)
    {
      g_free (self->initials);
      self->initials = g_steal_pointer (&initials);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
    }
}

const char *
pathways_person_get_sort_key (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->sort_key;
}

/**
 * pathways_person_dup_initials:
 * @self: a person
 *
 * Returns: (transfer full): one or two capital letters for an avatar, or "?" for a person
 *   without a name
 */
char *
pathways_person_dup_initials (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return g_strdup (self->initials);
}

/**
 * pathways_person_get_pronouns:
 * @self: a person
 *
 * Returns: (nullable): the person's pronouns, as they gave them
 */
const char *
pathways_person_get_pronouns (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->pronouns;
}

/**
 * pathways_person_set_pronouns:
 * @self: a person
 * @pronouns: (nullable): pronouns; empty means none
 */
void
pathways_person_set_pronouns (PathwaysPerson *self,
                              const char     *pronouns)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->pronouns, pronouns))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRONOUNS]);
}

/**
 * pathways_person_get_title:
 * @self: a person
 *
 * Returns: (nullable): the person's role or job title
 */
const char *
pathways_person_get_title (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->title;
}

/**
 * pathways_person_set_title:
 * @self: a person
 * @title: (nullable): role or job title; empty means none
 */
void
pathways_person_set_title (PathwaysPerson *self,
                           const char     *title)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * pathways_person_get_ladder_path:
 * @self: a person
 *
 * Returns: (nullable): the career path of the person's current level
 */
const char *
pathways_person_get_ladder_path (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->ladder_path;
}

void
pathways_person_set_ladder_path (PathwaysPerson *self,
                                 const char     *ladder_path)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->ladder_path, ladder_path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LADDER_PATH]);
}

/**
 * pathways_person_get_level:
 * @self: a person
 *
 * Returns: (nullable): the person's current level
 */
const char *
pathways_person_get_level (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->level;
}

void
pathways_person_set_level (PathwaysPerson *self,
                           const char     *level)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->level, level))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/**
 * pathways_person_get_start_date:
 * @self: a person
 *
 * Returns: (nullable): the date the person started, "YYYY-MM-DD"
 */
const char *
pathways_person_get_start_date (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->start_date;
}

/**
 * pathways_person_set_start_date:
 * @self: a person
 * @date: (nullable): "YYYY-MM-DD"; empty means unknown. Kept as given: the store refuses
 *   to save a date that isn't one, with a message the person can act on.
 */
void
pathways_person_set_start_date (PathwaysPerson *self,
                                const char     *date)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->start_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

/**
 * pathways_person_get_cadence_weeks:
 * @self: a person
 *
 * Returns: how many weeks apart the 1-on-1s are (1 is weekly)
 */
guint
pathways_person_get_cadence_weeks (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), 1);

  return self->cadence_weeks;
}

/**
 * pathways_person_set_cadence_weeks:
 * @self: a person
 * @weeks: weeks between 1-on-1s, 1–52 (the store refuses to save other values)
 */
void
pathways_person_set_cadence_weeks (PathwaysPerson *self,
                                   guint           weeks)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (self->cadence_weeks == weeks)
    return;

  self->cadence_weeks = weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_WEEKS]);
}

/**
 * pathways_person_get_meeting_weekday:
 * @self: a person
 *
 * Returns: the usual day of the 1-on-1 as a #GDateWeekday (1 is Monday), or 0 if none
 */
guint
pathways_person_get_meeting_weekday (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), 0);

  return self->meeting_weekday;
}

/**
 * pathways_person_set_meeting_weekday:
 * @self: a person
 * @weekday: a #GDateWeekday (1–7), or 0 for none
 */
void
pathways_person_set_meeting_weekday (PathwaysPerson *self,
                                     guint           weekday)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));
  g_return_if_fail (weekday <= 7);

  if (self->meeting_weekday == weekday)
    return;

  self->meeting_weekday = weekday;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_WEEKDAY]);
}

/**
 * pathways_person_get_meeting_time:
 * @self: a person
 *
 * Returns: (nullable): the usual time of the 1-on-1, "HH:MM" on a 24-hour clock
 */
const char *
pathways_person_get_meeting_time (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->meeting_time;
}

/**
 * pathways_person_set_meeting_time:
 * @self: a person
 * @time: (nullable): "HH:MM"; empty means none. The store checks it is a time of day.
 */
void
pathways_person_set_meeting_time (PathwaysPerson *self,
                                  const char     *time)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->meeting_time, time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_TIME]);
}

/**
 * pathways_person_get_skip_level:
 * @self: a person
 *
 * Returns: whether the person reports to one of the manager's reports (their 1-on-1s are
 *   skip-levels)
 */
gboolean
pathways_person_get_skip_level (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), FALSE);

  return self->skip_level;
}

/**
 * pathways_person_set_skip_level:
 * @self: a person
 * @skip_level: whether the person is a report's report
 */
void
pathways_person_set_skip_level (PathwaysPerson *self,
                                gboolean        skip_level)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  skip_level = !!skip_level;
  if (self->skip_level == skip_level)
    return;

  self->skip_level = skip_level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_LEVEL]);
}

/**
 * pathways_person_get_notes:
 * @self: a person
 *
 * Returns: the manager's free notes about the person, "" if none
 */
const char *
pathways_person_get_notes (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->notes;
}

/**
 * pathways_person_set_notes:
 * @self: a person
 * @notes: (nullable): free text; %NULL is the same as ""
 */
void
pathways_person_set_notes (PathwaysPerson *self,
                           const char     *notes)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * pathways_person_get_target_path:
 * @self: a person
 *
 * Returns: (nullable): the ladder path of the level the person aims for, or %NULL if they
 *   aim for the next level on their own path
 */
const char *
pathways_person_get_target_path (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->target_path;
}

/**
 * pathways_person_set_target_path:
 * @self: a person
 * @path: (nullable): a ladder path, which may differ from their own (a switch to the
 *   management path, say); empty means none
 */
void
pathways_person_set_target_path (PathwaysPerson *self,
                                 const char     *path)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->target_path, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_PATH]);
}

/**
 * pathways_person_get_target_level:
 * @self: a person
 *
 * Returns: (nullable): the title of the level the person aims for, or %NULL for the next
 *   level on their path
 */
const char *
pathways_person_get_target_level (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), NULL);

  return self->target_level;
}

/**
 * pathways_person_set_target_level:
 * @self: a person
 * @level: (nullable): a level's title; empty means none
 */
void
pathways_person_set_target_level (PathwaysPerson *self,
                                  const char     *level)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  if (set_optional_string (&self->target_level, level))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_LEVEL]);
}

/**
 * pathways_person_get_archived:
 * @self: a person
 *
 * Returns: whether the person is archived (kept, but no longer a current report)
 */
gboolean
pathways_person_get_archived (PathwaysPerson *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON (self), FALSE);

  return self->archived;
}

void
pathways_person_set_archived (PathwaysPerson *self,
                              gboolean        archived)
{
  g_return_if_fail (PATHWAYS_IS_PERSON (self));

  archived = !!archived;
  if (self->archived == archived)
    return;

  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/* ---- dates and times ---- */

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) g_ascii_digit_value (text[i]);
    }

  return TRUE;
}

/**
 * pathways_date_is_valid:
 * @iso_date: (nullable): text to check
 *
 * Returns: whether @iso_date is a real calendar date written "YYYY-MM-DD" (so 2024-02-29
 *   is one and 2026-02-30 is not)
 */
gboolean
pathways_date_is_valid (const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;

  if (!parse_digits (iso_date, 4, &year)
      || !parse_digits (iso_date + 5, 2, &month)
      || !parse_digits (iso_date + 8, 2, &day))
    return FALSE;

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * pathways_time_is_valid:
 * @hh_mm: (nullable): text to check
 *
 * Returns: whether @hh_mm is a time of day on a 24-hour clock, "00:00" to "23:59"
 */
gboolean
pathways_time_is_valid (const char *hh_mm)
{
  guint hours, minutes;

  if (hh_mm == NULL || strlen (hh_mm) != 5 || hh_mm[2] != ':')
    return FALSE;

  if (!parse_digits (hh_mm, 2, &hours) || !parse_digits (hh_mm + 3, 2, &minutes))
    return FALSE;

  return hours <= 23 && minutes <= 59;
}
