import ArgumentParser
import Foundation
import Governance

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue bearer tokens signed with the site's key.", subcommands: [Issue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Print a signed token (HS256 JWT) for an active user, and nothing else: TOKEN=$(optima token issue --user NAME).")

        @Option(help: "The user the token is for.")
        var user: String

        @Option(help: "How long it is valid: minutes, hours or days, e.g. 30m, 8h, 7d.")
        var expires = "8h"

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var secrets: SiteSecretsOptions

        func validate() throws {
            guard TokenCommand.seconds(expires) != nil else {
                throw ValidationError("--expires \(expires): write a positive whole number of minutes, hours or days, e.g. 30m, 8h, 7d")
            }
        }

        func run() async throws {
            let siteSecrets = try secrets.load()
            let principal = try await database.withAuditedDatabase(
                "token issue", resource: "user \(user)", purpose: .administration,
                outcome: { $0 == nil ? .failed : .success }
            ) { db in
                try await db.activePrincipal(named: user)
            }
            guard let principal else { throw ValidationError("no active user named \(user): add it with `optima user add`") }
            print(try await TokenIssuer(secrets: siteSecrets).issue(for: principal, lifetime: TokenCommand.seconds(expires) ?? 0))
        }
    }

    /// Seconds in a lifetime written `30m`, `8h` or `7d`; nil when it is not one.
    static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["m": 60, "h": 3_600, "d": 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Int(text.dropLast()), count > 0 else { return nil }
        return TimeInterval(count) * unit
    }
}
