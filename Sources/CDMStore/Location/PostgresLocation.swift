import Foundation

/// A PostgreSQL server, database and schema.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The schema that holds the CDM tables; `public` when the URL names none.
    public var schema: String

    public init(parsing text: String) throws {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw DatabaseLocationError(text: text, reason: "no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseLocationError(text: text, reason: "no user (postgres://USER@HOST/DB)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw DatabaseLocationError(text: text, reason: "no database name (postgres://USER@HOST/DB)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        let schema = components.queryItems?.first { $0.name == "schema" }?.value ?? "public"
        guard schema.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw DatabaseLocationError(text: text, reason: "schema must be a plain identifier (letters, digits, _)")
        }
        self.schema = schema
    }

    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)?schema=\(schema)"
    }

    /// A URL text with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
