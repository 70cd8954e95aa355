import ArgumentParser
import CDMStore
import DecisionSupport
import Federation
import Foundation

/// `optima study validate|hash|run`: a federated study from the coordinator's side.
struct StudyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Check, identify and run a federated study across the network's nodes.",
        subcommands: [Validate.self, Hash.self, Run.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a study document; every problem names its field.")

        @Argument(help: "The study document (JSON, schema optima-study/1).") var study: String

        func run() async throws {
            do {
                let specification = try StudySpecification(contentsOf: URL(fileURLWithPath: study))
                print("\(study): valid — \(specification.analyses.count) analyses on \(specification.nodes.count) nodes; hash \(specification.hash)")
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(64)
            }
        }
    }

    struct Hash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the study's hash, which each node's steward approves (optima node approve HASH).")

        @Argument(help: "The study document.") var study: String

        func run() async throws {
            do {
                print(try StudySpecification(contentsOf: URL(fileURLWithPath: study)).hash)
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(64)
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a study on the network's nodes and write the result (result.json, result.md, SVGs).",
            discussion: "With --state the run can be stopped and resumed: finished analyses are not asked again.")

        @Argument(help: "The study document.") var study: String
        @Option(help: "The network file (YAML: coordinator, nodes, time limits).") var network: String
        @Option(help: "Keep the run's state here, to resume after a stop.") var state: String?
        @Option(help: "Write the result into this folder.") var out = "study-result"
        @Option(help: "Register trained models in this database (sqlite:PATH or postgres://…).") var registry: String?
        @Flag(help: "Print the result as one JSON document.") var json = false

        func run() async throws {
            let specification: StudySpecification
            do { specification = try StudySpecification(contentsOf: URL(fileURLWithPath: study)) } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(64)
            }
            var database: (any Database)?
            if let registry { database = try await DatabaseLocation(parsing: registry).open() }
            do {
                let quiet = json
                let runner = try StudyRunner(
                    study: specification, network: try NetworkConfiguration(contentsOf: URL(fileURLWithPath: network)),
                    stateFile: state.map { URL(fileURLWithPath: $0) }, registry: database.map { ModelRegistry(database: $0) },
                    log: { line in if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) } })
                let result = try await runner.run()
                try result.write(to: URL(fileURLWithPath: out))
                try await database?.close()
                if json {
                    Terminal.printJSON(try result.jsonDocument())
                } else {
                    for node in result.nodes { print(node.summary + ", \(node.stepsAnswered) steps, \(node.retries) retries") }
                    print("\(result.analyses.count) analyses done; result in \(out)/result.md")
                }
            } catch {
                try? await database?.close()
                throw error
            }
        }
    }
}
