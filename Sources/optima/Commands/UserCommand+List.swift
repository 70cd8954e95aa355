import ArgumentParser
import Foundation
import Governance

extension UserCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List users and service accounts, revoked ones included.")

        @Flag(help: "Print one JSON array of {name, role, kind, created_at, revoked_at}.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await database.withDatabase { db in
                try await db.createGovernanceSchema()
                return try await db.users()
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                Terminal.printJSON(try encoder.encode(users))
                return
            }
            for user in users {
                let status = user.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "active"
                print([user.name, user.role.rawValue, user.kind.rawValue, status]
                    .map { $0.padding(toLength: max(14, $0.count), withPad: " ", startingAt: 0) }.joined(separator: " "))
            }
        }
    }
}
