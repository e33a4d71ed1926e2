#!/usr/bin/env python3
"""Fault matrix for infonote-index build and update.

Each round breaks something, runs the indexer, and checks what is left:
SIGKILL at a random moment; a file size limit (ulimit -f, SIGXFSZ at its
default) at a random size, so a write fails somewhere in the run; folders
that become unreadable (mode 000) or unsearchable (mode 0644) between runs,
then an update or a build;
damaged stubs (empty, garbage, a path out of the folder, a folder). After
each round:

- the live index holds as many notes as there are note files on disk (a
  note that exists but cannot be read is kept);
- no complete build that was on disk before a failed run is gone;
- no unfinished build folder is left once the next run is over;
- a faulted run ends with the status the README promises (4 for a
  failure, 3 for skipped files, never a signal but the SIGKILL itself).

The indexer runs as user nobody when this script runs as root, since root
reads any folder whatever its mode.

Usage: fault_matrix.py --index BIN --work DIR [--notes N] [--rounds R] [--seed S]
Prints one line per failed check and "N passed, M failed" at the end;
exits 1 when anything failed.
"""

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (SOURCE / "corpus").iterdir()
                 if p.suffix in (".txt", ".md") and p.name != "README.md")
NOBODY = 65534
FOLDERS = ["a", "b", "c", "d"]


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


def as_nobody():
    if os.geteuid() == 0:
        os.setgid(NOBODY)
        os.setuid(NOBODY)


def give_to_nobody(path):
    if os.geteuid() != 0:
        return
    for root, dirs, files in os.walk(path):
        os.chown(root, NOBODY, NOBODY)
        for name in dirs + files:
            os.chown(os.path.join(root, name), NOBODY, NOBODY, follow_symlinks=False)


class Matrix:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.checks = Checks()
        self.corpus = args.work / "corpus"
        self.db = args.work / "db"
        self.next = 0

    # --- the corpus ---------------------------------------------------------

    def write_note(self, number, revision=0):
        sample = SAMPLES[number % len(SAMPLES)].read_text(encoding="utf-8")
        folder = self.corpus / FOLDERS[number % len(FOLDERS)]
        folder.mkdir(exist_ok=True)
        extra = f"\nReference faultnote {number}, revision {revision}.\n"
        (folder / f"note-{number:05d}.txt").write_text(sample + extra, encoding="utf-8")

    def notes_on_disk(self):
        # As root: counts the files of folders that nobody cannot read too.
        return sum(1 for _ in self.corpus.rglob("note-*.txt"))

    def change_corpus(self, round_number):
        for _ in range(3):
            self.write_note(self.next)
            self.next += 1
        existing = sorted(self.corpus.rglob("note-*.txt"))
        for path in self.rng.sample(existing, 2):
            number = int(path.stem.split("-")[1])
            self.write_note(number, revision=round_number + 1)
        for path in self.rng.sample(existing, 1):
            path.unlink()

    # --- running ------------------------------------------------------------

    def command(self, command, *extra):
        return [str(self.args.index), command, str(self.corpus), "--db", str(self.db),
                "--no-progress", *extra]

    def start(self, argv, limit=None):
        give_to_nobody(self.args.work)

        def child():
            if limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            as_nobody()

        return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, preexec_fn=child)

    def run(self, argv, limit=None):
        p = self.start(argv, limit)
        out, err = p.communicate()
        return p.returncode, out, err

    def status(self):
        code, out, _ = self.run([str(self.args.index), "status", "--db", str(self.db),
                                 "--format", "json"])
        return json.loads(out) if code == 0 else None

    def live_notes(self):
        s = self.status()
        return s["live"]["notes"] if s else None

    def complete_builds(self):
        return {p.name for p in self.db.iterdir()
                if p.is_dir() and p.name.startswith("build-") and not p.name.endswith(".tmp")}

    def unfinished(self):
        return [p.name for p in self.db.iterdir() if p.name.endswith(".tmp")]

    # --- the checks after each round ----------------------------------------

    def settle(self, what):
        """A normal update after the fault: it completes and counts every
        note on disk, and leaves no unfinished build."""
        code, out, err = self.run(self.command("update"))
        self.checks.check(code in (0, 3), f"{what}: next update exits 0 or 3 ({code}: "
                                          f"{err.strip()})")
        self.checks.check(not self.unfinished(),
                          f"{what}: unfinished builds left after the next run: "
                          f"{self.unfinished()}")
        notes = self.live_notes()
        self.checks.check(notes == self.notes_on_disk(),
                          f"{what}: {notes} notes in the index, {self.notes_on_disk()} on disk")

    def live(self):
        try:
            return (self.db / "XAPIANDB").read_text().split()[1]
        except (OSError, IndexError):
            return None

    def kept(self, before, what, live_before=None):
        """No complete build that was there before a faulted run is gone,
        unless the run made a newer build live: then only the one it
        replaced must stay, for rollback."""
        gone = before - self.complete_builds()
        live = self.live()
        if live_before and live and live != live_before and live not in before:
            gone &= {live_before}
        self.checks.check(not gone, f"{what}: complete builds gone: {sorted(gone)}")

    # --- the faults ---------------------------------------------------------

    def kill_round(self, command, round_number, longest):
        what = f"{command} killed (round {round_number})"
        self.change_corpus(round_number)
        before = self.complete_builds()
        live_before = self.live()
        p = self.start(self.command(command))
        time.sleep(self.rng.uniform(0, longest))
        finished = p.poll() is not None
        if not finished:
            p.send_signal(signal.SIGKILL)
        p.communicate()
        if not finished:
            self.kept(before, what, live_before)
        self.settle(what)

    def size_limit_round(self, command, round_number):
        what = f"{command} under ulimit -f (round {round_number})"
        self.change_corpus(round_number)
        before = self.complete_builds()
        live_before = self.live_notes()
        limit = self.rng.choice([8, 32, 128, 512]) * 1024
        code, _, err = self.run(self.command(command), limit=limit)
        self.checks.check(code in (0, 4), f"{what} at {limit} bytes: exit {code}, not a "
                                          f"kill ({err.strip()})")
        if code == 4:
            self.checks.check(err.count("\n") == 1, f"{what}: one error line: {err!r}")
            self.checks.check(self.live_notes() == live_before,
                              f"{what}: the live index changed ({self.live_notes()} notes, "
                              f"{live_before} before)")
            self.kept(before, what)
        self.checks.check(not self.unfinished(),
                          f"{what}: unfinished builds left: {self.unfinished()}")
        self.settle(what)

    def unreadable_round(self, round_number, command):
        what = f"unreadable folder, {command} (round {round_number})"
        folder = self.corpus / self.rng.choice(FOLDERS)
        mode = self.rng.choice([0o000, 0o644])
        os.chmod(folder, mode)
        try:
            before = self.complete_builds()
            code, out, err = self.run(self.command(command))
            self.checks.check(code == 3, f"{what}, mode {mode:o}: exits 3 ({code}: "
                                         f"{err.strip()})")
            self.checks.check(str(folder) in err, f"{what}: {folder} named in {err!r}")
            self.kept(before, what)
            notes = self.live_notes()
            self.checks.check(notes == self.notes_on_disk(),
                              f"{what}: {notes} notes in the index, "
                              f"{self.notes_on_disk()} on disk")
        finally:
            os.chmod(folder, 0o755)
        self.settle(what)

    def damaged_stub_round(self, round_number, damage):
        what = f"damaged stub, {damage} (round {round_number})"
        stub = self.db / "XAPIANDB"
        before = self.complete_builds()
        stub.unlink()
        if damage == "folder":
            stub.mkdir()
        else:
            stub.write_text({"empty": "", "garbage": "\x07\x08 nonsense",
                             "outside": "auto ../../etc\n"}[damage])
        for command in ("update", "build"):
            code, _, err = self.run(self.command(command))
            self.checks.check(code == 4 and "damaged stub" in err,
                              f"{what}: {command} exits 4 naming it ({code}: {err.strip()})")
            self.kept(before, f"{what}, {command}")
        code, _, err = self.run([str(self.args.index), "rollback", "--db", str(self.db)])
        self.checks.check(code == 0, f"{what}: rollback recovers ({code}: {err.strip()})")
        self.kept(before, f"{what}, rollback")
        self.settle(what)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each fault")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    os.chmod(args.work, 0o755)
    m = Matrix(args)
    (m.corpus).mkdir()
    for _ in range(args.notes):
        m.write_note(m.next)
        m.next += 1

    start = time.monotonic()
    code, _, err = m.run(m.command("build"))
    longest = (time.monotonic() - start) * 1.2
    m.checks.check(code == 0, f"first build: {err.strip()}")

    for r in range(args.rounds):
        for command in ("build", "update"):
            m.kill_round(command, r, longest)
            m.size_limit_round(command, r)
        m.unreadable_round(r, "update" if r % 2 == 0 else "build")
    for r, damage in enumerate(["empty", "garbage", "outside", "folder"]):
        m.damaged_stub_round(r, damage)

    shutil.rmtree(args.work, ignore_errors=True)
    print(f"{m.checks.passed} passed, {m.checks.failed} failed")
    return 1 if m.checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
