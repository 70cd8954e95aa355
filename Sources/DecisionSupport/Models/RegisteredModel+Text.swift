import Foundation
import Governance

extension RegisteredModel {
    /// The model card in words, for a reader at a terminal: what it predicts, the data and sites it learnt from,
    /// how it was trained, its discrimination (pooled and per site), its calibration table, and the values a
    /// prediction needs.
    public var cardText: [String] {
        let sites = card.sites.map(\.name)
        var lines = [
            "\(name) v\(version), registered \(GovernanceClock.text(created))",
            "Predicts: \(card.outcome) within \(card.horizonDays) days, for \(card.cohorts.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")) "
                + "(study \(card.studyHash.prefix(12))…).",
            "Data: \(sites.count) \(sites.count == 1 ? "site" : "sites") (\(sites.joined(separator: ", "))); "
                + "\(Self.count(card.trainingRows)) training subjects, \(Self.count(card.evaluationRows)) held out for evaluation.",
            "Training: \(card.algorithm), \(card.rounds) rounds × \(card.epochs) local epochs, learning rate \(Self.number(card.learningRate))"
                + (card.algorithm == "fedprox" ? ", μ \(Self.number(card.mu))" : "") + "; \(card.penalty) penalty λ \(Self.number(card.lambda)).",
            "",
            "Discrimination (AUC on held-out subjects): pooled \(Self.number(card.pooledAUC))",
            Self.row(["site", "training", "held-out", "AUC"]),
        ]
        lines += card.sites.map {
            Self.row([$0.name, $0.trainingRows > 0 ? String($0.trainingRows) : "–", Self.count($0.evaluationRows), Self.number($0.auc)])
        }
        if card.sites.contains(where: { $0.auc == nil }) { lines.append("  (– : not known to the coordinator, e.g. under secure aggregation)") }
        lines += ["", "Calibration (held-out subjects by predicted risk; bins under the minimum cell count not shown):",
                  Self.row(["bin", "subjects", "observed", "predicted"])]
        lines += card.calibration.map { Self.row([String($0.bin), String($0.n), Self.number($0.observed), Self.number($0.expected)]) }
        if card.calibration.isEmpty { lines.append("  (no bin large enough to show)") }
        lines += ["", "Values a prediction needs (by name; the mean and SD standardise them):", Self.row(["value", "mean", "SD", "coefficient"])]
        let indicators = Set(indicatorGroups.joined())
        lines += designNames.enumerated().map { j, column in
            Self.row([column + (indicators.contains(column) ? " (0/1)" : ""), Self.number(centers[safe: j]), Self.number(scales[safe: j]),
                      Self.number(coefficients[safe: j + 1])])
        }
        lines.append(Self.row(["(intercept)", "", "", Self.number(coefficients.first)]))
        return lines
    }

    private static func row(_ cells: [String]) -> String {
        "  " + cells.enumerated().map { index, cell in
            index == 0 ? cell.padding(toLength: max(cell.count, 24), withPad: " ", startingAt: 0) : String(repeating: " ", count: max(0, 10 - cell.count)) + cell
        }.joined(separator: " ")
    }

    private static func count(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.4g", value)
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
