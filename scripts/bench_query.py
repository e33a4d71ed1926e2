#!/usr/bin/env python3
"""Whole-process query timings: infonote-query against Debian's quest.

    scripts/bench_query.py --infonote-db DB --omega-db OMEGA [--runs 21]
                           [--query-bin PATH] [--out FILE]

Both databases must index the same notes (scripts/bench.sh builds them
and runs this mix as part of its table). Each query of the mix runs --runs
times, the two tools in turn, output thrown away; the table gives the
median and the 99th percentile (the slowest run when there are fewer than
100) of wall time per process, and for the queries quest can run, the
ratio infonote / quest of the medians. quest runs twice: as it comes
(it estimates its totals) and with --check-at-least set to the collection
size, which makes its totals exact as infonote's always are. No figure is
judged here: the targets are read off the table.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def timed(argv):
    """Wall time in ms and peak RSS in MiB of one run; exit status checked."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_query.py: {' '.join(argv)} failed ({proc.returncode}): {err}")
    return elapsed, usage.ru_maxrss / 1024


def busiest_country(query_bin, db):
    out = subprocess.run([query_bin, "countries", "--db", db, "--format", "jsonl"],
                         check=True, capture_output=True, text=True).stdout
    c = json.loads(out.splitlines()[0])
    return c["code"], c["attended"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def query_mix(query_bin, db, omega_db, runs):
    """Runs the mix; returns (notes in the index, table rows). With no
    omega_db, quest is left out and its columns hold dashes."""
    q = query_bin
    code, events = busiest_country(q, db)
    count = json.loads(subprocess.run([q, "stats", "--db", db, "--format", "jsonl"], check=True,
                                      capture_output=True, text=True).stdout)["notes"]
    facets = "country,org,year,venue_country,region,type"
    # (label, infonote argv, quest argv or None)
    mix = [
        ("plain: export controls",
         [q, "search", "--db", db, "export", "controls", "--limit", "20"],
         ["quest", "-d", omega_db, "-m", "20", "export controls"]),
        ("plain: nuclear security workshop",
         [q, "search", "--db", db, "nuclear", "security", "workshop", "--limit", "20"],
         ["quest", "-d", omega_db, "-m", "20", "nuclear security workshop"]),
        ("plain: customs",
         [q, "search", "--db", db, "customs", "--limit", "20"],
         ["quest", "-d", omega_db, "-m", "20", "customs"]),
        ("phrase: \"export control\"",
         [q, "search", "--db", db, '"export control"', "--limit", "20"],
         ["quest", "-d", omega_db, "-m", "20", '"export control"']),
        (f"attended {code} ({events} events, all listed)",
         [q, "attended", "--db", db, code], None),
        ("search with all facets",
         [q, "search", "--db", db, "workshop", "--facets", facets, "--limit", "20"], None),
        (f"attended {code} --format json",
         [q, "attended", "--db", db, code, "--format", "json"], None),
        (f"attended {code} --format jsonl",
         [q, "attended", "--db", db, code, "--format", "jsonl"], None),
        (f"attended {code} --format csv",
         [q, "attended", "--db", db, code, "--format", "csv"], None),
        (f"search --country {code} --format json (every document)",
         [q, "search", "--db", db, "--country", code, "--format", "json"], None),
        ("search --all, all facets (every note listed)",
         [q, "search", "--db", db, "--all", "--facets", facets], None),
        ("all facets over every note, one hit",
         [q, "search", "--db", db, "--facets", facets, "--limit", "1"], None),
        (f"all facets of --country {code}, 20 hits",
         [q, "search", "--db", db, "--country", code, "--facets", facets, "--limit", "20"],
         None),
        ("countries (all events)", [q, "countries", "--db", db], None),
        ("timeline --by month", [q, "timeline", "--db", db, "--by", "month"], None),
        ("stats", [q, "stats", "--db", db], None),
        (f"profile {code}", [q, "profile", "--db", db, code], None),
        ("coattend (every pair)", [q, "coattend", "--db", db], None),
        (f"coattend --country {code}", [q, "coattend", "--db", db, "--country", code], None),
        ("coverage (every Member State)", [q, "coverage", "--db", db], None),
    ]

    rows = []
    for label, ours, theirs in mix:
        if omega_db is None:
            theirs = None
        exact = theirs[:1] + ["-c", str(count)] + theirs[1:] if theirs else None
        mine, anchor, anchor_exact, rss = [], [], [], 0.0
        for argv in (ours, theirs, exact):  # warm the page cache
            if argv:
                timed(argv)
        for _ in range(runs):
            t, r = timed(ours)
            mine.append(t)
            rss = max(rss, r)
            if theirs:
                anchor.append(timed(theirs)[0])
                anchor_exact.append(timed(exact)[0])
        m = statistics.median(mine)
        row = [label, f"{m:.1f}", f"{percentile(mine, 99):.1f}", f"{rss:.0f}"]
        if anchor:
            a = statistics.median(anchor)
            e = statistics.median(anchor_exact)
            row += [f"{a:.1f}", f"{percentile(anchor, 99):.1f}", f"{m / a:.2f}x", f"{e:.1f}",
                    f"{m / e:.2f}x"]
        else:
            row += ["-", "-", "-", "-", "-"]
        rows.append(row)
    return count, rows


QUERY_HEADER = ["query (whole process, ms)", "infonote median", "p99", "peak MiB",
                "quest median", "quest p99", "ratio", "quest -c median", "ratio"]


def markdown_table(header, rows):
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(header, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--infonote-db", required=True)
    ap.add_argument("--omega-db", required=True)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--query-bin", default=os.path.join(
        os.path.dirname(__file__), "..", "build", "release", "bin", "infonote-query"))
    ap.add_argument("--out", help="also write the table to this file")
    args = ap.parse_args()

    count, rows = query_mix(args.query_bin, args.infonote_db, args.omega_db, args.runs)
    table = (f"query mix on {count} notes, {args.runs} runs each, "
             f"{os.cpu_count()} cores\n\n" + markdown_table(QUERY_HEADER, rows))
    print(table, end="")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table)


if __name__ == "__main__":
    main()
