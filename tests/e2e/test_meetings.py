#!/usr/bin/python3
"""Journey: prepare a 1-on-1 — open a report with a few weeks of history, prepare the next
agenda, see what carried over and a topic from the handbook's guide, add a talking point
from the keyboard, tick an action item, write a shared and a private note, copy the agenda,
and read what the clipboard holds — through the accessibility tree."""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, label_is, run  # noqa: E402

PERSON = "Amara Okafor"                            # weekly 1-on-1s in the sample team
CARRIED = "Feedback on my design review style"     # not reached last time
ACTION = "Write up the sandbox workaround for the wiki"
POINT = "Staff-level scope for the payments work"
SHARED = "Agreed the dry run happens on Thursday"
PRIVATE = "Ask how the move is going"


def prepare_run_and_share():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-meetings-")
    try:
        with App(["--profile", profile, "--sample-team"]) as app:
            app.press("push button", PERSON)
            app.press("page tab", label_is("1-on-1s"))
            app.find("label", "Earlier 1-on-1s")
            app.shot("meetings-1-history")

            app.press("push button", label_is("Prepare Agenda"))
            # Carried over: the same item, saying where it came from; the open action too.
            app.find("check box", f"Discussed: {CARRIED}")
            app.find("label", lambda t: (t or "").startswith("From Amara · from "))
            app.find("check box", f"Done: {ACTION}")
            # Every time: the bullets of the sample guide's "In every 1-on-1" section.
            app.find("check box", "Discussed: Wins")
            app.find("check box", "Discussed: Blockers")
            # Due for a check-in: topics not discussed for longest, with when they last were.
            app.find("label", "Due for a Check-in")
            app.find("label", lambda t: (t or "").startswith("Not discussed yet"))
            app.shot("meetings-2-prepared")

            # A talking point is one keystroke away from anywhere on the person's page.
            app.keys("ctrl+t")
            app.find("label", "Add to the Next 1-on-1")
            app.type(POINT)
            app.press("push button", label_is("Add"))
            app.find("check box", f"Discussed: {POINT}")

            # In the meeting: tick the action item, write notes.
            app.click("check box", f"Done: {ACTION}")
            app.click("text", "Shared Notes")
            app.type(SHARED)
            app.click("text", "Private Notes")
            app.type(PRIVATE)
            app.press("push button", "Mood 4 of 5")
            app.shot("meetings-3-in-meeting")

            # Copy the agenda and read it back as another application would paste it.
            app.press("push button", "Agenda Menu")
            app.press(None, label_is("Copy Agenda"))
            app.find("label", "Agenda copied, without private notes")
            pasted = []

            def agenda_pasted():
                pasted.append(app.clipboard())
                return pasted[-1] if f"# 1-on-1 with {PERSON}" in pasted[-1] else None
            try:
                text = app.wait(agenda_pasted, "the agenda on the clipboard")
            except JourneyFailed:
                raise JourneyFailed(f"the clipboard holds {pasted[-1]!r}")
            expected = [
                f"# 1-on-1 with {PERSON}",
                "## Carried over",
                f"- [ ] {CARRIED}",
                f"- [x] {ACTION}",
                "## Every time",
                "- [ ] Wins",
                "## Talking points",
                f"- [ ] {POINT}",
                "## Shared notes",
                SHARED,
            ]
            missing = [line for line in expected if line not in text]
            if missing:
                raise JourneyFailed(f"the agenda lacks {missing!r}:\n{text}")
            if PRIVATE in text or "Private notes" in text:
                raise JourneyFailed(f"the copied agenda holds the private notes:\n{text}")

            # A point worth keeping for the review: a win, one menu away.
            app.press(None, f"More for “{CARRIED}”")
            app.press(None, label_is("Add as Evidence…"))
            app.find("label", "Add as Evidence")
            app.press("push button", label_is("Add"))
            app.find("label", "Noted as a win for the next review")

            app.press("push button", label_is("Mark as Held"))
            app.find("push button", label_is("Prepare Agenda"))

        # After a restart: the meeting is in the history with what was written in it.
        with App(["--profile", profile]) as app:
            app.press("push button", PERSON)
            app.press("page tab", label_is("1-on-1s"))
            app.press("push button", lambda n: (n or "").startswith("Open 1-on-1 of "))
            app.find("label", lambda t: "Held" in (t or ""))
            app.find("check box", f"Discussed: {POINT}")
            app.shot("meetings-4-history")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    run([prepare_run_and_share])
