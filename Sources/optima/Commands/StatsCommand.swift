import ArgumentParser
import Foundation
import Statistics

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Fit a statistical model to a CSV table (for tables brought from elsewhere, and for verification).",
        subcommands: [KM.self, Cox.self, Logistic.self, Poisson.self, Linear.self])

    struct KM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "km", abstract: "Kaplan–Meier survival with Greenwood log–log intervals and the median, by stratum.")

        @OptionGroup var table: SurvivalTableOptions
        @Flag(help: "Print JSON: {\"strata\": [{\"name\", \"time\", \"survival\", \"lower\", \"upper\", \"at_risk\", \"events\", \"median\", \"median_lower\", \"median_upper\"}]}.")
        var json = false

        func run() throws {
            let (data, times, events) = try table.read()
            let labels = try table.strata.map(data.labels) ?? Array(repeating: "all", count: times.count)
            var curves: [(String, KaplanMeier)] = []
            for name in Array(Set(labels)).sorted() {
                let rows = labels.indices.filter { labels[$0] == name }
                curves.append((name, try KaplanMeier(rows.map { SurvivalObservation(time: times[$0], event: events[$0] != 0) })))
            }
            if json {
                Terminal.printJSON(try JSONSerialization.data(withJSONObject: ["strata": curves.map { Self.document($0.0, $0.1) }], options: [.sortedKeys]))
            } else {
                for (name, km) in curves {
                    let median = km.median
                    print("\(name): \(km.rows.first?.atRisk ?? 0) subjects, \(km.rows.map(\.events).reduce(0, +)) events; median "
                          + "\(median.time.map { "\($0)" } ?? "not reached") (95% CI \(median.lower.map { "\($0)" } ?? "–") to \(median.upper.map { "\($0)" } ?? "not reached"))")
                }
            }
        }

        static func document(_ name: String, _ km: KaplanMeier) -> [String: Any] {
            let median = km.median
            return ["name": name, "time": km.rows.map(\.time), "survival": km.rows.map(\.survival), "lower": km.rows.map(\.lower),
                    "upper": km.rows.map(\.upper), "at_risk": km.rows.map(\.atRisk), "events": km.rows.map(\.events),
                    "median": median.time ?? NSNull(), "median_lower": median.lower ?? NSNull(), "median_upper": median.upper ?? NSNull()]
        }
    }

    struct Cox: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cox", abstract: "Cox proportional-hazards regression (Efron or Breslow ties, optional strata), with its global tests.")

        @OptionGroup var table: SurvivalTableOptions
        @Option(help: "Covariate columns, comma-separated.") var covariates: String
        @Option(help: "efron or breslow.") var ties: String = "efron"
        @Flag(help: "Robust (Lin–Wei sandwich) standard errors and intervals, as lifelines' robust=True.") var robust = false
        @Flag(name: .customLong("ph-test"), help: "Test proportional hazards per covariate (scaled Schoenfeld residuals against the rank of the death times, as lifelines).")
        var phTest = false
        @Flag(help: "Print JSON: {\"coefficients\": [{\"name\", \"coef\", \"se\", \"z\", \"p\", \"lower\", \"upper\", \"exp_coef\", \"exp_lower\", \"exp_upper\"}], \"loglik\", \"n\", \"events\", \"iterations\", \"ties\", \"variance\", \"tests\": {\"likelihood_ratio\", \"wald\", \"score\": {\"statistic\", \"df\", \"p\"}}, with --ph-test \"proportional_hazards\": [{\"name\", \"statistic\", \"p\"}]}.")
        var json = false

        func run() throws {
            guard let ties = PartialLikelihood.Ties(rawValue: ties) else { throw ValidationError("--ties must be efron or breslow") }
            let (data, times, events) = try table.read()
            let names = covariates.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let columns = try names.map(data.numbers)
            let strata = try table.strata.map { column in
                let values = try data.labels(column)
                let levels = Dictionary(uniqueKeysWithValues: Array(Set(values)).sorted().enumerated().map { ($1, $0) })
                return values.map { levels[$0] ?? 0 }
            }
            let cox = try CoxData(times: times, events: events.map { $0 != 0 },
                                  covariates: data.rows.indices.map { row in columns.map { $0[row] } }, names: names, strata: strata)
            let fit = try CoxRegression(cox, ties: ties, variance: robust ? .robust : .model)
            let proportionalHazards = phTest ? try fit.proportionalHazardsTests(cox) : nil
            let tests = [("likelihood_ratio", fit.likelihoodRatioTest), ("wald", fit.waldTest), ("score", fit.scoreTest)]
            if json {
                var document: [String: Any] = [
                    "coefficients": StatsCommand.document(fit.coefficients), "loglik": fit.logLikelihood, "n": fit.subjects, "events": fit.events,
                    "iterations": fit.iterations, "ties": fit.ties.rawValue, "variance": fit.variance.rawValue,
                    "tests": Dictionary(uniqueKeysWithValues: tests.map { ($0.0, ["statistic": $0.1.statistic, "df": $0.1.degreesOfFreedom, "p": $0.1.p] as [String: Any]) }),
                ]
                if let proportionalHazards {
                    document["proportional_hazards"] = proportionalHazards.map { ["name": $0.name, "statistic": $0.test.statistic, "p": $0.test.p] as [String: Any] }
                }
                Terminal.printJSON(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
            } else {
                print("Cox regression, \(fit.ties.rawValue) ties, \(fit.variance == .robust ? "robust (sandwich)" : "model-based") standard errors: "
                      + "\(fit.subjects) subjects, \(fit.events) events, log partial likelihood \(fit.logLikelihood)")
                print(StatsCommand.table(fit.coefficients, ratio: "HR"))
                for (name, test) in [("Likelihood ratio", fit.likelihoodRatioTest), ("Wald", fit.waldTest), ("Score (log-rank)", fit.scoreTest)] {
                    print(String(format: "  %@ test: %.4f on %d df, p %.3g", name, test.statistic, test.degreesOfFreedom, test.p))
                }
                if let proportionalHazards {
                    print("Proportional hazards (scaled Schoenfeld residuals against the rank of time):")
                    for test in proportionalHazards {
                        print(String(format: "  %@  chi-square %.4f on 1 df, p %.3g", test.name.padding(toLength: 16, withPad: " ", startingAt: 0), test.test.statistic, test.test.p))
                    }
                }
            }
        }
    }

    /// Coefficients as text: the ratio scale (HR, OR, RR) or the coefficient itself, with intervals.
    static func table(_ coefficients: [Coefficient], ratio: String?) -> String {
        coefficients.map { c in
            let name = c.name.padding(toLength: 16, withPad: " ", startingAt: 0)
            if let ratio {
                return String(format: "  %@  %@ %.3f (95%% CI %.3f–%.3f)  coef %.5f  se %.5f  p %.3g", name, ratio, c.expCoef, c.expLower, c.expUpper, c.coef, c.se, c.p)
            }
            return String(format: "  %@  coef %.5f (95%% CI %.5f–%.5f)  se %.5f  p %.3g", name, c.coef, c.lower, c.upper, c.se, c.p)
        }.joined(separator: "\n")
    }

    /// The JSON of a model's coefficients, the same for every model.
    static func document(_ coefficients: [Coefficient]) -> [[String: Any]] {
        coefficients.map {
            ["name": $0.name, "coef": $0.coef, "se": $0.se, "z": $0.z, "p": $0.p, "lower": $0.lower, "upper": $0.upper,
             "exp_coef": $0.expCoef, "exp_lower": $0.expLower, "exp_upper": $0.expUpper]
        }
    }
}

/// The table and columns every survival fit reads.
struct SurvivalTableOptions: ParsableArguments {
    @Option(help: "The CSV table.") var csv: String
    @Option(help: "The column of follow-up times.") var time: String
    @Option(help: "The column that is 1 for an event, 0 for censoring.") var event: String
    @Option(help: "A column whose values are strata (separate curves, or separate baseline hazards).") var strata: String?

    func read() throws -> (table: NumericTable, times: [Double], events: [Double]) {
        let table = try NumericTable(path: csv)
        return (table, try table.numbers(time), try table.numbers(event))
    }
}
