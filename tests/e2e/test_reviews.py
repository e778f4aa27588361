#!/usr/bin/python3
"""Journey: draft a performance review — open a report with a cycle of notes (noting two
more), start the review, insert two pieces of dated evidence and the ladder section, mark it
ready, export it as Markdown through the save dialog, and read the file — through the
accessibility tree."""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, label_is, run, text_of  # noqa: E402

PERSON = "Amara Okafor"
# Noted today, so they fall in the current cycle whatever the date of the run.
WIN = "Led the billing cut-over without a single customer ticket"
FEEDBACK = "Product said her design doc made the trade-offs easy to follow"


def draft_and_export():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-reviews-")
    out_dir = tempfile.mkdtemp(prefix="pathways-e2e-export-")
    target = os.path.join(out_dir, "review.md")
    try:
        with App(["--profile", profile, "--sample-team"]) as app:
            app.press("push button", PERSON)

            # A cycle of notes: two more, noted today on the Notes tab.
            app.press("page tab", label_is("Notes"))
            app.find("label", "Add a Note")
            app.type(WIN)
            app.keys("Return")
            app.find("label", WIN)
            app.type(FEEDBACK)
            app.keys("Return")
            app.find("label", FEEDBACK)

            app.press("page tab", label_is("Reviews"))
            app.press("push button", label_is("Start Review"))
            app.find("text", "Review Text")

            # Dated evidence from the cycle, one click each.
            app.press("push button", f"Insert: {WIN}")
            app.press("push button", f"Insert: {FEEDBACK}")
            app.press("push button", label_is("Insert Ladder Section"))
            app.shot("reviews-1-draft")

            app.press(None, label_is("Ready"))

            # Export through the save dialog: type the full path and accept.
            app.press(None, "Export, Print or Copy")
            app.press(None, label_is("Export Markdown…"))
            app.find(None, "Export Markdown")          # the save dialog
            app.find("push button", label_is("Export"))
            app.keys("ctrl+a")
            app.type(target)
            app.keys("Return")
            app.wait(lambda: os.path.exists(target) and os.path.getsize(target) > 0,
                     "the exported file")
            with open(target, encoding="utf-8") as f:
                text = f.read()
            expected = [PERSON, "## Wins and successes", WIN, FEEDBACK, "| Expectation"]
            missing = [line for line in expected if line not in text]
            if missing:
                raise JourneyFailed(f"the exported review lacks {missing!r}:\n{text}")
            if "<!--" in text:
                raise JourneyFailed(f"the template's prompts were exported:\n{text}")

        # The draft and its status survive a restart.
        with App(["--profile", profile]) as app:
            app.press("push button", PERSON)
            app.press("page tab", label_is("Reviews"))
            app.wait(lambda: WIN in text_of(app.find("text", "Review Text")),
                     "the review text after a restart")
            app.shot("reviews-2-restart")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == "__main__":
    run([draft_and_export])
