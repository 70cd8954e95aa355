import Cohorts
import Foundation
import Hummingbird

extension WebHandlers {
    /// GET /vocabulary: the search form and, when there is a query, its matches (`?q=&domain=&vocabulary=&standard=`).
    func vocabularyPage(_ web: WebRequest) async throws -> Response {
        let fields = ConceptSearchFields(web.queryFields.value)
        let choices = try await database.conceptSearchChoices()
        let (matches, error) = try await fields.run(in: database)
        return page(web, title: fields.text.isEmpty ? "Vocabulary" : "Vocabulary: \(fields.text)", area: .vocabulary) {
            H.header(.class("actions")) {
                H.h1 { "Vocabulary" }
                H.a(.class("button"), .href(WebRoute.conceptSets.path)) { "Concept sets" }
            }
            H.section(.class("card")) {
                H.form(.id("concept-search"), .method("get"), .action(WebRoute.vocabulary.path), .role("search")) {
                    fields.html(choices, error: error)
                    H.button(.type("submit"), .class("primary")) { "Search" }
                }
                if !fields.text.isEmpty && error == nil {
                    ConceptResultsTable(matches: matches, text: fields.text).html
                }
            }
        }
    }

    /// GET /vocabulary/concepts/:id: one concept, its hierarchy and relationships, and how much it is used here.
    func conceptPage(_ web: WebRequest) async throws -> Response {
        let text = try web.parameter("id")
        guard let id = Int64(text) else {
            return problem(web, status: .badRequest, title: "Not a concept id",
                           message: "Concept id: must be a whole number (got \"\(text.prefix(40))\")", area: .vocabulary)
        }
        guard let detail = try await database.conceptDetail(id: id) else {
            return problem(web, status: .notFound, title: "No such concept", message: "This vocabulary has no concept \(id).", area: .vocabulary)
        }
        let counts = try await explore.conceptCounts([Int(id)])[Int(id)]
        return page(web, title: detail.concept.name, area: .vocabulary) {
            ConceptCard(detail: detail, counts: counts, canDefine: web.can(.defineCohorts)).html
        }
    }

    /// GET /concept-sets: every saved set.
    func conceptSetsPage(_ web: WebRequest) async throws -> Response {
        let sets = try await database.conceptSets()
        return page(web, title: "Concept sets", area: .vocabulary) {
            H.header(.class("actions")) {
                H.h1 { "Concept sets" }
                if web.can(.defineCohorts) {
                    H.a(.class("button primary"), .href(WebRoute.conceptSetNew.path), .id("new-concept-set")) { "New concept set" }
                }
            }
            H.section(.class("card")) {
                if sets.isEmpty { H.p(.class("muted"), .id("no-concept-sets")) { "No concept sets yet." } }
                H.table(.class("data"), .id("concept-set-list")) {
                    H.caption { "Saved concept sets (\(sets.count))" }
                    H.thead {
                        H.tr {
                            H.th(.attr("scope", "col"), .class("num")) { "Id" }
                            H.th(.attr("scope", "col")) { "Name" }
                            H.th(.attr("scope", "col")) { "Description" }
                            H.th(.attr("scope", "col"), .class("num")) { "Items" }
                            H.th(.attr("scope", "col")) { "Saved by" }
                            H.th(.attr("scope", "col")) { "Saved (UTC)" }
                            H.th(.attr("scope", "col")) { "Download" }
                        }
                    }
                    H.tbody {
                        for set in sets {
                            H.tr(.data("concept-set", String(set.id))) {
                                H.td(.class("num")) { String(set.id) }
                                H.th(.attr("scope", "row")) { H.a(.href("/concept-sets/\(set.id)")) { set.name } }
                                H.td { set.description ?? "" }
                                H.td(.class("num")) { String(set.expression.items.count) }
                                H.td { set.createdBy }
                                H.td { set.createdAt.description }
                                H.td(.class("downloads")) { H.a(.href("/concept-sets/\(set.id)?format=json")) { "ATLAS JSON" } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// GET /concept-sets/new: the builder, empty or with the concept a concept page sent (`?add=ID`).
    func conceptSetNewPage(_ web: WebRequest) async throws -> Response {
        try await conceptSetBuilder(web, ConceptSetForm(query: web.queryFields.value))
    }

    /// POST /concept-sets: "Save" stores the set and shows it; "Search", "Add" or a refused save show the builder again.
    func conceptSetCreate(_ web: WebRequest) async throws -> Response {
        var form = ConceptSetForm(form: try await web.form())
        guard form.isSave, form.errors.isEmpty else { return try await conceptSetBuilder(web, form, status: form.errors.isEmpty ? .ok : .unprocessableContent) }
        do {
            let saved = try await database.saveConceptSet(name: form.name, description: form.description, expression: form.expression,
                                                          createdBy: web.principal?.name ?? "unknown")
            return redirect(to: "/concept-sets/\(saved.id)")
        } catch let error as ConceptInputError {
            form.record(error)
            return try await conceptSetBuilder(web, form, status: .unprocessableContent)
        }
    }

    /// GET /concept-sets/:id: the items and how many concepts they stand for; `?format=json` downloads the ATLAS JSON.
    func conceptSetPage(_ web: WebRequest) async throws -> Response {
        let text = try web.parameter("id")
        guard let id = Int64(text) else {
            return problem(web, status: .badRequest, title: "Not a concept set id",
                           message: "Concept set id: must be a whole number (got \"\(text.prefix(40))\")", area: .vocabulary)
        }
        guard let set = try await database.conceptSet(id: id) else {
            return problem(web, status: .notFound, title: "No such concept set", message: "There is no concept set \(id).", area: .vocabulary)
        }
        if web.query("format") == "json" {
            return download(set.atlasJSON, filename: "concept-set-\(set.id).json", contentType: "application/json")
        }
        let resolved = try await database.resolveConceptSet(set.expression)
        return page(web, title: set.name, area: .vocabulary) {
            ConceptSetView(set: set, resolvedCount: resolved.count).html
        }
    }

    private func conceptSetBuilder(_ web: WebRequest, _ form: ConceptSetForm, status: HTTPResponse.Status = .ok) async throws -> Response {
        let concepts = try await database.concepts(ids: Set(form.choices.map(\.id)))
        let choices = try await database.conceptSearchChoices()
        let (matches, searchError) = try await form.search.run(in: database)
        return page(web, title: "New concept set", area: .vocabulary, status: status) {
            H.h1 { "New concept set" }
            form.html(csrf: web.csrfToken, concepts: concepts, choices: choices, matches: matches, searchError: searchError)
        }
    }
}
