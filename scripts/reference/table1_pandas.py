#!/usr/bin/env python3
"""An independent Table 1 straight from a CDM SQLite file, for checking Optima's characterization: pandas,
no SQL shared with Optima.

Usage: table1_pandas.py DB.sqlite --target ID --comparator ID [--start -365 --end 0]
Each cohort's persons at their first entry (inside an observation period); age = index year - year of birth;
conditions and drugs recorded in [index + start, index + end]: persons per concept; measurements: the latest
value_as_number per person and concept in the window: n, mean, SD. SMDs as tableone computes them.
Prints JSON {"target": {...}, "comparator": {...}, "smd": {...}} keyed "age", "condition:ID", "drug:ID", "value:ID".
"""
import argparse
import json
import math
import sqlite3

import pandas as pd


def summarise(con, cohort, start, end):
    read = lambda sql: pd.read_sql_query(sql, con)
    c = read(f"SELECT subject_id, cohort_start_date FROM cohort WHERE cohort_definition_id = {cohort}")
    c["cohort_start_date"] = pd.to_datetime(c.cohort_start_date)
    idx = c.groupby("subject_id").cohort_start_date.min().rename("index_date").reset_index()
    op = read("SELECT person_id, observation_period_start_date s, observation_period_end_date e FROM observation_period")
    op[["s", "e"]] = op[["s", "e"]].apply(pd.to_datetime)
    s = idx.merge(op, left_on="subject_id", right_on="person_id")
    s = s[(s.s <= s.index_date) & (s.e >= s.index_date)].drop_duplicates("subject_id")[["subject_id", "index_date"]]
    person = read("SELECT person_id, year_of_birth FROM person")
    s = s.merge(person, left_on="subject_id", right_on="person_id")
    out = {"n": len(s)}
    age = s.index_date.dt.year - s.year_of_birth
    out["age"] = {"n": len(age), "mean": float(age.mean()), "sd": float(age.std(ddof=1))}

    def in_window(frame, date):
        frame[date] = pd.to_datetime(frame[date])
        frame = frame.merge(s[["subject_id", "index_date"]], left_on="person_id", right_on="subject_id")
        return frame[(frame[date] >= frame.index_date + pd.Timedelta(days=start)) & (frame[date] <= frame.index_date + pd.Timedelta(days=end))]

    for domain, table, concept, date in [("condition", "condition_occurrence", "condition_concept_id", "condition_start_date"),
                                         ("drug", "drug_exposure", "drug_concept_id", "drug_exposure_start_date")]:
        records = in_window(read(f"SELECT person_id, {concept} AS concept, {date} FROM {table} WHERE {concept} <> 0"), date)
        for cid, persons in records.groupby("concept").subject_id.nunique().items():
            out[f"{domain}:{int(cid)}"] = {"persons": int(persons)}
    m = in_window(read("""SELECT person_id, measurement_id, measurement_concept_id AS concept, measurement_date, value_as_number
                          FROM measurement WHERE measurement_concept_id <> 0 AND value_as_number IS NOT NULL"""), "measurement_date")
    latest = m.sort_values(["measurement_date", "measurement_id"]).groupby(["subject_id", "concept"]).last().reset_index()
    for cid, values in latest.groupby("concept").value_as_number:
        out[f"value:{int(cid)}"] = {"n": int(len(values)), "mean": float(values.mean()),
                                    "sd": float(values.std(ddof=1)) if len(values) > 1 else 0.0}
    return out


def smd(a, b, na, nb):
    if "persons" in a or "persons" in b:
        p1, p2 = a.get("persons", 0) / na, b.get("persons", 0) / nb
        pooled = (p1 * (1 - p1) + p2 * (1 - p2)) / 2
        return (p1 - p2) / math.sqrt(pooled) if pooled > 0 else None
    if a.get("n") and b.get("n"):
        pooled = (a["sd"] ** 2 + b["sd"] ** 2) / 2
        return (a["mean"] - b["mean"]) / math.sqrt(pooled) if pooled > 0 else None
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--target", type=int, required=True)
    parser.add_argument("--comparator", type=int, required=True)
    parser.add_argument("--start", type=int, default=-365)
    parser.add_argument("--end", type=int, default=0)
    args = parser.parse_args()
    con = sqlite3.connect(args.db)
    t = summarise(con, args.target, args.start, args.end)
    c = summarise(con, args.comparator, args.start, args.end)
    keys = (set(t) | set(c)) - {"n"}
    smds = {k: smd(t.get(k, {}), c.get(k, {}), t["n"], c["n"]) for k in keys}
    t.pop("n"), c.pop("n")
    print(json.dumps({"target": t, "comparator": c,
                      "smd": smds}))


if __name__ == "__main__":
    main()
