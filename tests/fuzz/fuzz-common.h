/* fuzz-common.h: what every fuzz target shares — the libFuzzer entry points and helpers to
 * turn the raw input into the strings the core API takes.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stddef.h>

G_BEGIN_DECLS

/* Defined by each target; called by libFuzzer, or by fuzz-replay.c in the normal build. */
int   LLVMFuzzerInitialize   (int           *argc,
                              char        ***argv);
int   LLVMFuzzerTestOneInput (const uint8_t *data,
                              size_t         size);

void  fuzz_init              (void);
char *fuzz_dup_string        (const uint8_t *data,
                              size_t         size);
char *fuzz_dup_valid_string  (const uint8_t *data,
                              size_t         size);

G_END_DECLS
