import CDMStore
import CDMTestSupport
import OMOP
import Testing

/// Rows made in code load like file rows: same checks, same all-or-nothing transaction.
@Suite struct GeneratedRowsTests {
    static let person = CDMSchema.v54.table(named: "person")!
    static let measurement = CDMSchema.v54.table(named: "measurement")!

    static func persons(_ count: Int, badRow: Int? = nil, bad: SQLValue = .text(String(repeating: "x", count: 51))) -> TableLoad {
        TableLoad(table: person) {
            var id = 0
            return GeneratedRows(table: person) { row in
                id += 1
                guard id <= count else { return false }
                row.set("person_id", .integer(Int64(id)))
                row.set("gender_concept_id", .integer(id % 2 == 0 ? 8532 : 8507))
                row.set("year_of_birth", .integer(Int64(1930 + id % 60)))
                row.set("birth_datetime", .date(CDMDate(year: 1930 + id % 60, month: 1 + id % 12, day: 1 + id % 28)!))
                row.set("race_concept_id", .integer(0))
                row.set("ethnicity_concept_id", .integer(0))
                row.set("person_source_value", id == badRow ? bad : .text("p\t\(id)\\n\n"))
                return true
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func loadsWithValuesIntact(_ backend: TestDatabases.Backend) async throws {
        let psa = TableLoad(table: Self.measurement) {
            var done = false
            return GeneratedRows(table: Self.measurement) { row in
                defer { done = true }
                guard !done else { return false }
                row.set("measurement_id", .integer(1))
                row.set("person_id", .integer(7))
                row.set("measurement_concept_id", .integer(3013603))
                row.set("measurement_date", .date(CDMDate("2021-03-04")!))
                row.set("measurement_datetime", .datetime(CDMDateTime("2021-03-04 08:09:10")!))
                row.set("measurement_type_concept_id", .integer(32817))
                row.set("value_as_number", .double(0.1 + 0.2))
                row.set("unit_concept_id", .integer(8842))
                return true
            }
        }
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            let result = try await db.load([Self.persons(5_000), psa], progress: nil)
            #expect(result.rowsByTable == ["person": 5_000, "measurement": 1])
            let row = try #require(try await db.query("SELECT * FROM person WHERE person_id = ?", [.integer(4_321)]).first)
            #expect(row["person_source_value"].textValue == "p\t4321\\n\n")
            #expect(row["year_of_birth"].integerValue == Int64(1930 + 4_321 % 60))
            #expect(row["gender_concept_id"].integerValue == 8507)
            let value = try #require(try await db.query("SELECT value_as_number, measurement_date FROM measurement").first)
            #expect(value["value_as_number"] == .double(0.1 + 0.2))
            #expect(value["measurement_date"].dateValue == CDMDate("2021-03-04"))
            #expect(try await db.verifySchema().isEmpty)
        }
    }

    @Test(arguments: TestDatabases.backends, [
        (SQLValue.text(String(repeating: "x", count: 51)), "generated person rows:3: person_source_value: text of 51 characters is longer than varchar(50)"),
        (SQLValue.integer(5), "generated person rows:3: person_source_value: a value of type integer does not fit a varchar(50) field"),
    ])
    func aWrongValueStopsTheLoadAndChangesNothing(_ backend: TestDatabases.Backend, _ bad: (SQLValue, String)) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            await #expect {
                _ = try await db.load([Self.persons(10, badRow: 3, bad: bad.0)], progress: nil)
            } throws: { error in
                "\(error)" == bad.1
            }
            #expect(try await db.info().tables["person"] == 0)
        }
    }

    @Test func aRequiredFieldLeftEmptyIsNamed() async throws {
        let load = TableLoad(table: Self.person) {
            GeneratedRows(table: Self.person) { row in
                row.set("person_id", .integer(1))
                return true
            }
        }
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createSchema()
            await #expect {
                _ = try await db.load([load], progress: nil)
            } throws: { error in
                "\(error)" == "generated person rows:1: gender_concept_id: required field is empty"
            }
        }
    }
}
