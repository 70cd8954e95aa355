import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// The article 30 summary counts what was recorded, by purpose.
@Suite struct AuditReportTests {
    @Test(arguments: TestDatabases.backends)
    func countsByPurposeOutcomeActionAndRole(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createGovernanceSchema()
            let log = AuditLog(database: db)
            for i in 0..<12 {
                try await log.record(AuditEvent(actor: "r\(i % 3)", role: "researcher", action: i < 8 ? "GET /api/cohorts/:id" : "POST /api/analyses",
                                                resource: "cohort 1", outcome: i == 11 ? .denied : .success, purpose: .research))
            }
            for _ in 0..<2 {
                try await log.record(AuditEvent(actor: "local:sam", action: "person erase", resource: "person", outcome: .unchanged, purpose: .dataSubjectRights))
            }
            try await log.record(AuditEvent(actor: "anonymous", action: "GET /api/info", resource: "database", outcome: .denied, purpose: .security))
            let report = try await db.auditReport()
            #expect(report.events == 15)
            #expect(report.processing.map(\.purpose) == [.research, .dataSubjectRights, .security])
            let research = report.processing[0]
            #expect(research.events == 12 && research.actors == 3)
            #expect(research.outcomes == ["success": 11, "denied": 1])
            #expect(research.actions == ["GET /api/cohorts/:id": 8, "POST /api/analyses": 4])
            #expect(research.roles == ["researcher": 12])
            #expect(research.first <= research.last)
            let rights = report.processing[1]
            #expect(rights.events == 2 && rights.actors == 1 && rights.outcomes == ["unchanged": 2] && rights.roles == ["none": 2])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func countsOnlyThePeriodAskedFor(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createGovernanceSchema()
            let log = AuditLog(database: db)
            for _ in 0..<4 {
                try await log.record(AuditEvent(actor: "a", role: "admin", action: "user add", resource: "user", purpose: .administration))
            }
            try await db.execute("UPDATE optima_audit SET recorded_at = '2026-03-0' || seq || 'T12:00:00.000Z'")
            let report = try await db.auditReport(since: GovernanceClock.date("2026-03-02T00:00:00.000Z"),
                                                  until: GovernanceClock.date("2026-03-04T12:00:00.000Z"))
            let only = try #require(report.processing.first)
            #expect(report.processing.count == 1 && only.events == 2)
            #expect(only.first == GovernanceClock.date("2026-03-02T12:00:00.000Z"))
            #expect(only.last == GovernanceClock.date("2026-03-03T12:00:00.000Z"))
            #expect(try await db.auditReport(since: GovernanceClock.date("2027-01-01T00:00:00.000Z")).processing.isEmpty)
        }
    }
}
