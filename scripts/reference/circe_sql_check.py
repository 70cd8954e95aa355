#!/usr/bin/env python3
"""Check circe_sql.py on a real PostgreSQL with circe-be's own test case exits/fixedOffset.

Builds scratch schemas `circe_check` (CDM tables of circe-be's cdm_v5.3 test DDL, NOT NULL dropped because
the test rows leave *_datetime empty) and `circe_check_results` (its resultsSchema.sql tables), loads
datasets/vocabulary.json + fixedOffset_PREP.json (DbUnit JSON, CLEAN_INSERT), runs the circe SQL of
fixedOffsetExpression.json as cohort 1 with psql, and compares the cohort rows with fixedOffset_VERIFY.json.
Drops both schemas at the end unless --keep. Needs only psql and duckcdm.

Usage: circe_sql_check.py [--url postgres://optima:optima@127.0.0.1:5432/optima_test] [--keep]
"""
import argparse
import csv
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from circe_sql import cohort_sql  # noqa: E402

DATA = os.environ.get("CIRCE_CONFORMANCE", os.path.join(
    os.path.dirname(__file__), "../../../shared/data/circe-conformance"))
CDM, RESULTS = "circe_check", "circe_check_results"


def psql(url, sql):
    r = subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", ","],
                       input=sql, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("psql failed:\n" + r.stderr)
    return r.stdout


def create_tables():
    tables = {}
    with open(os.path.join(DATA, "schema/test_tables.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["ddl"] == "cdm_v5.3":
                tables.setdefault((CDM, row["table"]), []).append(f'{row["column"]} {row["type"]}')
            elif row["ddl"] == "results":
                null = " NOT NULL" if row["not_null"] == "yes" else ""
                tables.setdefault((RESULTS, row["table"]), []).append(f'{row["column"]} {row["type"]}{null}')
    return "".join(f"CREATE TABLE {s}.{t} ({', '.join(cols)});\n" for (s, t), cols in tables.items())


def literal(v):
    if v is None:
        return "NULL"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def load(path):
    """DbUnit CLEAN_INSERT: `cdm.t` goes to the CDM schema, any other schema to the results schema."""
    out = []
    with open(os.path.join(DATA, path)) as f:
        for key, rows in json.load(f).items():
            schema, table = key.split(".")
            target = f"{CDM if schema == 'cdm' else RESULTS}.{table}"
            out.append(f"DELETE FROM {target};")
            for row in rows:
                out.append(f"INSERT INTO {target} ({', '.join(row)}) VALUES "
                           f"({', '.join(literal(v) for v in row.values())});")
    return "\n".join(out) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default=os.environ.get("OPTIMA_PG_URL",
                                                   "postgres://optima:optima@127.0.0.1:5432/optima_test"))
    p.add_argument("--keep", action="store_true", help="leave the scratch schemas (e.g. to try circe_bench.py)")
    a = p.parse_args()
    drop = f"DROP SCHEMA IF EXISTS {CDM} CASCADE; DROP SCHEMA IF EXISTS {RESULTS} CASCADE;\n"
    psql(a.url, drop + f"CREATE SCHEMA {CDM}; CREATE SCHEMA {RESULTS};\n" + create_tables())
    try:
        psql(a.url, load("datasets/vocabulary.json") + load("cohortgeneration/exits/fixedOffset_PREP.json"))
        with open(os.path.join(DATA, "cohortgeneration/exits/fixedOffsetExpression.json")) as f:
            psql(a.url, cohort_sql(f.read(), 1, CDM, RESULTS))
        got = psql(a.url, f"SELECT cohort_definition_id, subject_id, cohort_start_date, cohort_end_date "
                          f"FROM {RESULTS}.cohort WHERE cohort_definition_id = 1 "
                          f"ORDER BY cohort_definition_id, subject_id, cohort_start_date").split()
        with open(os.path.join(DATA, "cohortgeneration/exits/fixedOffset_VERIFY.json")) as f:
            want = [",".join(str(r[c]) for c in ("cohort_definition_id", "subject_id", "cohort_start_date",
                                                  "cohort_end_date")) for r in json.load(f)["fixedOffset.cohort"]]
    finally:
        if not a.keep:
            psql(a.url, drop)
    print("\n".join(f"{'ok ' if g == w else 'BAD'} got {g}  want {w}" for g, w in zip(got, want)))
    if got != want:
        print(f"fixedOffset: MISMATCH ({len(got)} rows, {len(want)} expected)")
        return 1
    print(f"fixedOffset: all {len(want)} cohort rows match circe-be's VERIFY")
    return 0


if __name__ == "__main__":
    sys.exit(main())
