import CDMStore
import CDMTestSupport
import OMOP
import Testing

@Suite struct DatabaseTests {
    @Test(arguments: TestDatabases.backends)
    func datesRoundTripExactly(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            let dates = ["0001-01-01", "1899-12-31", "1900-03-01", "1969-12-31", "1970-01-01", "2000-02-29", "2038-01-19", "9999-12-30"]
                .map { CDMDate($0)! }
            for (index, date) in dates.enumerated() {
                try await db.execute(
                    "INSERT INTO observation_period VALUES (?, ?, ?, ?, ?)",
                    [.integer(Int64(index + 1)), .integer(1), .date(date), .date(date.adding(days: 1)), .integer(32817)])
            }
            let rows = try await db.query(
                "SELECT observation_period_start_date AS d, observation_period_end_date AS e FROM observation_period ORDER BY observation_period_id")
            #expect(rows.map { $0["d"].dateValue } == dates)
            #expect(rows.map { $0["e"].dateValue } == dates.map { $0.adding(days: 1) })
            // Comparison with a bound date happens in date order, not text order.
            let later = try await db.query(
                "SELECT COUNT(*) AS n FROM observation_period WHERE observation_period_start_date > ?", [.date(CDMDate("1970-01-01")!)])
            #expect(later.first?["n"].integerValue == 3)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func datetimesRoundTrip(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            let value = CDMDateTime("1987-06-05 04:03:02")!
            try await db.execute(
                "INSERT INTO death (person_id, death_date, death_datetime) VALUES (?, ?, ?)",
                [.integer(1), .date(value.date), .datetime(value)])
            let row = try #require(try await db.query("SELECT death_datetime FROM death").first)
            switch row["death_datetime"] {
            case .datetime(let read): #expect(read == value)
            case .text(let text): #expect(CDMDateTime(text) == value)
            default: Issue.record("unexpected \(row["death_datetime"])")
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func transactionsAreAllOrNothing(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            await #expect(throws: (any Error).self) {
                try await db.transaction([
                    SQLStatement("INSERT INTO location (location_id, city) VALUES (?, ?)", [.integer(1), .text("Leuven")]),
                    SQLStatement("INSERT INTO location (location_id, city) VALUES (?, ?)", [.integer(1), .text("Gent")]),
                ])
            }
            #expect(try await db.query("SELECT COUNT(*) AS n FROM location").first?["n"].integerValue == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func streamsRowsOneAtATime(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            try await db.transaction((1...500).map {
                SQLStatement("INSERT INTO location (location_id, zip) VALUES (?, ?)", [.integer(Int64($0)), .text("z\($0)")])
            })
            var sum: Int64 = 0
            var count = 0
            try await db.forEachRow("SELECT location_id, zip FROM location WHERE location_id > ? ORDER BY location_id", [.integer(100)]) { row in
                sum += row["location_id"].integerValue ?? 0
                count += 1
                #expect(row["zip"].textValue == "z\(row["location_id"].integerValue ?? -1)")
            }
            #expect(count == 400)
            #expect(sum == (101...500).reduce(0, +))
        }
    }

    @Test func parsesDatabaseURLs() throws {
        #expect(try DatabaseLocation(parsing: "sqlite:/tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try DatabaseLocation(parsing: "data/cdm.db") == .sqlite(path: "data/cdm.db"))
        guard case .postgres(let target) = try DatabaseLocation(parsing: "postgres://ann:s%40cret@db.example:6543/cdm?schema=cdm54") else {
            Issue.record("not postgres"); return
        }
        #expect(target.user == "ann" && target.password == "s@cret" && target.port == 6543)
        #expect(target.database == "cdm" && target.schema == "cdm54")
        #expect(!target.description.contains("cret"))
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(parsing: "mysql://x@y/z") }
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(parsing: "postgres://x@y/z?schema=a;drop") }
        #expect(try DatabaseLocation.resolve(nil, environment: [:]) == .sqlite(path: "optima-data/optima.sqlite"))
        #expect(try DatabaseLocation.resolve(nil, environment: ["OPTIMA_DB": "sqlite:x.db"]) == .sqlite(path: "x.db"))
    }
}
