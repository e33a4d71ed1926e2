#!/usr/bin/env python3
"""Scores what `infonote-index parse` extracts from labelled notes.

    evaluate_extraction.py INFONOTE_INDEX FOLDER [--truth FILE] [--min 1.0]
        [--min-kind KIND=X]... [--kind KIND]...

FOLDER holds the documents and their labels: ground_truth.jsonl as written
by generate_notes.py (one JSON object a line), truth.jsonl as in
tests/extraction/, or expected.json as in corpus/ (a JSON array); --truth
names another file. Each label has `file`, `participants` (alpha-2 codes in
order), `start_date`, `end_date`, `venue` {`city`, `country`, `online`},
and optionally `kind` (information-note, press-release, web-update,
announcement, other; a label without one is an information-note),
`invited` (alpha-2 codes of States only invited), `title` and
`organizations`.

What infonote read: a State took part when `states` lists it (with a role
other than "invited") or its
`countries` entry has the role "participant" (a "host" alone is not a
participant: the labels list the States the text says took part); it was
only invited when its roles hold "invited" and not "participant". The
document's kind is the top-level `kind` (missing: not detected).

The notes are parsed in batches (one `parse --format json` run per batch) and
compared with their labels:

  participants   precision and recall, micro-averaged over all listed States
  order          share of notes whose States come out exactly, in order
  dates, venue   accuracy of start_date, end_date, venue city, country, online
  kind           accuracy of the detected kind (documents labelled with one)
  invited        precision and recall of the States only invited
  dates, venue   also as precision and recall: a date or venue given by
                 infonote and right, over those given / over those labelled
  title, organizations  reported, not gated

Every figure is printed for all documents and per document kind. Gated:
States precision, recall and order, start and end date, venue city,
country and online, kind accuracy and invited precision and recall, for
every kind present; each must be at least --min (default 1.0), or the
--min-kind value given for that kind.

Exit status: 0 when every gated score is at least its minimum, 1 when one
is below, 2 on a usage error or when the program fails. Standard library
only.
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
         "end_date", "venue_city", "venue_country", "venue_online", "kind", "invited_precision",
         "invited_recall"]

KINDS = ["information-note", "press-release", "web-update", "announcement", "other"]
DEFAULT_KIND = "information-note"


class Failure(Exception):
    """A problem that stops the evaluation: exit status 2."""


def load_truth(folder, truth_path):
    if truth_path is None:
        for name in ("ground_truth.jsonl", "truth.jsonl", "expected.json"):
            candidate = os.path.join(folder, name)
            if os.path.exists(candidate):
                truth_path = candidate
                break
        else:
            raise Failure("evaluate_extraction.py: %s: no ground_truth.jsonl, truth.jsonl or "
                          "expected.json (use --truth)" % folder)
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
    feature such as name_forms, contains it); `kind=...` and other top-level
    keys of the label are matched too."""
    if key == "kind":
        return kind_of(record) == value
    features = record.get("features") or {}
    have = features.get(key, record.get(key) if key not in ("file",) else None)
    if isinstance(have, list):
        return value in have
    if isinstance(have, bool):
        return value.lower() == str(have).lower()
    return str(have) == value


def kind_of(record):
    return record.get("kind") or DEFAULT_KIND


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split())) if isinstance(s, str) else s


class Counts:
    """Hits, predictions and expectations of one set-valued fact."""
    def __init__(self):
        self.tp = self.predicted = self.expected = 0

    def add(self, want, have):
        want, have = set(want), set(have)
        self.tp += len(want & have)
        self.expected += len(want)
        self.predicted += len(have)

    def precision(self):
        return ratio(self.tp, self.predicted)

    def recall(self):
        return ratio(self.tp, self.expected)


class Score:
    def __init__(self):
        self.states = Counts()
        self.invited = Counts()
        self.orgs = Counts()
        self.dates = Counts()      # a date given and right, per field
        self.venues = Counts()     # a venue given and right (city, country, online)
        self.right = collections.Counter()
        self.total = 0
        self.kind_labelled = 0
        self.invited_labelled = 0
        self.org_labelled = 0
        self.titled = 0
        self.failed = 0
        self.warned = 0
        self.by_feature = collections.Counter()


def participants_of(note):
    """(codes in order, written form by code) of the States infonote says
    took part: `states` first, then `countries` with the participant role."""
    got, written = [], {}
    for s in note.get("states") or []:
        code = s.get("code")
        if s.get("role") == "invited":
            continue
        if code and code not in got:
            got.append(code)
            written[code] = s.get("written")
    for c in note.get("countries") or []:
        code = c.get("code")
        if code and "participant" in (c.get("roles") or []) and code not in got:
            got.append(code)
            written.setdefault(code, c.get("written") or c.get("name"))
    return got, written


def invited_of(note):
    return [c.get("code") for c in note.get("countries") or []
            if "invited" in (c.get("roles") or []) and "participant" not in (c.get("roles") or [])
            and c.get("code")]


def venue_given(venue):
    return bool(venue.get("city") or venue.get("country") or venue.get("online"))


def compare(truth, note, scores):
    """Adds one document to each Score of `scores`; returns its mismatch
    descriptions."""
    problems = []
    written_t = truth.get("participants_written") or []
    expected = list(truth.get("participants") or [])
    got, written_by_code = participants_of(note) if note else ([], {})
    exp_set, got_set = set(expected), set(got)
    order_right = got == expected
    if not order_right:
        missing = [c for c in expected if c not in got_set]
        extra = [c for c in got if c not in exp_set]
        described = []
        for c in missing:
            name = written_t[expected.index(c)] if len(written_t) == len(expected) else None
            described.append("%s%s" % (c, " (%r)" % name if name else ""))
        if missing:
            problems.append("participants: missing " + ", ".join(described))
        if extra:
            problems.append("participants: extra " + ", ".join(
                "%s (%r)" % (c, written_by_code.get(c)) for c in extra))
        if not missing and not extra:
            problems.append("participants: order %s, expected %s" % (" ".join(got),
                                                                     " ".join(expected)))
    note = note or {}
    right = {"participants_order": order_right}

    kind_want = kind_of(truth)
    kind_labelled = "kind" in truth
    if kind_labelled:
        right["kind"] = note.get("kind") == kind_want
        if not right["kind"]:
            problems.append("kind: got %r, expected %r" % (note.get("kind"), kind_want))

    invited_labelled = "invited" in truth
    inv_want = list(truth.get("invited") or [])
    inv_have = invited_of(note)
    if invited_labelled and set(inv_want) != set(inv_have):
        problems.append("invited: got %s, expected %s" % (" ".join(inv_have) or "none",
                                                          " ".join(inv_want) or "none"))

    venue_t = truth.get("venue") or {}
    venue_n = note.get("venue") or {}
    fields = [("start_date", truth.get("start_date"), note.get("start_date")),
              ("end_date", truth.get("end_date"), note.get("end_date")),
              ("venue_city", nfc(venue_t.get("city")), nfc(venue_n.get("city"))),
              ("venue_country", venue_t.get("country"), venue_n.get("country")),
              ("venue_online", bool(venue_t.get("online", False)),
               bool(venue_n.get("online", False)))]
    for field, want, have in fields:
        right[field] = want == have
        if want != have:
            problems.append("%s: got %r, expected %r" % (field, have, want))
    venue_right = all(right[f] for f in ("venue_city", "venue_country", "venue_online"))

    org_want = org_have = None
    if "organizations" in truth:
        org_want = list(truth["organizations"])
        org_have = [o.get("acronym") for o in note.get("organizations", [])
                    if o.get("role") == "participant" and o.get("kind") == "international"]

    for score in scores:
        score.states.add(expected, got)
        for key, ok in right.items():
            score.right[key] += ok
        if kind_labelled:
            score.kind_labelled += 1
        if invited_labelled:
            score.invited.add(inv_want, inv_have)
            score.invited_labelled += 1
        for field, want, have in fields[:2]:
            score.dates.tp += want is not None and want == have
            score.dates.expected += want is not None
            score.dates.predicted += have is not None
        score.venues.tp += venue_right and venue_given(venue_t)
        score.venues.expected += venue_given(venue_t)
        score.venues.predicted += venue_given(venue_n)
        if "title" in truth:
            score.titled += 1
            score.right["title"] += nfc(truth["title"]) == nfc(note.get("title"))
        if org_want is not None:
            score.right["organizations_exact"] += org_have == org_want
            score.orgs.add(org_want, [a for a in org_have if a])
            score.org_labelled += 1
        score.total += 1
    return problems


def ratio(a, b):
    return a / b if b else 1.0


def figures(score):
    """{gated figure: value} of one Score; figures with nothing to measure
    (no kind or invited labels) are left out."""
    n = score.total
    out = {
        "participants_precision": score.states.precision(),
        "participants_recall": score.states.recall(),
        "participants_order": ratio(score.right["participants_order"], n),
    }
    for field in ("start_date", "end_date", "venue_city", "venue_country", "venue_online"):
        out[field] = ratio(score.right[field], n)
    if score.kind_labelled:
        out["kind"] = ratio(score.right["kind"], score.kind_labelled)
    if score.invited_labelled:
        out["invited_precision"] = score.invited.precision()
        out["invited_recall"] = score.invited.recall()
    return out


def write_summary(out, score, n_label):
    """The single-kind report, as before kinds were told apart."""
    n = score.total
    f = figures(score)
    out.write("  participating States: precision %.4f (%d/%d)  recall %.4f (%d/%d)\n"
              % (f["participants_precision"], score.states.tp, score.states.predicted,
                 f["participants_recall"], score.states.tp, score.states.expected))
    out.write("  States in order:      accuracy  %.4f (%d/%d)\n"
              % (f["participants_order"], score.right["participants_order"], n))
    for field in ("start_date", "end_date", "venue_city", "venue_country", "venue_online"):
        out.write("  %-21s accuracy  %.4f (%d/%d)\n"
                  % (field.replace("_", " ") + ":", f[field], score.right[field], n))
    if score.kind_labelled:
        out.write("  document kind:        accuracy  %.4f (%d/%d)\n"
                  % (f["kind"], score.right["kind"], score.kind_labelled))
    if score.invited_labelled and (score.invited.expected or score.invited.predicted):
        out.write("  invited States:       precision %.4f (%d/%d)  recall %.4f (%d/%d)\n"
                  % (f["invited_precision"], score.invited.tp, score.invited.predicted,
                     f["invited_recall"], score.invited.tp, score.invited.expected))
    if score.titled:
        out.write("  title (not gated):    accuracy  %.4f (%d/%d)\n"
                  % (ratio(score.right["title"], score.titled), score.right["title"],
                     score.titled))
    if score.org_labelled:
        out.write("  organizations (not gated): precision %.4f  recall %.4f  exact lists %d/%d\n"
                  % (score.orgs.precision(), score.orgs.recall(),
                     score.right["organizations_exact"], score.org_labelled))


def cell(a, b, width):
    """'0.95 19/20' right-aligned; '-' when there is nothing to count."""
    if not b:
        return "-".rjust(width)
    return ("%.2f %d/%d" % (a / b, a, b)).rjust(width)


def write_kind_table(out, columns):
    """One row per figure, one column per kind (and all documents)."""
    width = max(12, max(len(name) for name, _ in columns) + 1)
    label_w = 24
    out.write("%-*s" % (label_w, "by document kind") +
              "".join(name.rjust(width) for name, _ in columns) + "\n")

    def row(label, get):
        out.write("%-*s" % (label_w, label) +
                  "".join(cell(*get(s), width) for _, s in columns) + "\n")

    out.write("%-*s" % (label_w, "documents") +
              "".join(str(s.total).rjust(width) for _, s in columns) + "\n")
    row("kind right", lambda s: (s.right["kind"], s.kind_labelled))
    row("States precision", lambda s: (s.states.tp, s.states.predicted))
    row("States recall", lambda s: (s.states.tp, s.states.expected))
    row("States exact, in order", lambda s: (s.right["participants_order"], s.total))
    row("invited precision", lambda s: (s.invited.tp, s.invited.predicted))
    row("invited recall", lambda s: (s.invited.tp, s.invited.expected))
    row("dates precision", lambda s: (s.dates.tp, s.dates.predicted))
    row("dates recall", lambda s: (s.dates.tp, s.dates.expected))
    row("start date right", lambda s: (s.right["start_date"], s.total))
    row("end date right", lambda s: (s.right["end_date"], s.total))
    row("venue precision", lambda s: (s.venues.tp, s.venues.predicted))
    row("venue recall", lambda s: (s.venues.tp, s.venues.expected))
    row("venue city right", lambda s: (s.right["venue_city"], s.total))
    row("venue country right", lambda s: (s.right["venue_country"], s.total))
    row("online right", lambda s: (s.right["venue_online"], s.total))
    row("orgs precision", lambda s: (s.orgs.tp, s.orgs.predicted))
    row("orgs recall", lambda s: (s.orgs.tp, s.orgs.expected))
    out.write("(a cell: share, then hits/counted; '-': nothing to count. Dates and venue\n"
              " precision count only what infonote gave, recall only what was labelled.)\n")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Compare infonote-index parse output with labelled documents.")
    ap.add_argument("binary", help="path to infonote-index")
    ap.add_argument("folder", help="folder of documents with ground_truth.jsonl, truth.jsonl "
                    "or expected.json")
    ap.add_argument("--truth", help="labels file (default: FOLDER/ground_truth.jsonl, "
                    "FOLDER/truth.jsonl or FOLDER/expected.json)")
    ap.add_argument("--min", type=float, default=1.0,
                    help="fail when a gated score is below this (default 1.0), for every kind")
    ap.add_argument("--min-kind", action="append", default=[], metavar="KIND=X",
                    help="the minimum for one document kind instead of --min, e.g. "
                    "press-release=0.95 (repeatable)")
    ap.add_argument("--kind", action="append", default=[], choices=KINDS,
                    help="evaluate only documents labelled with this kind (repeatable)")
    ap.add_argument("--batch", type=int, default=250, help="files per parse run (default 250)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="parse runs at a time (default 1)")
    ap.add_argument("--show", type=int, default=20, help="mismatches to list (default 20)")
    ap.add_argument("--limit", type=int, help="evaluate only the first N labelled documents")
    ap.add_argument("--only", action="append", default=[], metavar="FEATURE=VALUE",
                    help="evaluate only documents with this feature, e.g. language=en or "
                    "kind=web-update (repeatable; all must hold)")
    args = ap.parse_args(argv)
    if args.batch < 1 or args.jobs < 1:
        ap.error("--batch and --jobs must be at least 1")
    minimum = {}
    for item in args.min_kind:
        kind, sep, value = item.partition("=")
        if not sep or kind not in KINDS:
            ap.error("--min-kind takes KIND=X with KIND one of %s" % ", ".join(KINDS))
        try:
            minimum[kind] = float(value)
        except ValueError:
            ap.error("--min-kind %s: %r is not a number" % (kind, value))

    binary = os.path.abspath(args.binary)
    truth_path, records = load_truth(args.folder, args.truth)
    for condition in args.only:
        key, sep, value = condition.partition("=")
        if not sep:
            ap.error("--only takes FEATURE=VALUE, e.g. language=en")
        records = [r for r in records if has_feature(r, key, value)]
    if args.kind:
        records = [r for r in records if kind_of(r) in args.kind]
    if args.limit is not None:
        records = records[:args.limit]
    if not records:
        raise Failure("evaluate_extraction.py: no labelled notes to evaluate")
    files = [r["file"] for r in records]
    diagnostics = {f: [] for f in files}
    parsed = run_parser(binary, args.folder, files, args.batch, args.jobs, diagnostics)

    overall = Score()
    by_kind = collections.OrderedDict()
    for kind in KINDS + sorted(set(kind_of(r) for r in records) - set(KINDS)):
        if any(kind_of(r) == kind for r in records):
            by_kind[kind] = Score()
    shown = []
    for truth in records:
        note = parsed.get(truth["file"])
        kind_score = by_kind[kind_of(truth)]
        problems = compare(truth, note, [overall, kind_score])
        if note is None:
            problems.insert(0, "not parsed (skipped by the reader)")
        if diagnostics.get(truth["file"]):
            overall.warned += 1
            kind_score.warned += 1
        if problems:
            overall.failed += 1
            kind_score.failed += 1
            for key, value in sorted((truth.get("features") or {}).items()):
                if isinstance(value, list):
                    continue
                overall.by_feature["%s=%s" % (key, value)] += 1
            if len(shown) < args.show:
                shown.append((truth["file"], kind_of(truth), problems,
                              diagnostics.get(truth["file"], [])))

    out = sys.stdout
    n = overall.total
    kinds_told = any("kind" in r for r in records)
    out.write("%d labelled %s in %s (%s)\n" % (n, "documents" if kinds_told else "notes",
                                               args.folder, os.path.basename(truth_path)))
    write_summary(out, overall, n)
    noun = "documents" if kinds_told else "notes"
    out.write("  %s with diagnostics: %d/%d; %s with a gated mismatch: %d/%d\n"
              % (noun, overall.warned, n, noun, overall.failed, n))
    if overall.by_feature:
        common = ", ".join("%s: %d" % kv for kv in overall.by_feature.most_common(12))
        out.write("  features of the mismatched notes: %s\n" % common)
    if kinds_told or len(by_kind) > 1:
        columns = [(kind, score) for kind, score in by_kind.items()]
        if len(columns) > 1:
            columns.append(("all", overall))
        write_kind_table(out, columns)
    if shown:
        out.write("first %d mismatches:\n" % len(shown))
        for name, kind, problems, diags in shown:
            out.write("  %s%s\n" % (name, " [%s]" % kind if kinds_told else ""))
            for p in problems:
                out.write("    %s\n" % p)
            for d in diags[:3]:
                out.write("    | %s\n" % d)

    below = []
    for kind, score in by_kind.items():
        floor = minimum.get(kind, args.min)
        for key, value in figures(score).items():
            if key in GATED and value < floor:
                below.append((kind, key, value, floor))
    if below:
        if len(by_kind) == 1 and not minimum:
            out.write("FAIL: below %.4f: %s\n" % (args.min, ", ".join(k for _, k, _, _ in below)))
        else:
            out.write("FAIL: below the minimum:\n")
            for kind, key, value, floor in below:
                out.write("  %-17s %-23s %.4f < %.4f\n" % (kind, key, value, floor))
        return 1
    if minimum:
        out.write("OK: every gated score of every kind is at least its minimum (%s; else %.4f)\n"
                  % (", ".join("%s %.4f" % kv for kv in sorted(minimum.items())), args.min))
    else:
        out.write("OK: every gated score is at least %.4f\n" % args.min)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as e:
        print(e, file=sys.stderr)
        sys.exit(2)
