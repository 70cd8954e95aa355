import Foundation
import OMOP

/// Compares a database with the CDM v5.4 schema: every table, every field with a compatible type
/// and nullability, and the standard indices.
public struct SchemaVerifier: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func verify(_ schema: CDMSchema = .v54) async throws -> [SchemaIssue] {
        var issues: [SchemaIssue] = []
        for table in schema.allTables {
            let columns = try await database.columns(of: table.name)
            guard !columns.isEmpty else {
                issues.append(.missingTable(table.name))
                continue
            }
            let byName = Dictionary(columns.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            for field in table.fields {
                guard let column = byName[field.name] else {
                    issues.append(.missingField(table: table.name, field: field.name))
                    continue
                }
                let expected = database.dialect.columnType(field.datatype)
                if !SchemaVerifier.compatible(declared: column.type, expected: expected) {
                    issues.append(.mistypedField(table: table.name, field: field.name, expected: expected, found: column.type))
                }
                if field.isRequired != column.isNotNull {
                    issues.append(.nullability(table: table.name, field: field.name, required: field.isRequired))
                }
            }
            let present = try await database.indexes(of: table.name)
            for index in CDMSchema.allIndices where index.table == table.name {
                guard let isUnique = present[index.name] else {
                    issues.append(.missingIndex(table: table.name, index: index.name))
                    continue
                }
                if index.isUnique && !isUnique {
                    issues.append(.primaryKeyNotUnique(table: table.name, index: index.name))
                }
            }
        }
        return issues
    }

    /// Whether a declared column type holds the expected type's values (PostgreSQL reports its own
    /// spellings, e.g. `CHARACTER VARYING(50)` for `VARCHAR(50)`; `BIGINT` holds every `INTEGER`).
    static func compatible(declared: String, expected: String) -> Bool {
        let synonyms = [
            "CHARACTER VARYING": "VARCHAR", "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP",
            "INT4": "INTEGER", "INT8": "BIGINT", "FLOAT8": "DOUBLE PRECISION",
        ]
        var normal = declared.uppercased()
        for (long, short) in synonyms { normal = normal.replacingOccurrences(of: long, with: short) }
        if normal == expected { return true }
        if expected == "INTEGER" { return normal == "BIGINT" }
        if expected == "DOUBLE PRECISION" || expected == "REAL" { return ["NUMERIC", "REAL", "DOUBLE PRECISION", "FLOAT"].contains(normal) }
        if expected.hasPrefix("VARCHAR(") {
            // A wider text column holds the values too.
            if normal == "TEXT" { return true }
            guard normal.hasPrefix("VARCHAR("), let have = Int(normal.dropFirst(8).dropLast()),
                  let want = Int(expected.dropFirst(8).dropLast()) else { return false }
            return have >= want
        }
        return false
    }
}
