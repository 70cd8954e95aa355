import OMOP

/// The DDL of a CDM v5.4 database in a dialect: the tables, then the primary keys as unique
/// indices and the standard indices. Every statement is idempotent, so `optima init` can run on
/// any database.
public struct SchemaBuilder: Sendable {
    public let dialect: SQLDialect

    public init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    public func createTable(_ table: CDMTable) -> String {
        let lines = table.fields.map { field in
            "  \(dialect.quote(field.name)) \(dialect.columnType(field.datatype))\(field.isRequired ? " NOT NULL" : "")"
        }
        return "CREATE TABLE IF NOT EXISTS \(dialect.quote(table.name)) (\n\(lines.joined(separator: ",\n"))\n)"
    }

    /// The index statement; `unique: false` builds a primary key as a plain index.
    public func createIndex(_ index: CDMIndex, unique: Bool? = nil) -> String {
        let columns = index.columns.map(dialect.quote).joined(separator: ", ")
        return "CREATE \(unique ?? index.isUnique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(dialect.quote(index.name)) ON \(dialect.quote(index.table)) (\(columns))"
    }

    /// Every statement that creates the schema: all tables of `CDMSchema.v54.allTables`, then the indices.
    public func statements(for schema: CDMSchema = .v54) -> [SQLStatement] {
        schema.allTables.map { SQLStatement(createTable($0)) }
            + CDMSchema.allIndices.map { SQLStatement(createIndex($0)) }
    }
}
