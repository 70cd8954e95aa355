import Foundation

/// A signed-in browser: the identity it signed in as and the token its forms must carry. The id travels only in
/// an HttpOnly, SameSite=Strict cookie; the CSRF token only in pages and in the `X-CSRF-Token` header of scripts.
struct WebSession: Sendable {
    /// The session cookie's name.
    static let cookie = "optima_session"
    /// The form field that carries the CSRF token.
    static let csrfField = "_csrf"
    /// The header that carries the CSRF token on script requests.
    static let csrfHeader = "X-CSRF-Token"

    let id: String
    /// Who signed in; the user is looked up again on every request, so a revoked user is out at once.
    let userName: String
    let csrfToken: String
    let created: Date
    var lastSeen: Date
}
