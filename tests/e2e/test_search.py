#!/usr/bin/python3
"""Journey: search everything — Ctrl+K, a word from a handbook page opens that page at the
right section; a phrase from an old 1-on-1's notes opens that meeting; a private note is
found and marked so — through the accessibility tree."""

import os
import shutil
import sys
import tempfile

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, _safe, label_is, run, text_of  # noqa: E402

PERSON = "Amara Okafor"
HANDBOOK_WORD = "calibrated"                 # in "Review cycles" of Performance reviews
SECTION = "Review cycles"
NOTE_WORDS = "heavy second rotation"          # Amara's shared notes, three weeks ago
NOTE_TEXT = "On-call has been heavy; looking for a second rotation."
PRIVATE_WORD = "tired"                        # the private notes of the same meeting


def search(app, query):
    """Ctrl+K, then type the query into the search box."""
    app.keys("ctrl+k")
    app.find("frame", "Search")
    app.type(query)


def result_row(app, fragment):
    """A result whose accessible name contains the fragment."""
    def found():
        for node in app.find_all("list item") + app.find_all("row"):
            name = _safe(node.get_name, "") or ""
            if fragment in name:
                return node
        return None
    return app.wait(found, f"a search result named like {fragment!r}")


def caret_line(app):
    """The line of the page the caret is on: where the view was scrolled to."""
    page = app.find("text", "Page content")
    def read():
        offset = _safe(lambda: Atspi.Text.get_caret_offset(page), -1)
        if offset is None or offset < 0:
            return None
        line = _safe(lambda: Atspi.Text.get_string_at_offset(
            page, offset, Atspi.TextGranularity.LINE))
        return line.content.strip() if line is not None else None
    return app.wait(read, "the caret in the page")


def search_handbook_and_notes():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-search-")
    try:
        with App(["--profile", profile, "--sample-team"]) as app:
            self_app = app
            app.find("push button", PERSON)

            # A word from a handbook page: its section is the first result.
            search(app, HANDBOOK_WORD)
            result_row(app, SECTION)
            app.shot("search-1-handbook")
            app.keys("Return")
            app.wait_title("Performance reviews")
            app.shot("search-2-section")
            line = caret_line(app)
            if line != SECTION:
                pages = app.find_all("text", "Page content")
                for pg in pages:
                    off = Atspi.Text.get_caret_offset(pg)
                    print("DEBUG", len(pages), off, repr(Atspi.Text.get_text(pg, max(0, off - 20), off + 40)))
                raise JourneyFailed(f"the page opened at {line!r}, not at {SECTION!r}")
            if HANDBOOK_WORD not in app.page_text():
                raise JourneyFailed("the page shown doesn't have the word searched for")
            app.shot("search-2-section")

            # A phrase from a meeting's notes, words in another order: that meeting opens.
            search(app, NOTE_WORDS)
            result_row(app, f"1-on-1 with {PERSON}")
            app.shot("search-3-notes")
            app.keys("Return")
            # The meeting's own view: its notes, and the way back to the list.
            app.wait(lambda: next(
                (n for n in app.find_all("text", "Shared Notes")
                 if NOTE_TEXT in (text_of(n) or "")), None),
                "the meeting with those notes, open")
            app.find("push button", lambda name: "All 1-on-1s" in (name or ""))
            app.shot("search-3b-opened")

            # Private notes are found, and the result says they are private.
            search(app, PRIVATE_WORD)
            result_row(app, f"Private notes, 1-on-1 with {PERSON}")
            app.shot("search-4-private")

            # Nothing found says so.
            app.keys("ctrl+a")
            app.type("zyzzyva")
            app.find("label", label_is("No Results"))
            app.keys("Escape")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(run([search_handbook_and_notes]))
