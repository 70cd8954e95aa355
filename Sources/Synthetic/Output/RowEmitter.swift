import CDMStore
import OMOP

/// Writes the rows of one CDM table from person histories.
protocol RowEmitter: Sendable {
    static var tableName: String { get }
    /// Looks up the field positions once, so that filling a row does no name lookups.
    init(table: CDMTable, codes: [Int64: String])
    func count(in history: PersonHistory) -> Int
    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder)
}

extension CDMTable {
    /// The position of a field the generator writes; the schema is ours, so a missing field is a bug.
    func position(_ name: String) -> Int {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { preconditionFailure("\(self.name) has no field \(name)") }
        return index
    }
}

extension Optional where Wrapped == Int64 {
    /// The value to bind: the integer, or NULL.
    var sqlValue: SQLValue { map(SQLValue.integer) ?? .null }
}
