import CDMStore
import Governance

/// What the server needs to know who is calling and to record what they did: the authenticator of
/// bearer tokens and API keys, the audit trail, and the site's keys (pseudonyms, tokens it issues).
public struct ServerSecurity: Sendable {
    let authenticator: Authenticator
    let audit: AuditLog
    let pseudonymizer: Pseudonymizer
    let tokens: TokenIssuer
    /// Browsers signed in to the web application; the API accepts their cookie too (with the CSRF header on writes).
    let sessions = WebSessionStore()

    /// - Parameter publicKeyPEMs: RS256/ES256 public keys (PEM text, read from files) of an identity provider
    ///   such as Keycloak whose tokens are accepted besides the site's own.
    public init(database: any Database, secrets: SiteSecrets, publicKeyPEMs: [String] = []) throws {
        authenticator = Authenticator(database: database, keys: try TokenVerificationKeys(secrets: secrets, publicKeyPEMs: publicKeyPEMs))
        audit = AuditLog(database: database)
        pseudonymizer = Pseudonymizer(secrets: secrets)
        tokens = TokenIssuer(secrets: secrets)
    }
}
