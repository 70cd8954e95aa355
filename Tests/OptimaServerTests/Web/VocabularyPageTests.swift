import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Governance
import OMOP
import Synthetic
import Testing

@testable import OptimaServer

/// The vocabulary and concept-set pages over a generated population: results, hierarchy and counts agree with
/// direct SQL, the builder works as a plain form, and the ATLAS download is the stored JSON.
@Suite struct VocabularyPageTests {
    static let settings = GenerationSettings(persons: 300, seed: 5)

    func withSite(_ backend: TestDatabases.Backend, as role: Role = .researcher,
                  _ body: @escaping @Sendable (WebTestClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            try await TestServer.make(db).web(as: role) { web in try await body(web, db) }
        }
    }

    /// The HTML of the element that opens with `id="ID"`, up to the first closing `tag`.
    static func element(_ html: String, id: String, tag: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</\(tag)>")?.upperBound ?? rest.endIndex)])
    }

    /// The values of a `data-NAME` attribute, in order.
    static func data(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "data-\(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func text(_ html: String, id: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let open = rest.firstIndex(of: ">") else { return nil }
        return String(rest[rest.index(after: open)...].prefix { $0 != "<" })
    }

    @Test(arguments: TestDatabases.backends)
    func searchListsTheConceptsSQLFinds(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            let empty = try await web.get("/vocabulary")
            #expect(empty.status == .ok && empty.body.contains("id=\"concept-search\"") && empty.body.contains("id=\"q\""))
            #expect(!empty.body.contains("id=\"concept-results\""))
            let page = try await web.get("/vocabulary?q=Malignant+tumor")
            #expect(page.status == .ok)
            let found = Set(Self.data("concept", in: Self.element(page.body, id: "concept-results", tag: "table")).compactMap(Int64.init))
            let expected = Set(try await db.query("""
                SELECT concept_id FROM concept WHERE standard_concept = 'S' AND lower(concept_name) LIKE '%malignant%' AND lower(concept_name) LIKE '%tumor%'
                """).compactMap { $0["concept_id"].integerValue })
            #expect(found == expected && expected.count >= 4)
            // Filters: measurements, source concepts too.
            let filtered = try await web.get("/vocabulary?q=lung&domain=Measurement&standard=0")
            let ids = Self.data("concept", in: Self.element(filtered.body, id: "concept-results", tag: "table")).compactMap(Int64.init)
            let measurementLung = Set(try await db.query("SELECT concept_id FROM concept WHERE domain_id = 'Measurement' AND lower(concept_name) LIKE '%lung%'")
                .compactMap { $0["concept_id"].integerValue })
            #expect(Set(ids) == measurementLung)
            #expect(filtered.body.contains("<option value=\"Measurement\" selected>"))
            let sources = try await web.get("/vocabulary?q=carcinoma%20breast&standard=0")
            #expect(Self.data("concept", in: sources.body).contains("2000000204"))
            let tooLong = try await web.get("/vocabulary?q=" + String(repeating: "x", count: 300))
            #expect(tooLong.status == .ok && tooLong.body.contains("id=\"q-error\"") && tooLong.body.contains("aria-invalid=\"true\""))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func conceptCardShowsHierarchyRelationshipsAndGovernedCounts(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            let breast = ConceptID.Cancer.malignantTumorOfBreast
            let page = try await web.get("/vocabulary/concepts/\(breast)")
            #expect(page.status == .ok && page.body.contains("id=\"concept-detail\""))
            let parents = try await db.query("""
                SELECT ancestor_concept_id AS id FROM concept_ancestor WHERE descendant_concept_id = ? AND ancestor_concept_id <> descendant_concept_id
                """, [.integer(breast)]).compactMap { $0["id"].integerValue }
            let ancestors = Self.element(page.body, id: "concept-ancestors", tag: "ul")
            #expect(!parents.isEmpty && parents.allSatisfy { ancestors.contains("href=\"/vocabulary/concepts/\($0)\"") })
            let children = try await db.query("SELECT descendant_concept_id AS id FROM concept_ancestor WHERE ancestor_concept_id = ? AND min_levels_of_separation = 1",
                                              [.integer(breast)]).compactMap { $0["id"].integerValue }
            let childList = Self.element(page.body, id: "concept-children", tag: "ul")
            #expect(childList.components(separatedBy: "<li>").count - 1 == children.count && children.allSatisfy { childList.contains("/vocabulary/concepts/\($0)\"") })
            let relationships = try await db.query("SELECT COUNT(*) AS n FROM concept_relationship WHERE concept_id_1 = ? AND invalid_reason IS NULL", [.integer(breast)])
            let table = Self.element(page.body, id: "concept-relationships", tag: "table")
            #expect(Self.data("relationship", in: table).count == Int(relationships.first?["n"].integerValue ?? -1))
            #expect(Self.data("relationship", in: table).first == "Maps to")
            // Counts as the minimum cell count lets them out, against direct SQL.
            let records = try await db.query("SELECT COUNT(*) AS n FROM condition_occurrence WHERE condition_concept_id = ?", [.integer(breast)])
            #expect(Self.text(page.body, id: "concept-records") == HTML.escape(SmallCellCount(Int(records.first?["n"].integerValue ?? 0)).description))
            let persons = try await db.query("""
                SELECT COUNT(DISTINCT co.person_id) AS n FROM condition_occurrence co
                JOIN concept_ancestor ca ON ca.descendant_concept_id = co.condition_concept_id WHERE ca.ancestor_concept_id = ?
                """, [.integer(breast)])
            #expect(Self.text(page.body, id: "concept-persons-descendants") == HTML.escape(SmallCellCount(Int(persons.first?["n"].integerValue ?? 0)).description))

            let notNumber = try await web.get("/vocabulary/concepts/abc")
            #expect(notNumber.status == .badRequest && notNumber.body.contains("Concept id: must be a whole number (got &quot;abc&quot;)"))
            #expect(try await web.get("/vocabulary/concepts/999999999").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func builderWorksAsAPlainFormAndSaves(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            let breast = ConceptID.Cancer.malignantTumorOfBreast
            let blank = try await web.get("/concept-sets/new")
            #expect(blank.status == .ok && blank.body.contains("id=\"concept-set-form\"") && blank.body.contains("id=\"no-items\""))
            let searched = try await web.post("/concept-sets", form: [("name", "Breast"), ("q", "malignant tumor of breast"), ("action", "search")])
            #expect(searched.status == .ok && searched.body.contains("name=\"add\" value=\"\(breast)\""))
            #expect(searched.body.contains("value=\"Breast\""))
            let added = try await web.post("/concept-sets", form: [("name", "Breast"), ("q", "malignant tumor of breast"), ("add", "\(breast)")])
            #expect(added.body.contains("id=\"item-\(breast)\" name=\"item\" value=\"\(breast)\" checked"))
            let saved = try await web.post("/concept-sets", form: [
                ("name", "Breast cancer"), ("description", "with subtypes"), ("item", "\(breast)"), ("descendants-\(breast)", "1"),
                ("item", "2000000204"), ("action", "save"),
            ])
            #expect(saved.status == .seeOther && saved.location == "/concept-sets/1", "\(saved.status) \(saved.body.prefix(500))")
            let stored = try #require(try await db.conceptSet(id: 1))
            #expect(stored.name == "Breast cancer" && stored.createdBy == "test-researcher")
            #expect(stored.expression.items.map { [$0.concept.id, $0.includeDescendants ? 1 : 0] } == [[breast, 1], [2_000_000_204, 0]])

            let setPage = try await web.get("/concept-sets/1")
            let resolved = try await db.query("""
                SELECT COUNT(*) AS n FROM (SELECT c.concept_id FROM concept c JOIN concept_ancestor ca ON ca.descendant_concept_id = c.concept_id
                  WHERE ca.ancestor_concept_id = ? AND c.invalid_reason IS NULL UNION SELECT 2000000204) s
                """, [.integer(breast)])
            #expect(Self.text(setPage.body, id: "resolved-count") == String(resolved.first?["n"].integerValue ?? -1))
            #expect(Self.data("item", in: setPage.body) == ["\(breast)", "2000000204"])
            let json = try await web.get("/concept-sets/1?format=json")
            #expect(json.status == .ok && json.body == String(decoding: stored.atlasJSON, as: UTF8.self))
            #expect(json.headers[.contentDisposition]?.contains("concept-set-1.json") == true)
            let list = try await web.get("/concept-sets")
            #expect(Self.data("concept-set", in: list.body) == ["1"] && list.body.contains("Breast cancer"))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func refusedSavesShowTheMessageByTheField(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            let noName = try await web.post("/concept-sets", form: [("name", " "), ("item", "4112853"), ("action", "save")])
            #expect(noName.status == .unprocessableContent && noName.body.contains("id=\"name-error\""))
            #expect(noName.body.contains("aria-describedby=\"name-error\"") && noName.body.contains("id=\"item-4112853\""))
            let noItems = try await web.post("/concept-sets", form: [("name", "Empty"), ("action", "save")])
            #expect(noItems.status == .unprocessableContent && noItems.body.contains("id=\"items-error\""))
            let unknown = try await web.post("/concept-sets", form: [("name", "Unknown"), ("item", "999999999"), ("action", "save")])
            #expect(unknown.status == .unprocessableContent && Self.text(unknown.body, id: "items-error")?.contains("999999999") == true)
            let garbled = try await web.post("/concept-sets", form: [("name", "x"), ("item", "abc"), ("action", "save")])
            #expect(garbled.status == .unprocessableContent && garbled.body.contains("&quot;abc&quot; is not a concept id"))
            #expect(try await db.conceptSets().isEmpty)
            #expect(try await web.get("/concept-sets/abc").status == .badRequest)
            #expect(try await web.get("/concept-sets/7").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aReaderMayBrowseButNotDefine(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend, as: .dataSteward) { web, _ in
            let search = try await web.get("/vocabulary?q=lung"), list = try await web.get("/concept-sets")
            let builder = try await web.get("/concept-sets/new")
            let save = try await web.post("/concept-sets", form: [("name", "x"), ("action", "save")])
            #expect(search.status == .ok && list.status == .ok)
            #expect(builder.status == .forbidden && save.status == .forbidden)
        }
    }
}
