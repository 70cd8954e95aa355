/// One SELECT, assembled from parts and rendered once: the compiler's unit of composition. Each
/// pipeline step and each criterion builds one of these instead of splicing text into a template.
struct SelectQuery: Sendable {
    var columns: [String]
    var from: String
    var joins: [String] = []
    var conditions: [String] = []
    var groupBy: [String] = []
    var having: [String] = []

    init(_ columns: [String], from: String) {
        self.columns = columns
        self.from = from
    }

    func sql() -> String {
        var lines = ["SELECT " + columns.joined(separator: ", "), "FROM " + from]
        lines += joins
        if !conditions.isEmpty { lines.append("WHERE " + conditions.map { "(\($0))" }.joined(separator: " AND ")) }
        if !groupBy.isEmpty { lines.append("GROUP BY " + groupBy.joined(separator: ", ")) }
        if !having.isEmpty { lines.append("HAVING " + having.joined(separator: " AND ")) }
        return lines.joined(separator: "\n")
    }

    /// This query as a FROM item or join target.
    func subquery(_ alias: String) -> String {
        Self.subquery(sql(), alias)
    }

    static func subquery(_ sql: String, _ alias: String) -> String {
        "(\n" + sql.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n) " + alias
    }

    static func unionAll(_ queries: [String]) -> String {
        queries.joined(separator: "\nUNION ALL\n")
    }
}
