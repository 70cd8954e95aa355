import HTTPTypes

extension HTTPField.Name {
    /// The CSRF token a page's script sends with a write (`WebSession.csrfToken`).
    static let csrfToken = HTTPField.Name(WebSession.csrfHeader)!
    /// How long the server worked on the answer, in milliseconds (W3C Server Timing).
    static let serverTiming = HTTPField.Name("Server-Timing")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
