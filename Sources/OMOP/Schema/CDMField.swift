/// One column of a CDM table, as the field-level specification describes it.
public struct CDMField: Sendable, Hashable {
    /// The lower-case column name, e.g. `person_id` (`offset` for `note_nlp`, unquoted).
    public let name: String
    public let datatype: CDMDatatype
    /// Whether the column is `NOT NULL`.
    public let isRequired: Bool
    public let isPrimaryKey: Bool
    /// The referenced table and field, when the specification declares one.
    public let foreignKey: CDMForeignKey?

    public init(
        _ name: String,
        _ datatype: CDMDatatype,
        isRequired: Bool,
        isPrimaryKey: Bool = false,
        foreignKey: CDMForeignKey? = nil
    ) {
        self.name = name
        self.datatype = datatype
        self.isRequired = isRequired
        self.isPrimaryKey = isPrimaryKey
        self.foreignKey = foreignKey
    }
}
