import Foundation

/// Where a CDM lives, parsed from the `--db` / `OPTIMA_DB` URL forms of the house conventions:
/// `sqlite:PATH`, a plain path ending `.sqlite`/`.db`, or
/// `postgres://USER[:PASS]@HOST[:PORT]/DB[?schema=NAME]`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The embedded default: `optima-data/optima.sqlite` under the current directory.
    public static let defaultPath = "optima-data/optima.sqlite"

    /// The location named by `--db`, else by `OPTIMA_DB`, else the embedded default.
    public static func resolve(
        _ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DatabaseLocation {
        if let option, !option.isEmpty { return try DatabaseLocation(parsing: option) }
        if let variable = environment["OPTIMA_DB"], !variable.isEmpty { return try DatabaseLocation(parsing: variable) }
        return .sqlite(path: defaultPath)
    }

    public init(parsing text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw DatabaseLocationError(text: text, reason: "sqlite: needs a file path") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(parsing: text))
        } else if text.hasSuffix(".sqlite") || text.hasSuffix(".db") || text.hasSuffix(".sqlite3") {
            self = .sqlite(path: text)
        } else {
            throw DatabaseLocationError(
                text: text, reason: "expected sqlite:PATH, a path ending .sqlite or .db, or postgres://USER@HOST/DB")
        }
    }

    /// The location without its password, safe to print or log.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let location): location.description
        }
    }
}
