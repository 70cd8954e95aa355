import CDMStore
import OMOP

/// Date arithmetic, which SQLite (ISO text dates) and PostgreSQL (DATE) spell differently.
extension SQLDialect {
    /// `date` moved by a constant number of days.
    public func addDays(_ date: String, _ days: Int) -> String {
        guard days != 0 else { return date }
        switch self {
        case .sqlite: return "date(\(date), '\(days > 0 ? "+" : "")\(days) days')"
        case .postgresql: return "(\(date) \(days > 0 ? "+" : "-") \(abs(days)))"
        }
    }

    /// `date` moved by a number of days held in a column or expression.
    public func addDays(_ date: String, expression days: String) -> String {
        switch self {
        case .sqlite: return "date(\(date), (\(days)) || ' days')"
        case .postgresql: return "(\(date) + CAST(\(days) AS INTEGER))"
        }
    }

    /// Whole days from `start` to `end`.
    public func daysBetween(_ start: String, _ end: String) -> String {
        switch self {
        case .sqlite: return "CAST(julianday(\(end)) - julianday(\(start)) AS INTEGER)"
        case .postgresql: return "(\(end) - \(start))"
        }
    }

    /// The calendar year of a date, as an integer.
    public func year(_ date: String) -> String {
        switch self {
        case .sqlite: return "CAST(strftime('%Y', \(date)) AS INTEGER)"
        case .postgresql: return "CAST(EXTRACT(YEAR FROM \(date)) AS INTEGER)"
        }
    }

    /// A typed NULL for a column that a domain does not have (UNION ALL needs matching types in PostgreSQL).
    var nullDate: String { self == .postgresql ? "CAST(NULL AS DATE)" : "NULL" }
    var nullInteger: String { "CAST(NULL AS BIGINT)" }

    /// Creates a scratch table of the pipeline: temporary, dropped at commit in PostgreSQL, and analyzed
    /// there, since PostgreSQL's planner has no statistics for a new table.
    func scratchTable(_ name: String, as query: String) -> [SQLStatement] {
        [SQLStatement(dropTemporaryTable(name)), SQLStatement(createTemporaryTable(name, as: query))]
            + (self == .postgresql ? [SQLStatement("ANALYZE \(name)")] : [])
    }
}
