import CDMStore
import OMOP

/// The rows one batch of resources maps to, per table, until they are loaded together in one transaction.
/// Text longer than its column is cut to fit and counted (a fidelity loss the report shows), so a long
/// free-text value never fails a whole batch.
struct RowBatch {
    /// One table's rows; a class, so appending through the dictionary never copies them.
    final class Rows {
        let table: CDMTable
        let columns: [String: Int]
        let limits: [Int?]
        var rows: [[SQLValue]] = []

        init(_ table: CDMTable) {
            self.table = table
            columns = Dictionary(uniqueKeysWithValues: table.fields.enumerated().map { ($1.name, $0) })
            limits = table.fields.map { field in
                if case .varchar(let limit) = field.datatype { return limit }
                return nil
            }
        }
    }

    private(set) var tables: [String: Rows] = [:]
    private(set) var truncatedValues = 0
    private let schema: [String: CDMTable]

    init(tables: [CDMTable]) {
        schema = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
    }

    var isEmpty: Bool { tables.values.allSatisfy { $0.rows.isEmpty } }

    /// Appends a row given as field names and values; unknown names are a programming error.
    mutating func append(_ tableName: String, _ values: [(String, SQLValue)]) {
        let rows: Rows
        if let known = tables[tableName] {
            rows = known
        } else {
            guard let table = schema[tableName] else { preconditionFailure("no table \(tableName)") }
            rows = Rows(table)
            tables[tableName] = rows
        }
        var row = [SQLValue](repeating: .null, count: rows.limits.count)
        for (name, value) in values {
            guard let column = rows.columns[name] else { preconditionFailure("\(tableName) has no field \(name)") }
            if case .text(let text) = value, let limit = rows.limits[column], text.utf8.count > limit, text.count > limit {
                row[column] = .text(String(text.prefix(limit)))
                truncatedValues += 1
            } else {
                row[column] = value
            }
        }
        rows.rows.append(row)
    }

    /// Row counts per table.
    var counts: [String: Int] { tables.mapValues(\.rows.count).filter { $0.value > 0 } }

    /// One `TableLoad` per table with rows, in the order given (parents before children keeps a reader of
    /// a half-loaded database sensible, though the load is one transaction).
    func loads(order: [String]) -> [TableLoad] {
        order.compactMap { name in
            guard let rows = tables[name], !rows.rows.isEmpty else { return nil }
            return .rows(rows.table, rows.rows)
        }
    }
}
