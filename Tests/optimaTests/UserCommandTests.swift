import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// `optima user` and `optima token` as an operator runs them, checked by the library that authenticates requests.
@Suite struct UserCommandTests {
    @Test(arguments: TestDatabases.backends)
    func aTokenIssuedOnTheCommandLineAuthenticatesUntilTheUserIsRevoked(_ backend: TestDatabases.Backend) async throws {
        let cli = CommandLineTests()
        let url = try TestDatabases.makeLocation(backend)
        let secretsPath = try TestDatabases.temporaryDirectory() + "/site-secrets.json"
        try SiteSecrets.generate().write(to: secretsPath)
        let keys = try TokenVerificationKeys(secrets: try SiteSecrets.load(from: secretsPath))

        #expect(try cli.optima(["user", "add", "ann", "--role", "researcher", "--db", url]).status == 0)
        let service = try cli.optima(["user", "add", "etl", "--role", "data-steward", "--service", "--api-key", "--expires-days", "30", "--db", url])
        #expect(service.status == 0, "\(service.stderr)")
        let duplicate = try cli.optima(["user", "add", "ann", "--role", "admin", "--db", url])
        #expect(duplicate.status != 0 && duplicate.stderr.contains("ann"))
        let issued = try cli.optima(["token", "issue", "--user", "ann", "--expires", "30m", "--db", url, "--secrets", secretsPath])
        #expect(issued.status == 0, "\(issued.stderr)")
        let token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.optima(["token", "issue", "--user", "ghost", "--db", url, "--secrets", secretsPath]).stderr.contains("ghost"))
        #expect(try cli.optima(["token", "issue", "--user", "ann", "--expires", "8 hours", "--db", url, "--secrets", secretsPath]).status != 0)

        let list = try cli.optima(["user", "list", "--json", "--db", url])
        let users = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(users.map { $0["name"] as? String } == ["ann", "etl"])
        #expect(users.map { $0["role"] as? String } == ["researcher", "data-steward"])
        #expect(users.allSatisfy { $0["revoked_at"] is NSNull && $0["created_at"] is String })

        let db = try await DatabaseLocation(parsing: url).open()
        let authenticator = Authenticator(database: db, keys: keys)
        #expect(try await authenticator.authenticate(authorizationHeader: "Bearer \(token)") == Principal(name: "ann", role: .researcher))
        let apiKey = service.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await authenticator.authenticate(authorizationHeader: "Bearer \(apiKey)") == Principal(name: "etl", role: .dataSteward, kind: .service))

        #expect(try cli.optima(["user", "revoke", "ann", "--db", url]).status == 0)
        await #expect(throws: AuthenticationError.self) { try await authenticator.authenticate(authorizationHeader: "Bearer \(token)") }
        #expect(try cli.optima(["token", "issue", "--user", "ann", "--db", url, "--secrets", secretsPath]).status != 0)
        if case .postgres(let target) = db.location { try await db.execute("DROP SCHEMA IF EXISTS \"\(target.schema)\" CASCADE") }
        try await db.close()
    }
}
