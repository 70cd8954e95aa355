import ArgumentParser
import Evidence
import Foundation

extension AnalyzeCommand {
    struct Survival: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kaplan–Meier survival from index to death or an outcome cohort, by the levels of one feature.",
            discussion: """
                Features: age, age-group, sex, index-year, value:CONCEPT (e.g. value:36203168 for ER status), \
                concepts:ID,ID,… (the first listed recorded, e.g. stage 1–4), cohorts:ID,ID,… (the first listed entered).
                Example: optima analyze survival --target 1 --strata concepts:1635838,1635131,1634191,1633987 --svg os.svg
                """)

        @OptionGroup var survival: SurvivalOptions
        @Option(help: "The feature whose levels get a curve each.") var strata: String?
        @OptionGroup var output: AnalysisOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try output.resolve(SurvivalSettings.self) { try survival.settings(strata: strata, covariates: nil) }
            let result = try await database.withAuditedDatabase("analyze survival", resource: "cohort \(settings.target)", purpose: .research) { try await $0.survivalAnalysis(settings) }
            try output.emit(result, text: { SurvivalText.curves(result) }, picture: { result.kaplanMeierChart().svg() })
        }
    }

    struct Cox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A Cox model of time from index to death or an outcome cohort on baseline features.",
            discussion: "Example: optima analyze cox --target 1 --covariates \"age concepts:1635838,1635131,1634191,1633987 value:36203168\" --svg hr.svg")

        @OptionGroup var survival: SurvivalOptions
        @Option(help: "Covariate features, separated by spaces (a category gets one indicator per level after the first).")
        var covariates: String?
        @OptionGroup var output: AnalysisOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try output.resolve(SurvivalSettings.self) { try survival.settings(strata: nil, covariates: covariates) }
            guard !settings.covariates.isEmpty else { throw ValidationError("--covariates (or \"covariates\" in --settings) names no feature") }
            let result = try await database.withAuditedDatabase("analyze cox", resource: "cohort \(settings.target)", purpose: .research) { try await $0.survivalAnalysis(settings) }
            try output.emit(result, text: { SurvivalText.model(result) }, picture: { result.forestPlot()?.svg() })
        }
    }
}

/// Survival results for people.
enum SurvivalText {
    static func curves(_ result: SurvivalAnalysis) -> String {
        var lines = ["\(result.target): \(result.subjects) subjects, \(result.events) \(result.outcome == "death" ? "deaths" : "outcomes")"
                     + " (left out for an outcome before index: \(result.priorOutcome))"]
        for curve in result.strata {
            func years(_ days: Double?) -> String { days.map { String(format: "%.2f", $0 / 365.25) } ?? "NR" }
            let median = curve.median.map { _ in "median \(years(curve.median)) y (95% CI \(years(curve.medianLower))–\(years(curve.medianUpper)))" } ?? "median not reached"
            let marks = zip(result.atRiskDays, curve.survivalAt).filter { $0.0 > 0 }.map { day, s in
                "\(String(format: "%.0f", Double(day) / 365.25)) y \(s.map { String(format: "%.1f%%", $0 * 100) } ?? "–")"
            }
            lines.append("  \(curve.name): \(curve.subjects) subjects, \(curve.events) events; \(median); survival \(marks.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    static func model(_ result: SurvivalAnalysis) -> String {
        guard let cox = result.cox else { return curves(result) }
        var lines = ["Cox model, \(cox.ties.rawValue) ties: \(cox.n) subjects, \(cox.events) events (left out for a missing covariate: \(cox.missingCovariates)); LR χ² \(String(format: "%.2f", cox.likelihoodRatio))"]
        for term in cox.coefficients {
            lines.append(String(format: "  %@  HR %.3f (95%% CI %.3f–%.3f)  p %.3g", term.name.padding(toLength: 40, withPad: " ", startingAt: 0),
                                term.expCoef, term.expLower, term.expUpper, term.p))
        }
        return lines.joined(separator: "\n")
    }
}
