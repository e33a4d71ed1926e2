#!/usr/bin/env python3
"""--format csv --bom and --format xlsx, read back.

The workbook is opened with zipfile and its sheet XML read with
ElementTree: every row matches the same query's JSON, dates are date
cells (numbers styled yyyy-mm-dd), counts are numbers, country codes and
names stand side by side, and columns empty in every row are left out.
Exact messages for --bom without CSV and a workbook sent to a terminal.

    spreadsheet_test.py BIN_DIR SOURCE_DIR WORK_DIR
"""
import csv
import datetime
import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
bin_dir, source, work = sys.argv[1:4]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def query(*args, check_status=True):
    r = subprocess.run([os.path.join(bin_dir, "infonote-query"), *args, "--db", db],
                       capture_output=True)
    if check_status and r.returncode not in (0, 1):
        sys.exit(f"infonote-query {' '.join(args)}: exit {r.returncode}: {r.stderr.decode()}")
    return r


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def read_sheet(data):
    """Rows of (kind, value) cells: kind 's' text, 'n' number, 'd' date."""
    z = zipfile.ZipFile(io.BytesIO(data))
    strings = [
        "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)
    ]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode")
               for f in styles.findall("m:numFmts/m:numFmt", NS)}
    date_styles = set()
    for i, xf in enumerate(styles.findall("m:cellXfs/m:xf", NS)):
        if formats.get(int(xf.get("numFmtId", 0)), "") == "yyyy-mm-dd":
            date_styles.add(i)
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.findall("m:sheetData/m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            if c.get("t") == "s":
                cells[column_index(c.get("r"))] = ("s", strings[int(v.text)])
            elif int(c.get("s", 0)) in date_styles:
                day = datetime.date(1899, 12, 30) + datetime.timedelta(days=float(v.text))
                cells[column_index(c.get("r"))] = ("d", day.isoformat())
            else:
                cells[column_index(c.get("r"))] = ("n", float(v.text))
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i, ("", "")) for i in range(width)])
    frozen = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    return rows, frozen is not None and frozen.get("state") == "frozen"


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
db = os.path.join(work, "db")
subprocess.run([os.path.join(bin_dir, "infonote-index"), "build", os.path.join(source, "corpus"),
                "--db", db, "--no-progress"], check=True, capture_output=True)

# attended: one row per event, as its JSON says.
hits = json.loads(query("attended", "Kazakhstan", "--format", "json").stdout)["hits"]
book = query("attended", "Kazakhstan", "--format", "xlsx").stdout
check(book[:2] == b"PK", "an xlsx is a zip file")
rows, frozen = read_sheet(book)
check(frozen, "the header row is frozen")
header = [v for _, v in rows[0]]
check(all(k == "s" for k, _ in rows[0]), "the header is text")
check(len(rows) == len(hits) + 1, f"{len(hits)} events, {len(rows) - 1} rows")
for h in ("id", "title", "start_date", "end_date", "venue_country", "venue_country_name",
          "countries", "country_names", "role"):
    check(h in header, f"attended's sheet has a {h} column: {header}")
# attended is not ranked and has no snippets: those columns are left out.
for h in ("score", "snippet"):
    check(h not in header, f"attended's sheet leaves out the empty {h} column")
for c in range(len(header)):
    check(any(len(r) > c and r[c][1] != "" for r in rows[1:]), f"column {header[c]} has a value")
for hit, row in zip(hits, rows[1:]):
    cell = {header[i]: row[i] if i < len(row) else ("", "") for i in range(len(header))}
    check(cell["id"] == ("s", hit["id"]), f"id {cell['id']} != {hit['id']}")
    check(cell["start_date"] == ("d", hit["start_date"]),
          f"start_date {cell['start_date']} is the date {hit['start_date']}")
    check(cell["countries"][1] == "; ".join(c["code"] for c in hit["countries"]), "codes")
    check(cell["country_names"][1] == "; ".join(c["name"] for c in hit["countries"]), "names")
    check(cell["venue_country_name"][1] == "Kazakhstan" or hit["venue"]["country"] != "KZ",
          "the venue's country by name")
    check(cell["role"] == ("s", hit["role"]), f"role {cell['role']} != {hit['role']}")

# search with words: ranked, so the score is a number.
ranked = json.loads(query("search", "workshop", "--format", "json").stdout)["hits"]
rows, _ = read_sheet(query("search", "workshop", "--format", "xlsx").stdout)
header = [v for _, v in rows[0]]
check("score" in header, "a ranked search's sheet has its score")
score = header.index("score")
check([r[score] for r in rows[1:]] == [("n", float(h["score"])) for h in ranked],
      "scores are numbers, as in JSON")

# countries: a table; counts are numbers.
table = json.loads(query("countries", "--format", "json").stdout)["countries"]
rows, _ = read_sheet(query("countries", "--format", "xlsx").stdout)
check([v for _, v in rows[0]] == ["code", "country", "attended", "hosted"], "countries' header")
check([[r[0][1], r[1][1], r[2], r[3]] for r in rows[1:]] ==
      [[c["code"], c["name"], ("n", float(c["attended"])), ("n", float(c["hosted"]))]
       for c in table], "countries' rows as in JSON, counts as numbers")

# coattend: pairs as in JSON, in a sheet and behind a BOM; graphml takes no BOM.
pairs = json.loads(query("coattend", "--format", "json").stdout)["pairs"]
check(len(pairs) > 0, "the corpus has pairs of States")
rows, _ = read_sheet(query("coattend", "--format", "xlsx").stdout)
header = [v for _, v in rows[0]]
a, b, n = header.index("a"), header.index("b"), header.index("events")
check([[r[a][1], r[b][1], r[n]] for r in rows[1:]] ==
      [[p["a"], p["b"], ("n", float(p["events"]))] for p in pairs],
      "coattend's rows as in JSON, counts as numbers")
pairs_csv = query("coattend", "--format", "csv").stdout
check(query("coattend", "--format", "csv", "--bom").stdout == b"\xef\xbb\xbf" + pairs_csv,
      "coattend --bom: the three bytes, then the same CSV")
r = query("coattend", "--format", "graphml", "--bom", check_status=False)
check(r.returncode == 2 and r.stderr == b"infonote-query: error: --bom goes with --format csv\n",
      f"--bom with graphml: {r.returncode} {r.stderr!r}")

# --bom: the three bytes, then the same CSV as without.
plain = query("attended", "Kazakhstan", "--format", "csv").stdout
bom = query("attended", "Kazakhstan", "--format", "csv", "--bom").stdout
check(bom[:3] == b"\xef\xbb\xbf", f"--bom begins with EF BB BF: {bom[:3]!r}")
check(bom[3:] == plain, "--bom changes nothing else")
check(not plain.startswith(b"\xef\xbb\xbf"), "no BOM without --bom")
rows_read = list(csv.reader(io.StringIO(bom.decode("utf-8-sig"))))
check(rows_read[0][0] == "id", "utf-8-sig reads the header")
check(query("countries", "--format", "csv", "--bom").stdout[:3] == b"\xef\xbb\xbf",
      "tables too")

# Messages, to the byte.
r = query("attended", "Kazakhstan", "--format", "json", "--bom", check_status=False)
check(r.returncode == 2 and r.stdout == b"" and
      r.stderr == b"infonote-query: error: --bom goes with --format csv\n",
      f"--bom with json: {r.returncode} {r.stderr!r}")
r = query("countries", "--format", "xlsx", "--bom", check_status=False)
check(r.returncode == 2 and r.stderr == b"infonote-query: error: --bom goes with --format csv\n",
      f"--bom with xlsx: {r.returncode} {r.stderr!r}")
r = query("countries", "--format", "xml", check_status=False)
check(r.returncode == 2 and r.stderr.startswith(
    b"infonote-query: error: --format: must be text, json, jsonl, csv or xlsx, not 'xml'\n"),
    f"--format xml: {r.stderr!r}")
# A workbook is not sent to a terminal.
pid, fd = pty.fork()
if pid == 0:
    os.execv(os.path.join(bin_dir, "infonote-query"),
             ["infonote-query", "countries", "--db", db, "--format", "xlsx"])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
check(os.waitstatus_to_exitcode(status) == 2, f"xlsx to a terminal: exit {status}")
check(out.replace(b"\r\n", b"\n") ==
      b"infonote-query: error: --format xlsx writes a workbook, not text for a terminal: "
      b"redirect it to a file (> results.xlsx)\n", f"xlsx to a terminal: {out!r}")

shutil.rmtree(work, ignore_errors=True)
if failures:
    sys.exit(f"{len(failures)} failures")
print("spreadsheet_test: all good")
