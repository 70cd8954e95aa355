import CDMStore
import CDMTestSupport
import OMOP
import Testing

/// What the dialect writes differently must mean the same on both backends.
@Suite struct DialectTests {
    @Test(arguments: TestDatabases.backends)
    func literalsAndLimitsMeanTheSameOnBothBackends(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            let dialect = db.dialect
            try await db.transaction((1...5).map {
                SQLStatement("INSERT INTO observation_period VALUES (?, ?, ?, ?, ?)", [
                    .integer(Int64($0)), .integer(Int64($0)), .date(CDMDate("2001-01-0\($0)")!), .date(CDMDate("2002-01-01")!), .integer(32817),
                ])
            })
            let sql = """
                SELECT observation_period_id AS id, \(dialect.booleanLiteral(true)) AS yes, \(dialect.booleanLiteral(false)) AS no
                FROM observation_period WHERE observation_period_start_date >= \(dialect.dateLiteral(CDMDate("2001-01-03")!))
                ORDER BY observation_period_id \(dialect.limit(2))
                """
            let rows = try await db.query(sql)
            #expect(rows.map { $0["id"].integerValue } == [3, 4])
            #expect(rows.first?["yes"].integerValue == 1)
            #expect(rows.first?["no"].integerValue == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func temporaryTablesLiveWithinATransaction(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            let dialect = db.dialect
            for offset in [0, 10] {  // twice: nothing of the first run may linger
                try await db.transaction([
                    SQLStatement(dialect.createTemporaryTable("ids", as: "SELECT \(41 + offset) AS location_id UNION ALL SELECT \(42 + offset)")),
                    SQLStatement("INSERT INTO location (location_id) SELECT location_id FROM \(dialect.quote("ids"))"),
                    SQLStatement(dialect.dropTemporaryTable("ids")),
                ])
            }
            let rows = try await db.query("SELECT location_id FROM location ORDER BY location_id")
            #expect(rows.map { $0["location_id"].integerValue } == [41, 42, 51, 52])
        }
    }
}
