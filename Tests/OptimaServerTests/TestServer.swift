import CDMStore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting

@testable import OptimaServer

/// A router over a test database with one user of every role, and tokens for each: what every server test
/// starts from, so the tests go through the same authentication and audit as production requests.
struct TestServer {
    let router: Router<BasicRequestContext>
    let tokens: [Role: String]
    let secrets: SiteSecrets

    static func make(_ db: any Database) async throws -> TestServer {
        try await db.createGovernanceSchema()
        let secrets = SiteSecrets.generate()
        let issuer = TokenIssuer(secrets: secrets)
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            let principal = Principal(name: "test-\(role.rawValue)", role: role)
            try await db.addUser(principal)
            tokens[role] = try await issuer.issue(for: principal, lifetime: 3600)
        }
        let security = try ServerSecurity(database: db, secrets: secrets)
        return TestServer(router: try OptimaServer.makeRouter(database: db, security: security), tokens: tokens, secrets: secrets)
    }

    /// The routes the router serves, as (method, path) pairs a test closure may carry.
    var served: ServedRoutes {
        ServedRoutes(routes: router.routes.map { .init(method: $0.method, path: $0.path.description) }, secrets: secrets)
    }

    /// Runs `body` with a client signed in as `role`.
    func test(as role: Role = .researcher, _ body: @escaping @Sendable (SignedInClient) async throws -> Void) async throws {
        let tokens = tokens
        try await Application(router: router).test(.router) { client in
            try await body(SignedInClient(client: client, tokens: tokens, role: role))
        }
    }
}

/// A test client that sends a bearer token of its role with every request, unless the request brings its own
/// `Authorization` header or the client was made anonymous.
struct SignedInClient: Sendable {
    let client: any TestClientProtocol
    let tokens: [Role: String]
    let role: Role?

    func `as`(_ role: Role?) -> SignedInClient {
        SignedInClient(client: client, tokens: tokens, role: role)
    }

    @discardableResult func execute<Return>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        testCallback: @escaping (TestResponse) async throws -> Return = { $0 }
    ) async throws -> Return {
        var headers = headers
        if headers[.authorization] == nil, let role, let token = tokens[role] { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body, testCallback: testCallback)
    }
}

/// What a test needs to know of a `TestServer` inside a concurrent closure.
struct ServedRoutes: Sendable {
    struct Route: Sendable {
        let method: HTTPRequest.Method
        let path: String
    }

    let routes: [Route]
    let secrets: SiteSecrets
}
