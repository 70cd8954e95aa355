import CDMStore
import CDMTestSupport
import Foundation
import Testing

/// Each kind of bad input stops the import with `file:line: field: why`, writes nothing, and never
/// echoes the offending value.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        let expected: String
        var description: String { name }
    }

    static let header = Fixtures.personHeader
    /// A valid row whose id is not in `Fixtures.validFolder()`, which every case loads first.
    static let fresh = "10,8507,1950,3,7,1950-03-07 00:00:00,8527,38003564,,,,p10,M,0,white,0,nonhispanic,0"
    static let cases: [Case] = [
        Case(name: "truncated row",
             files: ["PERSON.csv": [header, fresh, "3,8507,1970"].joined(separator: "\n")],
             expected: "PERSON.csv:3: row has 3 fields but the header has 18"),
        Case(name: "unparsable date",
             files: ["PERSON.csv": [header, fresh].joined(separator: "\n") + "\n",
                     "OBSERVATION_PERIOD.csv": "observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id\n10,1,2000-01-01,2020-12-31,32817\n11,1,31/12/2021,2022-01-31,32817\n"],
             expected: "OBSERVATION_PERIOD.csv:3: observation_period_start_date: not a date"),
        Case(name: "non-numeric id",
             files: ["PERSON.csv": [header, fresh, "X9,8532,1961,,,,8516,38003564,,,,p2,F,0,black,0,nonhispanic,0"].joined(separator: "\n")],
             expected: "PERSON.csv:3: person_id: not an integer"),
        Case(name: "file for an unknown table",
             files: ["PERSON.csv": [header, fresh].joined(separator: "\n"),
                     "PATIENTS.csv": "id,name\n1,x\n"],
             expected: "PATIENTS.csv: no CDM v5.4 table is named patients"),
        Case(name: "empty folder", files: [:], expected: "holds no OMOP table files"),
        Case(name: "missing required column",
             files: ["PERSON.csv": "person_id,year_of_birth,race_concept_id,ethnicity_concept_id\n1,1950,0,0\n"],
             expected: "PERSON.csv:1: gender_concept_id: required column is missing from the header"),
        Case(name: "empty required field",
             files: ["PERSON.csv": [header, "5,,1950,,,,0,0,,,,,,,,,,"].joined(separator: "\n")],
             expected: "PERSON.csv:2: gender_concept_id: required field is empty"),
        Case(name: "unclosed quote",
             files: ["PERSON.csv": [header, "5,8507,1950,,,,0,0,,,,\"open,,,,,,"].joined(separator: "\n")],
             expected: "PERSON.csv:2: a quoted field is not closed"),
        Case(name: "duplicate primary key",
             files: ["PERSON.csv": [header, fresh, fresh].joined(separator: "\n")],
             expected: "PERSON.csv"),
        Case(name: "text longer than its varchar",
             files: ["PERSON.csv": [header, "5,8507,1950,,,,0,0,,,,\(String(repeating: "x", count: 51)),,,,,,"].joined(separator: "\n")],
             expected: "PERSON.csv:2: person_source_value: text of 51 characters is longer than varchar(50)"),
    ]

    @Test(arguments: TestDatabases.backends, cases)
    func stopsWithWhereAndWhyAndChangesNothing(_ backend: TestDatabases.Backend, _ bad: Case) async throws {
        let directory = try Fixtures.folder(bad.files)
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.importFolder(try Fixtures.validFolder(), kind: .omop)
            let before = try await db.info()
            do {
                _ = try await db.importFolder(directory, kind: .omop)
                Issue.record("\(bad.name): the import succeeded")
            } catch {
                let message = "\(error)"
                #expect(message.contains(bad.expected), "\(bad.name): \(message)")
                #expect(!message.contains("X9") && !message.contains("31/12/2021") && !message.contains("xxxxxxxx"),
                        "\(bad.name): the error echoes a value: \(message)")
            }
            #expect(try await db.info() == before, "\(bad.name): the database changed")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aCorruptGzipFileStopsTheImport(_ backend: TestDatabases.Backend) async throws {
        let directory = try TestDatabases.temporaryDirectory()
        // A gzip header followed by bytes that are no deflate stream.
        var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]
        bytes += Array(repeating: 0xFF, count: 64)
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/PERSON.csv.gz"))
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            await #expect {
                try await db.importFolder(directory, kind: .omop)
            } throws: { error in
                "\(error)" == "PERSON.csv.gz: cannot be read: invalid block type"
            }
            #expect(try await db.info().tables["person"] == 0)
        }
    }

    @Test func aFolderThatDoesNotExist() throws {
        #expect(throws: ImportError(file: "/no/such/folder", reason: "no such folder")) {
            try ImportPlan(directory: "/no/such/folder", kind: .omop)
        }
    }
}
