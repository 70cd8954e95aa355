#!/usr/bin/env python3
"""Print the SQL that OHDSI circe-be generates for a Circe cohort definition, translated by SqlRender.

The baseline of the cohort benchmark: circe-be's own SQL, not ours. It comes from the PyPI package
`duckcdm` 0.4.7 (Apache-2.0, pure-Python ports of circe-be and SqlRender whose output matches the Java
versions character for character): `duckcdm.circe.build_cohort_query` builds the OHDSI SQL with circe's
options, `duckcdm.sqlrender.render` + `translate` turn it into the target dialect. PostgreSQL has real
temporary tables, so no tempEmulationSchema is needed (`#t` becomes `CREATE TEMP TABLE t`).

Usage: circe_sql.py DEF.json --cohort-id N --cdm-schema S --results-schema R
                    [--vocabulary-schema V] [--target-table T] [--dialect postgresql] [--no-stats]
The SQL (to stdout) deletes then inserts cohort N in T (default R.cohort); with stats (the default, as
ATLAS generates cohorts) it also writes R.cohort_inclusion_result / _stats / cohort_summary_stats /
cohort_censor_stats.
"""
import argparse
import sys

try:
    from duckcdm.circe import build_cohort_query
    from duckcdm.sqlrender import render, translate
except ImportError:
    sys.exit("circe_sql.py needs the PyPI package duckcdm (0.4.7): python3 -m pip install duckcdm==0.4.7 "
             "(add --break-system-packages on an externally managed Python)")


def cohort_sql(definition_json, cohort_id, cdm_schema, results_schema, vocabulary_schema=None,
               target_table=None, dialect="postgresql", generate_stats=True):
    sql = build_cohort_query(definition_json, cohort_id=cohort_id, cdm_schema=cdm_schema,
                             vocabulary_schema=vocabulary_schema or cdm_schema, result_schema=results_schema,
                             target_table=target_table or results_schema + ".cohort",
                             generate_stats=generate_stats)
    # render() resolves the {@generateStats != 0}?{...} blocks and any parameters left; then the dialect.
    return translate(render(sql), dialect)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("definition", help="Circe cohort expression JSON file")
    p.add_argument("--cohort-id", type=int, required=True)
    p.add_argument("--cdm-schema", required=True)
    p.add_argument("--results-schema", required=True)
    p.add_argument("--vocabulary-schema", help="default: the CDM schema")
    p.add_argument("--target-table", help="default: RESULTS_SCHEMA.cohort")
    p.add_argument("--dialect", default="postgresql")
    p.add_argument("--no-stats", action="store_true", help="generateStats = false (cohort table only)")
    a = p.parse_args()
    with open(a.definition, encoding="utf-8") as f:
        text = f.read()
    sys.stdout.write(cohort_sql(text, a.cohort_id, a.cdm_schema, a.results_schema, a.vocabulary_schema,
                                a.target_table, a.dialect, not a.no_stats))


if __name__ == "__main__":
    main()
