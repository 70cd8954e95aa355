import CDMStore

extension UserRecord {
    init(row: SQLRow) throws {
        let name = row["name"].textValue ?? ""
        guard let role = row["role"].textValue.flatMap(Role.init(rawValue:)),
              let kind = row["kind"].textValue.flatMap(Principal.Kind.init(rawValue:)),
              let createdAt = row["created_at"].textValue.flatMap(GovernanceClock.date)
        else { throw IdentityError("optima_user row of \(name) has an unknown role, kind or creation time") }
        self.init(name: name, role: role, kind: kind, createdAt: createdAt, revokedAt: row["revoked_at"].textValue.flatMap(GovernanceClock.date))
    }
}
