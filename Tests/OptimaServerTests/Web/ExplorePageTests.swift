import CDMStore
import CDMTestSupport
import Foundation
import Synthetic
import Testing

@testable import OptimaServer

/// The Explore page: the tree's first level with counts, the stable ids the browser test uses, a constraint counted
/// without JavaScript, and saving the query as a cohort whose rows are the persons counted.
@Suite struct ExplorePageTests {
    func withSite(_ backend: TestDatabases.Backend, _ body: @escaping @Sendable (WebTestClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 1_200, seed: 3), site: .single, persons: 0..<1_200)
            try await TestServer.make(db).web(as: .researcher) { web in try await body(web, db) }
        }
    }

    /// The text inside the element with this id (up to its first child tag).
    static func text(_ html: String, id: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let open = rest.firstIndex(of: ">") else { return nil }
        return String(rest[rest.index(after: open)...].prefix { $0 != "<" })
    }

    static let breast = #"{"type": "subselection", "dimension": "patient", "constraint": {"type": "concept", "conceptId": 4112853}}"#

    @Test(arguments: TestDatabases.backends)
    func showsTheTreeAndCountsAConstraintWithoutJavaScript(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            let page = try await web.get("/explore")
            #expect(page.status == .ok)
            for id in ["explore-tree", "query", "patient-count", "save-cohort", "cohort-name", "query-json", "constraint"] {
                #expect(page.body.contains("id=\"\(id)\""), "#\(id)")
            }
            #expect(page.body.contains("/assets/explore.js"))
            #expect(page.body.contains(#"class="tree-node" data-concept-id="4112853""#))
            let persons = try await db.query("SELECT COUNT(*) FROM person").first?[0].integerValue
            #expect(Self.text(page.body, id: "patient-count") == persons.map(String.init))
            let expected = try await ExploreEndpointTests.breastPersons(db)
            let counted = try await web.get("/explore?constraint=" + WebTestClient.encode(Self.breast))
            #expect(Self.text(counted.body, id: "patient-count") == String(expected))
            let bad = try await web.get("/explore?constraint=" + WebTestClient.encode(#"{"type": "negation", "arg": {"type": "concept", "conceptId": 4112853}}"#))
            #expect(Self.text(bad.body, id: "count-error")?.hasPrefix("arg:") == true)
            #expect(bad.body.contains(#"aria-invalid="true""#))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func savesTheQueryAsACohort(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            let saved = try await web.post("/explore/save", form: [("name", "Breast cancer from Explore"), ("constraint", Self.breast)])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.location)
            let id = try #require(Int64(location.replacingOccurrences(of: "/cohorts/", with: "")))
            let members = try await db.query("SELECT COUNT(DISTINCT subject_id) FROM cohort WHERE cohort_definition_id = ?", [.integer(id)]).first?[0].integerValue
            #expect(members.map(Int.init) == (try await ExploreEndpointTests.breastPersons(db)))
            let unnamed = try await web.post("/explore/save", form: [("name", " "), ("constraint", Self.breast)])
            #expect(unnamed.status == .badRequest)
            #expect(Self.text(unnamed.body, id: "cohort-name-error") == "Cohort name: must not be empty")
            let before = try await db.query("SELECT COUNT(*) FROM cohort_definition").first?[0].integerValue
            let broken = try await web.post("/explore/save", form: [("name", "x"), ("constraint", #"{"type": "concept"}"#)])
            #expect(broken.status == .badRequest)
            #expect(Self.text(broken.body, id: "count-error")?.contains("needs conceptCode") == true)
            #expect(try await db.query("SELECT COUNT(*) FROM cohort_definition").first?[0].integerValue == before)
        }
    }
}
