import ArgumentParser
import CDMStore

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare the database with CDM v5.4: missing tables, missing or mistyped fields, missing indices.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withDatabase { db in
            let issues = try await db.verifySchema()
            guard issues.isEmpty else {
                throw ValidationError("\(issues.count) difference(s) from CDM v5.4:\n  " + issues.map(\.description).joined(separator: "\n  "))
            }
            print("\(db.location) matches CDM v5.4")
        }
    }
}
