/// Who is acting: a user or service account with its role, as authenticated from a token or an API key,
/// or the local operator of the command line.
public struct Principal: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person who signs in.
        case user
        /// A machine: a federation node, a CDS client, a script.
        case service
    }

    public let name: String
    public let role: Role
    public let kind: Kind

    public init(name: String, role: Role, kind: Kind = .user) {
        self.name = name
        self.role = role
        self.kind = kind
    }

    public func can(_ permission: Permission) -> Bool { role.allows(permission) }
}
