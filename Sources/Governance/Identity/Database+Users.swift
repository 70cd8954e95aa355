import CDMStore
import Foundation

extension Database {
    /// Adds a user or service account. Names are never reused, even after revocation, so the audit trail stays unambiguous.
    public func addUser(_ principal: Principal) async throws {
        guard Principal.isValidName(principal.name) else {
            throw IdentityError("'\(principal.name)' is not a valid user name: use 1–64 of letters, digits, '.', '_', '@', '-'")
        }
        if let existing = try await user(named: principal.name) {
            throw IdentityError("user \(principal.name) already exists" + (existing.isActive ? "" : " (revoked; names are not reused)"))
        }
        try await execute(
            "INSERT INTO optima_user (name, role, kind, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)",
            [.text(principal.name), .text(principal.role.rawValue), .text(principal.kind.rawValue), .text(GovernanceClock.text(Date()))])
    }

    /// Every user and service account, revoked ones included, by name.
    public func users() async throws -> [UserRecord] {
        try await query("SELECT name, role, kind, created_at, revoked_at FROM optima_user ORDER BY name").map(UserRecord.init(row:))
    }

    /// Revokes a user and all its API keys in one transaction: every token and key of it stops working at once.
    public func revokeUser(named name: String) async throws {
        guard let existing = try await user(named: name) else { throw IdentityError("no user named \(name)") }
        guard existing.isActive else { return }
        let now = SQLValue.text(GovernanceClock.text(Date()))
        try await transaction([
            SQLStatement("UPDATE optima_user SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", [now, .text(name)]),
            SQLStatement("UPDATE optima_api_key SET revoked_at = ? WHERE user_name = ? AND revoked_at IS NULL", [now, .text(name)]),
        ])
    }

    /// The principal of an active user, with its role as the table holds it now; nil when unknown or revoked.
    public func activePrincipal(named name: String) async throws -> Principal? {
        guard let record = try await user(named: name), record.isActive else { return nil }
        return Principal(name: record.name, role: record.role, kind: record.kind)
    }

    func user(named name: String) async throws -> UserRecord? {
        try await query("SELECT name, role, kind, created_at, revoked_at FROM optima_user WHERE name = ?", [.text(name)])
            .first.map(UserRecord.init(row:))
    }
}
