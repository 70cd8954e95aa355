/// The analyses start page: the generated cohorts, and per analysis a short form choosing its cohorts that
/// opens the analysis page with its defaults.
enum AnalysisChooser {
    static func content(_ cohorts: [AnalysisCohort]) -> HTML {
        .joined([
            H.h1 { "Analyses" },
            H.section(.class("card"), .aria("labelledby", "cohorts-title")) {
                H.h2(.id("cohorts-title")) { "Generated cohorts" }
                if cohorts.isEmpty {
                    H.p(.id("no-cohorts")) { "No cohort has been generated yet: "; H.a(.href("/cohorts")) { "generate one on the Cohorts page" }; "." }
                } else {
                    H.table(.class("data"), .id("analysis-cohorts")) {
                        H.caption { "Cohorts with rows in the cohort table, the analyses' inputs" }
                        H.thead { H.tr { H.th(.attr("scope", "col")) { "Id" }; H.th(.attr("scope", "col")) { "Name" }; H.th(.attr("scope", "col"), .class("num")) { "Persons" } } }
                        H.tbody {
                            for cohort in cohorts {
                                H.tr {
                                    H.td(.class("num")) { String(cohort.id) }
                                    H.th(.attr("scope", "row")) { H.a(.href("/cohorts/\(cohort.id)")) { cohort.name } }
                                    H.td(.class("num")) { cohort.persons.description }
                                }
                            }
                        }
                    }
                }
            },
            H.div(.class("grid")) {
                for kind in AnalysisKind.allCases { card(kind, cohorts) }
            },
        ])
    }

    private static func card(_ kind: AnalysisKind, _ cohorts: [AnalysisCohort]) -> HTML {
        H.form(.class("card"), .id("choose-\(kind.rawValue)"), .method("get"), .action(kind.path), .aria("labelledby", "\(kind.rawValue)-title")) {
            H.h2(.id("\(kind.rawValue)-title")) { kind.title }
            H.p(.class("muted")) { kind.summary }
            switch kind {
            case .characterization:
                select(kind, "target", "Target cohort", cohorts)
                select(kind, "comparator", "Comparator cohort", cohorts, none: "No comparator")
            case .incidence:
                select(kind, "target", "Target cohort", cohorts)
                select(kind, "outcome", "Outcome", cohorts, death: true)
            case .survival, .cox:
                select(kind, "cohort", "Cohort", cohorts)
                select(kind, "outcome", "Outcome", cohorts, death: true)
            case .pathways:
                select(kind, "target", "Target cohort", cohorts)
                H.fieldset {
                    H.legend { "Event (treatment) cohorts" }
                    for cohort in cohorts {
                        H.label(.class("check"), .for("pathways-events-\(cohort.id)")) {
                            H.input(.type("checkbox"), .id("pathways-events-\(cohort.id)"), .name("events"), .value(String(cohort.id)))
                            cohort.label
                        }
                    }
                }
            }
            H.div(.class("actions")) { H.button(.type("submit"), .disabled(cohorts.isEmpty)) { "Open \(kind.title.lowercased())" } }
        }
    }

    private static func select(_ kind: AnalysisKind, _ name: String, _ label: String, _ cohorts: [AnalysisCohort],
                               none: String? = nil, death: Bool = false) -> HTML {
        let id = "\(kind.rawValue)-\(name)"
        return .joined([
            H.label(.for(id)) { label },
            H.element("select", [.id(id), .name(name)], .joined(
                (none.map { title in [H.option(.value("")) { title }] } ?? []) + (death ? [H.option(.value("death")) { "Death" }] : [])
                    + cohorts.map { cohort in H.option(.value(String(cohort.id))) { cohort.label } })),
        ])
    }
}
