import Foundation
import Governance
import Hummingbird

extension WebHandlers {
    /// The cookie that ties a sign-in form to the browser that loaded it (login CSRF: without it another site could
    /// sign a visitor in as someone else).
    static let signInCookie = "optima_signin"

    func signInPage(_ web: WebRequest, message: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let formToken = WebSessionStore.randomToken()
        let next = Self.safeNext(web.formData?.value("next") ?? web.query("next"))
        var response = page(web, title: "Sign in", area: .signIn, status: status) {
            H.section(.class("card narrow"), .aria("labelledby", "sign-in-title")) {
                H.h1(.id("sign-in-title")) { "Sign in to Optima" }
                H.p(.class("muted")) {
                    "Use the API key or token your administrator gave you (`optima user add`, `optima token issue`, or the token "
                    "`optima demo` prints). What you may open depends on your role."
                }
                H.form(.method("post"), .action(WebRoute.signInSubmit.path), .id("sign-in-form")) {
                    H.input(.type("hidden"), .name(WebSession.csrfField), .value(formToken))
                    H.input(.type("hidden"), .name("next"), .value(next))
                    H.label(.for("key")) { "API key or token" }
                    H.input(.type("password"), .id("key"), .name("key"), .attr("autocomplete", "current-password"), .required,
                            message == nil ? .none : .aria("invalid", "true"), message == nil ? .none : .aria("describedby", "sign-in-error"))
                    if let message { H.p(.id("sign-in-error"), .class("error"), .role("alert")) { message } }
                    H.button(.type("submit"), .class("primary")) { "Sign in" }
                }
            }
        }
        response.setCookie(Cookie(name: Self.signInCookie, value: formToken, path: WebRoute.signIn.path, secure: settings.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    func signIn(_ web: WebRequest) async throws -> Response {
        let form = try await web.form()
        guard WebSessionStore.matches(form.value(WebSession.csrfField), web.request.cookies[Self.signInCookie]?.value ?? "") else {
            return signInPage(web, message: "The sign-in form expired. Please try again.", status: .forbidden)
        }
        let principal: Principal
        do {
            principal = try await security.authenticator.authenticate(authorizationHeader: "Bearer \(form.text("key") ?? "")")
        } catch let error as AuthenticationError {
            try await recordSignIn(web, actor: nil, outcome: .denied, detail: error.description)
            return signInPage(web, message: "That key or token was not accepted: \(error.description).", status: .unauthorized)
        }
        guard principal.role != .node else {
            try await recordSignIn(web, actor: principal, outcome: .denied, detail: "service accounts of nodes have no web access")
            return signInPage(web, message: "A node's service account cannot sign in to the web application.", status: .forbidden)
        }
        let session = await security.sessions.create(userName: principal.name)
        try await recordSignIn(web, actor: principal, outcome: .success, detail: nil)
        var response = redirect(to: Self.safeNext(form.value("next"), fallback: landingPage(for: WebRequest(
            request: web.request, context: web.context, principal: principal, csrfToken: session.csrfToken, formData: nil))))
        response.setCookie(Cookie(name: WebSession.cookie, value: session.id, path: "/", secure: settings.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    func signOut(_ web: WebRequest) async throws -> Response {
        if let id = web.request.cookies[WebSession.cookie]?.value { await security.sessions.remove(id: id) }
        var response = redirect(to: WebRoute.signIn.path)
        response.setCookie(Cookie(name: WebSession.cookie, value: "", maxAge: 0, path: "/", secure: settings.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// A local path to return to after signing in; anything else (another site, `//host`) falls back.
    static func safeNext(_ next: String?, fallback: String = "") -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return fallback }
        return next
    }

    private func recordSignIn(_ web: WebRequest, actor: Principal?, outcome: AuditOutcome, detail: String?) async throws {
        try await security.audit.record(AuditEvent(
            actor: actor?.name ?? "anonymous", role: actor?.role.rawValue, action: "POST /sign-in", resource: "web session",
            outcome: outcome, purpose: .security, requestID: web.context.id, detail: detail))
    }
}
