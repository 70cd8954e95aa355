import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// Appends under concurrency: group commits in one process, and several writers on one table.
@Suite struct AuditLogTests {
    static func event(_ i: Int) -> AuditEvent {
        AuditEvent(actor: "user\(i % 7)", role: "researcher", action: "GET /api/info", resource: "database",
                   purpose: .research, requestID: "r-\(i)")
    }

    /// Checks the table holds exactly `1…count`, and that the chain verifies.
    static func expectIntact(_ db: any Database, count: Int) async throws {
        let entries = try await db.auditEntries()
        #expect(entries.map(\.sequence) == Array(1...Int64(count)))
        let verification = try await db.verifyAuditChain()
        #expect(verification.isIntact, "\(String(describing: verification.firstBroken))")
        #expect(verification.entries == count && verification.head == entries.last?.hash)
    }

    @Test(arguments: TestDatabases.backends)
    func aThousandConcurrentRecordsLeaveAContiguousVerifiedChain(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createGovernanceSchema()
            let log = AuditLog(database: db)
            let entries = try await withThrowingTaskGroup(of: AuditEntry.self) { group in
                for i in 0..<1000 { group.addTask { try await log.record(Self.event(i)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(entries.map(\.sequence)) == Set(1...1000))
            try await Self.expectIntact(db, count: 1000)
            let stored = Dictionary(uniqueKeysWithValues: try await db.auditEntries().map { ($0.sequence, $0) })
            #expect(entries.allSatisfy { stored[$0.sequence] == $0 }, "record returns the entry as stored")
        }
    }

    /// Two logs that each believe they know the head, as two processes would: every conflict re-chains.
    @Test(arguments: TestDatabases.backends)
    func twoLogsOnOneTableInterleaveIntoOneChain(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createGovernanceSchema()
            let logs = [AuditLog(database: db), AuditLog(database: db)]
            try await logs[0].record(Self.event(0))
            try await logs[1].record(Self.event(1))
            try await logs[0].record(Self.event(2))  // its head (1) is stale: re-chained after 2
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 3..<400 { group.addTask { try await logs[i % 2].record(Self.event(i)) } }
                try await group.waitForAll()
            }
            try await Self.expectIntact(db, count: 400)
        }
    }

    /// Two connections to one database (the server and the command line), appending at the same time.
    @Test(arguments: TestDatabases.backends)
    func twoConnectionsAppendingTogetherLeaveOneChain(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, url in
            try await db.createGovernanceSchema()
            let other = try await DatabaseLocation(parsing: url).open()
            defer { Task { try? await other.close() } }
            let logs = [AuditLog(database: db), AuditLog(database: other)]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<300 { group.addTask { try await logs[i % 2].record(Self.event(i)) } }
                try await group.waitForAll()
            }
            try await Self.expectIntact(db, count: 300)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailedWriteThrowsNamingTheTable(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            // No governance schema: the table is missing, so nothing can be written.
            let error = await #expect(throws: AuditError.self) { try await AuditLog(database: db).record(Self.event(0)) }
            #expect(error?.reason.contains("optima_audit") == true)
            #expect(error?.reason.contains("r-0") == false, "never an event's values")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func showsTheLatestEntriesSinceATime(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createGovernanceSchema()
            let log = AuditLog(database: db)
            for i in 0..<5 { try await log.record(Self.event(i)) }
            try await db.execute("UPDATE optima_audit SET recorded_at = '2026-01-0' || seq || 'T00:00:00.000Z'")
            #expect(try await db.auditEntries(limit: 2).map(\.sequence) == [4, 5])
            let since = try #require(GovernanceClock.date("2026-01-03T00:00:00.000Z"))
            #expect(try await db.auditEntries(since: since).map(\.sequence) == [3, 4, 5])
            #expect(try await db.auditEntries(since: since, limit: 1).map(\.sequence) == [5])
        }
    }
}
