import OMOP

extension Database {
    /// Creates every CDM v5.4 table, primary key and standard index that is not there yet, in one transaction.
    public func createSchema() async throws {
        try await transaction(SchemaBuilder(dialect: dialect).statements())
    }

    /// The differences between this database and CDM v5.4; empty when it matches.
    public func verifySchema() async throws -> [SchemaIssue] {
        try await SchemaVerifier(database: self).verify()
    }

    /// Whether the CDM tables exist at all.
    public func hasSchema() async throws -> Bool {
        try await !columns(of: "person").isEmpty
    }
}
