#!/usr/bin/python3
"""Journey: more than one `pathways` at a time. A second start with the same profile hands
its page to the window already open and exits at once; a start with another profile gets a
window of its own, showing that profile's records, and each writes only to its own
database — driven through the accessibility tree and the keyboard."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathways_e2e import App, JourneyFailed, label_is, run  # noqa: E402

HANDBOOK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                        "handbook")
SAMPLE_PERSON = "Amara Okafor"       # in the sample team
ONLY_IN_A = "Grace Hopper-Nakamura"


def start_second(app, args, timeout=15):
    """Run another `pathways` the way a person would from a terminal or a launcher, in the
    same session as @app; return how it ended and how long it took."""
    started = time.monotonic()
    try:
        done = subprocess.run([app.binary, *args], env=app.env, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise JourneyFailed(f"a second `pathways {' '.join(args)}` did not exit within "
                            f"{timeout} s: it started an instance of its own")
    return done, time.monotonic() - started


def people_in(profile):
    """The names in a profile's database, read as another program would."""
    path = os.path.join(profile, "pathways.sqlite")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return sorted(name for (name,) in db.execute(
            "SELECT name FROM person WHERE deleted_at IS NULL"))


def second_start_hands_over_its_page():
    profile = tempfile.mkdtemp(prefix="pathways-e2e-instances-")
    try:
        with App(["--profile", profile, "--handbook", HANDBOOK]) as app:
            app.press("page tab", "Handbook")
            app.wait_title("Engineering Handbook")

            # The same profile again, with a page: it goes to the running window.
            done, took = start_second(app, ["--profile", profile, "--handbook", HANDBOOK,
                                            "careers/software-engineer.md"])
            if done.returncode != 0:
                raise JourneyFailed(f"the second start exited with {done.returncode}: "
                                    f"{done.stderr.strip()}")
            if took > 10:
                raise JourneyFailed(f"the second start took {took:.1f} s to hand over")
            app.wait_title("Software Engineer")
            app.wait(lambda: "Engineer II (IC 3)" in app.page_text(),
                     "the page the second start asked for")

            # A mistake on the second command line is told there, and the window stays.
            done, _ = start_second(app, ["--profile", profile, "a.md", "b.md"])
            if done.returncode == 0 or "at most one page" not in done.stderr:
                raise JourneyFailed(f"two pages were not refused: {done.returncode} "
                                    f"{done.stderr.strip()!r}")
            app.wait_title("Software Engineer")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def two_profiles_side_by_side():
    profile_a = tempfile.mkdtemp(prefix="pathways-e2e-instances-a-")
    profile_b = tempfile.mkdtemp(prefix="pathways-e2e-instances-b-")
    try:
        with App(["--profile", profile_a]) as a:
            a.find("push button", label_is("Add Your First Report"))

            # Another profile while A runs: its own process and window, with its own
            # records (the sample team, which A does not have).
            with App(["--profile", profile_b, "--sample-team"]) as b:
                if b.proc.pid == a.proc.pid:
                    raise JourneyFailed("profile B was handed to profile A's instance")
                b.find("push button", SAMPLE_PERSON)
                if a.find_all("push button", SAMPLE_PERSON):
                    raise JourneyFailed("profile A's window shows profile B's team")

                # A person added in A goes to A's file only.
                a.press("push button", label_is("Add Your First Report"))
                a.find("label", "Add a Person")
                a.type(ONLY_IN_A)
                a.press("push button", label_is("Add"))
                a.find("push button", ONLY_IN_A)
                a.wait(lambda: ONLY_IN_A in people_in(profile_a), "the person in A's file")
                if ONLY_IN_A in people_in(profile_b):
                    raise JourneyFailed("a person added in profile A was written to B")
                if SAMPLE_PERSON in people_in(profile_a):
                    raise JourneyFailed("profile B's sample team was written to A")
                if b.find_all("push button", ONLY_IN_A):
                    raise JourneyFailed("profile B's window shows profile A's person")

                # Starting B again reaches B's window, not A's and not a third one.
                done, _ = start_second(b, ["--profile", profile_b])
                if done.returncode != 0:
                    raise JourneyFailed(f"starting profile B again exited with "
                                        f"{done.returncode}: {done.stderr.strip()}")
                b.find("push button", SAMPLE_PERSON)
                if b.proc.poll() is not None or a.proc.poll() is not None:
                    raise JourneyFailed("an instance quit when its profile was started again")

        if people_in(profile_a) != [ONLY_IN_A]:
            raise JourneyFailed(f"profile A holds {people_in(profile_a)}")
        if SAMPLE_PERSON not in people_in(profile_b) or ONLY_IN_A in people_in(profile_b):
            raise JourneyFailed(f"profile B holds {people_in(profile_b)}")
    finally:
        shutil.rmtree(profile_a, ignore_errors=True)
        shutil.rmtree(profile_b, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(run([second_start_hands_over_its_page, two_profiles_side_by_side]))
