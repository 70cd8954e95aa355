import Cohorts
import Governance
import Hummingbird

extension WebHandlers {
    /// GET /cohorts: every stored definition with its last generation's size (governed) and time, one query.
    func cohortsPage(_ web: WebRequest) async throws -> Response {
        let cohorts = try await database.cohortOverview()
        return page(web, title: "Cohorts", area: .cohorts) {
            H.header(.class("actions")) {
                H.h1 { "Cohorts" }
                if web.can(.defineCohorts) {
                    H.a(.class("button primary"), .href(WebRoute.cohortNew.path), .id("new-cohort")) { "New cohort" }
                    H.a(.class("button"), .href(WebRoute.cohortNew.path + "#import-form")) { "Import ATLAS JSON" }
                }
            }
            H.section(.class("card")) {
                if cohorts.isEmpty {
                    H.p(.class("muted"), .id("no-cohorts")) { "No cohort definitions yet." }
                }
                H.table(.class("data"), .id("cohort-list")) {
                    H.caption { "Cohort definitions (\(cohorts.count))" }
                    H.thead {
                        H.tr {
                            H.th(.attr("scope", "col"), .class("num")) { "Id" }
                            H.th(.attr("scope", "col")) { "Name" }
                            H.th(.attr("scope", "col")) { "Description" }
                            H.th(.attr("scope", "col"), .class("num")) { "Persons" }
                            H.th(.attr("scope", "col")) { "Generated" }
                            H.th(.attr("scope", "col")) { "Links" }
                        }
                    }
                    H.tbody {
                        for cohort in cohorts {
                            H.tr(.data("cohort", String(cohort.id))) {
                                H.td(.class("num")) { String(cohort.id) }
                                H.th(.attr("scope", "row")) { H.a(.href("/cohorts/\(cohort.id)")) { cohort.name } }
                                H.td { cohort.description ?? "" }
                                H.td(.class("num persons")) {
                                    cohort.persons.map { SmallCellCount($0, minimum: settings.minimumCount).description } ?? "not generated"
                                }
                                H.td { cohort.generatedAt.map { "\($0) UTC" } ?? (cohort.persons == nil ? "never" : "") }
                                H.td(.class("downloads")) {
                                    H.a(.href("/cohorts/\(cohort.id)")) { "Open" }
                                    H.a(.href("/cohorts/\(cohort.id)/definition.json")) { "JSON" }
                                    H.a(.href("/analyses/characterization?target=\(cohort.id)")) { "Characterize" }
                                    H.a(.href("/analyses/survival?cohort=\(cohort.id)")) { "Survival" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
