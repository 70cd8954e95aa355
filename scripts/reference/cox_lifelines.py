#!/usr/bin/env python3
"""Fit a Cox proportional-hazards model with lifelines (Efron ties) as an independent reference.

Usage: cox_lifelines.py DATA.csv — the CSV has columns `time`, `event` and one column per covariate.
Prints JSON: {"n": rows, "events": events, "coefficients": {name: {"coef", "lower", "upper", "se"}}},
the 95 % Wald confidence interval of each log hazard ratio.
"""
import json
import sys
import warnings

import pandas as pd
from lifelines import CoxPHFitter
from lifelines.exceptions import ConvergenceWarning


def main(path):
    data = pd.read_csv(path)
    # A fit that did not converge is an error, not a result; lifelines' default Newton step (0.95)
    # overshoots on strong effects such as stage IV, so take shorter steps.
    warnings.simplefilter("error", ConvergenceWarning)
    fitter = CoxPHFitter()
    fitter.fit(data, duration_col="time", event_col="event", fit_options={"step_size": 0.5, "max_steps": 500})
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
