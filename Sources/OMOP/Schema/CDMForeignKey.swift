/// A foreign-key reference declared by the specification. Declared, not enforced: real CDMs
/// (Eunomia among them) hold rows that violate these, and the OHDSI DDL leaves them optional.
public struct CDMForeignKey: Sendable, Hashable {
    /// The referenced table, lower-case.
    public let table: String
    /// The referenced field, lower-case.
    public let field: String
    /// The vocabulary domain the referenced concept should belong to, e.g. `Gender`.
    public let domain: String?

    public init(table: String, field: String, domain: String?) {
        self.table = table
        self.field = field
        self.domain = domain
    }
}
