import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Testing

@testable import OptimaServer

/// The audit page: only admins open it, it lists the trail newest first as the table holds it, filters and pages,
/// names bad input by its field, and says where a tampered chain breaks.
@Suite struct AuditPageTests {
    static func withServer(_ body: @escaping @Sendable (TestServer, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await body(try await TestServer.make(db), db)
        }
    }

    /// (sequence, actor, outcome) of each row of `table#audit-events`.
    static func rows(_ html: String) -> [(sequence: Int64, actor: String, outcome: String)] {
        html.matches(of: #/<tr data-sequence="(\d+)">.*?<td class="actor">([^<]*)</td>.*?<td class="outcome"><span[^>]*>([^<]*)</#).map {
            (Int64($0.output.1)!, String($0.output.2), String($0.output.3))
        }
    }

    @Test func aResearcherIsRefused() async throws {
        try await Self.withServer { server, _ in
            try await server.web(as: .researcher) { web in
                let page = try await web.get("/audit")
                #expect(page.status == .forbidden)
            }
        }
    }

    @Test func listsTheTrailNewestFirstAndPagesThroughIt() async throws {
        try await Self.withServer { server, db in
            let log = AuditLog(database: db)
            for i in 0..<60 {
                try await log.record(AuditEvent(actor: i % 3 == 0 ? "alice" : "bob", action: "test \(i)", resource: "cohort \(i)",
                                                outcome: i % 4 == 0 ? .denied : .success, purpose: .research))
            }
            try await server.web(as: .admin) { web in
                let page = try await web.get("/audit")
                #expect(page.status == .ok)
                #expect(page.body.contains("id=\"audit-chain\" data-intact=\"true\""))
                let rows = Self.rows(page.body)
                #expect(rows.count == AuditQuery.pageSize)
                #expect(rows.map(\.sequence) == rows.map(\.sequence).sorted(by: >), "newest first")
                for row in rows.prefix(10) {
                    let stored = try #require(try await db.query("SELECT actor, outcome FROM optima_audit WHERE seq = ?", [.integer(row.sequence)]).first)
                    #expect(stored["actor"].textValue == row.actor && stored["outcome"].textValue == row.outcome, "entry \(row.sequence)")
                }
                let older = try #require(page.body.firstMatch(of: #/href="(/audit\?before=\d+)" id="audit-older"/#)?.output.1)
                let next = Self.rows(try await web.get(String(older)).body)
                #expect(next.first.map { $0.sequence < rows.last!.sequence } == true, "the next page continues below the last entry")

                let denied = Self.rows(try await web.get("/audit?actor=alice&outcome=denied").body)
                let expected = try await db.query("SELECT seq FROM optima_audit WHERE actor = 'alice' AND outcome = 'denied' ORDER BY seq DESC")
                #expect(denied.map(\.sequence) == expected.compactMap { $0["seq"].integerValue })
                #expect(!denied.isEmpty && denied.allSatisfy { $0.actor == "alice" && $0.outcome == "denied" })
            }
        }
    }

    @Test func badFiltersAreNamedByTheirField() async throws {
        try await Self.withServer { server, _ in
            try await server.web(as: .admin) { web in
                let page = try await web.get("/audit?before=abc&outcome=maybe")
                #expect(page.status == .badRequest)
                #expect(page.body.contains("Before entry: must be a whole number of at least 1 (got &quot;abc&quot;)"))
                #expect(page.body.contains("Outcome: must be one of success, denied, failed, unchanged (got &quot;maybe&quot;)"))
                #expect(page.body.contains("aria-describedby=\"audit-before-error\""))
            }
        }
    }

    @Test func aTamperedEntryIsNamed() async throws {
        try await Self.withServer { server, db in
            let log = AuditLog(database: db)
            for i in 0..<5 { try await log.record(AuditEvent(actor: "carol", action: "test \(i)", resource: "database", purpose: .research)) }
            try await db.execute("UPDATE optima_audit SET resource = 'cohort 99' WHERE seq = 3")
            try await server.web(as: .admin) { web in
                let page = try await web.get("/audit")
                #expect(page.status == .ok)
                #expect(page.body.contains("data-intact=\"false\""))
                #expect(page.body.contains("breaks at entry 3: its hash does not match its content"))
            }
        }
    }

    @Test func theTrailShowsNoPatientIdentifier() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            _ = try await db.importFolder(try ServerFixtures.folder(), kind: .omop)
            let server = try await TestServer.make(db)
            try await server.web(as: .admin) { web in
                for path in ["/sources", "/cohorts", "/explore"] { _ = try await web.get(path) }
                let page = try await web.get("/audit")
                #expect(Self.rows(page.body).count > 3)
                for row in try await db.query("SELECT person_id, person_source_value FROM person") {
                    if let pseudonym = row["person_source_value"].textValue, pseudonym.count > 6 {
                        #expect(!page.body.contains(pseudonym), "a person's pseudonym is on the audit page")
                    }
                }
            }
        }
    }
}
