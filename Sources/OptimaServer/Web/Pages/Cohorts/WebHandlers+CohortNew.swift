import Cohorts
import Hummingbird

extension WebHandlers {
    /// GET /cohorts/new: the builder for the common cases, and the ATLAS import.
    func cohortNewPage(_ web: WebRequest) async throws -> Response {
        try await newCohortPage(web, form: CohortForm(), importForm: CohortImportForm())
    }

    /// POST /cohorts: builds the Circe definition from the form, stores it and opens it; a refused form
    /// comes back as typed, with the message beside each faulty field.
    func cohortCreate(_ web: WebRequest) async throws -> Response {
        var form = CohortForm(try await web.form())
        let savedSets = try await database.conceptSets()
        guard let cohort = try await form.cohort(in: database, savedSets: savedSets) else {
            return try await newCohortPage(web, form: form, importForm: CohortImportForm(), savedSets: savedSets, status: .unprocessableContent)
        }
        let description = form.description.trimmingCharacters(in: .whitespacesAndNewlines)
        let stored = try await database.saveCohortDefinition(name: form.name.trimmingCharacters(in: .whitespacesAndNewlines),
                                                             description: description.isEmpty ? nil : description, json: cohort.circeJSON())
        return redirect(to: "/cohorts/\(stored.id)")
    }

    func newCohortPage(_ web: WebRequest, form: CohortForm, importForm: CohortImportForm, savedSets: [StoredConceptSet]? = nil,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        var sets = savedSets ?? []
        if savedSets == nil { sets = try await database.conceptSets() }
        return page(web, title: "New cohort", area: .cohorts, scripts: ["cohorts.js"], status: status) {
            H.h1 { "New cohort" }
            H.section(.class("card"), .aria("labelledby", "build-heading")) {
                H.h2(.id("build-heading")) { "Build" }
                H.p(.class("muted")) {
                    "Entry events of one domain, age and gender at entry, up to \(CohortForm.maximumRules) rules around entry, and an exit: "
                    "the Circe definition ATLAS would write for the same choices."
                }
                form.html(action: WebRoute.cohortCreate.path, csrf: web.csrfToken, savedSets: sets)
            }
            H.section(.class("card"), .aria("labelledby", "import-heading")) {
                H.h2(.id("import-heading")) { "Import from ATLAS" }
                importForm.html(csrf: web.csrfToken)
            }
        }
    }
}
