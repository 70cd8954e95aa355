import ArgumentParser
import CDMStore
import Cohorts
import Evidence
import Foundation
import Governance

extension CohortCommand {
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Generate a cohort into the CDM's cohort table and print its attrition.")

        @Argument(help: "The definition (Circe JSON).")
        var definition: String

        @Option(name: .customLong("cohort-id"), help: "The cohort_definition_id to write; its previous rows are replaced.")
        var cohortID: Int64

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The name analyses report it under (default: the file's name, e.g. \"breast cancer\" for breast-cancer.json).")
        var name: String?

        @Option(help: "Also write the cohort as CSV (subject_id,cohort_start_date,cohort_end_date), ordered.")
        var output: String?

        @Option(help: "Write the attrition by person as an SVG bar chart (counts under 5 read \"<5\").")
        var svg: String?

        @Flag(help: "Print the result as JSON: cohortID, rows, persons, byEvent, byPerson, seconds.")
        var json = false

        func run() async throws {
            let expression = try CohortCommand.read(definition)
            let cohortName = name ?? URL(fileURLWithPath: definition).deletingPathExtension().lastPathComponent.replacingOccurrences(of: "-", with: " ")
            let (generation, minimum) = try await database.withAuditedDatabase(
                "cohort generate", resource: "cohort \(cohortID)", purpose: .research, detail: { (result: (CohortGeneration, Int)) in "rows \(result.0.rows)" }
            ) { db in
                let generation = try await db.generateCohort(expression, cohortID: cohortID)
                try await db.storeCohortDefinition(id: cohortID, name: cohortName, description: nil,
                                                   json: try Data(contentsOf: URL(fileURLWithPath: definition)))
                if let output { try await CohortCSV.write(cohortID: cohortID, from: db, to: output) }
                return (generation, try await db.siteMinimumCellCount())
            }
            if let svg {
                try Data(generation.byPerson.chart(title: "Attrition of \(cohortName), persons", minimumCount: minimum).svg().utf8).write(to: URL(fileURLWithPath: svg), options: .atomic)
            }
            if json {
                try Terminal.printJSON(encoding: generation)
            } else {
                print(AttritionTable(generation).text)
            }
        }
    }

    struct SQL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql", abstract: "Print the SQL that generates a cohort, for a SQL shell.")

        @Argument(help: "The definition (Circe JSON).")
        var definition: String

        @Option(help: "sqlite or postgresql.")
        var dialect: SQLDialect = .sqlite

        @Option(name: .customLong("cohort-id"), help: "The cohort_definition_id the SQL writes.")
        var cohortID: Int64 = 1

        @Flag(help: "Write the concept sets as resolved in --db, as `cohort generate` runs them (the dialect is the database's).")
        var resolved = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let expression = try CohortCommand.read(definition)
            let compiler = resolved
                ? try await database.withDatabase { db in try await db.compiler(for: expression, cohortID: cohortID) }
                : CohortCompiler(expression, cohortID: cohortID, dialect: dialect)
            print(try compiler.script(), terminator: "")
        }
    }
}

extension SQLDialect: ExpressibleByArgument {}
