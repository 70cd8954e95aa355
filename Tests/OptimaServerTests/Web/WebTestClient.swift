import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Testing

@testable import OptimaServer

/// A browser stand-in for page tests: signs in through the real sign-in form, then keeps the session cookie and
/// the CSRF token the pages carry, as a browser would.
struct WebTestClient: Sendable {
    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String

        /// Where a redirect points.
        var location: String? { headers[.location] }
    }

    let client: any TestClientProtocol
    let sessionCookie: String
    let csrfToken: String

    /// Signs in with a token or API key, as a person would in the sign-in form.
    static func signIn(_ client: any TestClientProtocol, key: String) async throws -> WebTestClient {
        let form = try await client.execute(uri: "/sign-in", method: .get) { $0 }
        let formToken = try #require(Self.cookie(WebHandlers.signInCookie, in: form.headers))
        let body = "_csrf=\(Self.encode(formToken))&key=\(Self.encode(key))"
        let signedIn = try await client.execute(
            uri: "/sign-in", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "\(WebHandlers.signInCookie)=\(formToken)"],
            body: ByteBuffer(string: body)) { $0 }
        guard signedIn.status == .seeOther, let session = Self.cookie(WebSession.cookie, in: signedIn.headers) else {
            throw WebTestError("sign-in failed with status \(signedIn.status.code)")
        }
        let landing = try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(WebSession.cookie)=\(session)"]) { $0 }
        let page = try await client.execute(
            uri: landing.headers[.location] ?? "/sources", method: .get, headers: [.cookie: "\(WebSession.cookie)=\(session)"]) { $0 }
        let html = String(buffer: page.body)
        guard let token = Self.meta("csrf-token", in: html) else { throw WebTestError("the page after sign-in has no CSRF token") }
        return WebTestClient(client: client, sessionCookie: session, csrfToken: token)
    }

    func get(_ uri: String) async throws -> Page {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookieHeader]) { Self.page($0) }
    }

    /// Posts a form with the page's CSRF token added, as the browser sends a form of ours.
    func post(_ uri: String, form: [(String, String)], csrf: Bool = true) async throws -> Page {
        let fields = (csrf ? [(WebSession.csrfField, csrfToken)] : []) + form
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post, headers: [.cookie: cookieHeader, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)) { Self.page($0) }
    }

    /// Posts JSON as a page's script does: session cookie plus the CSRF header.
    func postJSON(_ uri: String, _ json: String, csrf: Bool = true) async throws -> Page {
        var headers: HTTPFields = [.cookie: cookieHeader, .contentType: "application/json"]
        if csrf { headers[.csrfToken] = csrfToken }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json)) { Self.page($0) }
    }

    private var cookieHeader: String { "\(WebSession.cookie)=\(sessionCookie)" }

    private static func page(_ response: TestResponse) -> Page {
        Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for field in headers[values: .setCookie] {
            let pair = field.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name { return String(pair[1]) }
        }
        return nil
    }

    static func meta(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "<meta name=\"\(name)\" content=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

struct WebTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TestServer {
    /// Runs `body` with a browser stand-in signed in as `role`.
    func web(as role: Role = .researcher, _ body: @escaping @Sendable (WebTestClient) async throws -> Void) async throws {
        let token = try #require(tokens[role])
        try await Application(router: router).test(.router) { client in
            try await body(try await WebTestClient.signIn(client, key: token))
        }
    }
}
