#!/usr/bin/env python3
"""Prediction performance of a risk model, as the independent reference for Optima's `AUC` and `Calibration`.

Usage: prediction_performance.py DATA.csv --predictions COLUMN         (probabilities given, outcome column `y`)
       prediction_performance.py DATA.csv --fit [--penalty l1|l2 --lambda X]
With --fit, a logistic model of `y` on every other column (plus an intercept) is fitted first, by statsmodels'
GLM or, penalized, by scikit-learn as glm_penalized_sklearn.py does, and its fitted probabilities are assessed.
  AUC            sklearn.metrics.roc_auc_score (ties count half)
  its variance   DeLong et al. (1988) from the structural components, written out pair by pair:
                 psi(x, y) = 1 if x > y, 1/2 if x = y, 0 otherwise, over cases x and non-cases y;
                 V10(x_i) = mean_j psi(x_i, y_j), V01(y_j) = mean_i psi(x_i, y_j);
                 var = S10/m + S01/n with S10, S01 their sample variances (m cases, n non-cases);
                 the interval AUC -/+ z sqrt(var), clipped to [0, 1]
  calibration    in the large: the intercept of a logistic GLM of y with offset logit(p) (statsmodels);
                 slope: the coefficient of logit(p) in a logistic GLM of y on it (statsmodels);
                 deciles: sklearn.calibration.calibration_curve(strategy="quantile", n_bins=10)
Prints JSON: {"auc", "auc_variance", "auc_lower", "auc_upper", "in_the_large", "slope",
              "deciles": {"observed": [...], "predicted": [...]}} (non-empty deciles, lowest risk first).
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import norm
from sklearn.calibration import calibration_curve
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glm_penalized_sklearn import fit as penalized_fit  # noqa: E402


def delong(p, y, level=0.95):
    cases, noncases = p[y == 1], p[y == 0]
    psi = (cases[:, None] > noncases[None, :]) + 0.5 * (cases[:, None] == noncases[None, :])
    auc = psi.mean()
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    variance = v10.var(ddof=1) / len(cases) + v01.var(ddof=1) / len(noncases)
    z = norm.ppf(1 - (1 - level) / 2)
    return auc, variance, max(0.0, auc - z * variance ** 0.5), min(1.0, auc + z * variance ** 0.5)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("data")
    a.add_argument("--predictions")
    a.add_argument("--fit", action="store_true")
    a.add_argument("--penalty", choices=["l1", "l2"])
    a.add_argument("--lambda", dest="lam", type=float)
    a = a.parse_args()
    data = pd.read_csv(a.data)
    y = data["y"].to_numpy(float)
    if a.fit:
        x = data[[c for c in data.columns if c != "y"]].to_numpy(float)
        if a.penalty:
            intercept, coef = penalized_fit(x, y, "logistic", a.penalty, a.lam, None)
            p = 1 / (1 + np.exp(-(intercept + x @ coef)))
        else:
            p = sm.GLM(y, sm.add_constant(x, has_constant="add"), family=sm.families.Binomial()).fit(tol=1e-14, maxiter=200).fittedvalues
    else:
        p = data[a.predictions].to_numpy(float)
    p = np.asarray(p)
    auc, variance, lower, upper = delong(p, y)
    logit = np.log(p / (1 - p))
    large = sm.GLM(y, np.ones((len(y), 1)), family=sm.families.Binomial(), offset=logit).fit(tol=1e-14, maxiter=200).params[0]
    slope = sm.GLM(y, sm.add_constant(logit, has_constant="add"), family=sm.families.Binomial()).fit(tol=1e-14, maxiter=200).params[1]
    observed, predicted = calibration_curve(y, p, n_bins=10, strategy="quantile")
    print(json.dumps({"auc": float(roc_auc_score(y, p)), "delong_auc": float(auc), "auc_variance": float(variance),
                      "auc_lower": float(lower), "auc_upper": float(upper), "in_the_large": float(large), "slope": float(slope),
                      "deciles": {"observed": observed.tolist(), "predicted": predicted.tolist()}}))


if __name__ == "__main__":
    main()
