#!/usr/bin/env python3
"""An independent survival analysis straight from a CDM SQLite file, for checking Optima's `Evidence`:
pandas does the extraction its own way (no SQL shared with Optima) and lifelines fits.

Usage: survival_cdm_lifelines.py DB.sqlite --target ID --stages C1,C2,... --marker CONCEPT
Follow-up: from each person's first entry into the target cohort to death (first on or after index), censored
at the end of the observation period holding the index date. Stage: the first listed concept measured in
[index - 365, index]; marker: the value concept name of the latest such measurement in that window.
Prints JSON: {"subjects", "events", "person_days" (Σ days at risk counting the last day), "km": {stage: {"time": [...], "survival": [...], "lower": [...], "upper": [...]}},
"cox": {name: {"coef", "se"}}} with Cox covariates age, stage dummies (reference: the first stage) and the
marker's levels after the first (alphabetical), Efron ties.
"""
import argparse
import json
import sqlite3
import warnings

import pandas as pd
from lifelines import CoxPHFitter, KaplanMeierFitter


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--target", type=int, required=True)
    parser.add_argument("--stages", required=True)
    parser.add_argument("--marker", type=int, required=True)
    args = parser.parse_args()
    stages = [int(s) for s in args.stages.split(",")]
    con = sqlite3.connect(args.db)
    read = lambda sql: pd.read_sql_query(sql, con)

    cohort = read(f"SELECT subject_id, cohort_start_date FROM cohort WHERE cohort_definition_id = {args.target}")
    cohort["cohort_start_date"] = pd.to_datetime(cohort["cohort_start_date"])
    index = cohort.groupby("subject_id")["cohort_start_date"].min().rename("index_date").reset_index()
    periods = read("SELECT person_id, observation_period_start_date AS s, observation_period_end_date AS e FROM observation_period")
    periods[["s", "e"]] = periods[["s", "e"]].apply(pd.to_datetime)
    subjects = index.merge(periods, left_on="subject_id", right_on="person_id")
    subjects = subjects[(subjects.s <= subjects.index_date) & (subjects.e >= subjects.index_date)]
    subjects = subjects.groupby(["subject_id", "index_date"])["e"].max().reset_index()

    death = read("SELECT person_id, death_date FROM death")
    death["death_date"] = pd.to_datetime(death["death_date"])
    merged = subjects.merge(death, left_on="subject_id", right_on="person_id", how="left")
    merged = merged[merged.death_date.isna() | (merged.death_date >= merged.index_date)]
    first_death = merged.groupby("subject_id")["death_date"].min()
    subjects["death_date"] = subjects.subject_id.map(first_death)
    subjects["censor"] = (subjects.e - subjects.index_date).dt.days
    subjects["death_days"] = (subjects.death_date - subjects.index_date).dt.days
    subjects["event"] = (subjects.death_days <= subjects.censor).astype(int)
    subjects["time"] = subjects.death_days.where(subjects.event == 1, subjects.censor)

    person = read("SELECT person_id, year_of_birth FROM person")
    subjects = subjects.merge(person, left_on="subject_id", right_on="person_id", how="left")
    subjects["age"] = subjects.index_date.dt.year - subjects.year_of_birth

    measurements = read(f"""SELECT person_id, measurement_id, measurement_concept_id, measurement_date, value_as_concept_id
        FROM measurement WHERE measurement_concept_id IN ({','.join(map(str, stages + [args.marker]))})""")
    measurements["measurement_date"] = pd.to_datetime(measurements["measurement_date"])
    m = measurements.merge(subjects[["subject_id", "index_date"]], left_on="person_id", right_on="subject_id")
    m = m[(m.measurement_date >= m.index_date - pd.Timedelta(days=365)) & (m.measurement_date <= m.index_date)]
    names = read("SELECT concept_id, concept_name FROM concept").set_index("concept_id")["concept_name"]
    staged = m[m.measurement_concept_id.isin(stages)].copy()
    staged["rank"] = staged.measurement_concept_id.map({c: i for i, c in enumerate(stages)})
    subjects["stage"] = subjects.subject_id.map(staged.groupby("subject_id")["rank"].min())
    marker = m[(m.measurement_concept_id == args.marker) & m.value_as_concept_id.notna() & (m.value_as_concept_id != 0)]
    marker = marker.sort_values(["measurement_date", "measurement_id"]).groupby("subject_id").last()
    subjects["marker"] = subjects.subject_id.map(marker.value_as_concept_id.map(names))

    km = {}
    for rank, concept in enumerate(stages):
        group = subjects[subjects.stage == rank]
        if group.empty:
            continue
        fitter = KaplanMeierFitter().fit(group.time, group.event)
        table = fitter.event_table
        times = [t for t in table.index if table.loc[t, "observed"] > 0]
        ci = fitter.confidence_interval_survival_function_
        km[names[concept]] = {"time": [float(t) for t in times],
                              "survival": [float(fitter.survival_function_.loc[t].iloc[0]) for t in times],
                              "lower": [float(ci.loc[t].iloc[0]) for t in times],
                              "upper": [float(ci.loc[t].iloc[1]) for t in times]}

    data = subjects.dropna(subset=["stage", "marker"]).copy()
    columns = ["age"]
    data_cox = pd.DataFrame({"time": data.time, "event": data.event, "age": data.age})
    for rank in range(1, len(stages)):
        name = names[stages[rank]]
        data_cox[name] = (data.stage == rank).astype(float)
        columns.append(name)
    levels = sorted(data.marker.unique())
    for level in levels[1:]:
        name = f"{names[args.marker]}: {level}"
        data_cox[name] = (data.marker == level).astype(float)
        columns.append(name)
    warnings.simplefilter("ignore")
    cph = CoxPHFitter().fit(data_cox, duration_col="time", event_col="event",
                            fit_options={"step_size": 0.5, "max_steps": 500, "precision": 1e-12})
    cox = {name: {"coef": float(cph.params_[name]), "se": float(cph.standard_errors_[name])} for name in columns}
    print(json.dumps({"subjects": int(len(subjects)), "events": int(subjects.event.sum()), "km": km, "cox": cox,
                      "person_days": int((subjects.time + 1).sum()),
                      "cox_n": int(len(data_cox))}))


if __name__ == "__main__":
    main()
