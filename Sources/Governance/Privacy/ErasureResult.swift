/// What an erasure removed, in aggregate: never an id or a value.
public struct ErasureResult: Sendable, Codable, Equatable {
    /// Persons erased: 0 when no person was held under the identifier (or it was erased before).
    public let persons: Int
    /// Rows deleted per table, only tables that held some.
    public let rowsByTable: [String: Int]

    public var totalRows: Int { rowsByTable.values.reduce(0, +) }

    enum CodingKeys: String, CodingKey {
        case persons
        case rowsByTable = "rows_by_table"
    }
}
