import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

@Suite struct IdentityTests {
    @Test(arguments: TestDatabases.backends)
    func addsListsAndRevokesUsers(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            try await f.db.addUser(Principal(name: "bob.researcher", role: .researcher))
            try await f.db.addUser(Principal(name: "node-1", role: .node, kind: .service))
            let users = try await f.db.users()
            #expect(users.map(\.name) == ["bob.researcher", "node-1"])
            #expect(users.map(\.role) == [.researcher, .node])
            #expect(users.map(\.kind) == [.user, .service])
            #expect(users.allSatisfy { $0.isActive && abs($0.createdAt.timeIntervalSinceNow) < 60 })
            #expect(try await f.db.activePrincipal(named: "node-1") == Principal(name: "node-1", role: .node, kind: .service))

            try await f.db.revokeUser(named: "bob.researcher")
            try await f.db.revokeUser(named: "bob.researcher")
            #expect(try await f.db.activePrincipal(named: "bob.researcher") == nil)
            #expect(try await f.db.users().first { $0.name == "bob.researcher" }?.revokedAt != nil)
            #expect(try await f.db.activePrincipal(named: "node-1") != nil)
            let unknown = await #expect(throws: IdentityError.self) { try await f.db.revokeUser(named: "nobody") }
            #expect(unknown?.description.contains("nobody") == true)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func refusesDuplicateAndBadNames(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            try await f.db.addUser(Principal(name: "ann@site.example", role: .clinician))
            let duplicate = await #expect(throws: IdentityError.self) { try await f.db.addUser(Principal(name: "ann@site.example", role: .admin)) }
            #expect(duplicate?.description.contains("ann@site.example") == true)
            try await f.db.revokeUser(named: "ann@site.example")
            await #expect(throws: IdentityError.self) { try await f.db.addUser(Principal(name: "ann@site.example", role: .admin)) }
            for bad in ["", String(repeating: "a", count: 65), "a b", "zoë", "x/y", "a;DROP"] {
                await #expect(throws: IdentityError.self, "\(bad)") { try await f.db.addUser(Principal(name: bad, role: .researcher)) }
            }
            try await f.db.addUser(Principal(name: String(repeating: "a", count: 64), role: .researcher))
            #expect(try await f.db.users().map(\.role) == [.researcher, .clinician])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func acceptsAnAPIKeyUntilRevokedOrExpired(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            try await f.db.addUser(Principal(name: "etl", role: .dataSteward, kind: .service))
            let key = try await f.db.createAPIKey(for: "etl")
            #expect(key.hasPrefix("opk_"))
            let principal = try await f.authenticator().authenticate(authorizationHeader: "Bearer \(key)")
            #expect(principal == Principal(name: "etl", role: .dataSteward, kind: .service))

            let wrongSecret = String(key.dropLast()) + (key.last == "0" ? "1" : "0")
            #expect(try await f.refusal("Bearer \(wrongSecret)") == "invalid API key")
            #expect(try await f.refusal("Bearer opk_0123456789abcdef_" + String(repeating: "0", count: 64)) == "invalid API key")
            #expect(try await f.refusal("Bearer opk_short") == "malformed API key")

            let expired = try await f.db.createAPIKey(for: "etl", expiresAt: Date(timeIntervalSinceNow: -1))
            #expect(try await f.refusal("Bearer \(expired)") == "API key expired")
            let later = try await f.db.createAPIKey(for: "etl", expiresAt: Date(timeIntervalSinceNow: 3600))
            #expect(try await f.refusal("Bearer \(later)") == nil)

            let keyID = String(key.split(separator: "_")[1])
            try await f.db.revokeAPIKey(id: keyID)
            #expect(try await f.refusal("Bearer \(key)") == "API key revoked")
            #expect(try await f.refusal("Bearer \(later)") == nil)
            await #expect(throws: IdentityError.self) { try await f.db.revokeAPIKey(id: "0000000000000000") }

            try await f.db.revokeUser(named: "etl")
            #expect(try await f.refusal("Bearer \(later)") != nil)
            for refused in [wrongSecret, expired, key, later] {
                let description = try #require(try await f.refusal("Bearer \(refused)"))
                #expect(!description.contains(refused) && !description.contains(String(refused.suffix(64))))
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func refusesAPIKeysForUnknownOrRevokedUsers(_ backend: TestDatabases.Backend) async throws {
        try await IdentityFixture.with(backend) { f in
            await #expect(throws: IdentityError.self) { try await f.db.createAPIKey(for: "ghost") }
            try await f.db.addUser(Principal(name: "gone", role: .researcher))
            try await f.db.revokeUser(named: "gone")
            await #expect(throws: IdentityError.self) { try await f.db.createAPIKey(for: "gone") }
            // A key whose own row is still live is refused once its user is revoked.
            try await f.db.addUser(Principal(name: "left", role: .researcher))
            let key = try await f.db.createAPIKey(for: "left")
            try await f.db.execute("UPDATE optima_user SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE name = 'left'")
            #expect(try await f.refusal("Bearer \(key)") == "unknown or revoked identity")
        }
    }

    @Test func theDatabaseFileNeverHoldsAnAPIKeySecret() async throws {
        try await IdentityFixture.with(.sqlite) { f in
            try await f.db.addUser(Principal(name: "script", role: .researcher, kind: .service))
            let key = try await f.db.createAPIKey(for: "script")
            let secret = String(key.split(separator: "_")[2])
            let hash = try #require(try await f.db.query("SELECT secret_hash FROM optima_api_key").first?["secret_hash"].textValue)
            let path = String(f.location.dropFirst("sqlite:".count))
            var bytes = Data()
            for file in [path, path + "-wal", path + "-journal"] { bytes.append(FileManager.default.contents(atPath: file) ?? Data()) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(hash), "the grep must see what the table holds")
            #expect(!text.contains(secret))
        }
    }
}
