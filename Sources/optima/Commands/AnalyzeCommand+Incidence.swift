import ArgumentParser
import Evidence
import Foundation

extension AnalyzeCommand {
    struct Incidence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Incidence rates of an outcome per 1,000 person-years in a target cohort, overall and by strata.",
            discussion: "Example: optima analyze incidence --target 1 --outcome cohort:2 --end-days 1826")

        @Option(help: "The target cohort id.") var target: Int64?
        @Option(help: "death, or cohort:ID for an outcome cohort.") var outcome: String?
        @Option(help: "Time at risk starts this many days after index.") var startDays = 0
        @Option(help: "Time at risk ends this many days after index (default: end of observation).") var endDays: Int?
        @Option(help: "Stratum features, separated by spaces.") var strata = "age-group sex index-year"
        @Option(help: "Days around index in which features count, START:END.") var window = "-365:0"
        @Option(help: "Cells below this count are suppressed.") var minimumCount = 5
        @OptionGroup var output: AnalysisOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try output.resolve(IncidenceSettings.self) {
                guard let target, let outcome else { throw ValidationError("--target and --outcome (or --settings) are required") }
                return IncidenceSettings(target: target, outcome: try SurvivalOutcome(outcome), startDays: startDays, endDays: endDays,
                                             strata: try SurvivalOptions.features(Substring(strata)),
                                             window: try SurvivalOptions.window(window), minimumCount: minimumCount)
            }
            let result = try await database.withAuditedDatabase("analyze incidence", resource: "cohort \(settings.target)", purpose: .research) { try await $0.incidenceAnalysis(settings) }
            try output.emit(result, text: { Self.text(result) }, picture: { nil })
        }

        static func text(_ result: IncidenceAnalysis) -> String {
            var lines = ["Incidence of \(result.outcome) in \(result.target) (left out: outcome before time at risk \(result.priorOutcome), no time at risk \(result.noTimeAtRisk))",
                         "  stratum                          persons   events  person-years  rate/1,000 PY (95% CI)"]
            for row in result.rows {
                let name = (row.feature == "all" ? "all" : "\(row.feature) \(row.level)").padding(toLength: 32, withPad: " ", startingAt: 0)
                let years = row.personYears.map { String(format: "%12.1f", $0) } ?? String(repeating: " ", count: 11) + "–"
                let rate = row.rate.map { String(format: "%.2f (%.2f–%.2f)", $0, row.lower ?? 0, row.upper ?? 0) } ?? "–"
                lines.append("  \(name) \(row.persons.description.leftPadded(7))  \(row.events.description.leftPadded(7))  \(years)  \(rate)")
            }
            return lines.joined(separator: "\n")
        }
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
