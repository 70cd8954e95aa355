import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// Erasure removes every row of a person from every table, keeps everyone else, and is idempotent;
/// subject access returns the same rows before.
@Suite struct ErasureTests {
    static let pseudonymizer = Pseudonymizer(secrets: .generate())

    /// Rows of a person in a table, by `person_id` (`subject_id` in cohort).
    static func rows(of person: Int64, in table: String, _ db: any Database) async throws -> Int {
        let column = table == "cohort" ? "subject_id" : "person_id"
        return Int(try await db.query("SELECT COUNT(*) AS n FROM \(table) WHERE \(column) = ?", [.integer(person)]).first?["n"].integerValue ?? -1)
    }

    static func count(_ table: String, _ db: any Database) async throws -> Int {
        Int(try await db.query("SELECT COUNT(*) AS n FROM \(table)").first?["n"].integerValue ?? -1)
    }

    @Test(arguments: TestDatabases.backends)
    func erasureLeavesNoRowOfThePersonInAnyTableAndASecondIsANoOp(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await PrivacyFixture.prepare(db)
            try await PrivacyFixture.insertPerson(1, pseudonym: Self.pseudonymizer.pseudonym("MRN-1"), into: db)
            try await PrivacyFixture.insertPerson(2, pseudonym: Self.pseudonymizer.pseudonym("MRN-2"), into: db)
            try await db.recordObjection(candidates: Self.pseudonymizer.candidates("MRN-1"))

            let result = try await db.erasePerson(candidates: Self.pseudonymizer.candidates("MRN-1"))
            #expect(result.persons == 1)
            let tables = PrivacyFixture.personTables.map(\.name) + ["cohort", "note_nlp", "episode_event", "cost", "fact_relationship"]
            #expect(Set(result.rowsByTable.keys) == Set(tables))
            #expect(result.rowsByTable.values.allSatisfy { $0 == 1 })
            for table in PrivacyFixture.personTables.map(\.name) + ["cohort"] {
                #expect(try await Self.rows(of: 1, in: table, db) == 0, "\(table) still holds the erased person")
                #expect(try await Self.rows(of: 2, in: table, db) == 1, "\(table) lost another person's row")
            }
            for table in ["note_nlp", "episode_event", "cost", "fact_relationship"] {
                #expect(try await Self.count(table, db) == 1, "\(table): only the other person's row remains")
            }
            #expect(try await Self.count("optima_erasure", db) == 1)
            #expect(try await db.objectionCount() == 0)

            let again = try await db.erasePerson(candidates: Self.pseudonymizer.candidates("MRN-1"))
            #expect(again.persons == 0)
            #expect(again.rowsByTable.isEmpty)
            #expect(try await Self.count("person", db) == 1)
            #expect(try await Self.count("optima_erasure", db) == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aPersonPseudonymisedBeforeAKeyRotationIsStillErased(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await PrivacyFixture.prepare(db)
            var secrets = SiteSecrets.generate()
            try await PrivacyFixture.insertPerson(3, pseudonym: Pseudonymizer(secrets: secrets).pseudonym("MRN-3"), into: db)
            secrets.rotatePseudonymKey()
            let result = try await db.erasePerson(candidates: Pseudonymizer(secrets: secrets).candidates("MRN-3"))
            #expect(result.persons == 1)
            #expect(try await Self.count("person", db) == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func subjectAccessGivesEveryRowOfThePersonAndNoOneElses(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await PrivacyFixture.prepare(db)
            let pseudonym = Self.pseudonymizer.pseudonym("MRN-1")
            try await PrivacyFixture.insertPerson(1, pseudonym: pseudonym, into: db)
            try await PrivacyFixture.insertPerson(2, pseudonym: Self.pseudonymizer.pseudonym("MRN-2"), into: db)

            let export = try #require(try await db.exportPerson(candidates: Self.pseudonymizer.candidates("MRN-1")))
            #expect(export.tables.count == PrivacyFixture.personTables.count + 5)
            #expect(export.tables.values.allSatisfy { $0.count == 1 })
            #expect(export.tables["person"]?.first?["person_source_value"] == .text(pseudonym))
            #expect(export.tables["condition_occurrence"]?.first?["person_id"] == .integer(1))
            #expect(export.tables["note_nlp"]?.first?["note_id"] == .integer(PrivacyFixture.key(1)))
            let json = String(decoding: try JSONEncoder().encode(export), as: UTF8.self)
            #expect(json.contains("\"condition_start_date\":\"2020-03-01\""))
            #expect(try await db.exportPerson(candidates: Self.pseudonymizer.candidates("MRN-9")) == nil)
        }
    }
}
