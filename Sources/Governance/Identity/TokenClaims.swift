import JWTKit

/// The claims Optima reads from a bearer token, its own or an OIDC provider's; other claims are ignored.
/// Optional where a provider may omit them, so their absence is refused with a clear reason rather than a decoding error.
struct TokenClaims: JWTPayload {
    var iss: IssuerClaim?
    var sub: SubjectClaim?
    var iat: IssuedAtClaim?
    var nbf: NotBeforeClaim?
    var exp: ExpirationClaim?
    var jti: IDClaim?

    /// Time claims are checked by `TokenVerificationKeys` against the clock it is given, so tests can move time.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
