import ArgumentParser
import DecisionSupport
import Foundation

struct CDSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cds",
        abstract: "Decision support: guideline risk groups, stage and prognosis for one patient's prostate, breast or lung cancer.",
        subcommands: [Evaluate.self, Services.self])

    struct Services: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "services", abstract: "Print the CDS Hooks discovery document the server answers at /cds-services.")

        func run() throws {
            try Terminal.printJSON(encoding: CDSDiscovery())
        }
    }
}
