import Foundation
import JWTKit

/// The keys bearer tokens are verified with: the site's HS256 key, plus public keys of an OIDC provider
/// (e.g. Keycloak) whose tokens are also accepted. A token authenticates its `sub` only; the role comes
/// from `optima_user`. Key collections are built once, here, not per request.
public struct TokenVerificationKeys: Sendable {
    /// Clock skew tolerated on `exp`, `nbf` and `iat`.
    static let leeway: TimeInterval = 30

    private struct Verifier: Sendable {
        let algorithm: String
        /// The site's own tokens must carry its issuer; a provider's issuer is its own business.
        let checksIssuer: Bool
        let keys: JWTKeyCollection
    }

    let issuer: String
    private let verifiers: Task<[Verifier], Never>

    /// The site's HS256 key, plus public keys (PEM text, RS256 or ES256, e.g. from Keycloak) whose tokens are also accepted.
    public init(secrets: SiteSecrets, publicKeyPEMs: [String] = [], issuer: String = "optima") throws {
        let keys = [VerificationKey.site(try VerificationKey.siteKey(secrets))]
            + (try publicKeyPEMs.enumerated().map { try VerificationKey(pem: $0.element, position: $0.offset + 1) })
        self.issuer = issuer
        verifiers = Task {
            var verifiers: [Verifier] = []
            for key in keys {
                let checksIssuer = if case .site = key { true } else { false }
                verifiers.append(Verifier(algorithm: key.algorithm, checksIssuer: checksIssuer, keys: await key.collection()))
            }
            return verifiers
        }
    }

    /// The subject of a token whose signature, algorithm, issuer and times are valid at `now`.
    func subject(of token: String, now: Date) async throws -> String {
        guard let header = TokenHeader(token: token) else { throw AuthenticationError.malformedToken }
        let candidates = await verifiers.value.filter { $0.algorithm == header.alg }
        guard !candidates.isEmpty else { throw AuthenticationError.algorithmNotAccepted }
        for candidate in candidates {
            let claims: TokenClaims
            do {
                claims = try await candidate.keys.verify(token, as: TokenClaims.self)
            } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
                continue
            } catch {
                throw AuthenticationError.malformedToken
            }
            return try check(claims, issuerRequired: candidate.checksIssuer, now: now)
        }
        throw AuthenticationError.badSignature
    }

    private func check(_ claims: TokenClaims, issuerRequired: Bool, now: Date) throws -> String {
        guard let exp = claims.exp else { throw AuthenticationError.noExpiry }
        guard now < exp.value.addingTimeInterval(Self.leeway) else { throw AuthenticationError.expired }
        let earliest = now.addingTimeInterval(Self.leeway)
        if let nbf = claims.nbf, nbf.value > earliest { throw AuthenticationError.notYetValid }
        if let iat = claims.iat, iat.value > earliest { throw AuthenticationError.notYetValid }
        if issuerRequired, claims.iss?.value != issuer { throw AuthenticationError.issuerNotAccepted }
        guard let subject = claims.sub?.value, !subject.isEmpty else { throw AuthenticationError.unknownIdentity }
        return subject
    }
}
