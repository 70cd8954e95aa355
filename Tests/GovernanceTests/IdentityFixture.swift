import CDMStore
import CDMTestSupport
import Foundation
import Governance

/// A fresh database with the governance tables and the site's keys, for identity and token tests.
struct IdentityFixture {
    let db: any Database
    let location: String
    let secrets = SiteSecrets.generate()

    static func with(_ backend: TestDatabases.Backend, _ body: (IdentityFixture) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, location in
            try await db.createGovernanceSchema()
            try await body(IdentityFixture(db: db, location: location))
        }
    }

    func authenticator(publicKeyPEMs: [String] = []) throws -> Authenticator {
        Authenticator(database: db, keys: try TokenVerificationKeys(secrets: secrets, publicKeyPEMs: publicKeyPEMs))
    }

    /// The description of the `AuthenticationError` the header is refused with; nil when it is accepted.
    func refusal(_ header: String?, publicKeyPEMs: [String] = []) async throws -> String? {
        do {
            _ = try await authenticator(publicKeyPEMs: publicKeyPEMs).authenticate(authorizationHeader: header)
            return nil
        } catch let error as AuthenticationError {
            return error.description
        }
    }
}
