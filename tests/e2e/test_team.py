#!/usr/bin/python3
"""Journey: a first start on an empty profile, adding a report through the dialog, editing
their title, archiving them, undoing a delete, and finding everything again after a restart —
driven only through the accessibility tree and the keyboard."""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, label_is, run  # noqa: E402

NAME = "Ada Okonkwo-Lindqvist"
TITLE = "Platform engineer"


def add_edit_archive_and_undo():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-team-")
    try:
        with App(["--profile", profile]) as app:
            # An empty database welcomes rather than showing an empty list.
            app.press("push button", label_is("Add Your First Report"))
            app.find("label", "Add a Person")
            app.type(NAME)
            app.press("push button", label_is("Add"))
            app.find("push button", NAME)           # the row in the sidebar
            app.find("label", NAME)                 # the person's page

            # Edit their title on their page: Tab from the name to pronouns to title.
            app.keys("Tab", "Tab")
            app.type(TITLE)
            app.find("label", TITLE)                # the sidebar row follows as you type

            # Archive: they leave the list; shown again on request.
            app.press("push button", "Person Menu")
            app.press(None, label_is("Archive"))
            app.wait(lambda: not app.find_all("push button", NAME), "the row to go")
            app.press("push button", "Main Menu")
            app.press(None, label_is("Show Archived People"))
            app.press("push button", NAME)
            app.press("push button", "Person Menu")
            app.press(None, label_is("Unarchive"))

            # Delete, then undo from the toast.
            app.press("push button", "Person Menu")
            app.press(None, label_is("Delete…"))
            app.find("label", f"“{NAME}” deleted")
            app.press("push button", label_is("Undo"))
            app.find("push button", NAME)

        # Everything survives a restart.
        with App(["--profile", profile]) as app:
            app.press("push button", NAME)
            app.find("label", TITLE)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def damaged_file_is_kept_and_a_new_one_started():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-damaged-")
    damaged = os.path.join(profile, "pathways.sqlite")
    garbage = os.urandom(8192)
    with open(damaged, "wb") as f:
        f.write(garbage)
    try:
        with App(["--profile", profile]) as app:
            app.find("label", "Your Records File Is Damaged")
            app.find("label", lambda text: damaged in (text or ""))
            with open(damaged, "rb") as f:
                if f.read() != garbage:
                    raise JourneyFailed("the damaged file was written to")

            app.press("push button", label_is("Start a New Empty Database"))
            app.find("label", "Welcome to Pathways")
            kept = [n for n in os.listdir(profile) if n.startswith("pathways.sqlite.damaged-")]
            if len(kept) != 1:
                raise JourneyFailed(f"the damaged file was not kept aside: {os.listdir(profile)}")
            with open(os.path.join(profile, kept[0]), "rb") as f:
                if f.read() != garbage:
                    raise JourneyFailed("the damaged file kept aside is not the original")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(run([add_edit_archive_and_undo, damaged_file_is_kept_and_a_new_one_started]))
