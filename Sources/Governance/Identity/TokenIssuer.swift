import Foundation
import JWTKit

/// Issues the site's own bearer tokens: HS256 JWTs signed with the site's token key. A token only says who
/// its bearer is; what they may do is read from `optima_user` on every request.
public struct TokenIssuer: Sendable {
    let secrets: SiteSecrets
    let issuer: String

    public init(secrets: SiteSecrets, issuer: String = "optima") {
        self.secrets = secrets
        self.issuer = issuer
    }

    /// A signed token for `principal`, valid from `now` for `lifetime` seconds, with a unique `jti`.
    public func issue(for principal: Principal, lifetime: TimeInterval, now: Date = Date()) async throws -> String {
        guard lifetime > 0 else { throw IdentityError("a token lifetime must be positive, not \(lifetime) s") }
        let keys = JWTKeyCollection()
        await keys.add(hmac: try VerificationKey.siteKey(secrets), digestAlgorithm: .sha256)
        let claims = TokenClaims(
            iss: IssuerClaim(value: issuer), sub: SubjectClaim(value: principal.name), iat: IssuedAtClaim(value: now),
            nbf: nil, exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)), jti: IDClaim(value: UUID().uuidString))
        return try await keys.sign(claims)
    }
}
