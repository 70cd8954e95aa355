import CDMStore
import Foundation

/// Turns a request's `Authorization` header into the principal acting, or refuses it. Authorization stays
/// local: whoever signed a token, its subject must be an active user, and the role is the table's, so
/// revoking a user stops every token and key of it at once.
public struct Authenticator: Sendable {
    let database: any Database
    let keys: TokenVerificationKeys

    public init(database: any Database, keys: TokenVerificationKeys) {
        self.database = database
        self.keys = keys
    }

    /// The principal of an `Authorization` header value ("Bearer <jwt>" or "Bearer opk_…").
    public func authenticate(authorizationHeader: String?) async throws -> Principal {
        try await authenticate(authorizationHeader: authorizationHeader, now: Date())
    }

    func authenticate(authorizationHeader: String?, now: Date) async throws -> Principal {
        guard let header = authorizationHeader?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            throw AuthenticationError.missing
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AuthenticationError.notBearer }
        let credential = parts[1].trimmingCharacters(in: .whitespaces)
        if credential.hasPrefix(APIKey.prefix) {
            guard let key = APIKey(parsing: credential) else { throw AuthenticationError.malformedKey }
            return try await database.principal(for: key, now: now)
        }
        let subject = try await keys.subject(of: credential, now: now)
        guard let principal = try await database.activePrincipal(named: subject) else { throw AuthenticationError.unknownIdentity }
        return principal
    }
}
