#!/usr/bin/env python3
"""Crash and reader tests for infonote-index build and update.

Kills the indexer with SIGKILL at random moments during builds and updates
of a few thousand notes and checks, after each kill, that the live index
passes xapian-check and answers from a complete state (the one before the
run or the one after it); that the next run ends with the right counts;
that queries running throughout a build and an update never fail and never
see a partial index; and that a second writer is refused while a build runs.

Usage: rebuild_stress.py --index BIN --query BIN --work DIR [--notes N]
                         [--kills K] [--seed S]
Prints one line per check and "N passed, M failed" at the end; exits 1 when
anything failed.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (SOURCE / "corpus").iterdir()
                 if p.suffix in (".txt", ".md") and p.name != "README.md")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}", flush=True)
        return ok


def write_note(corpus, number, revision=0):
    """A note made from a corpus sample, unique by number and revision."""
    sample = SAMPLES[number % len(SAMPLES)].read_text(encoding="utf-8")
    extra = f"\nReference stressnote {number}, revision {revision}.\n"
    (corpus / f"note-{number:05d}.txt").write_text(sample + extra, encoding="utf-8")


class Tools:
    def __init__(self, args, db):
        self.index = args.index
        self.query = args.query
        self.db = db

    def start(self, command, corpus):
        return subprocess.Popen(
            [self.index, command, str(corpus), "--db", str(self.db), "--no-progress"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def run(self, command, corpus):
        p = self.start(command, corpus)
        out, err = p.communicate()
        return p.returncode, out, err

    def total(self):
        """Notes the live index answers with, or None when the query failed."""
        p = subprocess.run(
            [self.query, "search", "--db", str(self.db), "stressnote", "--format", "json",
             "--limit", "1"], capture_output=True, text=True)
        if p.returncode != 0:
            return None
        return json.loads(p.stdout)["total"]

    def live_passes_xapian_check(self):
        stub = (self.db / "XAPIANDB").read_text().split()
        live = self.db / stub[1]
        return subprocess.run(["xapian-check", str(live)], capture_output=True).returncode == 0


def kill_at_random(tools, command, corpus, longest, rng):
    """Starts a run and kills it with SIGKILL after a random delay; returns
    True when the run had already finished."""
    p = tools.start(command, corpus)
    time.sleep(rng.uniform(0, longest))
    finished = p.poll() is not None
    if not finished:
        p.send_signal(signal.SIGKILL)
    p.communicate()
    return finished


def crash_rounds(tools, corpus, checks, args, rng, command, state):
    """state: next note number and the set of note numbers in the corpus."""
    start = time.monotonic()
    code, _, err = tools.run(command, corpus)
    longest = (time.monotonic() - start) * 1.2
    checks.check(code == 0, f"{command} before the kills: {err.strip()}")
    for round_number in range(args.kills):
        before = len(state["notes"])
        # Change the corpus: new notes, changed ones, deleted ones.
        for _ in range(5):
            write_note(corpus, state["next"])
            state["notes"].add(state["next"])
            state["next"] += 1
        for number in rng.sample(sorted(state["notes"]), 3):
            write_note(corpus, number, revision=round_number + 1)
        for number in rng.sample(sorted(state["notes"]), 2):
            (corpus / f"note-{number:05d}.txt").unlink()
            state["notes"].discard(number)
        after = len(state["notes"])

        finished = kill_at_random(tools, command, corpus, longest, rng)
        what = f"{command} killed in round {round_number + 1}"
        checks.check(tools.live_passes_xapian_check(), f"{what}: live index passes xapian-check")
        total = tools.total()
        allowed = {after} if finished else {before, after}
        checks.check(total in allowed,
                     f"{what}: query answered {total}, expected one of {sorted(allowed)}")
        # The next run completes and counts every note.
        code, out, err = tools.run(command, corpus)
        checks.check(code == 0, f"{what}: next run exits 0 ({err.strip()})")
        checks.check(tools.total() == after,
                     f"{what}: next run leaves {tools.total()} notes, expected {after}")
        checks.check(not any(p.suffix == ".tmp" for p in tools.db.iterdir()),
                     f"{what}: next run leaves no unfinished build")


def readers_during(tools, command, corpus, allowed, checks):
    """Queries in a loop for the whole of one run: none may fail, and every
    answer must be a complete index's."""
    answers = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            answers.append(tools.total())

    thread = threading.Thread(target=reader)
    thread.start()
    code, _, err = tools.run(command, corpus)
    stop.set()
    thread.join()
    checks.check(code == 0, f"{command} under readers exits 0 ({err.strip()})")
    failed = sum(1 for a in answers if a is None)
    partial = sorted({a for a in answers if a is not None and a not in allowed})
    checks.check(len(answers) > 0 and failed == 0,
                 f"{command} under readers: {failed} of {len(answers)} queries failed")
    checks.check(not partial, f"{command} under readers: partial totals {partial}")
    print(f"{command}: {len(answers)} queries during the run, none failed", flush=True)


def second_writer_refused(tools, corpus, checks):
    first = tools.start("build", corpus)
    deadline = time.monotonic() + 60
    while not any(p.suffix == ".tmp" for p in tools.db.iterdir()):
        if time.monotonic() > deadline or first.poll() is not None:
            break
        time.sleep(0.005)
    code, out, err = tools.run("build", corpus)
    checks.check(code == 4 and "another infonote-index is writing this database" in err,
                 f"second writer refused at once (exit {code}: {err.strip()})")
    out, err = first.communicate()
    checks.check(first.returncode == 0, f"first build completes ({err.strip()})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--query", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=12,
                        help="kills during builds, and as many during updates")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    shutil.rmtree(args.work, ignore_errors=True)
    corpus = args.work / "corpus"
    corpus.mkdir(parents=True)
    tools = Tools(args, args.work / "db")
    state = {"next": args.notes, "notes": set(range(args.notes))}
    for number in range(args.notes):
        write_note(corpus, number)

    checks = Checks()
    crash_rounds(tools, corpus, checks, args, rng, "build", state)
    crash_rounds(tools, corpus, checks, args, rng, "update", state)

    old = len(state["notes"])
    for _ in range(20):
        write_note(corpus, state["next"])
        state["notes"].add(state["next"])
        state["next"] += 1
    readers_during(tools, "build", corpus, {old, len(state["notes"])}, checks)
    old = len(state["notes"])
    for number in rng.sample(sorted(state["notes"]), 30):
        (corpus / f"note-{number:05d}.txt").unlink()
        state["notes"].discard(number)
    readers_during(tools, "update", corpus, {old, len(state["notes"])}, checks)

    second_writer_refused(tools, corpus, checks)

    shutil.rmtree(args.work, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
