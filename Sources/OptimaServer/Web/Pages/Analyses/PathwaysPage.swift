import CDMStore
import Evidence

/// Treatment pathways of a target cohort, as ATLAS's Cohort Pathways: the sunburst and the table of paths with
/// their persons and share, the rare paths summed as "other paths".
struct PathwaysPage: AnalysisPage {
    static let kind = AnalysisKind.pathways

    let settings: PathwaySettings

    init(_ query: AnalysisQuery, cohorts: [AnalysisCohort], minimumCount: Int) throws {
        let target = try query.cohort("target", in: cohorts)
        let events = try query.texts("events").map { try AnalysisQuery.cohort($0, field: "events", in: cohorts) }
        guard !events.isEmpty else { throw AnalysisFormError("events", "choose at least one event cohort") }
        guard Set(events).count == events.count else { throw AnalysisFormError("events", "a cohort is listed twice") }
        if events.contains(target) { throw AnalysisFormError("events", "the target cohort \(target) cannot be one of its own events") }
        settings = PathwaySettings(
            target: target, events: events.map { PathwayEvent(cohort: $0) },
            combinationWindow: try query.integer("combination_window", label: "Combination window", in: 0...3_650) ?? 0,
            minimumEraDays: try query.integer("minimum_era_days", label: "Minimum era length", in: 0...3_650) ?? 0,
            maxDepth: try query.integer("max_depth", label: "Steps per pathway", in: 1...10) ?? 5,
            allowRepeats: query.text("allow_repeats") == "true", minimumCount: minimumCount)
    }

    func run(_ database: any Database) async throws -> PathwayAnalysis {
        try await database.pathwayAnalysis(settings)
    }

    var filename: String { "pathways-cohort-\(settings.target)" }

    static func fields(_ form: AnalysisFormContext) -> HTML {
        H.div(.class("grid")) {
            H.div {
                AnalysisForm.cohort("target", "Target cohort", form)
                AnalysisForm.number("combination_window", "Combination window, days (eras closer than this count as taken together)", form, placeholder: "0", min: 0)
                AnalysisForm.number("minimum_era_days", "Minimum era length, days", form, placeholder: "0", min: 0)
                AnalysisForm.number("max_depth", "Steps per pathway (1–10)", form, placeholder: "5", min: 1)
                AnalysisForm.check("allow_repeats", "A step may recur later in a pathway", form)
            }
            AnalysisForm.cohorts("events", "Event (treatment) cohorts", form)
        }
    }

    func result(_ result: PathwayAnalysis, picture: String?, query: AnalysisQuery) -> HTML {
        .joined([
            H.p(.id("pathways-sizes")) {
                "\(result.targetPersons) persons in \(result.target); \(result.personsWithPathway) with at least one event; "
                "\(result.otherPaths) on paths followed by too few to list."
            },
            picture.map { svg in
                AnalysisFigure.figure(id: "sunburst", svg: svg, caption: "Treatment pathways in \(result.target): the inner ring is the first step, "
                                      + "each ring outwards the next. " + result.paths.prefix(5).map { "\($0.label) \($0.persons) persons" }
                                      .joined(separator: "; ") + (result.paths.count > 5 ? "; and \(result.paths.count - 5) more paths in the table." : "."))
            } ?? .empty,
            H.table(.class("data"), .id("pathways")) {
                H.caption { "Pathways in \(result.target), most followed first, with persons and share of the target cohort" }
                H.thead {
                    H.tr {
                        H.th(.attr("scope", "col")) { "Pathway" }
                        H.th(.attr("scope", "col"), .class("num")) { "Persons" }
                        H.th(.attr("scope", "col"), .class("num")) { "% of target" }
                    }
                }
                H.tbody {
                    for path in result.paths {
                        H.tr {
                            H.th(.attr("scope", "row")) { path.label }
                            H.td(.class("num")) { path.persons.description }
                            H.td(.class("num")) { AnalysisNumber.percent(path.share) }
                        }
                    }
                    H.tr(.class("other")) {
                        H.th(.attr("scope", "row")) { "Other paths" }
                        H.td(.class("num")) { result.otherPaths.description }
                        H.td(.class("num")) { AnalysisNumber.percent(result.otherShare) }
                    }
                }
            },
        ])
    }

    func table(_ result: PathwayAnalysis) -> CSVTable {
        CSVTable(header: ["pathway", "persons", "share"],
                 rows: result.paths.map { [$0.label, $0.persons.description, CSVTable.number($0.share)] }
                     + [["other paths", result.otherPaths.description, CSVTable.number(result.otherShare)]])
    }

    func picture(_ result: PathwayAnalysis) -> String? { result.sunburst().svg() }
}
