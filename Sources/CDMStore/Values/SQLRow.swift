/// One result row: column names and values in select order.
public struct SQLRow: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the named column (case-insensitive), or NULL when there is no such column.
    public subscript(_ column: String) -> SQLValue {
        let lowered = column.lowercased()
        guard let index = columns.firstIndex(where: { $0.lowercased() == lowered }) else { return .null }
        return values[index]
    }

    public subscript(_ index: Int) -> SQLValue {
        values[index]
    }
}
