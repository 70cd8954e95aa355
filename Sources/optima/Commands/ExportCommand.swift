import ArgumentParser
import CDMStore
import Foundation
import Governance
import Ingest

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write CDM data out in an exchange format.",
        subcommands: [FHIR.self])

    struct FHIR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fhir",
            abstract: "Write persons as FHIR R4: one person's Bundle on standard output, or bulk-data NDJSON files with --out.",
            discussion: """
                Patient, Encounter, Condition, Observation, MedicationStatement and Procedure resources, mCODE-shaped for
                cancer conditions and their modifiers. --person takes the identifier the person was imported with, looked up
                by its pseudonym (site secrets, --secrets); the identifier is never printed. No resource carries it either.
                """)

        @Option(help: "The person's source identifier, as imported, or - to read it from standard input.")
        var person: String?

        @Option(name: .customLong("person-id"), help: "The person's OMOP person_id.")
        var personID: Int64?

        @Flag(help: "Every person (with --out).")
        var all = false

        @Option(help: ArgumentHelp("Write the bulk-data layout, one <Type>.ndjson per resource type, into this folder.", valueName: "dir"))
        var out: String?

        @Flag(help: "With --out, print what was written as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var secrets: SiteSecretsOptions

        func validate() throws {
            guard [person != nil, personID != nil, all].filter({ $0 }).count == 1 else {
                throw ValidationError("name whom to export: one of --person, --person-id or --all")
            }
            if all, out == nil { throw ValidationError("--all writes files: add --out DIR") }
        }

        /// What the export produced: one Bundle, or files.
        enum Output {
            case bundle(JSONObject)
            case files(FHIRExportSummary)

            /// Counts only, for the audit trail: never an identifier or a value.
            var auditDetail: String {
                switch self {
                case .bundle(let bundle): "1 person, resources \(bundle["entry"]?.array?.count ?? 0)"
                case .files(let summary): "resources \(summary.totalResources) in \(summary.files.count) files"
                }
            }
        }

        func run() async throws {
            let candidates = try person.map(candidates)
            let result = try await database.withAuditedDatabase(
                "export.fhir", resource: all ? "database" : "person", purpose: all ? .dataManagement : .dataSubjectRights,
                detail: { (output: Output) in output.auditDetail }
            ) { db in
                let personIDs = try await personIDs(candidates, db)
                guard let out else { return Output.bundle(try await db.fhirEverything(personID: personIDs?.first ?? 0)) }
                defer { Terminal.endProgress() }
                return Output.files(try await db.exportFHIR(to: out, personIDs: personIDs, progress: Self.progress()))
            }
            switch result {
            case .bundle(let bundle):
                print(JSONValue.object(bundle).serialized)
            case .files(let summary) where json:
                try Terminal.printJSON(encoding: summary)
            case .files(let summary):
                for (type, count) in summary.resourcesByType.sorted(by: { $0.key < $1.key }) {
                    print("  \(type.padding(toLength: 20, withPad: " ", startingAt: 0)) \(count.formatted())")
                }
                print("Exported \(summary.totalResources.formatted()) resources into \(summary.files.count) files in \(out ?? ".")")
            }
        }

        /// The persons to export; nil for all. An unknown person is an error naming how it was asked for.
        private func personIDs(_ candidates: [String]?, _ db: any Database) async throws -> [Int64]? {
            if let candidates {
                let held = try await db.personIDs(heldUnder: candidates)
                guard !held.isEmpty else { throw FHIRExportError.noPersonHeld }
                return held
            }
            guard let personID else { return nil }
            guard try await db.hasSchema(), try await !db.query("SELECT 1 FROM person WHERE person_id = ?", [.integer(personID)]).isEmpty else {
                throw FHIRExportError.unknownPerson(personID)
            }
            return [personID]
        }

        /// The identifier's pseudonyms under every site key; `-` reads the identifier from standard input.
        private func candidates(_ value: String) throws -> [String] {
            let identifier = (value == "-" ? readLine(strippingNewline: true) ?? "" : value).trimmingCharacters(in: .whitespaces)
            guard !identifier.isEmpty else { throw ValidationError("--person: no identifier given") }
            return Pseudonymizer(secrets: try secrets.load()).candidates(identifier)
        }

        /// Resources written per type, on a terminal only.
        private static func progress() -> (@Sendable (String, Int) -> Void)? {
            guard isatty(STDERR_FILENO) == 1 else { return nil }
            return { type, count in FileHandle.standardError.write(Data("\r\u{1B}[K  \(type): \(count.formatted()) resources".utf8)) }
        }
    }
}
