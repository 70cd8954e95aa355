import ArgumentParser
import Evidence
import Foundation

extension AnalyzeCommand {
    struct Characterize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A Table 1 of a target cohort (and a comparator): demographics and baseline records, with SMDs.",
            discussion: "Example: optima analyze characterize --target 1 --comparator 2 --window -365:0 --json")

        @Option(help: "The target cohort id.") var target: Int64?
        @Option(help: "A comparator cohort id.") var comparator: Int64?
        @Option(help: "Days around index in which records count, START:END.") var window = "-365:0"
        @Option(help: "Domains, comma-separated: condition, drug, procedure, measurement.") var domains = "condition,drug,procedure,measurement"
        @Flag(help: "Leave out the concept-hierarchy group rows.") var noGroups = false
        @Option(help: "Cells below this count are suppressed.") var minimumCount = 5
        @Option(help: "Rows shown per domain in the text report.") var top = 15
        @OptionGroup var output: AnalysisOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try output.resolve(CharacterizationSettings.self) {
                guard let target else { throw ValidationError("--target (or --settings) is required") }
                let domains = try domains.split(separator: ",").map { name in
                    guard let domain = CharacterizationSettings.Domain(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError("--domains: \"\(name)\" is not one of condition, drug, procedure, measurement")
                    }
                    return domain
                }
                return CharacterizationSettings(target: target, comparator: comparator, window: try SurvivalOptions.window(window),
                                                domains: domains, groups: !noGroups, minimumCount: minimumCount)
            }
            let result = try await database.withAuditedDatabase("analyze characterize", resource: "cohort \(settings.target)", purpose: .research) { try await $0.characterization(settings) }
            try output.emit(result, text: { Self.text(result, top: top) }, picture: { nil })
        }

        static func text(_ result: Characterization, top: Int) -> String {
            func cell(_ s: CharacterizationRow.Summary?) -> String {
                guard let s else { return "" }
                if let p = s.proportion { return "\(s.persons) (\(String(format: "%.1f%%", p * 100)))" }
                if let m = s.mean, let sd = s.sd { return String(format: "%.1f ± %.1f", m, sd) + " (n \(s.persons))" }
                return s.persons.description
            }
            var lines = ["\(result.target): \(result.targetPersons) persons" + (result.comparator.map { "; comparator \($0): \(result.comparatorPersons?.description ?? "")" } ?? "")]
            let domains = result.rows.reduce(into: [String]()) { if !$0.contains($1.domain) { $0.append($1.domain) } }
            for domain in domains {
                lines.append("\n\(domain)")
                for row in result.rows.filter({ $0.domain == domain }).prefix(domain == "demographics" ? .max : top) {
                    let smd = row.smd.map { String(format: "  SMD %+.3f", $0) } ?? ""
                    lines.append("  \(row.covariate.padding(toLength: 48, withPad: " ", startingAt: 0)) \(cell(row.target).padding(toLength: 22, withPad: " ", startingAt: 0)) \(cell(row.comparator))\(smd)")
                }
            }
            if result.suppressedRows > 0 { lines.append("\n\(result.suppressedRows) rows held by fewer than \(result.settings.minimumCount) persons are not shown.") }
            return lines.joined(separator: "\n")
        }
    }
}
