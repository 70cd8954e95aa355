#!/usr/bin/env python3
"""Aalen–Johansen cumulative incidence of one cause as an independent reference: lifelines' AalenJohansenFitter.

Usage: cif_lifelines.py DATA.csv --cause K
The CSV has columns `time` and `event` (0 censored, k >= 1 cause k).
Prints JSON: {"rows": [{"time", "incidence", "variance", "lower", "upper"}]}, one row per time of lifelines'
event table (which starts at 0); the time as the text of the shortest round-tripping decimal, so that a reader
whose JSON numbers are not correctly rounded can still match times exactly.

lifelines jitters the times at random when events of different causes share a time; a jittered estimate is
not the one for these data, so such a table is refused (exit status 2) rather than compared. The bounds are
reported as lower ≤ upper, whatever lifelines' column names say (see below).
"""
import argparse
import json
import math
import sys

import pandas as pd
from lifelines import AalenJohansenFitter


def number(value):
    value = float(value)
    return None if math.isnan(value) else value


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--cause", type=int, required=True)
    a = p.parse_args()
    data = pd.read_csv(a.data, float_precision="round_trip")
    if AalenJohansenFitter._check_for_duplicates(durations=data["time"], events=data["event"]):
        print("events of different causes share a time: lifelines would jitter them", file=sys.stderr)
        sys.exit(2)
    fitter = AalenJohansenFitter(calculate_variance=True)
    fitter.fit(data["time"], data["event"], event_of_interest=a.cause)
    incidence = fitter.cumulative_density_.iloc[:, 0]
    bounds = fitter.confidence_interval_
    # lifelines 0.30 names its bounds the wrong way round: the "_upper_" column holds
    # exp(-exp(log(-log F) + z se)), which is the lower bound, and "_lower_" the upper one.
    lower = bounds[[c for c in bounds.columns if "_upper_" in c][0]]
    upper = bounds[[c for c in bounds.columns if "_lower_" in c][0]]
    rows = [{"time": repr(float(t)), "incidence": number(incidence.loc[t]), "variance": number(fitter.variance_.loc[t]),
             "lower": number(lower.loc[t]), "upper": number(upper.loc[t])} for t in incidence.index]
    print(json.dumps({"rows": rows}))


if __name__ == "__main__":
    main()
