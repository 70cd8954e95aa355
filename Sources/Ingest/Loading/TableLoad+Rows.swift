import CDMStore
import OMOP

extension TableLoad {
    /// Rows already made as values in the table's field order, checked and loaded like any other rows.
    static func rows(_ table: CDMTable, _ rows: [[SQLValue]]) -> TableLoad {
        TableLoad(table: table) {
            var next = 0
            return GeneratedRows(table: table, name: "FHIR \(table.name) rows") { builder in
                guard next < rows.count else { return false }
                for (column, value) in rows[next].enumerated() where value != .null { builder.set(column, value) }
                next += 1
                return true
            }
        }
    }
}
