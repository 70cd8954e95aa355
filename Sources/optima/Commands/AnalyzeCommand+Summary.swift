import ArgumentParser
import Evidence
import Foundation

extension AnalyzeCommand {
    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A summary of the whole CDM (as OHDSI Achilles): persons, observation time, records per table, top concepts.",
            discussion: "Example: optima analyze summary --top 5 --svg pyramid.svg")

        @Option(help: "Concepts listed per ranked domain (conditions, drugs, procedures, measurements).") var top = 10
        @Option(help: "Cells below this count are suppressed.") var minimumCount = 5
        @OptionGroup var output: AnalysisOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try output.resolve(DataSourceSummarySettings.self) { DataSourceSummarySettings(minimumCount: minimumCount, top: top) }
            let result = try await database.withAuditedDatabase("analyze summary", resource: "database", purpose: .dataManagement) { try await $0.dataSourceSummary(settings) }
            try output.emit(result, text: { Self.text(result) }, picture: { result.pyramid() })
        }

        static func text(_ result: DataSourceSummary) -> String {
            var lines: [String] = []
            if let source = result.source {
                lines.append("Data source: \(source.name ?? "unnamed")" + (source.abbreviation.map { " (\($0))" } ?? "")
                             + (source.holder.map { ", held by \($0)" } ?? ""))
                lines.append("  released \(source.sourceReleaseDate ?? "–"), CDM \(source.cdmVersion ?? "–")")
            }
            lines.append("  vocabulary \(result.vocabularyVersion ?? "not recorded")")
            let persons = result.persons
            lines += ["", "Persons: \(persons.total)"]
            lines += distribution("by sex", persons.bySex)
            lines += distribution("by age group at first observation", persons.byAgeGroup)
            lines += distribution("by decade of birth", persons.byBirthDecade)
            let observation = result.observation
            lines += ["", "Observation: \(observation.persons) persons, \(observation.periods) periods"]
            let years = observation.years
            if let mean = years.mean {
                let quartiles = [years.p25, years.median, years.p75].map { $0.map { String(format: "%.2f", $0) } ?? "–" }
                lines.append("  years per person: mean \(String(format: "%.2f", mean)) (SD \(years.sd.map { String(format: "%.2f", $0) } ?? "–")),"
                             + " quartiles \(quartiles.joined(separator: " / ")) (middles of 0.1-year bins)")
            } else {
                lines.append("  years per person: not shown (fewer persons than the minimum count)")
            }
            lines += distribution("persons by first observation year", observation.byStartYear)
            lines += ["", "  table                      records     persons"]
            for domain in result.domains {
                lines.append("  \(domain.table.padding(toLength: 22, withPad: " ", startingAt: 0)) \(domain.records.description.leftPadded(11)) \(domain.persons.description.leftPadded(11))")
            }
            for domain in result.domains {
                guard let concepts = domain.topConcepts else { continue }
                lines += ["", "Top \(domain.table) concepts by persons" + (concepts.isEmpty ? ": none with enough persons" : ""),
                          "  concept_id   persons    records  name"]
                for concept in concepts {
                    lines.append("  \(String(concept.conceptID).leftPadded(10)) \(concept.persons.description.leftPadded(9)) \(concept.records.description.leftPadded(10))  \(concept.name)")
                }
            }
            lines += ["", "Records by year"] + yearTable(result.domains)
            return lines.joined(separator: "\n")
        }

        /// A distribution as indented "label  count" lines under a heading.
        private static func distribution(_ heading: String, _ counts: [CategoryCount]) -> [String] {
            let width = max(12, (counts.map(\.label.count).max() ?? 0) + 2)
            return ["  \(heading):"] + counts.map { "    \($0.label.padding(toLength: width, withPad: " ", startingAt: 0)) \($0.count.description.leftPadded(9))" }
        }

        /// Years down, tables across (named by their first word), so eight tables' calendars fit one screen.
        private static func yearTable(_ domains: [DomainSummary]) -> [String] {
            let years = Set(domains.flatMap { $0.recordsByYear.map(\.label) }).sorted()
            let counts = domains.map { Dictionary($0.recordsByYear.map { ($0.label, $0.count.description) }, uniquingKeysWith: { a, _ in a }) }
            var lines = ["  year    " + domains.map { String($0.table.split(separator: "_").first ?? "").leftPadded(12) }.joined()]
            for year in years {
                lines.append("  " + year.padding(toLength: 8, withPad: " ", startingAt: 0) + counts.map { ($0[year] ?? "–").leftPadded(12) }.joined())
            }
            return lines
        }
    }
}
