import ArgumentParser
import Governance

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and revoke users and service accounts; a revoked one's tokens and API keys stop at once.",
        subcommands: [Add.self, List.self, Revoke.self])
}

extension Role: ExpressibleByArgument {}
