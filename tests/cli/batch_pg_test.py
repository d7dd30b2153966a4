#!/usr/bin/env python3
"""PostgreSQL as the shared batch database, against a real server.

Starts a throwaway PostgreSQL (scripts/pg_scratch: initdb in a temporary
directory, a Unix socket there, a random port; as root the server runs as
the postgres user), then:

1. runs the store contract tests (tests/output/store_test.cc) against it;
2. runs two batch processes at once on the same inputs: every document is
   processed exactly once, and the export equals, row by row, that of a
   SQLite run over the same inputs;
3. runs two again on a new database and kills one with SIGKILL midway: the
   other finishes the documents the dead one held once its lease (2 s)
   expires; nothing is lost or processed twice;
4. runs two batch processes at once over reports of one region and years
   (samples/crossdoc) and one report cut into its narrative and its tables:
   the bundle and the cross-document results (cross_findings) equal those
   of a SQLite run.

Exits 77 (skipped) when the PostgreSQL server programs are not installed.

usage: batch_pg_test.py --budgetdoc BIN --hooked BIN --store-test BIN
"""
import argparse
import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRATCH = os.path.join(ROOT, "scripts", "pg_scratch")
SKIP = 77
LEASE = 2  # seconds
# Every worker sleeps this long first, so that runs overlap and a kill
# lands while documents are in flight (a test hook: only budgetdoc_hooked,
# the test build of the command line, obeys it).
SLOW = {"BUDGETDOC_TEST_DELAY_MS": "150"}
# Columns of the documents export that differ between any two runs.
RUN_COLUMNS = {"processed_at", "read_ms", "analyze_ms", "wall_ms", "peak_rss_kb"}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Server:
    def __init__(self, workdir):
        self.dir = os.path.join(workdir, "pg")
        r = subprocess.run([SCRATCH, "start", self.dir, "--fast"],
                           capture_output=True, text=True)
        if r.returncode == SKIP:
            print(f"batch_pg_test: skipped: {r.stderr.strip()}")
            sys.exit(SKIP)
        if r.returncode != 0:
            sys.exit(f"batch_pg_test: {r.stderr}")
        with open(os.path.join(self.dir, "bindir")) as f:
            self.psql = os.path.join(f.read(), "psql")
        self.url = r.stdout.strip()

    def createdb(self, name):
        r = subprocess.run([SCRATCH, "createdb", self.dir, name],
                           capture_output=True, text=True, check=True)
        return r.stdout.strip()

    def stop(self):
        subprocess.run([SCRATCH, "stop", self.dir], capture_output=True)


def sql(server, url, query):
    """The rows of a query as lists of text."""
    r = subprocess.run([server.psql, "-X", "-A", "-t", "-F", "\t", url, "-c",
                        query], capture_output=True, text=True, check=True)
    return [line.split("\t") for line in r.stdout.splitlines() if line]


def one(server, url, query):
    return sql(server, url, query)[0][0]


def batch_args(budgetdoc, inputs, db, *extra):
    return [budgetdoc, "batch", inputs, "--db", db, "-j2", "--lease",
            str(LEASE), "--progress", "lines", *extra]


def start(args, env=None):
    return subprocess.Popen(args, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def finish(proc):
    _, err = proc.communicate(timeout=240)
    return proc.returncode, err


def two_runs(hooked, inputs, db, what):
    """Two batch processes at once over `inputs` into `db`."""
    a = start(batch_args(hooked, inputs, db), SLOW)
    b = start(batch_args(hooked, inputs, db), SLOW)
    (code_a, err_a), (code_b, err_b) = finish(a), finish(b)
    check(code_a == 0 and code_b == 0, what)
    if code_a or code_b:
        print(err_a[-3000:], err_b[-3000:])


def export(budgetdoc, db, table):
    r = subprocess.run([budgetdoc, "export", "--db", db, "--table", table],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"batch_pg_test: export {table} from {db}: {r.stderr}")
    return r.stdout


def documents_without_run_columns(text):
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, name in enumerate(rows[0]) if name not in RUN_COLUMNS]
    return [[row[i] for i in keep] for row in rows]


# Columns of the cross_findings export that hold document ids (assigned in
# the order documents are written, which differs between runs).
CROSS_ID_COLUMNS = {"doc_id", "other_doc_id", "documents"}


def cross_without_ids(text):
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, name in enumerate(rows[0]) if name not in CROSS_ID_COLUMNS]
    return [[row[i] for i in keep] for row in rows]


def same_export(budgetdoc, db, reference, what):
    for table in ("facts", "findings"):
        got, want = export(budgetdoc, db, table), export(budgetdoc, reference, table)
        check(got == want and got.count("\n") > 1,
              f"{what}: {table} export equals the SQLite run row by row "
              f"({got.count(chr(10)) - 1} rows)")
    got = documents_without_run_columns(export(budgetdoc, db, "documents"))
    want = documents_without_run_columns(export(budgetdoc, reference, "documents"))
    check(got == want, f"{what}: documents export equals the SQLite run "
          "(but for timings)")


def main():
    # Stopped from outside (a timeout): clean up (the server, the files).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--budgetdoc", required=True)
    ap.add_argument("--hooked", required=True,
                    help="budgetdoc_hooked (obeys BUDGETDOC_TEST_*)")
    ap.add_argument("--store-test", required=True)
    args = ap.parse_args()
    budgetdoc = args.budgetdoc

    with tempfile.TemporaryDirectory(prefix="budgetdoc-pg-") as work:
        os.chmod(work, 0o755)  # the server's user must reach its directory
        server = Server(work)
        try:
            run(server, work, budgetdoc, args.hooked, args.store_test)
        finally:
            server.stop()
    if failures:
        print(f"batch_pg_test: {len(failures)} checks failed")
        return 1
    print("batch_pg_test: all checks passed")
    return 0


def run(server, work, budgetdoc, hooked, store_test):
    # 1. The store's contract against this server.
    r = subprocess.run([store_test, "--gtest_filter=*Postgres*",
                        "--gtest_brief=1"],
                       env={**os.environ, "BUDGETDOC_TEST_PG_URL": server.url},
                       capture_output=True, text=True)
    check(r.returncode == 0 and "SKIPPED" not in r.stdout,
          "store contract tests pass on PostgreSQL")
    if r.returncode != 0:
        print(r.stdout[-4000:], r.stderr[-2000:])

    # Inputs: every sample twice, under two directories.
    inputs = os.path.join(work, "in")
    samples = sorted(os.path.join(ROOT, "samples", d, f)
                     for d in os.listdir(os.path.join(ROOT, "samples"))
                     if os.path.isdir(os.path.join(ROOT, "samples", d))
                     for f in os.listdir(os.path.join(ROOT, "samples", d))
                     if f.startswith("input."))
    for copy in ("a", "b"):
        os.makedirs(os.path.join(inputs, copy))
        for s in samples:
            name = os.path.basename(os.path.dirname(s)) + os.path.splitext(s)[1]
            shutil.copy(s, os.path.join(inputs, copy, name))
    n = 2 * len(samples)

    reference = os.path.join(work, "reference.sqlite")
    r = subprocess.run(batch_args(budgetdoc, inputs, reference),
                       capture_output=True, text=True)
    check(r.returncode == 0, f"SQLite reference run over {n} documents")

    # 2. Two processes at once on the same inputs.
    db = server.createdb("concurrent")
    two_runs(hooked, inputs, db, "both runs exit 0")
    check(one(server, db, "SELECT count(*) FROM run_inputs WHERE outcome = 'ok'")
          == str(n), f"{n} documents analyzed in all")
    check(one(server, db, "SELECT count(DISTINCT path) FROM run_inputs WHERE "
              "outcome = 'ok'") == str(n), "each exactly once")
    check(one(server, db, "SELECT count(DISTINCT run_id) FROM run_inputs "
              "WHERE outcome = 'ok'") == "2", "both runs did some of them")
    check(one(server, db, "SELECT count(*) FROM attempts") == str(n),
          "one worker attempt per document")
    check(one(server, db, "SELECT count(*) FROM queue WHERE state = 'done'")
          == str(n), "the queue is empty")
    same_export(budgetdoc, db, reference, "two concurrent runs")

    # 3. One of two killed with SIGKILL midway; the survivor takes over its
    # documents after the lease. (A --worker-id of its own keeps the
    # survivor from seeing that the victim's process is gone: only the
    # lease tells.)
    db = server.createdb("killed")
    victim = start(batch_args(hooked, inputs, db, "--worker-id", "victim"),
                   SLOW)
    survivor = start(batch_args(hooked, inputs, db), SLOW)
    ok_lines = 0
    for line in victim.stderr:
        if "] ok " in line:
            ok_lines += 1
        if ok_lines >= 2:
            break
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at = time.monotonic()
    # What the dead process holds, and how long its leases still run.
    held = sql(server, db, "SELECT path, lease_until - CAST(extract(epoch "
               "FROM clock_timestamp()) * 1000 AS bigint) FROM queue WHERE "
               "state = 'claimed' AND owner LIKE 'victim/%' ORDER BY path")
    code, err = finish(survivor)
    waited = time.monotonic() - killed_at
    check(code == 0, "the survivor exits 0")
    if code != 0:
        print(err[-3000:])
    check(len(held) > 0, f"the victim was killed holding {len(held)} documents")
    check(one(server, db, "SELECT count(*) FROM documents WHERE status = 'ok'")
          == str(n), f"all {n} documents ok")
    check(one(server, db, "SELECT count(*) FROM run_inputs WHERE "
              "outcome = 'ok'") == str(n), "none analyzed twice")
    taken = sql(server, db, "SELECT q.path FROM queue q JOIN documents d ON "
                "d.path = q.path JOIN runs r ON r.run_id = d.run_id WHERE "
                "q.claims = 2 AND r.worker <> 'victim' ORDER BY 1")
    check([p for p, _ in held] == [p for p, in taken],
          "the survivor took over exactly the documents the victim held")
    left = min((int(ms) for _, ms in held), default=0) / 1000
    check(left > 0 and waited >= left,
          f"after their lease expired ({left:.2f} s after the kill; the "
          f"survivor finished {waited:.2f} s after it)")
    check(one(server, db, "SELECT count(*) FROM queue WHERE state <> 'done'")
          == "0", "the queue is empty")
    same_export(budgetdoc, db, reference, "one run killed")

    # 4. Bundles and checks across documents, two processes at once.
    cross_in = os.path.join(work, "cross")
    shutil.copytree(os.path.join(ROOT, "samples", "crossdoc"), cross_in,
                    ignore=shutil.ignore_patterns("*.json"))
    with open(os.path.join(ROOT, "samples", "generated",
                           "c01_final_education.txt"), encoding="utf-8") as f:
        text = f.read()
    cut = text.index("第四部分 附表\n")
    with open(os.path.join(cross_in, "edu_text.txt"), "w",
              encoding="utf-8") as f:
        f.write(text[:cut])
    with open(os.path.join(cross_in, "edu_tables.txt"), "w",
              encoding="utf-8") as f:
        f.write("巴中市巴州区教育局2016年度部门决算公开报表\n\n" + text[cut:])
    cross_ref = os.path.join(work, "cross.sqlite")
    r = subprocess.run(batch_args(budgetdoc, cross_in, cross_ref),
                       capture_output=True, text=True)
    check(r.returncode == 0, "SQLite reference run over samples/crossdoc")
    db = server.createdb("cross")
    two_runs(hooked, cross_in, db, "both runs over samples/crossdoc exit 0")
    check(one(server, db, "SELECT count(*) FROM documents WHERE format = "
              "'bundle' AND status = 'ok'") == "1",
          "the narrative and the tables stored as one bundle")
    got = cross_without_ids(export(budgetdoc, db, "cross_findings"))
    want = cross_without_ids(export(budgetdoc, cross_ref, "cross_findings"))
    check(got == want and len(got) > 1,
          f"cross_findings export equals the SQLite run ({len(got) - 1} rows, "
          "but for document ids)")
    got = documents_without_run_columns(export(budgetdoc, db, "documents"))
    want = documents_without_run_columns(export(budgetdoc, cross_ref,
                                                "documents"))
    check(got == want, "documents export with the bundle equals the SQLite "
          "run (but for timings)")


if __name__ == "__main__":
    sys.exit(main())
