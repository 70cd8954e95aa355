#!/usr/bin/env python3
"""Baseline of the cohort benchmark: time circe-be's own SQL (via circe_sql.py / duckcdm) on PostgreSQL.

Usage: circe_bench.py --url postgres://USER:PW@HOST:PORT/DB --cdm-schema CDM --results-schema RES
                      [--vocabulary-schema V] [--no-stats] DEF.json [DEF.json ...]

For each definition: cohort id = the file's numeric stem (PhenotypeLibrary's `636.json` -> 636), else its
1-based position in the list; renders the PostgreSQL SQL, runs it with `psql -f` (one session, ON_ERROR_STOP)
and times that wall clock (psql start-up and connection included, SQL rendering not). The SQL itself deletes
that cohort id's rows from RES.cohort (and the stats tables) before inserting. Creates RES and its tables
(circe-be's resultsSchema.sql columns) if missing. Prints: definition, cohort id, seconds, rows in cohort.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from circe_sql import cohort_sql  # noqa: E402

RESULTS_DDL = """CREATE SCHEMA IF NOT EXISTS {r};
CREATE TABLE IF NOT EXISTS {r}.cohort (cohort_definition_id bigint NOT NULL, subject_id bigint NOT NULL,
  cohort_start_date date NOT NULL, cohort_end_date date NOT NULL);
CREATE TABLE IF NOT EXISTS {r}.cohort_inclusion (cohort_definition_id bigint NOT NULL, rule_sequence int NOT NULL,
  name varchar(255), description varchar(1000));
CREATE TABLE IF NOT EXISTS {r}.cohort_inclusion_result (cohort_definition_id bigint NOT NULL, mode_id int NOT NULL,
  inclusion_rule_mask bigint NOT NULL, person_count bigint NOT NULL);
CREATE TABLE IF NOT EXISTS {r}.cohort_inclusion_stats (cohort_definition_id bigint NOT NULL,
  rule_sequence int NOT NULL, mode_id int NOT NULL, person_count bigint NOT NULL, gain_count bigint NOT NULL,
  person_total bigint NOT NULL);
CREATE TABLE IF NOT EXISTS {r}.cohort_summary_stats (cohort_definition_id bigint NOT NULL, mode_id int NOT NULL,
  base_count bigint NOT NULL, final_count bigint NOT NULL);
CREATE TABLE IF NOT EXISTS {r}.cohort_censor_stats (cohort_definition_id bigint NOT NULL, lost_count bigint NOT NULL);
"""


def psql(url, *args, sql=None):
    return subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", *args],
                          input=sql, capture_output=True, text=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--cdm-schema", required=True)
    p.add_argument("--results-schema", required=True)
    p.add_argument("--vocabulary-schema")
    p.add_argument("--no-stats", action="store_true")
    p.add_argument("definitions", nargs="+")
    a = p.parse_args()
    r = psql(a.url, sql=RESULTS_DDL.format(r=a.results_schema))
    if r.returncode:
        sys.exit("creating the results tables failed:\n" + r.stderr)

    failures = 0
    print(f"{'definition':<40} {'cohort_id':>9} {'seconds':>9} {'rows':>10}")
    for i, path in enumerate(a.definitions, 1):
        name = os.path.basename(path)
        stem = os.path.splitext(name)[0]
        cohort_id = int(stem) if stem.isdigit() else i
        with open(path, encoding="utf-8") as f:
            sql = cohort_sql(f.read(), cohort_id, a.cdm_schema, a.results_schema, a.vocabulary_schema,
                             generate_stats=not a.no_stats)
        with tempfile.NamedTemporaryFile("w", suffix=".sql") as tmp:
            tmp.write(sql)
            tmp.flush()
            start = time.perf_counter()
            r = psql(a.url, "-f", tmp.name)
            seconds = time.perf_counter() - start
        if r.returncode:
            failures += 1
            print(f"{name:<40} {cohort_id:>9} {seconds:>9.3f} {'ERROR':>10}\n  {r.stderr.strip()}")
            continue
        rows = psql(a.url, "-c", f"SELECT count(*) FROM {a.results_schema}.cohort "
                                 f"WHERE cohort_definition_id = {cohort_id}").stdout.strip()
        print(f"{name:<40} {cohort_id:>9} {seconds:>9.3f} {rows:>10}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
