import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Testing

@testable import OptimaServer

/// The gate in front of every page: sign-in through the form, sessions, role checks, CSRF, security headers, and
/// the audit trail — enumerated from `WebRoute.allCases`, so a new page cannot slip through.
@Suite struct WebGateTests {
    func withServer(_ body: @escaping @Sendable (TestServer, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            _ = try await db.importFolder(try ServerFixtures.folder(), kind: .omop)
            try await body(try await TestServer.make(db), db)
        }
    }

    static func uri(_ route: WebRoute) -> String {
        route.path.replacingOccurrences(of: ":id", with: "999999").replacingOccurrences(of: ":kind", with: "survival")
            .replacingOccurrences(of: ":tool", with: "no-such-tool").replacingOccurrences(of: ":file", with: "optima.css")
    }

    @Test func pagesNeedASessionAndSendTheBrowserToSignIn() async throws {
        try await withServer { server, _ in
            try await server.test { client in
                for route in WebRoute.allCases where !route.permission.isPublic {
                    try await client.as(nil).execute(uri: Self.uri(route), method: route.method) { response in
                        #expect(response.status == .seeOther, "\(route.method) \(route.path)")
                        #expect(response.headers[.location]?.hasPrefix("/sign-in") == true, "\(route.path)")
                    }
                }
            }
        }
    }

    @Test func everyRoleSeesOnlyItsPagesAndRefusalsAreAudited() async throws {
        try await withServer { server, db in
            for role in Role.allCases where role != .node {
                try await server.web(as: role) { web in
                    for route in WebRoute.allCases where route.method == .get && !route.permission.isPublic {
                        let page = try await web.get(Self.uri(route))
                        if role.allows(route.permission) {
                            #expect(page.status != .forbidden && page.status != .seeOther, "\(role) on \(route.path): \(page.status)")
                        } else {
                            #expect(page.status == .forbidden, "\(role) on \(route.path): \(page.status)")
                            #expect(page.body.contains("id=\"problem-message\""))
                        }
                    }
                    let landing = try await web.get("/")
                    let first = try #require(landing.location)
                    let home = try await web.get(first)
                    #expect(home.status == .ok, "\(role) lands on \(first)")
                    for area in WebArea.allCases {
                        guard let route = area.route else { continue }
                        #expect(home.body.contains("href=\"\(route.path)\"") == role.allows(route.permission), "\(role): nav link \(route.path)")
                    }
                }
            }
            let refused = try await db.auditEntries().filter { $0.event.outcome == .denied && $0.event.action.hasPrefix("GET /") }
            let expected = Role.allCases.filter { $0 != .node }.reduce(0) { sum, role in
                sum + WebRoute.allCases.filter { $0.method == .get && !$0.permission.isPublic && !role.allows($0.permission) }.count
            }
            #expect(refused.count == expected)
            #expect(try await db.verifyAuditChain().isIntact)
        }
    }

    @Test func signInRefusesBadKeysNodesAndForeignFormsAndRecordsIt() async throws {
        try await withServer { server, db in
            let tokens = server.tokens
            try await server.test { client in
                let form = try await client.as(nil).execute(uri: "/sign-in", method: .get) { $0 }
                let token = try #require(WebTestClient.cookie(WebHandlers.signInCookie, in: form.headers))
                func post(key: String, formToken: String, cookie: String) async throws -> TestResponse {
                    try await client.as(nil).execute(
                        uri: "/sign-in", method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "\(WebHandlers.signInCookie)=\(cookie)"],
                        body: ByteBuffer(string: "_csrf=\(formToken)&key=\(WebTestClient.encode(key))")) { $0 }
                }
                let bad = try await post(key: "opk_nokey_nosecret", formToken: token, cookie: token)
                #expect(bad.status == .unauthorized)
                #expect(String(buffer: bad.body).contains("id=\"sign-in-error\""))
                #expect(!String(buffer: bad.body).contains("nosecret"), "the page echoes the key")
                #expect(WebTestClient.cookie(WebSession.cookie, in: bad.headers) == nil)
                let node = try await post(key: try #require(tokens[.node]), formToken: token, cookie: token)
                #expect(node.status == .forbidden)
                let foreign = try await post(key: try #require(tokens[.admin]), formToken: token, cookie: "another")
                #expect(foreign.status == .forbidden)
                #expect(WebTestClient.cookie(WebSession.cookie, in: foreign.headers) == nil)
                let good = try await post(key: try #require(tokens[.admin]), formToken: token, cookie: token)
                #expect(good.status == .seeOther)
                let setCookie = good.headers[values: .setCookie].first { $0.hasPrefix(WebSession.cookie) } ?? ""
                #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            }
            let signIns = try await db.auditEntries().filter { $0.event.action == "POST /sign-in" }
            #expect(signIns.map(\.event.outcome) == [.denied, .denied, .success])
        }
    }

    @Test func signInReturnsOnlyToLocalPages() {
        #expect(WebHandlers.safeNext("/cohorts/3") == "/cohorts/3")
        #expect(WebHandlers.safeNext("//evil.example/x") == "")
        #expect(WebHandlers.safeNext("https://evil.example") == "")
        #expect(WebHandlers.safeNext("/\\evil.example") == "")
    }

    @Test func postsWithoutTheSessionTokenAreRefused() async throws {
        try await withServer { server, db in
            try await server.web(as: .researcher) { web in
                let refused = try await web.post("/cohorts/import", form: [("json", "{}")], csrf: false)
                #expect(refused.status == .forbidden)
                let forged = try await web.post("/cohorts/import", form: [("_csrf", "forged"), ("json", "{}")], csrf: false)
                #expect(forged.status == .forbidden)
                let api = try await web.postJSON("/api/explore/counts", "{\"constraint\":{\"type\":\"true\"}}", csrf: false)
                #expect(api.status == .unauthorized)
            }
            let csrf = try await db.auditEntries().filter { $0.event.detail?.contains("CSRF") == true }
            #expect(csrf.count == 3)
        }
    }

    @Test func signOutEndsTheSessionAndARevokedUserIsOutAtOnce() async throws {
        try await withServer { server, db in
            try await server.web(as: .researcher) { web in
                #expect(try await web.get("/cohorts").status == .ok)
                try await db.revokeUser(named: "test-researcher")
                #expect(try await web.get("/cohorts").status == .seeOther)
            }
            try await server.web(as: .admin) { web in
                #expect(try await web.get("/sources").status != .seeOther)
                let out = try await web.post("/sign-out", form: [])
                #expect(out.status == .seeOther)
                #expect(try await web.get("/sources").status == .seeOther)
                #expect(try await web.get("/api/me").status == .unauthorized)
            }
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await withServer { server, _ in
            try await server.web(as: .admin) { web in
                for uri in ["/sign-in", "/cohorts", "/assets/optima.css", "/api/me"] {
                    let page = try await web.get(uri)
                    #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(uri)")
                    #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                    #expect(page.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(page.headers[.serverTiming]?.hasPrefix("app;dur=") == true, "\(uri)")
                }
                let css = try await web.get("/assets/optima.css")
                #expect(css.headers[.contentType]?.hasPrefix("text/css") == true && css.body.contains("--accent"))
                #expect(try await web.get("/assets/none.js").status == .notFound)
            }
        }
    }
}
