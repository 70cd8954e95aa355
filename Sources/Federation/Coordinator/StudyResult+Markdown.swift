import Evidence
import Foundation

extension StudyResult {
    /// A readable summary: the nodes' parts, then each analysis's main numbers.
    public func markdown() -> String {
        var lines = ["# \(study)", "", "Study hash `\(hash)`; run \(Self.format(started)) – \(Self.format(finished)).", "",
                     "## Nodes", "", "| node | status | steps | retries | bytes sent | bytes received |", "|---|---|---:|---:|---:|---:|"]
        for node in nodes {
            lines.append("| \(node.name) | \(node.state.rawValue)\(node.reason.map { ": \($0)" } ?? "") | \(node.stepsAnswered) | \(node.retries) | \(node.bytesSent) | \(node.bytesReceived) |")
        }
        for analysis in analyses {
            lines += ["", "## \(analysis.id) (\(analysis.type.rawValue))", "", "Nodes: \(analysis.nodes.joined(separator: ", ")).", ""]
            lines += Self.describe(analysis)
            for chart in analysis.charts() { lines += ["", "![\(analysis.id)](\(chart.file))"] }
            if !analysis.noise.isEmpty {
                let spent = Dictionary(grouping: analysis.noise, by: \.node).mapValues { $0.map(\.report.epsilonSpent).max() ?? 0 }
                lines += ["", "Differential privacy: " + spent.keys.sorted().map { "\($0) ε spent \(Self.number(spent[$0]!))" }.joined(separator: "; ") + "."]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ analysis: AnalysisResult) -> [String] {
        var lines: [String] = []
        for cohort in analysis.counts ?? [] {
            lines += ["**\(cohort.name)**: \(cohort.persons) persons, \(cohort.records) records.", "", "| step | persons |", "|---|---:|"]
            lines += cohort.attrition.map { "| \($0.name) | \($0.count) |" }
            lines.append("")
        }
        if let characterization = analysis.characterization {
            for cohort in characterization.cohorts {
                lines += ["**\(cohort.name)** (\(cohort.persons) persons)", "", "| feature | value |", "|---|---|"]
                for feature in cohort.features {
                    if let numeric = feature.numeric {
                        lines.append("| \(Self.readable(feature.feature)) | n \(numeric.n), mean \(number(numeric.mean)), SD \(number(numeric.standardDeviation)) |")
                    }
                    for level in feature.levels ?? [] {
                        lines.append("| \(Self.readable(feature.feature)): \(level.level) | \(level.count) (\(level.proportion.map { String(format: "%.1f%%", $0 * 100) } ?? "–")) |")
                    }
                }
                lines.append("")
            }
            if !characterization.differences.isEmpty {
                lines += ["| feature | SMD |", "|---|---:|"]
                lines += characterization.differences.map { "| \(Self.readable($0.feature))\($0.level.map { ": \($0)" } ?? "") | \(number($0.standardizedDifference)) |" }
            }
        }
        if let strata = analysis.incidence {
            lines += ["| stratum | persons | events | person-years | rate per 1,000 (95% CI) |", "|---|---:|---:|---:|---|"]
            lines += strata.map { stratum in
                let rate = stratum.ratePer1000.map { "\(number($0)) [\(number(stratum.lower)), \(number(stratum.upper))]" } ?? "–"
                return "| \(stratum.stratum) | \(stratum.persons) | \(stratum.events) | \(String(format: "%.1f", stratum.personYears)) | \(rate) |"
            }
        }
        if let survival = analysis.survival {
            lines.append("\(survival.subjects) subjects; grid \(survival.gridDays) day(s); median \(survival.medianDays.map { "\($0) days" } ?? "not reached")"
                + (survival.withheldCells > 0 ? "; \(survival.withheldCells) small node cells withheld, so the curve is approximate." : "."))
            let marks = [365, 730, 1095, 1825]
            let shown = marks.compactMap { day in survival.points.last(where: { $0.day <= day }).map { (day, $0) } }
            if !shown.isEmpty {
                lines += ["", "| day | survival (95% CI) |", "|---:|---|"]
                lines += shown.map { "| \($0.0) | \(number($0.1.survival)) [\(number($0.1.lower)), \(number($0.1.upper))] |" }
            }
        }
        if let model = analysis.model {
            lines += ["\(model.model); \(model.fit.rows) rows, \(model.fit.events) events; \(model.fit.iterations) gathers.", "",
                      "| coefficient | β | SE | exp(β) (95% CI) | p |", "|---|---:|---:|---|---:|"]
            lines += model.fit.coefficients.map {
                "| \($0.name) | \(number($0.coef)) | \(number($0.se)) | \(number($0.expCoef)) [\(number($0.expLower)), \(number($0.expUpper))] | \(String(format: "%.3g", $0.p)) |"
            }
        }
        if let learning = analysis.learning {
            let card = learning.model.card
            lines += ["\(card.algorithm), \(card.rounds) rounds × \(card.epochs) epochs, \(card.penalty) λ \(number(card.lambda)), μ \(number(card.mu)); "
                      + "pooled AUC \(number(card.pooledAUC))" + (learning.registeredVersion.map { "; registered as \(learning.model.name) v\($0)" } ?? "") + ".", "",
                      "| site | training rows | held-out rows | AUC |", "|---|---:|---:|---:|"]
            // Under secure aggregation only the totals are known.
            lines += card.sites.map {
                "| \($0.name) | \($0.trainingRows > 0 ? String($0.trainingRows) : "–") | \($0.evaluationRows.map(String.init) ?? "–") | \(number($0.auc)) |"
            }
            lines.append("| all sites | \(card.trainingRows.map(String.init) ?? "–") | \(card.evaluationRows.map(String.init) ?? "–") | \(number(card.pooledAUC)) |")
        }
        return lines
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        return String(format: abs(value) >= 1000 || value == value.rounded() ? "%.0f" : "%.4g", value)
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A feature as a reader names it: its label ("stage") when the spec gives one, else the spec ("age").
    static func readable(_ spec: String) -> String {
        (try? Feature(spec))?.label ?? spec
    }
}
