import CDMStore
import CDMTestSupport
import Foundation
import OMOP

/// The tables circe-be's own tests run against, rebuilt from `circe-conformance/schema/test_tables.csv`
/// (derived from circe-be's `cdm_v5.0.sql`, `cdm_v5.2.sql`, `cdm_v5.3.sql`, `resultsSchema.sql`, `temp.sql`).
///
/// The PREP files were written for those DDLs (CDM v5.0 names, v5.0-only columns such as
/// `drug_exposure.dose_unit_concept_id`, v5.0 NOT NULL rules), so loading them into Optima's CDM v5.4 schema
/// would fail or change them. Names are unqualified: a case runs in its own SQLite file or PostgreSQL schema,
/// so `cdm.person` is `person` and `limitTest.cohort` is `cohort`.
struct TestDDL: Sendable {
    /// A column type of the test DDLs, mapped per dialect in `sql(_:)`.
    enum ColumnType: Sendable, Hashable, CustomStringConvertible {
        case integer, bigint, real, date, datetime
        /// `varchar(n)`, or `text` when `maxLength` is nil.
        case text(maxLength: Int?)

        /// Parses the csv's spelling: `integer`, `int`, `bigint`, `numeric`, `date`, `timestamp`, `varchar(n)`, `text`.
        init?(csv text: String) {
            let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
            switch lowered {
            case "integer", "int", "smallint": self = .integer
            case "bigint": self = .bigint
            case "numeric", "float", "real", "double precision", "decimal": self = .real
            case "date": self = .date
            case "timestamp", "datetime", "datetime2": self = .datetime
            case "text", "varchar", "varchar(max)": self = .text(maxLength: nil)
            default:
                guard lowered.hasPrefix("varchar("), lowered.hasSuffix(")"),
                      let size = Int(lowered.dropFirst("varchar(".count).dropLast())
                else { return nil }
                self = .text(maxLength: size)
            }
        }

        /// The type of a CDM v5.4 specification field, for the columns only v5.4 has.
        init(_ datatype: CDMDatatype) {
            switch datatype {
            case .integer: self = .integer
            case .float: self = .real
            case .date: self = .date
            case .datetime: self = .datetime
            case .varchar(let size): self = .text(maxLength: size)
            }
        }

        /// The column type in CREATE TABLE: Optima's own CDM mapping, plus BIGINT, which it does not use.
        func sql(_ dialect: SQLDialect) -> String {
            switch self {
            case .integer: dialect.columnType(.integer)
            case .bigint: "BIGINT"
            case .real: dialect.columnType(.float)
            case .date: dialect.columnType(.date)
            case .datetime: dialect.columnType(.datetime)
            case .text(let size): dialect.columnType(.varchar(size))
            }
        }

        var description: String {
            switch self {
            case .integer: "integer"
            case .bigint: "bigint"
            case .real: "numeric"
            case .date: "date"
            case .datetime: "timestamp"
            case .text(let size?): "varchar(\(size))"
            case .text(nil): "text"
            }
        }
    }

    struct Column: Sendable, Hashable {
        let name: String
        let type: ColumnType
        let isNotNull: Bool
    }

    struct Table: Sendable {
        let name: String
        var columns: [Column]

        func column(named name: String) -> Column? {
            let lowered = name.lowercased()
            return columns.first { $0.name == lowered }
        }
    }

    /// The csv's name of the results DDL (`resultsSchema.sql`); `resultsSchema` is accepted as well.
    static let resultsDDL = "results"
    /// The newest CDM test DDL; older ones are completed from it (see `init`).
    static let newestCDMDDL = "cdm_v5.3"
    /// The circe results tables, exactly as `resultsSchema.sql` declares them.
    static let resultsTableNames: Set<String> = [
        "cohort", "cohort_inclusion", "cohort_inclusion_result", "cohort_inclusion_stats",
        "cohort_summary_stats", "cohort_censor_stats", "codesets",
    ]

    static var csvPath: String {
        (ConformanceManifest.folder as NSString).appendingPathComponent("schema/test_tables.csv")
    }

    /// The CDM DDL this schema was built from, e.g. `cdm_v5.0`.
    let ddl: String
    /// CDM tables, then the results tables.
    let tables: [Table]
    /// `table.column` (or `table` for whole tables) added beyond `ddl`, nullable, so v5.3/v5.4 SQL runs.
    let additions: [String]

    /// Every DDL of the csv: name → tables (in csv order) with their columns (by `position`). The default
    /// csv is read once per test process; every `prepare` and comparison needs it.
    static func catalog(csvPath: String = TestDDL.csvPath) throws -> [String: [Table]] {
        csvPath == Self.csvPath ? try defaultCatalog.get() : try parseCatalog(csvPath: csvPath)
    }

    private static let defaultCatalog = Result { try parseCatalog(csvPath: csvPath) }

    private static func parseCatalog(csvPath: String) throws -> [String: [Table]] {
        let rows = try SpecCSV.rows(path: csvPath)
        guard !rows.isEmpty else { throw TestSetupError("\(csvPath) holds no columns") }
        var tableOrder: [String: [String]] = [:]
        var columns: [String: [String: [(position: Int, column: Column)]]] = [:]
        for row in rows {
            guard let ddl = row["ddl"], let table = row["table"]?.lowercased(), let name = row["column"]?.lowercased(),
                  let typeText = row["type"], let position = row["position"].flatMap({ Int($0) })
            else { throw TestSetupError("malformed row in \(csvPath): \(row)") }
            guard let type = ColumnType(csv: typeText) else {
                throw TestSetupError("\(csvPath): unknown type \(typeText) of \(ddl) \(table).\(name)")
            }
            if columns[ddl]?[table] == nil { tableOrder[ddl, default: []].append(table) }
            let column = Column(name: name, type: type, isNotNull: row["not_null"]?.lowercased() == "yes")
            columns[ddl, default: [:]][table, default: []].append((position, column))
        }
        var catalog: [String: [Table]] = [:]
        for (ddl, names) in tableOrder {
            catalog[ddl] = names.map { name in
                Table(name: name, columns: columns[ddl]![name]!.sorted { $0.position < $1.position }.map(\.column))
            }
        }
        return catalog
    }

    /// The tables of one CDM test DDL (`cdm_v5.0`, `cdm_v5.2` or `cdm_v5.3`) and of `resultsSchema.sql`.
    ///
    /// With `completed` (the default), tables and columns that the DDL lacks but `cdm_v5.3` (and then CDM v5.4)
    /// has are added as nullable columns: the compiler writes its SQL for the newest CDM, e.g.
    /// `condition_occurrence.condition_status_concept_id` (from 5.2), `visit_detail` (5.3), or v5.4 names such as
    /// `visit_occurrence.admitted_from_concept_id`; on v5.0 data those read as NULL, as circe-be's SQL would see
    /// on a database whose DDL has them. Columns the DDL does have keep its type and NOT NULL rule. The CDM's own
    /// `cohort` table is left out: the results `cohort` (the one circe writes) takes its unqualified name.
    init(_ ddl: String, completed: Bool = true, csvPath: String = TestDDL.csvPath) throws {
        let catalog = try Self.catalog(csvPath: csvPath)
        guard ddl != Self.resultsDDL, ddl != "resultsSchema", ddl != "temp", let base = catalog[ddl] else {
            throw TestSetupError("no CDM DDL \(ddl) in \(csvPath); it has \(catalog.keys.sorted())")
        }
        guard let results = catalog[Self.resultsDDL] else {
            throw TestSetupError("no results DDL (\(Self.resultsDDL)) in \(csvPath)")
        }
        var tables = base.filter { !Self.resultsTableNames.contains($0.name) }
        var additions: [String] = []

        func complete(with newer: [Table]) {
            for table in newer where !Self.resultsTableNames.contains(table.name) {
                let nullable = table.columns.map { Column(name: $0.name, type: $0.type, isNotNull: false) }
                if let index = tables.firstIndex(where: { $0.name == table.name }) {
                    for column in nullable where tables[index].column(named: column.name) == nil {
                        tables[index].columns.append(column)
                        additions.append("\(table.name).\(column.name)")
                    }
                } else {
                    tables.append(Table(name: table.name, columns: nullable))
                    additions.append(table.name)
                }
            }
        }
        if completed {
            if ddl != Self.newestCDMDDL, let newest = catalog[Self.newestCDMDDL] { complete(with: newest) }
            complete(with: CDMSchema.v54.tables.filter { $0.group != .results }.map { table in
                Table(name: table.name, columns: table.fields.map { Column(name: $0.name, type: ColumnType($0.datatype), isNotNull: false) })
            })
        }
        self.ddl = ddl
        self.tables = tables + results
        self.additions = additions
    }

    /// `cdm.person` → `person`, `limitTest.cohort` → `cohort`: tables live unqualified in the case's database.
    static func unqualified(_ name: String) -> String {
        String(name.split(separator: ".").last ?? Substring(name)).lowercased()
    }

    func table(named name: String) -> Table? {
        let unqualified = Self.unqualified(name)
        return tables.first { $0.name == unqualified }
    }

    func columnType(table: String, column: String) -> ColumnType? {
        self.table(named: table)?.column(named: column)?.type
    }

    /// DROP (if present) and CREATE of every table, so a database that held another case starts clean.
    func createStatements(_ dialect: SQLDialect) -> [SQLStatement] {
        tables.flatMap { table -> [SQLStatement] in
            let columns = table.columns.map { column in
                "\(dialect.quote(column.name)) \(column.type.sql(dialect))\(column.isNotNull ? " NOT NULL" : "")"
            }
            return [
                SQLStatement("DROP TABLE IF EXISTS \(dialect.quote(table.name))"),
                SQLStatement("CREATE TABLE \(dialect.quote(table.name)) (\(columns.joined(separator: ", ")))"),
            ]
        }
    }

    /// Creates (or re-creates, empty) all tables in one transaction.
    func create(in database: any Database) async throws {
        try await database.transaction(createStatements(database.dialect) + markerStatements(database.dialect))
    }

    /// Leaves exactly this DDL's tables, empty. When the database already holds them (a previous case of the
    /// same DDL), they are only emptied, which is much faster than re-creating 50 tables on PostgreSQL; a
    /// marker table remembers which CREATE script made them, and if emptying fails (a test dropped a table)
    /// they are re-created.
    func reset(in database: any Database) async throws {
        let dialect = database.dialect
        let current = try? await database.query("SELECT script FROM \(dialect.quote(Self.markerTable))").first?["script"].textValue
        if current == script(dialect) {
            let names = tables.map { dialect.quote($0.name) }
            let clear = switch dialect {
            // One round trip; DELETE of a few rows is cheaper than TRUNCATE's new files per table.
            case .postgresql: [SQLStatement("DO $$ BEGIN \(names.map { "DELETE FROM \($0);" }.joined(separator: " ")) END $$")]
            case .sqlite: names.map { SQLStatement("DELETE FROM \($0)") }
            }
            do {
                try await database.transaction(clear)
                return
            } catch {
                // Fall through: re-create.
            }
        }
        try await create(in: database)
    }

    /// The table that records which DDL the database's conformance tables were created from.
    static let markerTable = "conformance_test_ddl"

    private func script(_ dialect: SQLDialect) -> String {
        createStatements(dialect).map(\.sql).joined(separator: ";\n")
    }

    private func markerStatements(_ dialect: SQLDialect) -> [SQLStatement] {
        let marker = dialect.quote(Self.markerTable)
        return [
            SQLStatement("DROP TABLE IF EXISTS \(marker)"),
            SQLStatement("CREATE TABLE \(marker) (script TEXT NOT NULL)"),
            SQLStatement("INSERT INTO \(marker) (script) VALUES (?)", [.text(script(dialect))]),
        ]
    }
}
