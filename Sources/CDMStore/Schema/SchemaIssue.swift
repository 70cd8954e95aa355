/// One difference between a database and the CDM schema.
public enum SchemaIssue: Sendable, Hashable, CustomStringConvertible {
    case missingTable(String)
    case missingField(table: String, field: String)
    case mistypedField(table: String, field: String, expected: String, found: String)
    case nullability(table: String, field: String, required: Bool)
    case missingIndex(table: String, index: String)
    /// The primary key is a plain index because the loaded data repeats key values.
    case primaryKeyNotUnique(table: String, index: String)

    /// Whether this is about the loaded data rather than the schema's structure.
    public var isDataFinding: Bool {
        if case .primaryKeyNotUnique = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .missingTable(let table): "table \(table) is missing"
        case .missingField(let table, let field): "\(table).\(field) is missing"
        case .mistypedField(let table, let field, let expected, let found): "\(table).\(field) is \(found), expected \(expected)"
        case .nullability(let table, let field, let required):
            "\(table).\(field) should \(required ? "be NOT NULL" : "allow NULL")"
        case .missingIndex(let table, let index): "index \(index) on \(table) is missing"
        case .primaryKeyNotUnique(let table, let index):
            "primary key \(index) of \(table) is not unique: the loaded data repeats key values"
        }
    }
}
