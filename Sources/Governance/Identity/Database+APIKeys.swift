import CDMStore
import Foundation

extension Database {
    /// Creates an API key for an active user and returns its text form, which is shown once and never stored.
    public func createAPIKey(for name: String, expiresAt: Date? = nil) async throws -> String {
        guard try await activePrincipal(named: name) != nil else {
            throw IdentityError("no active user named \(name): cannot create an API key for it")
        }
        let key = APIKey.generate()
        try await execute(
            "INSERT INTO optima_api_key (key_id, user_name, secret_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)",
            [.text(key.id), .text(name), .text(key.secretHash), .text(GovernanceClock.text(Date())),
             expiresAt.map { .text(GovernanceClock.text($0)) } ?? .null])
        return key.text
    }

    /// Revokes one API key by its id (the part after `opk_`); idempotent.
    public func revokeAPIKey(id: String) async throws {
        guard try await query("SELECT key_id FROM optima_api_key WHERE key_id = ?", [.text(id)]).first != nil else {
            throw IdentityError("no API key with id \(id)")
        }
        try await execute("UPDATE optima_api_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                          [.text(GovernanceClock.text(Date())), .text(id)])
    }

    /// The principal an API key stands for, in one primary-key lookup joined to its user. The secret is checked
    /// first, so whoever lacks it learns nothing about the key's state.
    func principal(for key: APIKey, now: Date) async throws -> Principal {
        let rows = try await query("""
            SELECT k.secret_hash, k.expires_at, k.revoked_at, u.name, u.role, u.kind, u.revoked_at AS user_revoked_at
            FROM optima_api_key k JOIN optima_user u ON u.name = k.user_name WHERE k.key_id = ?
            """, [.text(key.id)])
        guard let row = rows.first, let stored = row["secret_hash"].textValue, key.matches(storedHash: stored) else {
            throw AuthenticationError.invalidKey
        }
        guard row["revoked_at"].isNull else { throw AuthenticationError.keyRevoked }
        if let expiry = row["expires_at"].textValue, GovernanceClock.date(expiry).map({ $0 <= now }) ?? true {
            throw AuthenticationError.keyExpired
        }
        guard row["user_revoked_at"].isNull, let name = row["name"].textValue,
              let role = row["role"].textValue.flatMap(Role.init(rawValue:)),
              let kind = row["kind"].textValue.flatMap(Principal.Kind.init(rawValue:))
        else { throw AuthenticationError.unknownIdentity }
        return Principal(name: name, role: role, kind: kind)
    }
}
