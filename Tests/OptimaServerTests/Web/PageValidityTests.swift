import CDMStore
import CDMTestSupport
import DecisionSupport
import Foundation
import Governance
import Testing

@testable import OptimaServer

/// Every page, opened by an administrator on a database with the example cohorts, parses without a single error as a
/// browser's parser reads it, carries no inline script, style or event handler (the CSP would block them), and shows
/// no credential.
@Suite struct PageValidityTests {
    static func pages(conceptID: Int64) -> [String] {
        [
            "/sign-in", "/sources", "/explore", "/vocabulary", "/vocabulary?q=breast", "/vocabulary/concepts/\(conceptID)", "/concept-sets",
            "/concept-sets/new", "/cohorts", "/cohorts/new", "/cohorts/1", "/analyses", "/analyses/characterization?target=1&comparator=3",
            "/analyses/incidence?target=1&outcome=death", "/analyses/survival?cohort=1", "/analyses/cox?cohort=1&covariates=age",
            "/analyses/pathways?target=1&events=11&events=12&events=13", "/studies", "/decision-support", "/audit",
            "/cohorts/999999", "/analyses/survival?cohort=999999",
        ] + ToolID.allCases.map { "/decision-support/\($0.rawValue)" }
    }

    @Test(.enabled(if: HTMLValidator.isAvailable, "\(HTMLValidator.skipReason)"))
    func everyPageIsValidHTMLWithoutInlineCodeOrSecrets() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await WebFixture.populate(db)
            let conceptID = try #require(try await db.query(
                "SELECT condition_concept_id AS id FROM condition_occurrence GROUP BY condition_concept_id ORDER BY COUNT(*) DESC LIMIT 1"
            ).first?["id"].integerValue)
            let server = try await TestServer.make(db)
            let token = try #require(server.tokens[.admin])
            try await server.web(as: .admin) { web in
                var documents: [String: String] = [:]
                for uri in Self.pages(conceptID: conceptID) {
                    let page = try await web.get(uri)
                    #expect(page.status.code < 500, "\(uri): \(page.status)")
                    #expect(page.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                    documents[uri] = page.body
                }
                for (uri, html) in documents {
                    #expect(html.range(of: #"<script(?![^>]*\bsrc=)[^>]*>"#, options: .regularExpression) == nil, "\(uri) has an inline script")
                    #expect(html.range(of: #"\sstyle\s*="#, options: .regularExpression) == nil, "\(uri) has an inline style")
                    #expect(html.range(of: "<style") == nil, "\(uri) has a style element")
                    #expect(html.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(uri) has an inline event handler")
                    #expect(!html.contains(token) && !html.contains(web.sessionCookie), "\(uri) shows a credential")
                }
                let problems = try #require(try await HTMLValidator.problems(documents))
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }
}
