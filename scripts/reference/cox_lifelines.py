#!/usr/bin/env python3
"""Fit a Cox proportional-hazards model as an independent reference: lifelines (Efron ties) or statsmodels
PHReg (Breslow ties).

Usage: cox_lifelines.py DATA.csv [--ties efron|breslow] [--strata COLUMN] [--precision P]
The CSV has columns `time`, `event`, optionally the stratum column, and one column per covariate.
Prints JSON: {"n", "events", "loglik", "coefficients": {name: {"coef", "lower", "upper", "se"}}}, with the
95 % Wald confidence interval of each log hazard ratio.
"""
import argparse
import json
import warnings

import pandas as pd


def lifelines_fit(data, strata, precision):
    from lifelines import CoxPHFitter
    from lifelines.exceptions import ConvergenceWarning
    # A fit that did not converge is an error, not a result; lifelines' default Newton step (0.95)
    # overshoots on strong effects such as stage IV, so take shorter steps.
    warnings.simplefilter("error", ConvergenceWarning)
    fitter = CoxPHFitter()
    fitter.fit(data, duration_col="time", event_col="event", strata=[strata] if strata else None,
               fit_options={"step_size": 0.5, "max_steps": 500, "precision": precision})
    return fitter.log_likelihood_, {
        name: {"coef": float(row["coef"]), "se": float(row["se(coef)"]),
               "lower": float(row["coef lower 95%"]), "upper": float(row["coef upper 95%"])}
        for name, row in fitter.summary.iterrows()}


def statsmodels_fit(data, strata):
    from statsmodels.duration.hazard_regression import PHReg
    covariates = [c for c in data.columns if c not in ("time", "event", strata)]
    model = PHReg(data["time"], data[covariates], status=data["event"], ties="breslow",
                  strata=data[strata] if strata else None)
    fit = model.fit(gtol=1e-10)
    intervals = fit.conf_int()
    return fit.llf, {
        name: {"coef": float(fit.params[i]), "se": float(fit.bse[i]),
               "lower": float(intervals[i][0]), "upper": float(intervals[i][1])}
        for i, name in enumerate(covariates)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--ties", choices=["efron", "breslow"], default="efron")
    p.add_argument("--strata")
    p.add_argument("--precision", type=float, default=1e-7, help="lifelines' convergence threshold")
    a = p.parse_args()
    data = pd.read_csv(a.data)
    loglik, coefficients = (lifelines_fit(data, a.strata, a.precision) if a.ties == "efron"
                            else statsmodels_fit(data, a.strata))
    print(json.dumps({"n": int(len(data)), "events": int(data["event"].sum()), "loglik": float(loglik),
                      "coefficients": coefficients}))


if __name__ == "__main__":
    main()
