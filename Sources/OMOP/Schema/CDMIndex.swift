/// An index of the standard OHDSI DDL: a primary key (`xpk_TABLE`, unique) or a secondary index.
public struct CDMIndex: Sendable, Hashable {
    public let name: String
    public let table: String
    public let columns: [String]
    /// Whether the index enforces uniqueness (primary keys).
    public let isUnique: Bool

    public init(_ name: String, on table: String, _ columns: String...) {
        self.init(name: name, table: table, columns: columns, isUnique: false)
    }

    public init(name: String, table: String, columns: [String], isUnique: Bool) {
        self.name = name
        self.table = table
        self.columns = columns
        self.isUnique = isUnique
    }
}
