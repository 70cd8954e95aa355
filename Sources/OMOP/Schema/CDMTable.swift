/// One table of the CDM with its fields in DDL order.
public struct CDMTable: Sendable, Hashable {
    /// Which part of the CDM a table belongs to (the `schema` column of the table-level spec).
    public enum Group: String, Sendable, Hashable {
        case clinical = "CDM"
        case vocabulary = "VOCAB"
        case results = "RESULTS"
    }

    /// The lower-case table name, e.g. `person`.
    public let name: String
    public let group: Group
    /// Whether the specification requires the table to hold rows (only `person` and `observation_period`).
    public let isRequired: Bool
    public let fields: [CDMField]

    public init(name: String, group: Group, isRequired: Bool, fields: [CDMField]) {
        self.name = name
        self.group = group
        self.isRequired = isRequired
        self.fields = fields
    }

    /// The field with this name, matched case-insensitively.
    public func field(named name: String) -> CDMField? {
        let lowered = name.lowercased()
        return fields.first { $0.name == lowered }
    }

    /// The primary-key fields, in DDL order (empty for tables without a key, such as `concept_relationship`).
    public var primaryKey: [CDMField] {
        fields.filter(\.isPrimaryKey)
    }
}
