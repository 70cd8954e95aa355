import CDMStore
import CDMTestSupport
import Foundation
import OMOP
import Testing

@Suite struct ImportTests {
    @Test(arguments: TestDatabases.backends)
    func loadsASmallFolderWithQuotingAndBothDateForms(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let summary = try await db.importFolder(try Fixtures.validFolder(), kind: .omop)
            #expect(summary.rowsByTable == ["person": 2, "observation_period": 2])
            let people = try await db.query("SELECT person_id, person_source_value, month_of_birth, birth_datetime FROM person ORDER BY person_id")
            #expect(people[0]["person_source_value"].textValue == "p, one")
            #expect(people[1]["month_of_birth"] == .null)
            #expect(people[1]["birth_datetime"] == .null)
            let periods = try await db.query("SELECT observation_period_start_date AS s FROM observation_period ORDER BY observation_period_id")
            #expect(periods.map { $0["s"].dateValue } == [CDMDate("2000-01-01"), CDMDate("1999-03-15")])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func acceptsSubsetsOfColumnsInAnyOrderTabsCRLFAndGzip(_ backend: TestDatabases.Backend) async throws {
        let directory = try Fixtures.folder([
            "person.tsv": "year_of_birth\tperson_id\tgender_concept_id\trace_concept_id\tethnicity_concept_id\tperson_source_value\r\n1980\t7\t8532\t0\t0\tsaid \"hi\"\r\n",
        ])
        let gzipped = (directory as NSString).appendingPathComponent("OBSERVATION_PERIOD.csv")
        try Fixtures.observationPeriods.write(toFile: gzipped, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", gzipped]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: gzipped + ".gz"))
        try await TestDatabases.with(backend) { db, _ in
            let summary = try await db.importFolder(directory, kind: .omop)
            #expect(summary.rowsByTable == ["person": 1, "observation_period": 2])
            let row = try #require(try await db.query("SELECT year_of_birth, person_source_value, location_id FROM person").first)
            #expect(row["year_of_birth"].integerValue == 1980)
            #expect(row["person_source_value"].textValue == "said \"hi\"")
            #expect(row["location_id"] == .null)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func repeatedKeysInAFreshTableLoadWithAWarning(_ backend: TestDatabases.Backend) async throws {
        let directory = try Fixtures.folder(["location.csv": "location_id,city\n1,Gent\n2,Leuven\n1,Gent again\n"])
        try await TestDatabases.with(backend) { db, _ in
            let summary = try await db.importFolder(directory, kind: .omop)
            #expect(summary.rowsByTable == ["location": 3])
            #expect(summary.warnings == [
                "location: 1 rows repeat a location_id of another row; primary key xpk_location kept as a non-unique index (`optima verify` lists it)",
            ])
            #expect(try await db.verifySchema() == [.primaryKeyNotUnique(table: "location", index: "xpk_location")])
            // A table that already holds rows keeps its key: loading the same ids again is refused.
            let again = try Fixtures.folder(["person.csv": "person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n1,8507,1950,0,0\n"])
            _ = try await db.importFolder(again, kind: .omop)
            await #expect(throws: ImportError.self) { try await db.importFolder(again, kind: .omop) }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func extraColumnsStopUnlessIgnored(_ backend: TestDatabases.Backend) async throws {
        let directory = try Fixtures.folder(["location.csv": "location_id,city,favourite_colour\n1,Gent,blue\n"])
        try await TestDatabases.with(backend) { db, _ in
            await #expect {
                try await db.importFolder(directory, kind: .omop)
            } throws: { error in
                "\(error)".contains("favourite_colour") && "\(error)".contains("--ignore-extra-columns")
            }
            let summary = try await db.importFolder(directory, kind: .omop, ignoreExtraColumns: true)
            #expect(summary.rowsByTable == ["location": 1])
            #expect(summary.warnings.contains { $0.contains("favourite_colour") })
        }
    }

    @Test(arguments: TestDatabases.backends)
    func vocabularyImportTakesAthenaFilesOnly(_ backend: TestDatabases.Backend) async throws {
        let athena = try Fixtures.folder([
            "CONCEPT.csv": "concept_id\tconcept_name\tdomain_id\tvocabulary_id\tconcept_class_id\tstandard_concept\tconcept_code\tvalid_start_date\tvalid_end_date\tinvalid_reason\n4112853\tMalignant tumor of breast\tCondition\tSNOMED\tClinical Finding\tS\t254837009\t19700101\t20991231\t\n4129902\tNeoplasm of \"prostate\"\tCondition\tSNOMED\tClinical Finding\tS\t126906006\t19700101\t20991231\t\n",
            "readme.txt": "not a table",
        ])
        let wrong = try Fixtures.validFolder()
        try await TestDatabases.with(backend) { db, _ in
            let summary = try await db.importFolder(athena, kind: .vocabulary)
            #expect(summary.rowsByTable == ["concept": 2])
            let names = try await db.query("SELECT concept_name, valid_start_date FROM concept ORDER BY concept_id")
            #expect(names.map { $0["concept_name"].textValue } == ["Malignant tumor of breast", "Neoplasm of \"prostate\""])
            #expect(names.first?["valid_start_date"].dateValue == CDMDate("1970-01-01"))
            await #expect(throws: ImportError.self) { try await db.importFolder(wrong, kind: .vocabulary) }
        }
    }
}
