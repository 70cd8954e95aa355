/// Why a request's credentials were refused. The description is safe to return and log: it never holds
/// the token, the key, or any part of them.
public struct AuthenticationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }

    static let missing = AuthenticationError("missing bearer token")
    static let notBearer = AuthenticationError("authorization is not a bearer token")
    static let malformedToken = AuthenticationError("malformed token")
    static let algorithmNotAccepted = AuthenticationError("token algorithm not accepted")
    static let badSignature = AuthenticationError("invalid token signature")
    static let expired = AuthenticationError("token expired")
    static let noExpiry = AuthenticationError("token has no expiry")
    static let notYetValid = AuthenticationError("token not yet valid")
    static let issuerNotAccepted = AuthenticationError("token issuer not accepted")
    static let malformedKey = AuthenticationError("malformed API key")
    static let invalidKey = AuthenticationError("invalid API key")
    static let keyRevoked = AuthenticationError("API key revoked")
    static let keyExpired = AuthenticationError("API key expired")
    public static let unknownIdentity = AuthenticationError("unknown or revoked identity")
    /// A web session cookie the server does not know (signed out, expired, or the server restarted).
    public static let sessionExpired = AuthenticationError("web session expired or unknown; sign in again")
    /// A write with a web session cookie but without the session's CSRF token: possibly another site's request.
    public static let csrfMismatch = AuthenticationError("web session request without its CSRF token")
}
