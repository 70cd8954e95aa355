import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// The chain verifies when untouched and names the first broken entry after any tampering.
@Suite struct AuditChainTests {
    /// Five events with every optional field both set and NULL somewhere.
    static let events: [AuditEvent] = [
        AuditEvent(actor: "local:ana", action: "import omop", resource: "database", purpose: .dataManagement, detail: "rows 1234"),
        AuditEvent(actor: "rita", role: "researcher", action: "GET /api/cohorts/:id", resource: "cohort 3", purpose: .research, requestID: "r-1"),
        AuditEvent(actor: "anonymous", action: "GET /api/info", resource: "database", outcome: .denied, purpose: .security, requestID: "r-2"),
        AuditEvent(actor: "sam", role: "data-steward", action: "person erase", resource: "person", outcome: .unchanged, purpose: .dataSubjectRights),
        AuditEvent(actor: "rita", role: "researcher", action: "POST /api/analyses", resource: "cohort 3", outcome: .failed, purpose: .research, requestID: "r-3", detail: ""),
    ]

    static func recorded(_ db: any Database) async throws -> [AuditEntry] {
        try await db.createGovernanceSchema()
        let log = AuditLog(database: db)
        var entries: [AuditEntry] = []
        for event in events { entries.append(try await log.record(event)) }
        return entries
    }

    @Test(arguments: TestDatabases.backends)
    func recordedEventsChainAndVerify(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let entries = try await Self.recorded(db)
            #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(entries.first?.previousHash == String(repeating: "0", count: 64))
            #expect(zip(entries.dropFirst(), entries).allSatisfy { $0.previousHash == $1.hash })
            #expect(Set(entries.map(\.hash)).count == 5)
            #expect(entries.allSatisfy { $0.hash.count == 64 && $0.hash.allSatisfy(\.isHexDigit) })
            #expect(try await db.auditEntries() == entries)
            #expect(try await db.auditEntries().map(\.event) == Self.events)
            let verification = try await db.verifyAuditChain()
            #expect(verification == AuditChainVerification(entries: 5, head: entries.last?.hash, firstBroken: nil))
            #expect(verification.isIntact)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func anEmptyTrailIsIntactWithoutHead(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createGovernanceSchema()
            let verification = try await db.verifyAuditChain()
            #expect(verification.isIntact && verification.entries == 0 && verification.head == nil)
        }
    }

    /// Every column changed in turn on entry 3 (including NULL ↔ "" and the hashes themselves) is named
    /// as entry 3 with changed content; restoring the value makes the chain intact again.
    @Test(arguments: TestDatabases.backends)
    func aChangedFieldOfAnyKindIsDetectedAtItsEntry(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await Self.recorded(db)
            let changes: [(column: String, value: SQLValue)] = [
                ("recorded_at", .text("2020-01-01T00:00:00.000Z")), ("actor", .text("someone else")), ("role", .text("")),
                ("role", .text("admin")), ("action", .text("GET /api/persons")), ("resource", .text("cohort 4")),
                ("outcome", .text("success")), ("purpose", .text("research")), ("request_id", .null),
                ("request_id", .text("r-9")), ("detail", .text("")), ("detail", .text("rows 1")),
                ("previous_hash", .text(String(repeating: "1", count: 64))), ("hash", .text(String(repeating: "2", count: 64))),
            ]
            for change in changes {
                let original = try #require(try await db.query("SELECT \(change.column) FROM optima_audit WHERE seq = 3").first)[0]
                try await db.execute("UPDATE optima_audit SET \(change.column) = ? WHERE seq = 3", [change.value])
                let broken = try await db.verifyAuditChain()
                #expect(broken.firstBroken == .init(sequence: 3, reason: .changedContent, expectedSequence: 3), "\(change.column)")
                #expect(!broken.isIntact && broken.entries == 5)
                try await db.execute("UPDATE optima_audit SET \(change.column) = ? WHERE seq = 3", [original])
                #expect(try await db.verifyAuditChain().isIntact, "\(change.column) restored")
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aDeletedMiddleEntryIsNamedByTheEntryAfterIt(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await Self.recorded(db)
            try await db.execute("DELETE FROM optima_audit WHERE seq = 3")
            let verification = try await db.verifyAuditChain()
            let broken = try #require(verification.firstBroken)
            #expect(broken == .init(sequence: 4, reason: .missingBefore, expectedSequence: 3))
            #expect(broken.description == "entry 3 before it is missing (deleted)")
            #expect(verification.entries == 4)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func deletingTheFirstEntriesIsDetected(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await Self.recorded(db)
            try await db.execute("DELETE FROM optima_audit WHERE seq <= 2")
            let broken = try #require(try await db.verifyAuditChain().firstBroken)
            #expect(broken == .init(sequence: 3, reason: .missingBefore, expectedSequence: 1))
            #expect(broken.description == "entries 1 to 2 before it are missing (deleted)")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func swappedSequencesAreDetectedAtTheFirstOfThem(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await Self.recorded(db)
            try await db.transaction([
                SQLStatement("UPDATE optima_audit SET seq = 100 WHERE seq = 2"),
                SQLStatement("UPDATE optima_audit SET seq = 2 WHERE seq = 4"),
                SQLStatement("UPDATE optima_audit SET seq = 4 WHERE seq = 100"),
            ])
            #expect(try await db.verifyAuditChain().firstBroken?.sequence == 2)
        }
    }

    /// Rows whose whole content (hashes included) is swapped keep valid hashes only for their old places.
    @Test(arguments: TestDatabases.backends)
    func swappedContentIsDetectedAtTheFirstOfThem(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await Self.recorded(db)
            let columns = ["recorded_at", "actor", "role", "action", "resource", "outcome", "purpose", "request_id", "detail", "previous_hash", "hash"]
            let rows = try await db.query("SELECT \(columns.joined(separator: ", ")) FROM optima_audit WHERE seq IN (3, 4) ORDER BY seq")
            let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
            try await db.transaction([
                SQLStatement("UPDATE optima_audit SET \(assignments) WHERE seq = 3", rows[1].values),
                SQLStatement("UPDATE optima_audit SET \(assignments) WHERE seq = 4", rows[0].values),
            ])
            #expect(try await db.verifyAuditChain().firstBroken == .init(sequence: 3, reason: .changedContent, expectedSequence: 3))
        }
    }

    /// An entry rewritten with a correct hash of its own still breaks the link of the entry after it.
    @Test(arguments: TestDatabases.backends)
    func aRewrittenEntryWithARecomputedHashBreaksTheNextLink(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let entries = try await Self.recorded(db)
            // A forger who knows the hash rule replaces entry 3 with a well-hashed one, then puts 4 and 5 back.
            let columns = "seq, recorded_at, actor, role, action, resource, outcome, purpose, request_id, detail, previous_hash, hash"
            let later = try await db.query("SELECT \(columns) FROM optima_audit WHERE seq >= 4 ORDER BY seq")
            try await db.execute("DELETE FROM optima_audit WHERE seq >= 3")
            let forged = try await AuditLog(database: db).record(AuditEvent(actor: "mallory", action: "GET /api/info", resource: "database", purpose: .security))
            #expect(forged.sequence == 3 && forged.hash != entries[2].hash)
            try await db.transaction(later.map { SQLStatement("INSERT INTO optima_audit (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", $0.values) })
            let verification = try await db.verifyAuditChain()
            let broken = try #require(verification.firstBroken)
            #expect(broken == .init(sequence: 4, reason: .linkBroken, expectedSequence: 4))
            #expect(broken.description.contains("entry 3"))
            #expect(verification.entries == 5 && verification.head == entries[4].hash)
        }
    }
}
