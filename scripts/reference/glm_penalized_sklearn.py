#!/usr/bin/env python3
"""Fit penalized GLMs with scikit-learn as the independent reference for Optima's `PenalizedGLMFit` and `LassoPath`.

Usage: glm_penalized_sklearn.py DATA.csv --family logistic|poisson|linear --penalty l1|l2 --lambdas L1,L2,... [--offset COLUMN]
The CSV has a column `y`, optionally the offset column, and one column per covariate; an intercept is fitted
and not penalized. Optima minimizes F(b) = -loglik(b)/n + lambda * P(b), P = sum|b_j| (l1) or sum b_j^2 / 2 (l2),
the Gaussian loglik being -RSS/2. That is, exactly:
  logistic l2   LogisticRegression(l1_ratio=0, C=1/(n lambda), solver="newton-cholesky")   (C * sum logloss + |w|^2/2)
  logistic l1   LogisticRegression(l1_ratio=1, C=1/(n lambda), solver="saga")              (C * sum logloss + |w|_1)
  linear   l2   Ridge(alpha=n lambda)                                                      (|y - Xw|^2 + alpha |w|^2)
  linear   l1   lasso_path(centred X, centred y, alphas=lambdas)                           (|y - Xw|^2/(2n) + alpha |w|_1)
  poisson  l2   PoissonRegressor(alpha=lambda, solver="newton-cholesky")                   (deviance/(2n) + alpha |w|^2/2)
  poisson  l1   scipy: L-BFGS-B on the split form, then Newton on the nonzero coefficients (see poisson_l1)
None of these penalizes the intercept. With --offset only Poisson l1 applies. Where every covariate's
coefficient comes out zero the intercept is taken from statsmodels' intercept-only fit, the exact optimum
there (saga's intercept stalls near 1e-6 relative at lambda_max).
Also prints lambda_max = max_j |x_j'(y - mu0)| / n, mu0 the intercept-only fit (statsmodels), below which the
first covariate enters the LASSO.
Prints JSON: {"lambda_max", "fits": [{"lambda", "coefficients": {name: coef}}]} (intercept as "intercept").
"""
import argparse
import json
import warnings

import numpy as np
import pandas as pd
import scipy.optimize
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression, PoissonRegressor, Ridge, lasso_path

FAMILIES = {"logistic": sm.families.Binomial(), "poisson": sm.families.Poisson(), "linear": sm.families.Gaussian()}


def null_fit(y, family, offset):
    """The intercept-only fit: the optimum whenever every penalized coefficient is zero."""
    return sm.GLM(y, np.ones((len(y), 1)), family=FAMILIES[family], offset=offset).fit(tol=1e-14, maxiter=200)


def lambda_max(x, y, family, offset):
    return float(np.max(np.abs(x.T @ (y - null_fit(y, family, offset).fittedvalues))) / len(y))


def poisson_l1(x, y, lam, offset):
    """Poisson LASSO without scikit-learn (which has none) nor statsmodels' elastic net (which stops near 1e-5):
    L-BFGS-B on the smooth split form b = b+ - b- (b+, b- >= 0) finds which coefficients are zero and the signs of
    the others; Newton's method on the then smooth objective over the intercept and the nonzero ones polishes them
    to machine precision."""
    n, p = x.shape
    o = np.zeros(n) if offset is None else offset
    design = np.column_stack([np.ones(n), x])

    def split(v):
        return np.r_[v[0], v[1:p + 1] - v[p + 1:]]

    def objective(v):
        b = split(v)
        mu = np.exp(o + design @ b)
        grad = -design.T @ (y - mu) / n
        value = np.sum(mu - y * (o + design @ b)) / n + lam * np.sum(v[1:])
        return value, np.r_[grad[0], grad[1:] + lam, -grad[1:] + lam]

    v = scipy.optimize.minimize(objective, np.zeros(1 + 2 * p), jac=True, method="L-BFGS-B",
                                bounds=[(None, None)] + [(0, None)] * (2 * p), options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 100_000}).x
    b = split(v)
    active = np.r_[True, np.abs(b[1:]) > 1e-8]
    signs = np.r_[0.0, np.sign(b[1:])][active]
    beta = np.where(active, b, 0.0)
    for _ in range(50):
        mu = np.exp(o + design @ beta)
        grad = -design[:, active].T @ (y - mu) / n + lam * signs
        hess = (design[:, active] * mu[:, None]).T @ design[:, active] / n
        beta[active] -= np.linalg.solve(hess, grad)
    return float(beta[0]), beta[1:]


def fit(x, y, family, penalty, lam, offset):
    """(intercept, coefficients) at one lambda."""
    n = len(y)
    if offset is not None and not (family == "poisson" and penalty == "l1"):
        raise SystemExit("an offset is only supported for poisson l1 (statsmodels)")
    if family == "logistic":
        solver = "saga" if penalty == "l1" else "newton-cholesky"
        model = LogisticRegression(l1_ratio=1.0 if penalty == "l1" else 0.0, C=1 / (n * lam), solver=solver,
                                   tol=1e-15, max_iter=1_000_000 if penalty == "l1" else 1000, random_state=0).fit(x, y)
        return float(model.intercept_[0]), model.coef_[0]
    if family == "linear" and penalty == "l2":
        model = Ridge(alpha=n * lam, solver="cholesky").fit(x, y)
        return float(model.intercept_), model.coef_
    if family == "poisson" and penalty == "l2":
        model = PoissonRegressor(alpha=lam, solver="newton-cholesky", tol=1e-14, max_iter=1000).fit(x, y)
        return float(model.intercept_), model.coef_
    if family == "poisson" and penalty == "l1":
        return poisson_l1(x, y, lam, offset)
    raise AssertionError("linear l1 goes through the path")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--family", choices=FAMILIES, required=True)
    p.add_argument("--penalty", choices=["l1", "l2"], required=True)
    p.add_argument("--lambdas", required=True, help="comma-separated; decreasing for a path")
    p.add_argument("--offset")
    a = p.parse_args()
    data = pd.read_csv(a.data)
    covariates = [c for c in data.columns if c not in ("y", a.offset)]
    x, y = data[covariates].to_numpy(float), data["y"].to_numpy(float)
    offset = data[a.offset].to_numpy(float) if a.offset else None
    lambdas = [float(v) for v in a.lambdas.split(",")]
    fits = []
    if a.family == "linear" and a.penalty == "l1":
        # lasso_path has no intercept: centre, then recover it (what Lasso(fit_intercept=True) does).
        xm, ym = x.mean(axis=0), y.mean()
        _, paths, _ = lasso_path(x - xm, y - ym, alphas=lambdas, tol=1e-15, max_iter=1_000_000)
        results = [(float(ym - xm @ paths[:, k]), paths[:, k]) for k in range(len(lambdas))]
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = [fit(x, y, a.family, a.penalty, lam, offset) for lam in lambdas]
    for lam, (intercept, coef) in zip(lambdas, results):
        if not np.any(coef):
            intercept = float(null_fit(y, a.family, offset).params[0])
        fits.append({"lambda": lam, "coefficients": {"intercept": intercept, **{c: float(v) for c, v in zip(covariates, coef)}}})
    print(json.dumps({"lambda_max": lambda_max(x, y, a.family, offset), "fits": fits}))


if __name__ == "__main__":
    main()
