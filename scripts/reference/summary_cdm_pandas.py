#!/usr/bin/env python3
"""An independent data-source summary straight from a CDM SQLite file, for checking Optima's `Evidence`:
pandas reads whole tables and counts its own way (no SQL shared with Optima beyond plain SELECTs).

Usage: summary_cdm_pandas.py DB.sqlite [--top N] [--minimum N]
Definitions: sex is the gender concept's name ("Unknown" for 0 or no concept); age group is the 10-year band
("60-69") of year(first observation start) - year_of_birth (negative ages count as 0), "no observation period"
without one; decade "1950s"; observation time per person is the sum over their periods of (end - start + 1)
days / 365.25, its quartiles the middle of the 0.1-year bin (days * 40 // 1461) holding the ceil(p * n)-th
person. Top concepts: persons >= minimum, by persons, then records (both descending), then concept id.
Prints JSON: {"counts": {key: n}, "years": {...}, "top": {table: [[id, name, persons, records], ...]},
"source": {...}, "vocabulary_version"}; counts are raw (not suppressed), keys as "persons/by_sex/FEMALE".
"""
import argparse
import json
import math
import sqlite3

import pandas as pd

DOMAINS = [("condition_occurrence", "condition_start_date", "condition_concept_id"),
           ("drug_exposure", "drug_exposure_start_date", "drug_concept_id"),
           ("procedure_occurrence", "procedure_date", "procedure_concept_id"),
           ("measurement", "measurement_date", "measurement_concept_id"),
           ("observation", "observation_date", None),
           ("visit_occurrence", "visit_start_date", None),
           ("death", "death_date", None),
           ("device_exposure", "device_exposure_start_date", None)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--minimum", type=int, default=1)
    args = parser.parse_args()
    con = sqlite3.connect(args.db)
    read = lambda sql: pd.read_sql_query(sql, con)
    counts = {}

    def tally(prefix, series):
        for key, n in series.value_counts().items():
            counts[f"{prefix}/{key}"] = int(n)

    concepts = read("SELECT concept_id, concept_name FROM concept").set_index("concept_id")["concept_name"]
    person = read("SELECT person_id, gender_concept_id, year_of_birth FROM person")
    periods = read("SELECT person_id, observation_period_start_date AS s, observation_period_end_date AS e FROM observation_period")
    periods["s"] = pd.to_datetime(periods["s"])
    periods["e"] = pd.to_datetime(periods["e"])

    person["sex"] = person.gender_concept_id.map(lambda c: concepts.get(c, "Unknown") if c != 0 else "Unknown")
    first = periods.groupby("person_id")["s"].min()
    person["first_start"] = person.person_id.map(first)
    age = person.first_start.dt.year - person.year_of_birth
    person["age_group"] = [
        "no observation period" if pd.isna(a) else f"{int(max(a, 0)) // 10 * 10}-{int(max(a, 0)) // 10 * 10 + 9}" for a in age]
    person["decade"] = (person.year_of_birth // 10 * 10).astype(int).astype(str) + "s"
    counts["persons/total"] = int(len(person))
    tally("persons/by_sex", person.sex)
    tally("persons/by_age_group", person.age_group)
    tally("persons/by_birth_decade", person.decade)
    observed = person[person.first_start.notna()]
    tally("persons/pyramid", observed.sex + "/" + observed.age_group)
    tally("observation/by_start_year", observed.first_start.dt.year.astype(int).astype(str))

    periods["days"] = (periods.e - periods.s).dt.days + 1
    per_person = periods.groupby("person_id")["days"].sum()
    counts["observation/persons"] = int(len(per_person))
    counts["observation/periods"] = int(len(periods))
    years = per_person / 365.25
    bins = sorted(int(d) * 40 // 1461 for d in per_person)
    quantile = lambda p: (bins[max(math.ceil(p * len(bins)) - 1, 0)] + 0.5) / 10
    summary_years = {"mean": float(years.mean()), "sd": float(years.std(ddof=1)),
                     "p25": quantile(0.25), "median": quantile(0.5), "p75": quantile(0.75)}

    top = {}
    for table, date, concept in DOMAINS:
        columns = "person_id, " + date + (", " + concept if concept else "")
        records = read(f"SELECT {columns} FROM {table}")
        counts[f"domains/{table}/records"] = int(len(records))
        counts[f"domains/{table}/persons"] = int(records.person_id.nunique())
        tally(f"domains/{table}/year", pd.to_datetime(records[date]).dt.year.astype("Int64").astype(str))
        if concept:
            grouped = records.groupby(concept).agg(persons=("person_id", "nunique"), records=("person_id", "size")).reset_index()
            grouped = grouped[grouped.persons >= args.minimum]
            grouped = grouped.sort_values(["persons", "records", concept], ascending=[False, False, True]).head(args.top)
            top[table] = [[int(row[concept]), concepts.get(row[concept], f"concept {int(row[concept])}"), int(row.persons), int(row.records)]
                          for _, row in grouped.iterrows()]

    source = read("SELECT * FROM cdm_source ORDER BY cdm_source_name LIMIT 1")
    source = {} if source.empty else {key: (None if pd.isna(value) else str(value)) for key, value in source.iloc[0].items()}
    vocabulary = read("SELECT vocabulary_version FROM vocabulary WHERE vocabulary_id = 'None'")
    version = vocabulary.vocabulary_version.iloc[0] if not vocabulary.empty else source.get("vocabulary_version")
    print(json.dumps({"counts": counts, "years": summary_years, "top": top, "source": source, "vocabulary_version": version}))


if __name__ == "__main__":
    main()
