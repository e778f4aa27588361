#!/usr/bin/python3
"""Journey: track a report against the next level of the handbook's ladder — rate an
expectation, add evidence for it, restart, and find both — through the accessibility tree."""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, label_is, run  # noqa: E402

PERSON = "Mateo Fernández"       # Engineer II (IC 3) in the sample team
EVIDENCE = "Led the incident review for the payments outage"


def rate_add_evidence_and_restart():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-ladder-")
    try:
        with App(["--profile", profile, "--sample-team"]) as app:
            app.press("push button", PERSON)
            app.press("page tab", label_is("Ladder"))
            # The target is the next level on their path, read from the sample handbook.
            app.find("label", label_is("Software Engineer — Senior Engineer (IC 4)"))
            app.find("label", "0 of 12 consistently · 0 sometimes · 0 sustained")

            app.press("push button", "Impact: Consistently")
            app.find("label", "1 of 12 consistently · 0 sometimes · 0 sustained")

            app.press("push button", "Add Evidence for Impact")
            app.find("label", "Add Evidence")
            app.type(EVIDENCE)
            app.press("push button", label_is("Add"))
            app.find("label", EVIDENCE)

            # Explaining the gap: the current and target levels side by side in the handbook.
            app.press("push button", label_is("Compare Levels"))
            app.wait_title("Career Ladder")
            app.find("label", lambda t: " changed, " in (t or ""))
            app.press("push button", "Back")
            app.wait_title("Engineering Handbook")

        with App(["--profile", profile]) as app:
            app.press("push button", PERSON)
            app.press("page tab", label_is("Ladder"))
            app.find("label", "1 of 12 consistently · 0 sometimes · 0 sustained")
            app.find("label", lambda t: (t or "").startswith("Consistently since"))
            app.find("label", EVIDENCE)

            # The promotion: recorded from the ladder's levels, the next one preselected.
            app.press("page tab", label_is("Details"))
            app.press("push button", label_is("Record a Level Change"))
            app.find("label", "Record a Level Change")
            app.press("push button", label_is("Record"))
            app.find("label", "Software Engineer · Senior Engineer (IC 4)")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(run([rate_add_evidence_and_restart]))
