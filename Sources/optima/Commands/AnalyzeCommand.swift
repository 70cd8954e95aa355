import ArgumentParser
import Evidence

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyses on generated cohorts; every count that leaves passes the minimum-cell-count rule.",
        subcommands: [Summary.self, Characterize.self, Incidence.self, Survival.self, Cox.self, Pathways.self])
}

/// The target, outcome and feature flags that survival and Cox share.
struct SurvivalOptions: ParsableArguments {
    @Option(help: "The target cohort id (index = each person's first entry).") var target: Int64?
    @Option(help: "death, or cohort:ID for an outcome cohort.") var outcome = "death"
    @Option(help: "Follow-up ends this many days after index at the latest (default: end of observation).")
    var maximumDays: Int?
    @Option(help: "Days around index in which features count, START:END (default -365:0).") var window = "-365:0"
    @Option(help: "Cells below this count are suppressed.") var minimumCount = 5

    func settings(strata: String?, covariates: String?) throws -> SurvivalSettings {
        guard let target else { throw ValidationError("--target (or --settings) is required") }
        return SurvivalSettings(target: target, outcome: try SurvivalOutcome(outcome), strata: try strata.map(Feature.init),
                                covariates: try Self.features(Substring(covariates ?? "")),
                                maximumDays: maximumDays, window: try Self.window(window), minimumCount: minimumCount)
    }

    /// Features separated by spaces or by commas between specs ("age,sex" and "concepts:1,2 sex" both work).
    static func features(_ text: Substring) throws -> [Feature] {
        var specs: [String] = []
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            if let last = specs.last, Int64(piece) != nil, last.contains(":") { specs[specs.count - 1] += "," + piece } else { specs.append(piece) }
        }
        return try specs.map(Feature.init)
    }

    static func window(_ text: String) throws -> FeatureWindow {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]) else {
            throw ValidationError("--window \(text): expected START:END in days, e.g. -365:0")
        }
        return FeatureWindow(startDays: start, endDays: end)
    }
}
