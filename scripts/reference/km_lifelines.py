#!/usr/bin/env python3
"""Kaplan–Meier by Python lifelines: the independent reference for Optima's `Statistics.KaplanMeier`.

Usage: km_lifelines.py DATA.csv [--alpha 0.05]
DATA.csv has columns `time,event` (event 1 or 0). Prints JSON: for every distinct observed time, ascending,
`time, at_risk, events, censored, survival, lower, upper` (lifelines' event table, survival function and
exponential-Greenwood interval), and `median`, `median_lower`, `median_upper` (null when not reached).
"""
import argparse
import json
import math
import sys

import pandas as pd
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times


def finite(x):
    x = float(x)
    return None if math.isinf(x) or math.isnan(x) else x


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--alpha", type=float, default=0.05)
    a = p.parse_args()
    df = pd.read_csv(a.data)
    kmf = KaplanMeierFitter(alpha=a.alpha).fit(df["time"], df["event"])
    table = kmf.event_table
    ci = kmf.confidence_interval_
    times = sorted(set(df["time"]))
    rows = []
    for t in times:
        rows.append({"time": float(t), "at_risk": int(table.loc[t, "at_risk"]), "events": int(table.loc[t, "observed"]),
                     "censored": int(table.loc[t, "censored"]), "survival": float(kmf.survival_function_.loc[t].iloc[0]),
                     "lower": float(ci.loc[t].iloc[0]), "upper": float(ci.loc[t].iloc[1])})
    medians = median_survival_times(ci)
    json.dump({"rows": rows, "median": finite(kmf.median_survival_time_),
               "median_lower": finite(medians.iloc[0, 0]), "median_upper": finite(medians.iloc[0, 1])}, sys.stdout)


if __name__ == "__main__":
    main()
