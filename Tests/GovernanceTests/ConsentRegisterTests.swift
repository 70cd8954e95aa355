import CDMStore
import CDMTestSupport
import Governance
import Testing

/// The opt-out register: recording and withdrawing are idempotent, and an objection is kept under the
/// pseudonym the person is held under, so `ConsentRegister.objectingPersonIDs` finds them.
@Suite struct ConsentRegisterTests {
    static func objectingPersons(_ db: any Database) async throws -> [Int64] {
        try await db.query(ConsentRegister.objectingPersonIDs).compactMap { $0["person_id"].integerValue }.sorted()
    }

    @Test(arguments: TestDatabases.backends)
    func objectingAndWithdrawingAreIdempotentAndCounted(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await PrivacyFixture.prepare(db)
            let pseudonymizer = Pseudonymizer(secrets: .generate())
            try await PrivacyFixture.insertPerson(1, pseudonym: pseudonymizer.pseudonym("MRN-1"), into: db)
            try await PrivacyFixture.insertPerson(2, pseudonym: pseudonymizer.pseudonym("MRN-2"), into: db)
            #expect(try await db.recordObjection(candidates: pseudonymizer.candidates("MRN-2")))
            #expect(try await !db.recordObjection(candidates: pseudonymizer.candidates("MRN-2")))
            #expect(try await db.objectionCount() == 1)
            #expect(try await Self.objectingPersons(db) == [2])
            #expect(try await db.withdrawObjection(candidates: pseudonymizer.candidates("MRN-2")))
            #expect(try await !db.withdrawObjection(candidates: pseudonymizer.candidates("MRN-2")))
            #expect(try await db.objectionCount() == 0)
            #expect(try await Self.objectingPersons(db).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func anObjectionFindsPersonsHeldUnderAnOlderKeyAndThoseNotYetImported(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await PrivacyFixture.prepare(db)
            var secrets = SiteSecrets.generate()
            try await PrivacyFixture.insertPerson(1, pseudonym: Pseudonymizer(secrets: secrets).pseudonym("MRN-1"), into: db)
            secrets.rotatePseudonymKey()
            let pseudonymizer = Pseudonymizer(secrets: secrets)
            #expect(try await db.recordObjection(candidates: pseudonymizer.candidates("MRN-1")))
            #expect(try await Self.objectingPersons(db) == [1])
            #expect(try await db.recordObjection(candidates: pseudonymizer.candidates("MRN-5")))
            try await PrivacyFixture.insertPerson(5, pseudonym: pseudonymizer.pseudonym("MRN-5"), into: db)
            #expect(try await Self.objectingPersons(db) == [1, 5])
        }
    }
}
