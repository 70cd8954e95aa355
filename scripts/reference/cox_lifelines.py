#!/usr/bin/env python3
"""Fit a Cox proportional-hazards model with lifelines (Efron ties) as an independent reference.

Usage: cox_lifelines.py DATA.csv — the CSV has columns `time`, `event` and one column per covariate.
Prints JSON: {"n": rows, "events": events, "coefficients": {name: {"coef", "lower", "upper", "se"}}},
the 95 % Wald confidence interval of each log hazard ratio.
"""
import json
import sys

import pandas as pd
from lifelines import CoxPHFitter


def main(path):
    data = pd.read_csv(path)
    fitter = CoxPHFitter()
    fitter.fit(data, duration_col="time", event_col="event")
    summary = fitter.summary
    result = {
        "n": int(len(data)),
        "events": int(data["event"].sum()),
        "coefficients": {
            name: {
                "coef": float(row["coef"]),
                "se": float(row["se(coef)"]),
                "lower": float(row["coef lower 95%"]),
                "upper": float(row["coef upper 95%"]),
            }
            for name, row in summary.iterrows()
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
