import CDMStore
import CDMTestSupport
import CryptoExtras
import Foundation
import Governance
import JWTKit
import Testing

@Suite struct TokenTests {
    /// Claims as an OIDC provider such as Keycloak writes them, with its own issuer and extra claims.
    struct ProviderClaims: JWTPayload {
        var iss = IssuerClaim(value: "https://keycloak.example/realms/optima")
        var sub: SubjectClaim
        var aud = AudienceClaim(value: ["optima"])
        var exp: ExpirationClaim?
        var iat = IssuedAtClaim(value: Date())
        var preferred_username = "Dr Ann"
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func providerToken(_ keys: JWTKeyCollection, sub: String, expires: Bool = true) async throws -> String {
        try await keys.sign(ProviderClaims(sub: SubjectClaim(value: sub), exp: expires ? ExpirationClaim(value: Date(timeIntervalSinceNow: 300)) : nil))
    }

    @Test(arguments: TestDatabases.backends)
    func aTokenAuthenticatesItsSubjectWithTheTablesRole(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            try await f.db.addUser(Principal(name: "ann", role: .researcher))
            let token = try await TokenIssuer(secrets: f.secrets).issue(for: Principal(name: "ann", role: .admin), lifetime: 600)
            #expect(try await f.authenticator().authenticate(authorizationHeader: "Bearer \(token)") == Principal(name: "ann", role: .researcher))
            #expect(try await f.authenticator().authenticate(authorizationHeader: "bearer  \(token) ").role == .researcher)
            try await f.db.execute("UPDATE optima_user SET role = 'clinician' WHERE name = 'ann'")
            #expect(try await f.authenticator().authenticate(authorizationHeader: "Bearer \(token)").role == .clinician)

            let stranger = try await TokenIssuer(secrets: f.secrets).issue(for: Principal(name: "stranger", role: .admin), lifetime: 600)
            #expect(try await f.refusal("Bearer \(stranger)") == "unknown or revoked identity")
            try await f.db.revokeUser(named: "ann")
            #expect(try await f.refusal("Bearer \(token)") == "unknown or revoked identity")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func refusesExpiredForeignAndTamperedTokens(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            try await f.db.addUser(Principal(name: "ann", role: .researcher))
            try await f.db.addUser(Principal(name: "root", role: .admin))
            let ann = Principal(name: "ann", role: .researcher)
            let issuer = TokenIssuer(secrets: f.secrets)
            let expired = try await issuer.issue(for: ann, lifetime: 3600, now: Date(timeIntervalSinceNow: -3700))
            let future = try await issuer.issue(for: ann, lifetime: 3600, now: Date(timeIntervalSinceNow: 600))
            let otherSite = try await TokenIssuer(secrets: .generate()).issue(for: ann, lifetime: 600)
            let otherIssuer = try await TokenIssuer(secrets: f.secrets, issuer: "elsewhere").issue(for: ann, lifetime: 600)
            let good = try await issuer.issue(for: ann, lifetime: 600)
            let segments = good.split(separator: ".").map(String.init)
            let rootPayload = try #require(String(decoding: Self.base64URLDecoded(segments[1]), as: UTF8.self)
                .replacingOccurrences(of: "\"ann\"", with: "\"root\"").data(using: .utf8))
            let tampered = [segments[0], Self.base64URL(rootPayload), segments[2]].joined(separator: ".")
            let none = [Self.base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8)), segments[1], ""].joined(separator: ".")
            let hs512 = [Self.base64URL(Data(#"{"alg":"HS512","typ":"JWT"}"#.utf8)), segments[1], segments[2]].joined(separator: ".")

            let cases: [(String, String)] = [
                (expired, "token expired"), (future, "token not yet valid"), (otherSite, "invalid token signature"),
                (otherIssuer, "token issuer not accepted"), (tampered, "invalid token signature"),
                (none, "token algorithm not accepted"), (hs512, "token algorithm not accepted"), ("abc.def", "malformed token"),
            ]
            for (token, reason) in cases {
                let refusal = try await f.refusal("Bearer \(token)")
                #expect(refusal == reason)
                for part in token.split(separator: ".") where part.count > 8 { #expect(refusal?.contains(part) != true) }
            }
            #expect(try await f.refusal(nil) == "missing bearer token")
            #expect(try await f.refusal("Basic YW5uOnB3") == "authorization is not a bearer token")
            #expect(try await f.refusal("Bearer \(good)") == nil)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func acceptsRS256AndES256TokensOnlyFromConfiguredKeys(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            try await f.db.addUser(Principal(name: "ann", role: .clinician))
            let rsa = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
            let ec = ES256PrivateKey(), otherEC = ES256PrivateKey()
            let rsaSigner = await JWTKeyCollection().add(rsa: rsa, digestAlgorithm: .sha256)
            let ecSigner = await JWTKeyCollection().add(ecdsa: ec)
            let rsaToken = try await Self.providerToken(rsaSigner, sub: "ann")
            let ecToken = try await Self.providerToken(ecSigner, sub: "ann")
            let pems = [rsa.publicKey.pemRepresentation, ec.publicKey.pemRepresentation]

            for token in [rsaToken, ecToken] {
                let principal = try await f.authenticator(publicKeyPEMs: pems).authenticate(authorizationHeader: "Bearer \(token)")
                #expect(principal == Principal(name: "ann", role: .clinician))
                #expect(try await f.refusal("Bearer \(token)") == "token algorithm not accepted")
            }
            #expect(try await f.refusal("Bearer \(ecToken)", publicKeyPEMs: [otherEC.publicKey.pemRepresentation]) == "invalid token signature")
            #expect(try await f.refusal("Bearer \(try await Self.providerToken(ecSigner, sub: "ann", expires: false))", publicKeyPEMs: pems) == "token has no expiry")
            #expect(try await f.refusal("Bearer \(try await Self.providerToken(rsaSigner, sub: "bob"))", publicKeyPEMs: pems) == "unknown or revoked identity")
            #expect(throws: IdentityError.self) { try TokenVerificationKeys(secrets: f.secrets, publicKeyPEMs: ["not a key"]) }
        }
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func base64URLDecoded(_ text: String) -> Data {
        let base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return Data(base64Encoded: base64 + String(repeating: "=", count: (4 - base64.count % 4) % 4)) ?? Data()
    }
}
