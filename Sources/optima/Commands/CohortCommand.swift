import ArgumentParser
import Cohorts
import Foundation

struct CohortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Work with cohort definitions written as OHDSI ATLAS writes them (Circe JSON).",
        subcommands: [Generate.self, SQL.self, Describe.self])

    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "describe", abstract: "Print a cohort definition in words.")

        @Argument(help: "The definition (Circe JSON).")
        var definition: String

        func run() throws {
            print(CohortDescription(try CohortCommand.read(definition)).text)
        }
    }

    /// Reads a definition file; errors name the file and the JSON path.
    static func read(_ path: String) throws -> CohortExpression {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(path): cannot be read")
        }
        do {
            return try CohortExpression.parse(data)
        } catch let error as CohortDefinitionError {
            throw ValidationError("\(path): \(error)")
        }
    }
}
