#!/usr/bin/env python3
"""Equivalence check of Optima's cohort engine with circe-be, on the same PostgreSQL database.

Optima compiles Circe (ATLAS) cohort definitions itself; this script checks that it finds the same cohorts
as OHDSI's own circe-be SQL (rendered by circe_sql.py, as circe_bench.py runs it). For each definition
(cohort id = the file's numeric stem) it
  1. runs `optima cohort generate DEF --cohort-id N --db URL?schema=CDM`  -> CDM.cohort (+ CDM stats tables),
  2. runs circe-be's SQL with `psql -f`                                   -> RES.cohort (+ RES stats tables),
  3. compares the sets of (subject_id, cohort_start_date, cohort_end_date) with EXCEPT both ways, and, where
     circe writes them (only for definitions with inclusion rules), the inclusion statistics
     cohort_inclusion_result (mode_id, inclusion_rule_mask, person_count), cohort_inclusion_stats and cohort_summary_stats
     (mode_id, base_count, final_count), also with EXCEPT both ways ("-" = circe wrote none).
Each side is wall-clock timed (process start and connection included) and stopped after --timeout seconds
(its server backends are terminated too). Both sides' old rows for N are deleted first, so a failing side
shows 0 rows. Prints one line per definition:
  id, our rows, circe rows, differing cohort rows (both directions), differing stats rows, our s, circe s,
  error (first line of ours: or circe:)
then a summary (identical / different / failing; total and median seconds per side).

Usage: circe_compare.py --url postgres://U:P@H:PORT/DB --cdm-schema CDM [--results-schema RES (CDM_circe)]
                        [--optima .build/release/optima] [--timeout 120] DEF.json|ID [...]
A bare ID means /work/shared/data/phenotypes/cohorts/ID.json (--cohorts-dir).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from circe_sql import cohort_sql  # noqa: E402
from circe_bench import RESULTS_DDL  # noqa: E402

STATS = {"cohort_inclusion_result": "mode_id, inclusion_rule_mask, person_count",
         "cohort_inclusion_stats": "rule_sequence, mode_id, person_count, gain_count, person_total",
         "cohort_summary_stats": "mode_id, base_count, final_count"}
ALL_STATS = list(STATS) + ["cohort_inclusion_stats", "cohort_censor_stats"]


def psql(url, *args, sql=None):
    return subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", *args],
                          input=sql, capture_output=True, text=True)


def run_limited(cmd, timeout, url):
    """Runs cmd; returns (seconds, returncode or None on timeout, stderr). On timeout, terminates the
    PostgreSQL backends of the process's connections (found by client port) before killing it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _, err = proc.communicate(timeout=timeout)
        return time.perf_counter() - start, proc.returncode, err
    except subprocess.TimeoutExpired:
        ss = subprocess.run(["ss", "-tnpH", "state", "established"], capture_output=True, text=True).stdout
        ports = [m.group(1) for line in ss.splitlines() if f"pid={proc.pid}," in line
                 for m in [re.search(rf":(\d+)\s+\S+:{urlparse(url).port or 5432}\b", line)] if m]
        if ports:
            psql(url, "-c", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            f"WHERE client_port IN ({','.join(ports)})")
        proc.kill()
        proc.communicate()
        return time.perf_counter() - start, None, f"timeout after {timeout} s"


def first_line(text):
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    errors = [l for l in lines if "error" in l.lower()]
    return (errors or lines or ["(no message)"])[0][:200]


def compare_one(a, path, cohort_id):
    cdm, res, n = a.cdm_schema, a.results_schema, cohort_id
    psql(a.url, sql="".join(f"DELETE FROM {s}.{t} WHERE cohort_definition_id = {n};\n"
                            for s in (cdm, res) for t in ["cohort"] + ALL_STATS))
    errors = []
    with open(path, encoding="utf-8") as f:
        text = f.read()

    sep = "&" if "?" in a.url else "?"
    ours_s, rc, err = run_limited([a.optima, "cohort", "generate", path, "--cohort-id", str(n),
                                   "--db", f"{a.url}{sep}schema={cdm}"], a.timeout, a.url)
    if rc != 0:
        errors.append("ours: " + first_line(err))

    circe_s = None
    try:
        sql = cohort_sql(text, n, cdm, res)
    except Exception as e:  # the renderer itself failed
        errors.append(f"circe: render: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".sql") as tmp:
            tmp.write(sql)
            tmp.flush()
            circe_s, rc, err = run_limited(["psql", a.url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", tmp.name],
                                           a.timeout, a.url)
        if rc != 0:
            errors.append("circe: " + first_line(err))

    cols = "subject_id, cohort_start_date, cohort_end_date"
    where = f"WHERE cohort_definition_id = {n}"
    q = [f"(SELECT count(*) FROM {cdm}.cohort {where})", f"(SELECT count(*) FROM {res}.cohort {where})",
         f"(SELECT count(*) FROM (SELECT {cols} FROM {cdm}.cohort {where} EXCEPT "
         f"SELECT {cols} FROM {res}.cohort {where}) d)",
         f"(SELECT count(*) FROM (SELECT {cols} FROM {res}.cohort {where} EXCEPT "
         f"SELECT {cols} FROM {cdm}.cohort {where}) d)"]
    stats = [f"(SELECT count(*) FROM (SELECT {c} FROM {x}.{t} {where} EXCEPT SELECT {c} FROM {y}.{t} {where}) d)"
             for t, c in STATS.items() for x, y in ((cdm, res), (res, cdm))]
    circe_stats = " + ".join(f"(SELECT count(*) FROM {res}.{t} {where})" for t in STATS)
    # circe writes no inclusion statistics for a definition without inclusion rules: compare only where it does
    r = psql(a.url, "-c", f"SELECT {', '.join(q)}, CASE WHEN {circe_stats} > 0 THEN {' + '.join(stats)} END")
    if r.returncode:
        errors.append("compare: " + first_line(r.stderr))
        return 0, 0, -1, None, ours_s, circe_s, errors
    ours, circe, only_ours, only_circe, stats_diff = [int(v) if v else None for v in r.stdout.strip().split("|")]
    return ours, circe, only_ours + only_circe, stats_diff, ours_s, circe_s, errors


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--cdm-schema", required=True)
    p.add_argument("--results-schema", help="default: CDM_SCHEMA_circe")
    p.add_argument("--optima", default=".build/release/optima")
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--cohorts-dir", default="/work/shared/data/phenotypes/cohorts")
    p.add_argument("definitions", nargs="+")
    a = p.parse_args()
    a.results_schema = a.results_schema or a.cdm_schema + "_circe"
    r = psql(a.url, sql=RESULTS_DDL.format(r=a.results_schema))
    if r.returncode:
        sys.exit("creating the results tables failed:\n" + r.stderr)

    counts = {"identical": 0, "different": 0, "failing": 0}
    times = {"ours": [], "circe": []}
    print(f"{'id':>5} {'ours':>7} {'circe':>7} {'diff':>6} {'stats':>5} {'ours_s':>8} {'circe_s':>8}  errors",
          flush=True)
    for i, d in enumerate(a.definitions, 1):
        path = os.path.join(a.cohorts_dir, d + ".json") if d.isdigit() else d
        stem = os.path.splitext(os.path.basename(path))[0]
        cohort_id = int(stem) if stem.isdigit() else i
        ours, circe, diff, stats, ours_s, circe_s, errors = compare_one(a, path, cohort_id)
        kind = "failing" if errors else "different" if diff or stats or ours != circe else "identical"
        counts[kind] += 1
        times["ours"].append(ours_s)
        if circe_s is not None:
            times["circe"].append(circe_s)
        fmt = lambda s: f"{s:8.3f}" if s is not None else f"{'-':>8}"  # noqa: E731
        stats = "-" if stats is None else stats
        print(f"{cohort_id:>5} {ours:>7} {circe:>7} {diff:>6} {stats:>5} {fmt(ours_s)} {fmt(circe_s)}  "
              f"{' | '.join(errors)}", flush=True)

    print(f"# {len(a.definitions)} definitions: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for side, t in times.items():
        if t:
            print(f"# {side}: total {sum(t):.1f} s, median {statistics.median(t):.3f} s, max {max(t):.1f} s")
    return 0 if counts["identical"] == len(a.definitions) else 1


if __name__ == "__main__":
    sys.exit(main())
