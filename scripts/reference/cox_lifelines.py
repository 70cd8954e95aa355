#!/usr/bin/env python3
"""Fit a Cox proportional-hazards model as an independent reference: lifelines (Efron ties) or statsmodels
PHReg (Breslow ties).

Usage: cox_lifelines.py DATA.csv [--ties efron|breslow] [--strata COLUMN] [--precision P] [--robust]
                        [--ph-test rank|km|identity ...]
The CSV has columns `time`, `event`, optionally the stratum column, and one column per covariate.
Prints JSON: {"n", "events", "loglik", "coefficients": {name: {"coef", "lower", "upper", "se"}}, "tests"}, with
the 95 % Wald confidence interval of each log hazard ratio (from the robust sandwich with --robust, lifelines
only), and with --ph-test "proportional_hazards": {transform: {name: {"statistic", "p"}}} from lifelines'
`proportional_hazard_test` (Efron only).

"tests" holds the global tests {"likelihood_ratio", "wald", "score"}, each {"statistic", "df", "p"}:
the likelihood ratio as the fitting library reports it (lifelines' `log_likelihood_ratio_test()`, or
2 (llf − ℓ(0)) from statsmodels); Wald β̂ᵀ V⁻¹ β̂ with the fitting library's model-based covariance (omitted with
--robust, whose full sandwich lifelines does not expose); and the score test U(0)ᵀ I(0)⁻¹ U(0) from statsmodels
PHReg's own score and Hessian at β = 0 with the same ties and strata (neither library prints one).
"""
import argparse
import json
import warnings

import numpy as np
import pandas as pd
from scipy import stats


def chi_square(statistic, df):
    return {"statistic": float(statistic), "df": int(df), "p": float(stats.chi2.sf(statistic, df))}


def lifelines_fit(data, strata, precision, robust, ph_tests):
    from lifelines import CoxPHFitter
    from lifelines.exceptions import ConvergenceWarning
    from lifelines.statistics import proportional_hazard_test
    # A fit that did not converge is an error, not a result; lifelines' default Newton step (0.95)
    # overshoots on strong effects such as stage IV, so take shorter steps.
    warnings.simplefilter("error", ConvergenceWarning)
    fitter = CoxPHFitter()
    fitter.fit(data, duration_col="time", event_col="event", strata=[strata] if strata else None, robust=robust,
               fit_options={"step_size": 0.5, "max_steps": 500, "precision": precision})
    lr = fitter.log_likelihood_ratio_test()
    tests = {"likelihood_ratio": {"statistic": float(lr.test_statistic), "df": int(lr.degrees_freedom),
                                  "p": float(lr.p_value)}}
    if not robust:
        beta = fitter.params_.values
        tests["wald"] = chi_square(beta @ np.linalg.solve(fitter.variance_matrix_.values, beta), len(beta))
    extra = {}
    if ph_tests:
        extra["proportional_hazards"] = {}
        for transform in ph_tests:
            result = proportional_hazard_test(fitter, data, time_transform=transform)
            extra["proportional_hazards"][transform] = {
                name: {"statistic": float(row["test_statistic"]), "p": float(row["p"])}
                for name, row in result.summary.iterrows()}
    return fitter.log_likelihood_, {
        name: {"coef": float(row["coef"]), "se": float(row["se(coef)"]),
               "lower": float(row["coef lower 95%"]), "upper": float(row["coef upper 95%"])}
        for name, row in fitter.summary.iterrows()}, tests, extra


def statsmodels_fit(data, strata):
    from statsmodels.duration.hazard_regression import PHReg
    covariates = [c for c in data.columns if c not in ("time", "event", strata)]
    model = PHReg(data["time"], data[covariates], status=data["event"], ties="breslow",
                  strata=data[strata] if strata else None)
    fit = model.fit(gtol=1e-10)
    intervals = fit.conf_int()
    beta = np.asarray(fit.params)
    tests = {"likelihood_ratio": chi_square(2 * (fit.llf - model.loglike(np.zeros(len(beta)))), len(beta)),
             "wald": chi_square(beta @ np.linalg.solve(fit.cov_params(), beta), len(beta))}
    return fit.llf, {
        name: {"coef": float(fit.params[i]), "se": float(fit.bse[i]),
               "lower": float(intervals[i][0]), "upper": float(intervals[i][1])}
        for i, name in enumerate(covariates)}, tests, {}


def score_test(data, strata, ties):
    from statsmodels.duration.hazard_regression import PHReg
    covariates = [c for c in data.columns if c not in ("time", "event", strata)]
    model = PHReg(data["time"], data[covariates], status=data["event"], ties=ties,
                  strata=data[strata] if strata else None)
    zero = np.zeros(len(covariates))
    score = model.score(zero)
    return chi_square(score @ np.linalg.solve(-model.hessian(zero), score), len(covariates))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--ties", choices=["efron", "breslow"], default="efron")
    p.add_argument("--strata")
    p.add_argument("--precision", type=float, default=1e-7, help="lifelines' convergence threshold")
    p.add_argument("--robust", action="store_true", help="lifelines' sandwich (Lin–Wei) standard errors")
    p.add_argument("--ph-test", nargs="*", default=[], choices=["rank", "km", "identity"])
    a = p.parse_args()
    data = pd.read_csv(a.data)
    if a.ties == "efron":
        loglik, coefficients, tests, extra = lifelines_fit(data, a.strata, a.precision, a.robust, a.ph_test)
    else:
        loglik, coefficients, tests, extra = statsmodels_fit(data, a.strata)
    tests["score"] = score_test(data, a.strata, a.ties)
    print(json.dumps({"n": int(len(data)), "events": int(data["event"].sum()), "loglik": float(loglik),
                      "coefficients": coefficients, "tests": tests, **extra}))


if __name__ == "__main__":
    main()
