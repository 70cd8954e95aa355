import Foundation

/// One row of `optima_user`: a user or service account, kept after revocation so the audit trail can still name it.
public struct UserRecord: Sendable, Equatable, Codable {
    public let name: String
    public let role: Role
    public let kind: Principal.Kind
    public let createdAt: Date
    public let revokedAt: Date?

    public init(name: String, role: Role, kind: Principal.Kind, createdAt: Date, revokedAt: Date?) {
        self.name = name
        self.role = role
        self.kind = kind
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether its tokens and keys are accepted.
    public var isActive: Bool { revokedAt == nil }

    enum CodingKeys: String, CodingKey {
        case name, role, kind
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    /// Writes `revoked_at` as null for an active user, so every record has the same fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(kind, forKey: .kind)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(revokedAt, forKey: .revokedAt)
    }
}
