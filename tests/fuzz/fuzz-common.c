/* fuzz-common.c: logging that turns warnings into crashes, and input helpers.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"

/* A g_warning() or g_critical() (including a failed g_return_if_fail()) means the core met
 * a state it did not expect: for the fuzzer that is a finding like any crash, so it aborts
 * there, with the message printed. Everything else is dropped, which also keeps the
 * fuzzer's output readable and its loop fast. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

/**
 * fuzz_init:
 *
 * Called once from each target's LLVMFuzzerInitialize().
 */
void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  /* Messages logged with g_log() before the writer sees them still go through this. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/**
 * fuzz_dup_string:
 *
 * The input as a C string: bytes after an embedded NUL are simply not seen, as happens to
 * text that reaches the core through a GtkEntry or the database.
 *
 * Returns: (transfer full): a NUL-terminated copy of @data
 */
char *
fuzz_dup_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/**
 * fuzz_dup_valid_string:
 *
 * The input as valid UTF-8, for functions whose callers only ever pass valid text (a
 * GtkEntry's, the database's, or what pathways_markdown_sanitize() produced).
 *
 * Returns: (transfer full): a NUL-terminated, valid UTF-8 copy of @data
 */
char *
fuzz_dup_valid_string (const uint8_t *data,
                       size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  return g_utf8_make_valid (text, -1);
}
