import ArgumentParser
import CDMStore

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare the database with CDM v5.4: missing tables, missing or mistyped fields, missing indices, non-unique keys.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withDatabase { db in
            try await Self.verify(db)
            print("\(db.location) matches CDM v5.4")
        }
    }

    /// Throws a readable list of every difference from CDM v5.4, if there is any. With
    /// `structureOnly`, keys the data repeats are warned about instead (the structure is right).
    static func verify(_ db: any Database, structureOnly: Bool = false) async throws {
        var issues = try await db.verifySchema()
        if structureOnly {
            issues.filter(\.isDataFinding).forEach { Terminal.warn($0.description) }
            issues.removeAll(where: \.isDataFinding)
        }
        guard issues.isEmpty else {
            throw ValidationError("\(issues.count) difference(s) from CDM v5.4:\n  " + issues.map(\.description).joined(separator: "\n  "))
        }
    }
}
