#!/usr/bin/env python3
"""The reference side of `optima bench stats`: time lifelines and statsmodels on the benchmark's CSV files.

Usage: bench_stats.py --survival SURVIVAL.csv --logistic LOGISTIC.csv [--km-times T1,T2,...] [--repeat N]
SURVIVAL.csv has columns `time,event,x1..x10`; LOGISTIC.csv has `y,x1..x50` (an intercept is added).
Each fit is timed with time.perf_counter around the fit call only, after pandas has read the CSV and the
design matrix is built; with --repeat N each fit runs N times and the fastest counts. Every library runs with its default settings except lifelines' Cox (Efron's ties)
convergence: its default stop (log-likelihood change below 1e-9 relative) leaves coefficients ~1e-5 from the
optimum on small data, so it converges as tightly as Optima (precision 1e-10); on large data this costs no
extra iterations.
Prints one JSON document:
  {"python", "versions": {module: version},
   "kaplan_meier": {"seconds", "survival": [S(t) at each --km-times], "median"},
   "cox": {"seconds", "coefficients": {name: coef}, "se": {name: se}},
   "logistic": {"seconds", "coefficients": {name: coef}, "se": {name: se}}}
An analysis whose module is missing or fails has {"error": "..."} instead, so the others still report.
"""
import argparse
import importlib
import json
import math
import platform
import sys
import time

REPEAT = 1


def module(name):
    """The module, or None when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def timed(fit):
    """The fastest of REPEAT runs (the least disturbed by other work on the machine), and the last result."""
    fastest = math.inf
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = fit()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def kaplan_meier(data, times):
    from lifelines import KaplanMeierFitter
    seconds, fitter = timed(lambda: KaplanMeierFitter().fit(data["time"], data["event"]))
    median = float(fitter.median_survival_time_)
    return {"seconds": seconds, "survival": [float(s) for s in fitter.survival_function_at_times(times)],
            "median": median if math.isfinite(median) else None}


def cox(data):
    from lifelines import CoxPHFitter
    seconds, fitter = timed(lambda: CoxPHFitter().fit(data, duration_col="time", event_col="event",
                                                      fit_options={"precision": 1e-10, "r_precision": 1e-14}))
    summary = fitter.summary
    return {"seconds": seconds, "coefficients": {n: float(v) for n, v in summary["coef"].items()},
            "se": {n: float(v) for n, v in summary["se(coef)"].items()}}


def logistic(data):
    import statsmodels.api as sm
    covariates = [c for c in data.columns if c != "y"]
    x = sm.add_constant(data[covariates], has_constant="add").rename(columns={"const": "intercept"})
    seconds, fit = timed(lambda: sm.GLM(data["y"], x, family=sm.families.Binomial()).fit())
    return {"seconds": seconds, "coefficients": {n: float(v) for n, v in fit.params.items()},
            "se": {n: float(v) for n, v in fit.bse.items()}}


def attempt(needs, analysis):
    """Runs one analysis, or says which module is missing or what went wrong."""
    missing = [name for name in needs if module(name) is None]
    if missing:
        return {"error": f"Python module {', '.join(missing)} is not installed (python3 -m pip install {' '.join(missing)})"}
    try:
        return analysis()
    except Exception as error:  # a failing reference must not hide the other analyses
        return {"error": f"{type(error).__name__}: {error}"}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--survival", required=True)
    p.add_argument("--logistic", required=True)
    p.add_argument("--km-times", default="", help="comma-separated times at which to report S(t)")
    p.add_argument("--repeat", type=int, default=1, help="runs of each fit; the fastest counts")
    a = p.parse_args()
    global REPEAT
    REPEAT = max(1, a.repeat)
    times = [float(t) for t in a.km_times.split(",") if t]
    versions = {name: getattr(module(name), "__version__", None) for name in ("pandas", "lifelines", "statsmodels")}
    report = {"python": platform.python_version(), "versions": versions}
    pd = module("pandas")
    if pd is None:
        error = {"error": "Python module pandas is not installed (python3 -m pip install pandas)"}
        report.update(kaplan_meier=error, cox=error, logistic=error)
    else:
        # round_trip: the values read are exactly those Optima holds in memory.
        survival = pd.read_csv(a.survival, float_precision="round_trip")
        report["kaplan_meier"] = attempt(["lifelines"], lambda: kaplan_meier(survival, times))
        report["cox"] = attempt(["lifelines"], lambda: cox(survival))
        del survival
        data = pd.read_csv(a.logistic, float_precision="round_trip")
        report["logistic"] = attempt(["statsmodels"], lambda: logistic(data))
    json.dump(report, sys.stdout)
    print()


if __name__ == "__main__":
    main()
