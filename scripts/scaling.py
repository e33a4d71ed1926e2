#!/usr/bin/env python3
"""How infonote grows with the corpus: build, 1% update and the query mix at several sizes.

    scripts/scaling.py [--counts 20000,100000,1000000] [--shards 4] [--jobs J]
                       [--query-runs Q] [--bin DIR] [--work DIR] [--out FILE]
                       [--keep]

For each count: generate that many notes (scripts/generate_notes.py, seed 7,
once per count, kept in WORK/notes-N), build them with --shards into a
fresh database, edit 1% of the notes and update, then run
scripts/bench_query.py's mix (without quest) on the result. The table gives
wall time and peak resident memory of the build and of the update, the
index size on disk, and each query's median over --query-runs runs, whole
process. A million notes take about 4.5 GB of text and an hour or more on
two cores; this is a measurement by hand, never part of the tests.

Unless --keep, each size's database is removed once measured (the notes are
kept for the next run). Nothing is judged here; docs/scaling.md keeps the
latest table and reads it.
"""

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import bench_query  # noqa: E402


def notes_of(here, work, count):
    """The folder of COUNT generated notes, made when missing."""
    corpus = os.path.join(work, f"notes-{count}")
    done = os.path.join(corpus, ".complete")
    if not os.path.exists(done):
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(here, "generate_notes.py"), "--count",
                        str(count), "--seed", "7", "--out", corpus, "--quiet"], check=True)
        os.remove(os.path.join(corpus, "ground_truth.jsonl"))
        open(done, "w").close()
    return corpus


def one_size(args, here, index, query, count):
    """Measures one corpus size; returns (size cells, query rows)."""
    print(f"scaling.py: {count} notes", file=sys.stderr)
    corpus = notes_of(here, args.work, count)
    files = bench.corpus_files(corpus)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    db = os.path.join(args.work, f"db-{count}")
    shutil.rmtree(db, ignore_errors=True)
    common = ["--db", db, "--no-progress", "--jobs", str(args.jobs)]

    build_s, build_mib = bench.run_timed([index, "build", corpus, "--shards", str(args.shards)]
                                         + common)
    size = bench.folder_bytes(bench.live_build(db))
    # A different 1% on every run of the script, so that it always edits.
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    for f in files[::100]:
        with open(f, "a", encoding="utf-8") as note:
            note.write(f"\nRevised on {stamp}.\n")
    update_s, update_mib = bench.run_timed([index, "update", corpus] + common)

    print(f"scaling.py: query mix on {count} notes", file=sys.stderr)
    _, rows = bench_query.query_mix(query, db, None, args.query_runs)
    if not args.keep:
        shutil.rmtree(db, ignore_errors=True)
    cells = [f"{count:,}", f"{megabytes:,.0f}", f"{build_s:.0f}", f"{count / build_s:.0f}",
             f"{build_mib:.0f}", f"{update_s:.1f}", f"{update_mib:.0f}", f"{size / 1e6:,.0f}"]
    return cells, rows


SIZE_HEADER = ["notes", "text MB", "build s", "notes/s", "build peak MiB", "1% update s",
               "update peak MiB", "index MB"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", default="20000,100000,1000000",
                    help="corpus sizes, comma separated")
    ap.add_argument("--shards", type=int, default=4, help="infonote-index --shards")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="infonote-index --jobs")
    ap.add_argument("--query-runs", type=int, default=7, help="runs of each query")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default=os.path.join(here, "..", "build", "release", "bin"),
                    help="folder holding infonote-index and infonote-query")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                   "infonote-scaling"))
    ap.add_argument("--out", help="table file (default WORK/scaling.md)")
    ap.add_argument("--keep", action="store_true", help="keep each size's database")
    args = ap.parse_args()
    try:
        counts = [int(c) for c in args.counts.split(",")]
    except ValueError:
        sys.exit(f"scaling.py: --counts takes whole numbers separated by commas, "
                 f"not '{args.counts}'")
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    index = os.path.join(args.bin, "infonote-index")
    query = os.path.join(args.bin, "infonote-query")

    out = args.out or os.path.join(args.work, "scaling.md")
    sizes, mixes = [], []
    for count in counts:
        cells, rows = one_size(args, here, index, query, count)
        sizes.append(cells)
        mixes.append(rows)
        # Written again after each size: a run stopped at the largest
        # keeps the sizes it measured.
        text = table(args, counts[:len(sizes)], sizes, mixes)
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"scaling.py: table of {len(sizes)} sizes written to {out}", file=sys.stderr)
    print(text, end="")


def table(args, counts, sizes, mixes):
    """The Markdown tables of the sizes measured so far."""
    # One column of query medians per size, the queries in the mix's order.
    header = ["query (whole process, median ms)"] + [f"{c:,} notes" for c in counts]
    # A label may name the busiest State's count of events, which differs by size.
    query_rows = [[re.sub(r"\(\d+ events, ", "(", row[0])] + [mix[i][1] for mix in mixes]
                  for i, row in enumerate(mixes[0])]
    return (f"# infonote at several sizes, {datetime.date.today().isoformat()}, "
            f"commit {bench.commit()}\n\n"
            f"Machine: {bench.machine()}\n"
            f"Notes: scripts/generate_notes.py --seed 7; build --shards {args.shards} "
            f"--jobs {args.jobs}; queries {args.query_runs} runs each\n\n"
            + bench_query.markdown_table(SIZE_HEADER, sizes) + "\n"
            + bench_query.markdown_table(header, query_rows))


if __name__ == "__main__":
    main()
