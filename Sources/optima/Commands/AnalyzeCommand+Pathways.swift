import ArgumentParser
import Evidence
import Foundation

extension AnalyzeCommand {
    struct Pathways: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Treatment pathways as ATLAS computes them: the event cohorts each person of a target cohort goes through, in order.",
            discussion: """
                Each person's event cohort eras that start within a target era, eras closer than the combination window \
                merged, overlapping ones combined into one step (A+B); paths of fewer than the minimum count are summed \
                as "other paths".
                Example: optima analyze pathways --target 1 --event 2:Chemotherapy --event 3:Trastuzumab --event 4:Endocrine \
                --combination-window 30 --svg pathways.svg
                """)

        @Option(help: "The target cohort id.") var target: Int64?
        @Option(name: .customLong("event"), help: "An event cohort, ID or ID:NAME; repeat for each (the order is the order within a combination).")
        var events: [String] = []
        @Option(help: "Dates closer than this many days are taken as one (0: none are).") var combinationWindow = 0
        @Option(help: "Event eras covering fewer days than this are left out.") var minimumEraDays = 0
        @Option(help: "Steps kept per pathway (1 to 10).") var maxDepth = 5
        @Flag(help: "Let a step recur later in a pathway.") var allowRepeats = false
        @Option(help: "Cells below this count are suppressed; rarer paths are summed as other paths.") var minimumCount = 5
        @OptionGroup var output: AnalysisOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try output.resolve(PathwaySettings.self) {
                guard let target, !events.isEmpty else { throw ValidationError("--target and at least one --event (or --settings) are required") }
                return PathwaySettings(target: target, events: try events.map(Self.event), combinationWindow: combinationWindow,
                                           minimumEraDays: minimumEraDays, maxDepth: maxDepth, allowRepeats: allowRepeats,
                                           minimumCount: minimumCount)
            }
            let result = try await database.withAuditedDatabase("analyze pathways", resource: "cohort \(settings.target)", purpose: .research) { try await $0.pathwayAnalysis(settings) }
            try output.emit(result, text: { Self.text(result) }, picture: { result.sunburst().svg() })
        }

        /// `ID` or `ID:NAME`.
        static func event(_ text: String) throws -> PathwayEvent {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let cohort = Int64(parts[0]) else { throw ValidationError("--event \(text): expected a cohort id, or ID:NAME") }
            guard parts.count == 2 else { return PathwayEvent(cohort: cohort) }
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw ValidationError("--event \(text): the name after \":\" is empty") }
            return PathwayEvent(cohort: cohort, name: name)
        }

        static func text(_ result: PathwayAnalysis) -> String {
            func percent(_ share: Double?) -> String { share.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }
            var lines = ["Treatment pathways in \(result.target): \(result.targetPersons) persons, \(result.personsWithPathway) with a pathway",
                         "  persons   share  path"]
            for path in result.paths {
                lines.append("  \(path.persons.description.leftPadded(7))  \(percent(path.share).leftPadded(6))  \(path.label)")
            }
            lines.append("  \(result.otherPaths.description.leftPadded(7))  \(percent(result.otherShare).leftPadded(6))  "
                         + "other paths (each followed by fewer than \(result.settings.minimumCount))")
            return lines.joined(separator: "\n")
        }
    }
}
