/// A column as the database declares it, for schema verification.
public struct ColumnDescription: Sendable, Hashable {
    public let name: String
    /// The declared type, upper-case, e.g. `INTEGER`, `VARCHAR(50)`, `TIMESTAMP`.
    public let type: String
    public let isNotNull: Bool

    public init(name: String, type: String, isNotNull: Bool) {
        self.name = name
        self.type = type
        self.isNotNull = isNotNull
    }
}
