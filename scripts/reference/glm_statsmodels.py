#!/usr/bin/env python3
"""Fit a GLM with statsmodels as the independent reference for Optima's `Statistics.GLMFit`.

Usage: glm_statsmodels.py DATA.csv --family logistic|poisson|linear [--offset COLUMN]
The CSV has a column `y`, optionally the offset column, and one column per covariate; an intercept is added.
Prints JSON: {"loglik", "coefficients": {name: {"coef", "se", "lower", "upper"}}} (intercept as "intercept").
"""
import argparse
import json

import pandas as pd
import statsmodels.api as sm

FAMILIES = {"logistic": sm.families.Binomial(), "poisson": sm.families.Poisson(), "linear": sm.families.Gaussian()}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--family", choices=FAMILIES, required=True)
    p.add_argument("--offset")
    a = p.parse_args()
    data = pd.read_csv(a.data)
    covariates = [c for c in data.columns if c not in ("y", a.offset)]
    x = sm.add_constant(data[covariates], has_constant="add").rename(columns={"const": "intercept"})
    fit = sm.GLM(data["y"], x, family=FAMILIES[a.family], offset=data[a.offset] if a.offset else None).fit(tol=1e-14, maxiter=200)
    intervals = fit.conf_int()
    print(json.dumps({"loglik": float(fit.llf), "coefficients": {
        name: {"coef": float(fit.params[name]), "se": float(fit.bse[name]),
               "lower": float(intervals.loc[name, 0]), "upper": float(intervals.loc[name, 1])} for name in x.columns}}))


if __name__ == "__main__":
    main()
