import CDMStore
import CDMTestSupport
import OMOP
import Testing

@Suite struct SchemaTests {
    @Test(arguments: TestDatabases.backends)
    func createsEveryTableAndFieldAndVerifiesClean(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            try await db.createSchema()  // idempotent
            #expect(try await db.verifySchema().isEmpty)
            for table in CDMSchema.v54.tables {
                let columns = try await db.columns(of: table.name)
                #expect(columns.map { $0.name.lowercased() } == table.fields.map(\.name), "\(table.name)")
            }
            let info = try await db.info()
            #expect(info.tables.count == 39)
            #expect(info.resultsTables.keys.sorted() == CDMSchema.cohortResultsTables.map(\.name).sorted())
        }
    }

    @Test(arguments: TestDatabases.backends)
    func verifyReportsMissingAndMistypedFields(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            try await db.execute("DROP TABLE episode_event")
            try await db.execute("DROP TABLE death")
            try await db.execute("CREATE TABLE death (person_id VARCHAR(20) NOT NULL, death_date DATE NOT NULL)")
            let issues = try await db.verifySchema()
            #expect(issues.contains(.missingTable("episode_event")))
            #expect(issues.contains(.missingField(table: "death", field: "cause_concept_id")))
            #expect(issues.contains { issue in
                if case .mistypedField(table: "death", field: "person_id", _, _) = issue { return true }
                return false
            })
            #expect(issues.contains(.missingIndex(table: "death", index: "idx_death_person_id_1")))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func primaryKeysRejectDuplicates(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            try await db.execute("INSERT INTO location (location_id) VALUES (1)")
            await #expect(throws: (any Error).self) {
                try await db.execute("INSERT INTO location (location_id) VALUES (1)")
            }
        }
    }
}
