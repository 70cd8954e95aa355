import ArgumentParser
import Foundation
import Governance

extension UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a user or service account with a role; with --api-key, print its API key once on stdout.")

        @Argument(help: "The name: 1–64 of letters, digits, '.', '_', '@', '-' (the `sub` of its tokens).")
        var name: String

        @Option(help: "admin, data-steward, researcher, clinician or node.")
        var role: Role

        @Flag(help: "A service account (a script, a federation node, a CDS client) rather than a person.")
        var service = false

        @Flag(name: .customLong("api-key"), help: "Also create an API key and print it on stdout; it is shown only this once.")
        var apiKey = false

        @Option(name: .customLong("expires-days"), help: "Days until the API key expires (default: never).")
        var expiresDays: Int?

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let expiresDays {
                guard apiKey else { throw ValidationError("--expires-days applies to the key of --api-key") }
                guard expiresDays > 0 else { throw ValidationError("--expires-days must be positive, not \(expiresDays)") }
            }
        }

        func run() async throws {
            let principal = Principal(name: name, role: role, kind: service ? .service : .user)
            let key = try await database.withAuditedDatabase(
                "user add", resource: "user \(name)", purpose: .administration, detail: { _ in "role \(role.rawValue)" }
            ) { db in
                try await db.addUser(principal)
                return apiKey ? try await db.createAPIKey(for: name, expiresAt: expiresDays.map { Date(timeIntervalSinceNow: Double($0) * 86_400) }) : nil
            }
            let added = "added \(principal.kind.rawValue) \(name) with role \(role.rawValue)"
            if let key {
                FileHandle.standardError.write(Data("\(added); its API key follows on stdout, shown only this once\n".utf8))
                print(key)
            } else {
                print(added)
            }
        }
    }
}
