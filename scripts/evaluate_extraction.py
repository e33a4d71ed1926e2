#!/usr/bin/env python3
"""Scores what `infonote-index parse` extracts from labelled notes.

    evaluate_extraction.py INFONOTE_INDEX FOLDER [--truth FILE] [--min 1.0]

FOLDER holds the notes and their labels: ground_truth.jsonl as written by
generate_notes.py (one JSON object a line), or expected.json as in corpus/
(a JSON array); --truth names another file. Each label has `file`,
`participants` (alpha-2 codes in order), `start_date`, `end_date`, `venue`
{`city`, `country`, `online`}, and optionally `title` and `organizations`.

The notes are parsed in batches (one `parse --format json` run per batch) and
compared with their labels:

  participants   precision and recall, micro-averaged over all listed States
  order          share of notes whose States come out exactly, in order
  dates, venue   accuracy of start_date, end_date, venue city, country, online
  title, organizations  reported, not gated

Exit status: 0 when every gated score is at least --min (default 1.0),
1 when one is below, 2 on a usage error or when the program fails.
Standard library only.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import unicodedata

GATED = ["participants_precision", "participants_recall", "participants_order", "start_date",
         "end_date", "venue_city", "venue_country", "venue_online"]


class Failure(Exception):
    """A problem that stops the evaluation: exit status 2."""


def load_truth(folder, truth_path):
    if truth_path is None:
        for name in ("ground_truth.jsonl", "expected.json"):
            candidate = os.path.join(folder, name)
            if os.path.exists(candidate):
                truth_path = candidate
                break
        else:
            raise Failure("evaluate_extraction.py: %s: no ground_truth.jsonl or expected.json "
                             "(use --truth)" % folder)
    try:
        with open(truth_path, encoding="utf-8") as f:
            if truth_path.endswith(".jsonl"):
                records = [json.loads(line) for line in f if line.strip()]
            else:
                records = json.load(f)
    except (OSError, ValueError) as e:
        raise Failure("evaluate_extraction.py: %s: %s" % (truth_path, e))
    if not isinstance(records, list) or not all(isinstance(r, dict) and "file" in r
                                                for r in records):
        raise Failure("evaluate_extraction.py: %s: expected a list of objects with 'file'"
                         % truth_path)
    return truth_path, records


def parse_batch(binary, folder, files):
    """(notes, stderr text) from one `parse --format json` run."""
    try:
        proc = subprocess.run([binary, "parse", "--format", "json", "--"] + files, cwd=folder,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        raise Failure("evaluate_extraction.py: cannot run %s: %s" % (binary, e))
    # 0: all parsed; 3: some files skipped as bad input (they count as
    # missing below).
    if proc.returncode not in (0, 3):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise Failure("evaluate_extraction.py: %s exited with status %d"
                         % (binary, proc.returncode))
    try:
        notes = json.loads(proc.stdout)
    except ValueError as e:
        raise Failure("evaluate_extraction.py: %s printed no JSON array: %s" % (binary, e))
    return notes, proc.stderr.decode("utf-8", "replace")


def run_parser(binary, folder, files, batch, jobs, diagnostics):
    """{file: parsed JSON object}; stderr lines collected per file."""
    batches = [files[at:at + batch] for at in range(0, len(files), batch)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda chunk: parse_batch(binary, folder, chunk), batches))
    parsed = {}
    for notes, stderr in results:
        for note in notes:
            parsed[note.get("path")] = note
        for line in stderr.splitlines():
            name = line.split(":", 1)[0]
            if name in diagnostics:
                diagnostics[name].append(line)
    return parsed


def has_feature(record, key, value):
    """True when the generator's feature `key` is `value` (or, for a list
    feature such as name_forms, contains it)."""
    have = (record.get("features") or {}).get(key)
    if isinstance(have, list):
        return value in have
    if isinstance(have, bool):
        return value.lower() == str(have).lower()
    return str(have) == value


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split())) if isinstance(s, str) else s


class Score:
    def __init__(self):
        self.tp = self.predicted = self.expected = 0
        self.right = collections.Counter()
        self.total = 0
        self.by_feature = collections.Counter()
        # Organizations, not gated.
        self.org_tp = self.org_predicted = self.org_expected = 0
        self.org_labelled = 0


def compare(truth, note, score):
    """Adds one note to the score; returns its mismatch descriptions."""
    problems = []
    written = truth.get("participants_written") or []
    expected = list(truth.get("participants") or [])
    got = [s.get("code") for s in note.get("states", [])] if note else []
    exp_set, got_set = set(expected), set(got)
    score.tp += len(exp_set & got_set)
    score.expected += len(exp_set)
    score.predicted += len(got_set)
    if got == expected:
        score.right["participants_order"] += 1
    else:
        missing = [c for c in expected if c not in got_set]
        extra = [c for c in got if c not in exp_set]
        described = []
        for c in missing:
            name = written[expected.index(c)] if len(written) == len(expected) else None
            described.append("%s%s" % (c, " (%r)" % name if name else ""))
        if missing:
            problems.append("participants: missing " + ", ".join(described))
        if extra:
            written_by_code = {s.get("code"): s.get("written") for s in note.get("states", [])}
            problems.append("participants: extra " + ", ".join(
                "%s (%r)" % (c, written_by_code.get(c)) for c in extra))
        if not missing and not extra:
            problems.append("participants: order %s, expected %s" % (" ".join(got),
                                                                     " ".join(expected)))

    def check(field, want, have):
        if want == have:
            score.right[field] += 1
        else:
            problems.append("%s: got %r, expected %r" % (field, have, want))

    venue_t = truth.get("venue") or {}
    venue_n = (note or {}).get("venue") or {}
    check("start_date", truth.get("start_date"), (note or {}).get("start_date"))
    check("end_date", truth.get("end_date"), (note or {}).get("end_date"))
    check("venue_city", nfc(venue_t.get("city")), nfc(venue_n.get("city")))
    check("venue_country", venue_t.get("country"), venue_n.get("country"))
    check("venue_online", bool(venue_t.get("online", False)), bool(venue_n.get("online", False)))
    # Not gated: reported so that regressions show.
    if "title" in truth:
        if nfc(truth["title"]) == nfc((note or {}).get("title")):
            score.right["title"] += 1
    if "organizations" in truth:
        want = list(truth["organizations"])
        have = [o.get("acronym") for o in (note or {}).get("organizations", [])
                if o.get("role") == "participant" and o.get("kind") == "international"]
        score.right["organizations_exact"] += have == want
        score.org_tp += len(set(want) & set(have))
        score.org_expected += len(set(want))
        score.org_predicted += len(set(a for a in have if a))
        score.org_labelled += 1
    score.total += 1
    return problems


def ratio(a, b):
    return a / b if b else 1.0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Compare infonote-index parse output with labelled notes.")
    ap.add_argument("binary", help="path to infonote-index")
    ap.add_argument("folder", help="folder of notes with ground_truth.jsonl or expected.json")
    ap.add_argument("--truth", help="labels file (default: FOLDER/ground_truth.jsonl or "
                    "FOLDER/expected.json)")
    ap.add_argument("--min", type=float, default=1.0,
                    help="fail when a gated score is below this (default 1.0)")
    ap.add_argument("--batch", type=int, default=250, help="files per parse run (default 250)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="parse runs at a time (default 1)")
    ap.add_argument("--show", type=int, default=20, help="mismatches to list (default 20)")
    ap.add_argument("--limit", type=int, help="evaluate only the first N labelled notes")
    ap.add_argument("--only", action="append", default=[], metavar="FEATURE=VALUE",
                    help="evaluate only notes with this generator feature, e.g. language=en "
                    "(repeatable; all must hold)")
    args = ap.parse_args(argv)
    if args.batch < 1 or args.jobs < 1:
        ap.error("--batch and --jobs must be at least 1")

    binary = os.path.abspath(args.binary)
    truth_path, records = load_truth(args.folder, args.truth)
    for condition in args.only:
        key, sep, value = condition.partition("=")
        if not sep:
            ap.error("--only takes FEATURE=VALUE, e.g. language=en")
        records = [r for r in records if has_feature(r, key, value)]
    if args.limit is not None:
        records = records[:args.limit]
    if not records:
        raise Failure("evaluate_extraction.py: no labelled notes to evaluate")
    files = [r["file"] for r in records]
    diagnostics = {f: [] for f in files}
    parsed = run_parser(binary, args.folder, files, args.batch, args.jobs, diagnostics)

    score = Score()
    shown = []
    failed_notes = 0
    for truth in records:
        note = parsed.get(truth["file"])
        problems = compare(truth, note, score)
        if note is None:
            problems.insert(0, "not parsed (skipped by the reader)")
        if problems:
            failed_notes += 1
            for key, value in sorted((truth.get("features") or {}).items()):
                if isinstance(value, list):
                    continue
                score.by_feature["%s=%s" % (key, value)] += 1
            if len(shown) < args.show:
                shown.append((truth["file"], problems, diagnostics.get(truth["file"], [])))

    n = score.total
    scores = {
        "participants_precision": ratio(score.tp, score.predicted),
        "participants_recall": ratio(score.tp, score.expected),
        "participants_order": ratio(score.right["participants_order"], n),
    }
    for field in ("start_date", "end_date", "venue_city", "venue_country", "venue_online"):
        scores[field] = ratio(score.right[field], n)

    out = sys.stdout
    out.write("%d labelled notes in %s (%s)\n" % (n, args.folder, os.path.basename(truth_path)))
    out.write("  participating States: precision %.4f (%d/%d)  recall %.4f (%d/%d)\n"
              % (scores["participants_precision"], score.tp, score.predicted,
                 scores["participants_recall"], score.tp, score.expected))
    out.write("  States in order:      accuracy  %.4f (%d/%d)\n"
              % (scores["participants_order"], score.right["participants_order"], n))
    for field in ("start_date", "end_date", "venue_city", "venue_country", "venue_online"):
        out.write("  %-21s accuracy  %.4f (%d/%d)\n"
                  % (field.replace("_", " ") + ":", scores[field], score.right[field], n))
    titled = sum(1 for r in records if "title" in r)
    if titled:
        out.write("  title (not gated):    accuracy  %.4f (%d/%d)\n"
                  % (ratio(score.right["title"], titled), score.right["title"], titled))
    if score.org_labelled:
        out.write("  organizations (not gated): precision %.4f  recall %.4f  exact lists %d/%d\n"
                  % (ratio(score.org_tp, score.org_predicted),
                     ratio(score.org_tp, score.org_expected),
                     score.right["organizations_exact"], score.org_labelled))
    warned = sum(1 for lines in diagnostics.values() if lines)
    out.write("  notes with diagnostics: %d/%d; notes with a gated mismatch: %d/%d\n"
              % (warned, n, failed_notes, n))
    if score.by_feature:
        common = ", ".join("%s: %d" % kv for kv in score.by_feature.most_common(12))
        out.write("  features of the mismatched notes: %s\n" % common)
    if shown:
        out.write("first %d mismatches:\n" % len(shown))
        for name, problems, diags in shown:
            out.write("  %s\n" % name)
            for p in problems:
                out.write("    %s\n" % p)
            for d in diags[:3]:
                out.write("    | %s\n" % d)

    below = [k for k in GATED if scores[k] < args.min]
    if below:
        out.write("FAIL: below %.4f: %s\n" % (args.min, ", ".join(below)))
        return 1
    out.write("OK: every gated score is at least %.4f\n" % args.min)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as e:
        print(e, file=sys.stderr)
        sys.exit(2)
