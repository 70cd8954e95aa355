/// A statement with its bound values, for `Database.transaction`.
public struct SQLStatement: Sendable, Hashable {
    public let sql: String
    public let binds: [SQLValue]

    public init(_ sql: String, _ binds: [SQLValue] = []) {
        self.sql = sql
        self.binds = binds
    }
}
