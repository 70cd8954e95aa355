import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Testing

@testable import OptimaServer

/// Every route of the server behind its permission: 401 without a valid identity, 403 for a role without
/// the permission, and an audit entry for each — enumerated from the router itself, so a new route cannot
/// slip through.
@Suite struct AccessControlTests {
    func withServer(_ body: @escaping @Sendable (ServedRoutes, SignedInClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            _ = try await db.importFolder(try ServerFixtures.folder(), kind: .omop)
            let server = try await TestServer.make(db)
            let served = server.served
            try await server.test { client in try await body(served, client, db) }
        }
    }

    /// The endpoint a served route belongs to; every route must have one, and so a permission.
    static func endpoint(of route: ServedRoutes.Route) -> APIEndpoint? {
        APIEndpoint.allCases.first { $0.method == route.method && RouterPath($0.path).description == route.path }
    }

    /// A concrete, harmless URI for a route: ids that do not exist, so no request of this suite changes data.
    static func uri(_ endpoint: APIEndpoint) -> String {
        endpoint.path.replacingOccurrences(of: ":id", with: "999999").replacingOccurrences(of: ":name", with: "nobody")
            .replacingOccurrences(of: ":tool", with: "no-such-tool")
    }

    /// Liveness and the CDS Hooks discovery document (which the specification lets an EHR read before it has a token).
    @Test func everyRouteDeclaresAPermissionAndOnlyHealthCDSDiscoveryAndSignInArePublic() async throws {
        try await withServer { server, _, _ in
            #expect(server.routes.count == APIEndpoint.allCases.count + WebRoute.allCases.count)
            for route in server.routes {
                if let page = WebRoute.allCases.first(where: { $0.method == route.method && RouterPath($0.path).description == route.path }) {
                    #expect(page.permission.isPublic == [.home, .signIn, .signInSubmit, .asset].contains(page), "page \(page.path) is public")
                    continue
                }
                let endpoint = try #require(Self.endpoint(of: route), "route \(route.method) \(route.path) is neither an APIEndpoint nor a WebRoute")
                #expect(endpoint.permission.isPublic == [.health, .cdsDiscovery].contains(endpoint), "\(endpoint.path) is public")
            }
        }
    }

    @Test func everyProtectedRouteAnswers401WithoutAValidToken() async throws {
        try await withServer { _, client, db in
            let forged = try await TokenIssuer(secrets: .generate()).issue(for: Principal(name: "test-admin", role: .admin), lifetime: 600)
            for endpoint in APIEndpoint.allCases where !endpoint.permission.isPublic {
                for header in [nil, "Bearer \(forged)", "Bearer opk_nokey_nosecret", "Basic YWRtaW46YWRtaW4="] {
                    var headers: HTTPFields = [:]
                    if let header { headers[.authorization] = header }
                    try await client.as(nil).execute(uri: Self.uri(endpoint), method: endpoint.method, headers: headers) { response in
                        #expect(response.status == .unauthorized, "\(endpoint.method) \(endpoint.path) with \(header == nil ? "no token" : "a bad token")")
                        #expect(response.headers[.wwwAuthenticate] == "Bearer")
                        let body = String(buffer: response.body)
                        #expect(!body.contains(forged) && !body.contains("nosecret") && !body.contains("YWRtaW46"), "the error echoes the credential")
                    }
                }
            }
            let denied = try await db.auditEntries().filter { $0.event.outcome == .denied }
            #expect(denied.count == 4 * APIEndpoint.allCases.filter { !$0.permission.isPublic }.count)
            #expect(denied.allSatisfy { $0.event.actor == "anonymous" && $0.event.purpose == .security })
            #expect(try await db.verifyAuditChain().isIntact)
        }
    }

    /// Each role on each route: allowed roles get past access control (their status is the handler's, e.g.
    /// 404 for the absent ids used here), the others get 403 and an audit entry naming their role.
    @Test func everyRoleBoundaryIsEnforced() async throws {
        try await withServer { _, client, db in
            for endpoint in APIEndpoint.allCases where !endpoint.permission.isPublic {
                for role in Role.allCases {
                    try await client.as(role).execute(uri: Self.uri(endpoint), method: endpoint.method) { response in
                        let where_ = "\(role.rawValue) on \(endpoint.method) \(endpoint.path)"
                        if role.allows(endpoint.permission) {
                            #expect(response.status != .unauthorized && response.status != .forbidden, "\(where_): \(response.status)")
                        } else {
                            #expect(response.status == .forbidden, "\(where_): \(response.status)")
                        }
                    }
                }
            }
            let entries = try await db.auditEntries()
            let refused = entries.filter { $0.event.outcome == .denied }
            let expected = APIEndpoint.allCases.reduce(0) { sum, endpoint in
                sum + (endpoint.permission.isPublic ? 0 : Role.allCases.filter { !$0.allows(endpoint.permission) }.count)
            }
            #expect(refused.count == expected)
            #expect(refused.allSatisfy { $0.event.role != nil && $0.event.actor.hasPrefix("test-") })
            #expect(try await db.verifyAuditChain().isIntact)
        }
    }

    @Test func expiredAndRevokedTokensStopWorking() async throws {
        try await withServer { server, client, db in
            let researcher = Principal(name: "test-researcher", role: .researcher)
            let expired = try await TokenIssuer(secrets: server.secrets).issue(for: researcher, lifetime: 60, now: Date().addingTimeInterval(-3600))
            try await client.execute(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(expired)"]) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("expired"))
            }
            try await client.execute(uri: "/api/me", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""role":"researcher""#))
            }
            try await client.as(.admin).execute(uri: "/api/users/test-researcher/revoke", method: .post) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/me", method: .get) { #expect($0.status == .unauthorized) }
            #expect(try await db.activePrincipal(named: "test-researcher") == nil)
        }
    }

    /// Concurrent requests are each audited once, and the chain they leave verifies: a researcher asks who they
    /// are (a cheap handler, so the test loads authentication and audit) and, one time in ten, for the consent
    /// register, which their role may not read.
    @Test func aThousandConcurrentRequestsLeaveAnIntactChain() async throws {
        try await withServer { _, client, db in
            let before = try await db.auditEntries().count
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<1_000 {
                    group.addTask {
                        try await client.execute(uri: index.isMultiple(of: 10) ? "/api/consent" : "/api/me", method: .get) { _ in }
                    }
                }
                try await group.waitForAll()
            }
            let entries = try await db.auditEntries(limit: 10_000)
            #expect(entries.count - before == 1_000)
            #expect(entries.filter { $0.event.outcome == .denied }.count == 100)
            let verification = try await db.verifyAuditChain()
            #expect(verification.isIntact)
            #expect(verification.entries == entries.count)
        }
    }
}
