import ArgumentParser
import CDMStore

/// The `--db` option every command that touches a CDM shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The CDM: sqlite:PATH, PATH.sqlite, or postgres://USER@HOST/DB?schema=NAME (default: OPTIMA_DB, else optima-data/optima.sqlite).")
    var db: String?

    func location() throws -> DatabaseLocation {
        try DatabaseLocation.resolve(db)
    }

    /// Opens the database, runs `body`, and closes it whatever happens.
    func withDatabase<T>(_ body: (any Database) async throws -> T) async throws -> T {
        let database = try await location().open()
        do {
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}
