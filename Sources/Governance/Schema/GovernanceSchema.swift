import CDMStore

/// The platform's own tables, beside the CDM in the same database, each named `optima_*` so they never
/// collide with a CDM table. Times are UTC ISO-8601 text (`GovernanceClock`), the same on both backends.
enum GovernanceSchema {
    static func statements(_ dialect: SQLDialect) -> [String] {
        let bigint = dialect == .postgresql ? "BIGINT" : "INTEGER"
        return [
            // Users and service accounts; a revoked one keeps its row, so the audit trail can still name it.
            """
            CREATE TABLE IF NOT EXISTS optima_user (
              name TEXT PRIMARY KEY, role TEXT NOT NULL, kind TEXT NOT NULL,
              created_at TEXT NOT NULL, revoked_at TEXT)
            """,
            // Long-lived API keys: only the SHA-256 of the secret part is stored.
            """
            CREATE TABLE IF NOT EXISTS optima_api_key (
              key_id TEXT PRIMARY KEY, user_name TEXT NOT NULL, secret_hash TEXT NOT NULL,
              created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT)
            """,
            // The append-only audit trail; each entry's hash commits to the previous entry's hash.
            """
            CREATE TABLE IF NOT EXISTS optima_audit (
              seq \(bigint) PRIMARY KEY, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT,
              action TEXT NOT NULL, resource TEXT NOT NULL, outcome TEXT NOT NULL, purpose TEXT NOT NULL,
              request_id TEXT, detail TEXT, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            // The opt-out register, by pseudonym, so an objection recorded before a person's data arrives still holds.
            """
            CREATE TABLE IF NOT EXISTS optima_objection (
              pseudonym TEXT PRIMARY KEY, recorded_at TEXT NOT NULL)
            """,
            // Pseudonyms of erased persons, so a later import does not bring them back.
            """
            CREATE TABLE IF NOT EXISTS optima_erasure (
              pseudonym TEXT PRIMARY KEY, erased_at TEXT NOT NULL)
            """,
            // Site-wide settings a data steward sets once (e.g. the minimum cell count).
            """
            CREATE TABLE IF NOT EXISTS optima_site_setting (
              name TEXT PRIMARY KEY, value TEXT NOT NULL)
            """,
        ]
    }
}

extension Database {
    /// Creates the governance tables when missing (idempotent). Every command and the server call it
    /// before they touch identities, the audit trail or the consent register.
    public func createGovernanceSchema() async throws {
        try await transaction(GovernanceSchema.statements(dialect).map { SQLStatement($0) })
    }
}
