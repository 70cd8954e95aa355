import Foundation

/// What `optima bench stats` found: per analysis Optima's seconds against the reference library's in the same
/// run, the speed-up against the issue's target, and how far apart the two sets of estimates are.
struct StatisticsBenchmarkReport: Encodable {
    /// One named number from both sides (a coefficient, its standard error, S(t), the median).
    struct Estimate: Encodable {
        let name: String
        let optima: Double?
        let reference: Double?
    }

    struct Analysis: Encodable {
        let name: String
        let title: String
        let referenceName: String
        /// The fit alone.
        let optimaSeconds: Double
        /// Building the input arrays and data structure the fit takes: reported, not in the ratio.
        let optimaInputSeconds: Double
        let referenceSeconds: Double?
        /// Why there is no reference figure (Python or a module missing, the fit failing).
        let referenceError: String?
        /// The speed-up the issue asks for: reference seconds / Optima seconds at least this.
        let targetSpeedup: Double
        let estimates: [Estimate]

        var speedup: Double? { referenceSeconds.map { $0 / optimaSeconds } }
        var targetMet: Bool? { speedup.map { $0 >= targetSpeedup } }

        /// max |a − b| / max(|a|, |b|) over the estimates; infinite when one side lacks one the other has.
        var largestRelativeDifference: Double? {
            guard referenceError == nil else { return nil }
            return estimates.map { estimate in
                switch (estimate.optima, estimate.reference) {
                case (nil, nil): 0
                case let (a?, b?): a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
                default: .infinity
                }
            }.max() ?? 0
        }

        enum CodingKeys: String, CodingKey {
            case name, title, referenceName, optimaSeconds, optimaInputSeconds, referenceSeconds, referenceError
            case targetSpeedup, speedup, targetMet, largestRelativeDifference, estimates
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(title, forKey: .title)
            try container.encode(referenceName, forKey: .referenceName)
            try container.encode(optimaSeconds, forKey: .optimaSeconds)
            try container.encode(optimaInputSeconds, forKey: .optimaInputSeconds)
            try container.encode(referenceSeconds, forKey: .referenceSeconds)
            try container.encode(referenceError, forKey: .referenceError)
            try container.encode(targetSpeedup, forKey: .targetSpeedup)
            try container.encode(speedup, forKey: .speedup)
            try container.encode(targetMet, forKey: .targetMet)
            // JSON has no infinity: a missing estimate shows as null next to a reference error-free analysis.
            try container.encode(largestRelativeDifference.flatMap { $0.isFinite ? $0 : nil }, forKey: .largestRelativeDifference)
            try container.encode(estimates, forKey: .estimates)
        }
    }

    let rows: Int
    let seed: UInt64
    /// Runs of each fit on each side; the fastest counts.
    let repetitions: Int
    let machine: String
    let censoredFraction: Double
    let distinctTimes: Int
    /// Python and module versions, as the reference script reports them.
    let reference: [String: String]
    let analyses: [Analysis]

    var text: String {
        func seconds(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = [
            "\(rows.formatted()) rows, seed \(seed), fastest of \(repetitions) run\(repetitions == 1 ? "" : "s") per fit, on \(machine)",
            String(format: "survival: 10 covariates, %.1f %% censored, \(distinctTimes.formatted()) distinct times; logistic: 50 covariates",
                   100 * censoredFraction),
            "reference: " + (reference.isEmpty ? "none" : reference.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")),
            "",
            "analysis                Optima s   input s   reference s   speed-up   target   met   max rel. diff",
        ]
        for analysis in analyses {
            let speedup = analysis.speedup.map { String(format: "%.1f×", $0) } ?? "–"
            let met = analysis.targetMet.map { $0 ? "yes" : "NO" } ?? "–"
            let difference = analysis.largestRelativeDifference.map { String(format: "%.1e", $0) } ?? "–"
            lines.append(analysis.title.padding(toLength: 22, withPad: " ", startingAt: 0) + cell(seconds(analysis.optimaSeconds), 10)
                         + cell(seconds(analysis.optimaInputSeconds), 10) + cell(seconds(analysis.referenceSeconds), 14)
                         + cell(speedup, 11) + cell(String(format: "≥%g×", analysis.targetSpeedup), 9) + cell(met, 6) + cell(difference, 16))
        }
        lines.append("")
        lines += analyses.map { "\($0.title): against \($0.referenceName)" + ($0.referenceError.map { " — no reference figure: \($0)" } ?? "") }
        lines.append("Seconds time the fit alone (input s: building Optima's input arrays, not in the ratio); speed-up = reference s / Optima s.")
        lines.append("Max rel. diff = max |a − b| / max(|a|, |b|) over the coefficients and standard errors, or S(t) at \(StatisticsBenchmark.survivalTimes.map { "\(Int($0))" }.joined(separator: ", ")) days and the median.")
        return lines.joined(separator: "\n")
    }

    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
