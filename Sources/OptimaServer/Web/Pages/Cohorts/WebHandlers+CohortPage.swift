import Cohorts
import Evidence
import Foundation
import Governance
import Hummingbird

extension WebHandlers {
    /// GET /cohorts/:id: the definition in words, its concept sets, the last generation's counts and attrition
    /// (by person, or by event with `?mode=event`), a Generate button, links to the analyses of this cohort,
    /// and the JSON as stored.
    func cohortPage(_ web: WebRequest) async throws -> Response {
        let definition = try await storedCohort(web)
        let expression = try definition.expression()
        let generation = try await database.cohortGeneration(of: definition)
        let generatedAt = try await database.cohortGeneratedAt(id: definition.id)
        let byEvent = web.query("mode") == "event"
        let minimum = settings.minimumCount
        let base = "/cohorts/\(definition.id)"
        return page(web, title: definition.name, area: .cohorts) {
            H.header {
                H.p { H.a(.href(WebRoute.cohorts.path)) { "Cohorts" }; " / cohort \(definition.id)" }
                H.h1(.id("cohort-name")) { definition.name }
                if let text = definition.description { H.p(.class("muted")) { text } }
            }
            H.section(.class("card"), .aria("labelledby", "generation-heading")) {
                H.h2(.id("generation-heading")) { "Generation" }
                if let generation {
                    H.dl(.class("figures")) {
                        H.div(.class("figure")) {
                            H.dt(.class("label")) { "Persons" }
                            H.dd(.class("value"), .id("cohort-persons")) { SmallCellCount(generation.persons, minimum: minimum).description }
                        }
                        H.div(.class("figure")) {
                            H.dt(.class("label")) { "Cohort periods" }
                            H.dd(.class("value"), .id("cohort-records")) { SmallCellCount(generation.rows, minimum: minimum).description }
                        }
                        if let generatedAt {
                            H.div(.class("figure")) {
                                H.dt(.class("label")) { "Generated" }
                                H.dd(.class("value"), .id("cohort-generated")) { "\(generatedAt) UTC" }
                            }
                        }
                    }
                } else {
                    H.p(.id("cohort-persons"), .class("muted")) { "Not generated yet." }
                }
                if web.can(.generateCohorts) {
                    H.postForm(action: "\(base)/generate", csrf: web.csrfToken, .class("actions")) {
                        H.button(.type("submit"), .class("primary"), .id("generate-button")) { generation == nil ? "Generate" : "Generate again" }
                    }
                }
            }
            if let generation {
                attritionSection(generation: generation, byEvent: byEvent, base: base)
            }
            H.section(.class("card"), .aria("labelledby", "definition-heading")) {
                H.h2(.id("definition-heading")) { "Definition" }
                H.div(.id("cohort-description")) { CohortDescriptionHTML.render(CohortDescription(expression).text) }
            }
            conceptSetsSection(expression.conceptSets)
            H.section(.class("card"), .aria("labelledby", "analyses-heading")) {
                H.h2(.id("analyses-heading")) { "Analyses of this cohort" }
                H.ul(.id("cohort-analyses")) {
                    H.li { H.a(.href("/analyses/characterization?target=\(definition.id)")) { "Characterization" } }
                    H.li { H.a(.href("/analyses/survival?cohort=\(definition.id)")) { "Survival (Kaplan–Meier)" } }
                    H.li { H.a(.href("/analyses/incidence?target=\(definition.id)")) { "Incidence rates" } }
                    H.li { H.a(.href("/analyses/pathways?target=\(definition.id)")) { "Treatment pathways" } }
                }
            }
            H.section(.class("card"), .aria("labelledby", "json-heading")) {
                H.h2(.id("json-heading")) { "Circe JSON" }
                H.p(.class("downloads")) {
                    H.a(.href("\(base)/definition.json"), .id("definition-download"), .attr("download", "cohort-\(definition.id).json")) {
                        "Download the definition (ATLAS JSON)"
                    }
                }
                H.details {
                    H.summary { "Show the definition as stored" }
                    H.pre(.id("definition-json")) { H.code { String(decoding: definition.json, as: UTF8.self) } }
                }
            }
        }
    }

    /// GET /cohorts/:id/definition.json: the stored JSON, byte for byte, as a file.
    func cohortDefinition(_ web: WebRequest) async throws -> Response {
        let definition = try await storedCohort(web)
        return download(definition.json, filename: "cohort-\(definition.id).json", contentType: "application/json")
    }

    /// POST /cohorts/:id/generate: generates through the library call the API uses, then shows the cohort.
    func cohortGenerate(_ web: WebRequest) async throws -> Response {
        let definition = try await storedCohort(web)
        do {
            _ = try await database.generateCohort(definition)
        } catch let error as CohortCompilationError {
            return problem(web, status: .badRequest, title: "Cannot generate", message: error.description, area: .cohorts)
        }
        return redirect(to: "/cohorts/\(definition.id)")
    }

    /// The definition named by the path's id; 404 when there is none.
    func storedCohort(_ web: WebRequest) async throws -> StoredCohortDefinition {
        let text = try web.parameter("id")
        guard let id = Int64(text) else { throw HTTPError(.badRequest, message: "the cohort id must be a whole number (got \"\(text.prefix(40))\")") }
        guard let definition = try await database.cohortDefinition(id: id) else { throw HTTPError(.notFound, message: "no cohort definition \(id)") }
        return definition
    }
}
