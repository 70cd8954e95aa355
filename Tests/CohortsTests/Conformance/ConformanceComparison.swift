import CDMStore
import CDMTestSupport
import Foundation
import OMOP

/// Compares what a case's cohort wrote with the circe-be authors' VERIFY rows, by the README's rule (what
/// DbUnit's assertion checked): per verified table, exactly the listed columns, the rows of this cohort only
/// (`cohort_definition_id = cohortId`, on both sides, since cohorts of one results schema share its tables),
/// ordered by `orderByTable`, row by row; dates at day precision, numbers numerically.
///
/// The result is a list of readable mismatches, empty when the case passes, so a failing test says which
/// table, row (1-based, after ordering), column, expected and actual value differ, not just "false".
enum ConformanceComparison {
    /// Mismatches between the database and the case's VERIFY file; empty when they agree. A case without a
    /// VERIFY file (`allCriteria`, the negative cases) has nothing to compare and yields none.
    static func mismatches(for conformanceCase: ConformanceCase, in database: any Database) async throws -> [String] {
        guard let expected = try conformanceCase.verifyDataset() else { return [] }
        return try await mismatches(for: conformanceCase, expected: expected, in: database, ddl: TestDDL(conformanceCase.cdmDdl))
    }

    /// Mismatches against a given VERIFY dataset; types of the compared columns come from `ddl`.
    static func mismatches(
        for conformanceCase: ConformanceCase, expected: DbUnitDataset, in database: any Database, ddl: TestDDL
    ) async throws -> [String] {
        let dialect = database.dialect
        var mismatches: [String] = []
        for key in conformanceCase.verifyTables.keys.sorted() {
            let table = TestDDL.unqualified(key)
            let columns = conformanceCase.verifyTables[key]!.map { $0.lowercased() }

            // DbUnit compares the table's full column set: no column may be missing or extra.
            let actualColumns = Set(try await database.columns(of: table).map { $0.name.lowercased() })
            guard !actualColumns.isEmpty else {
                mismatches.append("\(key): table \(table) does not exist")
                continue
            }
            let missing = Set(columns).subtracting(actualColumns).sorted()
            let extra = actualColumns.subtracting(columns).sorted()
            if !missing.isEmpty { mismatches.append("\(key): columns \(missing) are missing") }
            if !extra.isEmpty { mismatches.append("\(key): columns \(extra) are not in the VERIFY column set \(columns)") }
            guard missing.isEmpty else { continue }

            let filter = conformanceCase.filter.filter { actualColumns.contains($0.key.lowercased()) }.sorted { $0.key < $1.key }
            let orderBy = (conformanceCase.orderByTable?[key] ?? columns).map { $0.lowercased() }
            var sql = "SELECT \(columns.map(dialect.quote).joined(separator: ", ")) FROM \(dialect.quote(table))"
            if !filter.isEmpty {
                sql += " WHERE " + filter.map { "\(dialect.quote($0.key)) = ?" }.joined(separator: " AND ")
            }
            sql += " ORDER BY " + orderBy.map(dialect.quote).joined(separator: ", ")
            let actual = try await database.query(sql, filter.map { .integer($0.value) })
            let expectedRows = expected.table(named: key)?.rows(matching: conformanceCase.filter) ?? []
            mismatches += compare(
                table: key, columns: columns, types: columns.map { ddl.columnType(table: table, column: $0) },
                orderBy: orderBy, expected: expectedRows, actual: actual.map { row in columns.indices.map { row[$0] } })
        }
        return mismatches
    }

    /// Row-by-row comparison of already filtered rows. Both sides are sorted by `orderBy` and then by the
    /// remaining columns, so rows that tie on `orderBy` cannot fail the comparison by coming back in another
    /// order (SQL leaves ties unordered; DbUnit's expected files list them in one fixed order).
    static func compare(
        table: String, columns: [String], types: [TestDDL.ColumnType?], orderBy: [String],
        expected: [[String: DbUnitValue]], actual: [[SQLValue]]
    ) -> [String] {
        let expectedCells = expected.map { row in
            columns.indices.map { Cell(expected: row[columns[$0]] ?? .null, type: types[$0]) }
        }
        let actualCells = actual.map { row in
            columns.indices.map { Cell(actual: $0 < row.count ? row[$0] : .null, type: types[$0]) }
        }
        let sortKey = orderBy.compactMap { columns.firstIndex(of: $0) }
            + columns.indices.filter { !orderBy.contains(columns[$0]) }
        func sorted(_ rows: [[Cell]]) -> [[Cell]] {
            rows.enumerated().sorted { left, right in
                for index in sortKey where left.element[index] != right.element[index] {
                    return left.element[index] < right.element[index]
                }
                return left.offset < right.offset
            }.map(\.element)
        }
        let want = sorted(expectedCells), got = sorted(actualCells)

        func describe(_ row: [Cell]) -> String {
            "(" + zip(columns, row).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
        }
        var mismatches: [String] = []
        if want.count != got.count {
            mismatches.append("\(table): expected \(want.count) rows, actual \(got.count)")
        }
        for index in 0..<max(want.count, got.count) {
            let label = "\(table) row \(index + 1)"
            guard index < got.count else {
                mismatches.append("\(label): expected \(describe(want[index])), actual no row")
                continue
            }
            guard index < want.count else {
                mismatches.append("\(label): expected no row, actual \(describe(got[index]))")
                continue
            }
            for (column, name) in columns.enumerated() where want[index][column] != got[index][column] {
                mismatches.append("\(label), column \(name): expected \(want[index][column]), actual \(got[index][column])")
            }
        }
        return mismatches
    }

    /// A value reduced to what the comparison rule looks at.
    private enum Cell: Comparable, CustomStringConvertible {
        case null
        case number(Double)
        /// A date column's value, or a timestamp's day (a DATE may come back as a timestamp).
        case date(CDMDate)
        case datetime(CDMDateTime)
        case text(String)

        init(expected value: DbUnitValue, type: TestDDL.ColumnType?) {
            guard let type else {
                self = switch value {
                case .null: .null
                case .integer(let number): .number(Double(number))
                case .number(let number): .number(number)
                case .text(let text): .text(text)
                case .bool(let flag): .number(flag ? 1 : 0)
                }
                return
            }
            // A VERIFY value that does not fit its column is kept as text, so it shows up as a mismatch.
            self = (try? value.sqlValue(for: type)).map { Cell(actual: $0, type: type) } ?? .text(value.description)
        }

        init(actual value: SQLValue, type: TestDDL.ColumnType?) {
            if value.isNull {
                self = .null
                return
            }
            switch type {
            case .date?:
                self = value.dateValue.map(Cell.date) ?? .text(value.description)
            case .datetime?:
                switch value {
                case .datetime(let datetime): self = .datetime(datetime)
                case .date(let date): self = .datetime(CDMDateTime(date: date))
                case .text(let text): self = CDMDateTime(text).map(Cell.datetime) ?? .text(text)
                default: self = .text(value.description)
                }
            case .integer?, .bigint?, .real?:
                switch value {
                case .integer(let number): self = .number(Double(number))
                case .double(let number): self = .number(number)
                case .text(let text): self = Double(text).map(Cell.number) ?? .text(text)
                default: self = .text(value.description)
                }
            case .text?:
                self = .text(value.textValue ?? "")
            case nil:
                switch value {
                case .integer(let number): self = .number(Double(number))
                case .double(let number): self = .number(number)
                case .date(let date): self = .date(date)
                case .datetime(let datetime): self = .datetime(datetime)
                default: self = .text(value.description)
                }
            }
        }

        private var rank: Int {
            switch self {
            case .null: 0
            case .number: 1
            case .date: 2
            case .datetime: 3
            case .text: 4
            }
        }

        static func == (lhs: Cell, rhs: Cell) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case (.number(let left), .number(let right)):
                left == right || abs(left - right) <= 1e-9 * max(abs(left), abs(right))
            case (.date(let left), .date(let right)): left == right
            case (.datetime(let left), .datetime(let right)): left == right
            case (.text(let left), .text(let right)): left == right
            default: false
            }
        }

        static func < (lhs: Cell, rhs: Cell) -> Bool {
            switch (lhs, rhs) {
            case (.number(let left), .number(let right)): left < right
            case (.date(let left), .date(let right)): left < right
            case (.datetime(let left), .datetime(let right)): left < right
            case (.text(let left), .text(let right)): left < right
            default: lhs.rank < rhs.rank
            }
        }

        var description: String {
            switch self {
            case .null: "NULL"
            case .number(let number):
                number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .date(let date): date.description
            case .datetime(let datetime): datetime.description
            case .text(let text): "'\(text)'"
            }
        }
    }
}
