import ArgumentParser
import DecisionSupport
import Foundation

extension CDSCommand {
    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Evaluate the decision-support tools for one patient, from a patient-facts JSON file or a person in the CDM.",
            discussion: """
                Without --tool, every tool for the patient's cancer ("cancer" in the facts) runs. Tools: \
                \(ToolID.allCases.map(\.rawValue).joined(separator: ", ")). The fields of the facts file are listed in the
                README, section "Decision support". An impossible value (PSA below 0, T category T9, age 300) is an error
                naming the field; a missing fact is not: each tool says what it blocks.
                """)

        @Argument(help: ArgumentHelp("A patient-facts JSON file, or - for standard input.", valueName: "patient.json"))
        var patient: String?

        @Option(help: ArgumentHelp("One tool.", valueName: "id"))
        var tool: ToolID?

        @Option(name: .customLong("person-id"), help: "Read the facts of this OMOP person from the database instead of a file.")
        var personID: Int64?

        @Flag(help: "Add the real-world outcomes of similar patients in the database.")
        var similar = false

        @Option(name: .customLong("icon-array"), help: ArgumentHelp("Write the tool's 100-person icon array here (SVG).", valueName: "file"))
        var iconArray: String?

        @Flag(help: "Print the evaluations as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (patient == nil) != (personID == nil) else { throw ValidationError("name the patient: a facts file or --person-id") }
            if iconArray != nil, tool == nil { throw ValidationError("--icon-array needs --tool (predict-prostate or predict-breast)") }
        }

        func run() async throws {
            let facts = try await patientFacts()
            let tools = try DecisionTools()
            let evaluations: [Evaluation]
            if let tool {
                evaluations = [tools.evaluate(tool, facts)]
            } else {
                guard facts.cancer != nil else { throw ValidationError("the facts name no cancer: add \"cancer\" or choose a --tool") }
                evaluations = tools.evaluateAll(facts)
            }
            let outcome = similar ? try await database.withAuditedDatabase(
                "cds.similar-patients", resource: "database", purpose: .care) { try await $0.similarPatientOutcomes(to: facts) } : nil
            if let iconArray {
                guard let picture = evaluations.first?.output?.iconArray else { throw ValidationError("\(tool!.rawValue) gives no icon array") }
                try (try picture.svg).write(toFile: iconArray, atomically: true, encoding: .utf8)
            }
            if json {
                try printJSON(evaluations, outcome)
            } else {
                for evaluation in evaluations { print(EvaluationText(evaluation).text) }
                if let outcome { print("== Real-world outcomes of similar patients\n\(outcome.summary)\n\n\(outcome.detail)") }
            }
        }

        private func printJSON(_ evaluations: [Evaluation], _ outcome: SimilarPatientsOutcome?) throws {
            struct Report: Encodable {
                let evaluations: [Evaluation]
                let similarPatients: SimilarPatientsOutcome?
            }
            if tool != nil, outcome == nil {
                try Terminal.printJSON(encoding: evaluations[0])
            } else {
                try Terminal.printJSON(encoding: Report(evaluations: evaluations, similarPatients: outcome))
            }
        }

        private func patientFacts() async throws -> PatientFacts {
            if let personID {
                return try await database.withAuditedDatabase("cds.evaluate", resource: "person", purpose: .care) {
                    try await $0.patientFacts(personID: personID)
                }
            }
            let path = patient ?? "-"
            let text: String
            if path == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: path) else { throw FactsFileError(description: "cannot read \(path)") }
                text = String(decoding: data, as: UTF8.self)
            }
            do {
                return try PatientFacts(jsonText: text)
            } catch {
                throw FactsFileError(description: "\(path): \(error.description)")
            }
        }
    }
}

/// A facts file that cannot be used: one line naming the file and each bad field, without the usage text.
private struct FactsFileError: Error, CustomStringConvertible {
    let description: String
}

extension ToolID: ExpressibleByArgument {}
