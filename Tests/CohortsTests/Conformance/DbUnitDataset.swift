import CDMStore
import CDMTestSupport
import Foundation

/// A DbUnit flat JSON dataset, the format of circe-be's `_PREP` and `_VERIFY` files:
/// `{"schema.table": [{"column": value, ...}, ...]}`. Replaying them exactly as DbUnit does is what makes
/// circe-be's expected rows valid for our compiler, so this follows DbUnit's rules rather than our importers':
/// a column a row omits is NULL, a table's column set is the union of its rows' keys, and loading is
/// `CLEAN_INSERT` (empty each named table, then insert its rows in file order; other tables are untouched).
struct DbUnitDataset: Sendable {
    /// The rows of one table of the file.
    struct Table: Sendable {
        /// The key as the file spells it, e.g. `cdm.person` or `limitTest.cohort`.
        let key: String
        /// Rows in file order; an absent key is NULL.
        let rows: [[String: DbUnitValue]]

        /// The unqualified table name the rows go into.
        var name: String { TestDDL.unqualified(key) }

        /// DbUnit's column set: every column any row names.
        var columnNames: Set<String> {
            Set(rows.flatMap(\.keys).map { $0.lowercased() })
        }

        /// The rows whose columns equal the filter's values (the VERIFY rows of one cohort).
        func rows(matching filter: [String: Int64]) -> [[String: DbUnitValue]] {
            rows.filter { row in
                filter.allSatisfy { column, wanted in
                    switch row[column] {
                    case .integer(let value)?: value == wanted
                    case .number(let value)?: value == Double(wanted)
                    case .text(let value)?: Int64(value) == wanted
                    default: false
                    }
                }
            }
        }
    }

    /// Where the data came from, for error messages.
    let source: String
    /// The file's tables, by key. JSON objects are unordered, and the test DDL has no foreign keys, so the
    /// order DbUnit would use among tables does not matter; rows keep their order within a table.
    let tables: [Table]

    init(contentsOf path: String) throws {
        try self.init(data: Data(contentsOf: URL(fileURLWithPath: path)), source: path)
    }

    init(data: Data, source: String) throws {
        let decoded: [String: [[String: DbUnitValue]]]
        do {
            decoded = try JSONDecoder().decode([String: [[String: DbUnitValue]]].self, from: data)
        } catch {
            throw TestSetupError("\(source) is not a DbUnit JSON dataset: \(error)")
        }
        self.source = source
        self.tables = decoded.keys.sorted().map { key in
            Table(key: key, rows: decoded[key]!.map { row in
                Dictionary(uniqueKeysWithValues: row.map { ($0.key.lowercased(), $0.value) })
            })
        }
    }

    /// The table with this key or unqualified name.
    func table(named name: String) -> Table? {
        tables.first { $0.key == name } ?? tables.first { $0.name == TestDDL.unqualified(name) }
    }

    /// DELETE and INSERTs of every table, values typed by the DDL's column types (a date column gets a
    /// `CDMDate`, whatever the string looks like). Throws, naming the file, for a table or column the DDL lacks
    /// or a value that does not fit its column.
    func cleanInsertStatements(_ ddl: TestDDL, dialect: SQLDialect) throws -> [SQLStatement] {
        var statements: [SQLStatement] = []
        for table in tables {
            guard let target = ddl.table(named: table.name) else {
                throw TestSetupError("\(source): table \(table.key) is not in the \(ddl.ddl) test DDL")
            }
            let present = table.columnNames
            if let unknown = present.subtracting(target.columns.map(\.name)).sorted().first {
                throw TestSetupError("\(source): column \(table.key).\(unknown) is not in the \(ddl.ddl) test DDL")
            }
            // DDL order, so statements are the same on every run.
            let columns = target.columns.filter { present.contains($0.name) }
            statements.append(SQLStatement("DELETE FROM \(dialect.quote(target.name))"))
            guard !columns.isEmpty else { continue }
            let rows = try table.rows.enumerated().map { index, row in
                try columns.map { column in
                    do {
                        return try (row[column.name] ?? .null).sqlValue(for: column.type)
                    } catch {
                        throw TestSetupError("\(source): \(table.key) row \(index + 1), column \(column.name): \(error)")
                    }
                }
            }
            // Multi-row VALUES, rows in file order, at most ~900 binds a statement (SQLite's old limit is 999):
            // one round trip per table instead of per row matters on PostgreSQL.
            let insert = "INSERT INTO \(dialect.quote(target.name)) (\(columns.map { dialect.quote($0.name) }.joined(separator: ", "))) VALUES "
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            let rowsPerStatement = max(1, 900 / columns.count)
            for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
                let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
                statements.append(SQLStatement(
                    insert + Array(repeating: placeholders, count: chunk.count).joined(separator: ", "), chunk.flatMap { $0 }))
            }
        }
        return statements
    }

    /// Loads this dataset `CLEAN_INSERT` style in one transaction.
    func load(into database: any Database, ddl: TestDDL) async throws {
        try await Self.load([self], into: database, ddl: ddl)
    }

    /// Loads several datasets one after the other, as DbUnit would (a later file naming a table empties it
    /// again), all in one transaction: a case's CDM is either fully there or not at all.
    static func load(_ datasets: [DbUnitDataset], into database: any Database, ddl: TestDDL) async throws {
        let statements = try datasets.flatMap { try $0.cleanInsertStatements(ddl, dialect: database.dialect) }
        try await database.transaction(statements)
    }
}
