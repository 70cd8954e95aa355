import ArgumentParser
import Governance

extension UserCommand {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke a user and all its API keys; its tokens are refused from now on.")

        @Argument(help: "The user's name.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withAuditedDatabase("user revoke", resource: "user \(name)", purpose: .administration) { db in
                try await db.revokeUser(named: name)
            }
            print("revoked \(name) and its API keys")
        }
    }
}
