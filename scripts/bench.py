#!/usr/bin/env python3
"""infonote against omindex and quest, side by side, on one generated corpus.

    scripts/bench.py [--notes N | --corpus DIR] [--runs R] [--query-runs Q]
                     [--jobs J] [--bin DIR] [--work DIR] [--out FILE]

Run through scripts/bench.sh, which installs and builds what this needs.
Every case runs the tools in turn, R times, whole process, and the table
gives medians (and the slowest run), their ratio, and each run's peak
resident memory:

  full build    infonote-index build --jobs J, and --jobs 1, into fresh
                folders; omindex --db D --url / CORPUS -Mmd:text/plain into
                a fresh database
  no-op update  infonote-index update; omindex re-run; nothing changed
  1% update     1% of the notes edited (a different 1% each run), then
                both tools as for the no-op case
  index size    bytes on disk of infonote's live build and of omindex's
                database
  query mix     scripts/bench_query.py's mix against quest
  shards        one build each of 1, 2 and 4 shards (--shards), three queries
                on each, with the shards opened locally and served by one
                xapian-tcpsrv per shard on 127.0.0.1

Nothing is judged here: the targets are read off the table, which is
printed and written to --out (default WORK/bench.md).
"""

import argparse
import datetime
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_query  # noqa: E402


def run_timed(argv):
    """Wall seconds and peak RSS (MiB) of one run; a failure ends the bench."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    # infonote-index exits 3 when some files were refused; the generated
    # corpus has none, but a --corpus of real notes may.
    if code not in (0, 3):
        sys.exit(f"bench.py: {' '.join(argv)} failed ({code}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def folder_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def live_build(db):
    with open(os.path.join(db, "XAPIANDB"), encoding="utf-8") as stub:
        return os.path.join(db, stub.read().split()[1])


def corpus_files(corpus):
    out = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        out += [os.path.join(root, f) for f in sorted(files) if not f.endswith(".jsonl")]
    return out


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB, {platform.platform()}"


def commit():
    try:
        return subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)),
                               "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


class Case:
    """Timings of one case: infonote's, the anchor's, and their peak memory."""

    def __init__(self, label):
        self.label = label
        self.ours, self.theirs, self.our_rss, self.their_rss = [], [], 0.0, 0.0

    def add(self, ours, theirs):
        self.ours.append(ours[0])
        self.our_rss = max(self.our_rss, ours[1])
        if theirs:
            self.theirs.append(theirs[0])
            self.their_rss = max(self.their_rss, theirs[1])

    def row(self, notes=None, megabytes=None):
        m = statistics.median(self.ours)
        cells = [self.label, f"{m:.2f}", f"{max(self.ours):.2f}"]
        if self.theirs:
            a = statistics.median(self.theirs)
            cells += [f"{a:.2f}", f"{max(self.theirs):.2f}", f"{m / a:.2f}x"]
        else:
            cells += ["-", "-", "-"]
        if notes:
            rate = f"{notes / m:.0f} notes/s, {megabytes / m:.1f} MB/s"
            if self.theirs:
                a = statistics.median(self.theirs)
                rate += f" (omindex {notes / a:.0f}; {a / m:.2f}x)"
            cells.append(rate)
        else:
            cells.append("")
        cells += [f"{self.our_rss:.0f}", f"{self.their_rss:.0f}" if self.theirs else "-"]
        return cells


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(shard_path):
    """Starts xapian-tcpsrv on one shard; returns (process, port)."""
    port = free_port()
    proc = subprocess.Popen(["xapian-tcpsrv", "--port", str(port), "--interface", "127.0.0.1",
                             "--quiet", shard_path], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port
        time.sleep(0.05)
    proc.kill()
    sys.exit(f"bench.py: xapian-tcpsrv on {shard_path} did not start")


def shard_series(index, query, corpus, work, jobs, runs, query_runs, notes):
    """Rows of the shard-count table."""
    rows = []
    for shards in (1, 2, 4):
        db = os.path.join(work, f"shards-{shards}")
        times = []
        for _ in range(runs):
            shutil.rmtree(db, ignore_errors=True)
            times.append(run_timed([index, "build", corpus, "--db", db, "--no-progress",
                                    "--jobs", str(jobs), "--shards", str(shards)])[0])
        build = statistics.median(times)
        build_dir = live_build(db)
        shard_dirs = ([os.path.join(build_dir, f"shard-{i}") for i in range(shards)]
                      if shards > 1 else [build_dir])
        servers = [serve(d) for d in shard_dirs]
        stub = os.path.join(work, f"remote-{shards}.stub")
        with open(stub, "w", encoding="utf-8") as f:
            f.writelines(f"remote 127.0.0.1:{port}\n" for _, port in servers)
        try:
            code, _ = bench_query.busiest_country(query, db)
            cells = [str(shards), f"{build:.1f}", f"{notes / build / shards:.0f}"]
            for args in (["search", "export", "controls", "--limit", "20"],
                         ["search", "workshop", "--facets",
                          "country,org,year,venue_country,region,type", "--limit", "20"],
                         ["attended", code]):
                for target in (db, stub):
                    argv = [query] + args + ["--db", target]
                    timed = [run_timed(argv)[0] * 1000 for _ in range(query_runs)]
                    cells.append(f"{statistics.median(timed):.1f}")
            rows.append(cells)
        finally:
            for proc, _ in servers:
                os.killpg(proc.pid, 9)
                proc.wait()
    return rows


SHARD_HEADER = ["shards", "build s", "notes/s per shard", "plain ms", "plain remote ms",
                "facets ms", "facets remote ms", "attended ms", "attended remote ms"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, default=20000, help="notes to generate (seed 7)")
    ap.add_argument("--corpus", help="use this folder of notes instead of generating one")
    ap.add_argument("--runs", type=int, default=3, help="runs of each indexing case")
    ap.add_argument("--query-runs", type=int, default=21, help="runs of each query")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="infonote-index --jobs")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default=os.path.join(here, "..", "build", "release", "bin"),
                    help="folder holding infonote-index and infonote-query")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                   "infonote-bench"))
    ap.add_argument("--out", help="table file (default WORK/bench.md)")
    args = ap.parse_args()
    for tool in ("omindex", "quest"):
        if not shutil.which(tool):
            sys.exit(f"bench.py: {tool} not found (scripts/bench.sh installs it)")

    index = os.path.join(args.bin, "infonote-index")
    query = os.path.join(args.bin, "infonote-query")
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = args.corpus
    if not corpus:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, os.path.join(here, "generate_notes.py"), "--count",
                        str(args.notes), "--seed", "7", "--out", corpus, "--quiet"], check=True)
        os.remove(os.path.join(corpus, "ground_truth.jsonl"))
    files = corpus_files(corpus)
    notes = len(files)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    print(f"bench.py: {notes} notes, {megabytes:.1f} MB, {args.runs} runs", file=sys.stderr)

    omega = os.path.join(work, "omega")
    ours = os.path.join(work, "infonote")
    one_job = os.path.join(work, "infonote-1")

    def omindex():
        return run_timed(["omindex", "--db", omega, "--url", "/", corpus, "-Mmd:text/plain"])

    def infonote(command, db, jobs):
        return run_timed([index, command, corpus, "--db", db, "--no-progress", "--jobs",
                          str(jobs)])

    build = Case(f"full build, --jobs {args.jobs}")
    build_one = Case("full build, --jobs 1")
    for _ in range(args.runs):
        for path in (omega, ours, one_job):
            shutil.rmtree(path, ignore_errors=True)
        build.add(infonote("build", ours, args.jobs), omindex())
        build_one.add(infonote("build", one_job, 1), None)
    # Each build keeps the previous one for rollback; the size is the live one's.
    sizes = (folder_bytes(live_build(ours)), folder_bytes(omega))

    noop = Case("no-op update")
    for _ in range(args.runs):
        noop.add(infonote("update", ours, args.jobs), omindex())

    edit = Case("1% of notes edited")
    step = 100
    for r in range(args.runs):
        for f in files[r % step::step]:
            with open(f, "a", encoding="utf-8") as note:
                note.write(f"\nRevision {r + 1} of this note.\n")
        edit.add(infonote("update", ours, args.jobs), omindex())

    print("bench.py: query mix", file=sys.stderr)
    count, query_rows = bench_query.query_mix(query, ours, omega, args.query_runs)
    print("bench.py: shard series", file=sys.stderr)
    shard_rows = shard_series(index, query, corpus, work, args.jobs, 1, args.query_runs, notes)

    header = ["case (whole process, s)", "infonote median", "slowest", "omindex median",
              "slowest", "ratio", "throughput", "infonote peak MiB", "omindex peak MiB"]
    rows = [build.row(notes, megabytes), build_one.row(notes, megabytes), noop.row(),
            edit.row()]
    text = (f"# infonote benchmark, {datetime.date.today().isoformat()}, commit {commit()}\n\n"
            f"Machine: {machine()}\n"
            f"Corpus: {notes} notes, {megabytes:.1f} MB"
            f"{'' if args.corpus else ' (scripts/generate_notes.py --seed 7)'}\n"
            f"Indexing runs: {args.runs}; query runs: {args.query_runs}\n\n"
            + bench_query.markdown_table(header, rows) + "\n"
            f"Index size: infonote {sizes[0] / 1e6:.1f} MB, omindex {sizes[1] / 1e6:.1f} MB "
            f"({sizes[0] / sizes[1]:.2f}x)\n\n"
            f"Query mix on {count} notes, {args.query_runs} runs each:\n\n"
            + bench_query.markdown_table(bench_query.QUERY_HEADER, query_rows) + "\n"
            f"Shards (one build each, --jobs {args.jobs}; queries whole process, "
            f"median of {args.query_runs}; remote: one xapian-tcpsrv per shard on "
            "127.0.0.1):\n\n"
            + bench_query.markdown_table(SHARD_HEADER, shard_rows))
    print(text, end="")
    out = args.out or os.path.join(work, "bench.md")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"bench.py: table written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
