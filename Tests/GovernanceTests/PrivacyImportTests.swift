import CDMStore
import CDMTestSupport
import Foundation
import Governance
import OMOP
import Testing

/// An OMOP import writes pseudonyms, never identifiers; skips notes unless asked; shifts dates per person
/// when asked; and keeps erased persons out.
@Suite struct PrivacyImportTests {
    static let pseudonymizer = Pseudonymizer(secrets: .generate())

    /// Two persons with MRNs, an observation period and a condition each, and a note.
    static func folder(persons: [Int64] = [1, 2]) throws -> String {
        let folder = try TestDatabases.temporaryDirectory()
        func write(_ name: String, _ header: String, _ rows: [String]) throws {
            try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("person.csv", "person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,race_concept_id,ethnicity_concept_id,person_source_value",
                  persons.map { "\($0),8532,1961,3,\($0 + 10),1961-03-\($0 + 10) 00:00:00,0,0,MRN-881234\($0)" })
        try write("observation_period.csv", "observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id",
                  persons.map { "\($0),\($0),2015-01-0\($0),2022-12-31,32817" })
        try write("condition_occurrence.csv", "condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_start_datetime,condition_type_concept_id",
                  persons.map { "\($0),\($0),4112853,2019-06-1\($0),2019-06-1\($0) 10:30:00,32817" })
        try write("note.csv", "note_id,person_id,note_date,note_type_concept_id,note_class_concept_id,note_text,encoding_concept_id,language_concept_id",
                  persons.map { "\($0),\($0),2019-06-20,32817,0,free text,0,0" })
        return folder
    }

    static func dates(_ db: any Database, person: Int64) async throws -> [CDMDate] {
        let rows = try await db.query("""
            SELECT observation_period_start_date AS d FROM observation_period WHERE person_id = ?
            UNION ALL SELECT condition_start_date FROM condition_occurrence WHERE person_id = ?
            UNION ALL SELECT condition_start_datetime FROM condition_occurrence WHERE person_id = ?
            UNION ALL SELECT birth_datetime FROM person WHERE person_id = ?
            """, Array(repeating: .integer(person), count: 4))
        return rows.compactMap { $0["d"].dateValue }
    }

    @Test(arguments: TestDatabases.backends)
    func identifiersArriveAsPseudonymsAndNotesOnlyWhenAsked(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.folder()
        try await TestDatabases.with(backend) { db, _ in
            let result = try await db.importPseudonymised(folder, pseudonymizer: Self.pseudonymizer)
            let stored = try await db.query("SELECT person_source_value AS v FROM person ORDER BY person_id").compactMap { $0["v"].textValue }
            #expect(stored == [Self.pseudonymizer.pseudonym("MRN-8812341"), Self.pseudonymizer.pseudonym("MRN-8812342")])
            #expect(result.summary.rowsByTable["note"] == nil)
            #expect(result.summary.warnings.contains { $0.hasPrefix("note.csv: skipped") })
            #expect(try await db.query("SELECT COUNT(*) AS n FROM note").first?["n"].integerValue == 0)
            #expect(result.erasedPersonsSkipped == 0)
        }
        try await TestDatabases.with(backend) { db, _ in
            let result = try await db.importPseudonymised(folder, pseudonymizer: Self.pseudonymizer, includeNotes: true)
            #expect(result.summary.rowsByTable["note"] == 2)
            let stored = try await db.query("SELECT person_source_value AS v FROM person ORDER BY person_id").compactMap { $0["v"].textValue }
            #expect(stored == [Self.pseudonymizer.pseudonym("MRN-8812341"), Self.pseudonymizer.pseudonym("MRN-8812342")], "re-import: same pseudonyms")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func everyDateOfAPersonMovesByTheSameKeyedOffset(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.folder()
        let original = try await TestDatabases.with(backend) { db, _ in
            _ = try await db.importPseudonymised(folder, pseudonymizer: Self.pseudonymizer)
            return [try await Self.dates(db, person: 1), try await Self.dates(db, person: 2)]
        }
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.importPseudonymised(folder, pseudonymizer: Self.pseudonymizer, shiftDates: 30)
            for (index, person) in [Int64(1), 2].enumerated() {
                let shifted = try await Self.dates(db, person: person)
                let offset = Self.pseudonymizer.dateShiftDays(forPerson: String(person), maximumDays: 30)
                #expect(shifted.count == 4)
                #expect(shifted == original[index].map { $0.adding(days: offset) })
                #expect(abs(offset) <= 30)
                let birth = try #require(try await db.query("SELECT year_of_birth, month_of_birth, day_of_birth FROM person WHERE person_id = ?",
                                                            [.integer(person)]).first)
                let expected = try #require(CDMDate(year: 1961, month: 3, day: Int(person) + 10)).adding(days: offset).components
                #expect(birth["year_of_birth"].integerValue == Int64(expected.year))
                #expect(birth["month_of_birth"].integerValue == Int64(expected.month))
                #expect(birth["day_of_birth"].integerValue == Int64(expected.day))
            }
            let offsets = Set((1...20).map { Self.pseudonymizer.dateShiftDays(forPerson: String($0), maximumDays: 30) })
            #expect(offsets.count > 1, "persons get different offsets")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func anErasedPersonDoesNotComeBackWithTheNextImport(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.importPseudonymised(try Self.folder(persons: [1]), pseudonymizer: Self.pseudonymizer)
            #expect(try await db.erasePerson(candidates: Self.pseudonymizer.candidates("MRN-8812341")).persons == 1)
            let result = try await db.importPseudonymised(try Self.folder(persons: [1, 2]), pseudonymizer: Self.pseudonymizer)
            #expect(result.erasedPersonsSkipped == 1)
            #expect(result.summary.rowsByTable["person"] == 1)
            #expect(result.summary.rowsByTable["condition_occurrence"] == 1)
            for table in ["person", "observation_period", "condition_occurrence"] {
                #expect(try await db.query("SELECT COUNT(*) AS n FROM \(table) WHERE person_id = 1").first?["n"].integerValue == 0, "\(table)")
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aNegativeShiftIsRefusedBeforeAnythingIsWritten(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.folder()
        try await TestDatabases.with(backend) { db, _ in
            await #expect(throws: PrivacyError.self) {
                _ = try await db.importPseudonymised(folder, pseudonymizer: Self.pseudonymizer, shiftDates: -1)
            }
            let created = try await db.hasSchema()
            #expect(!created)
        }
    }
}
