#!/usr/bin/python3
"""Journey: open the sample handbook, open the careers page from the tree, follow a link
to a level, and come back — driven only through the accessibility tree and the keyboard."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, label_is, run  # noqa: E402


def open_careers_and_follow_a_level():
    # A first start with no handbook chosen opens the bundled sample on its home page.
    with App() as app:
        app.press("page tab", "Handbook")
        app.wait_title("Engineering Handbook")
        app.wait(lambda: "Packback Engineering" in app.page_text(), "the home page's text")

        # The careers folder's row stands for its overview page.
        app.activate(app.find("push button", "Career paths"))
        app.wait_title("Career paths")
        text = app.wait(lambda: "Level codes" in app.page_text() and app.page_text(),
                        "the careers overview's text")
        if "title: Career paths" in text or "owner: Engineering" in text:
            raise JourneyFailed("the page shows its YAML front matter")

        # Find the link to a level with find-in-page, then follow it with Enter,
        # as a keyboard user does.
        app.keys("ctrl+f")
        app.type("Engineer II (IC 3)")
        app.wait(lambda: app.find_all("label", "1 of 1"), "one match for the level link")
        app.keys("Escape", "Return")
        app.wait_title("Software Engineer")
        text = app.page_text()
        for expected in ("Engineer II (IC 3)", "Apprentice (IC 1)"):
            if expected not in text:
                raise JourneyFailed(f"{expected!r} missing from the software engineer page")

        # Back returns to the overview.
        app.press("push button", "Back")
        app.wait_title("Career paths")
        app.keys("alt+Right")
        app.wait_title("Software Engineer")


if __name__ == "__main__":
    sys.exit(run([open_careers_and_follow_a_level]))
