import OMOP

/// Rebuilding the indices of a freshly loaded table, shared by both backends.
///
/// A primary key is first built unique inside a savepoint. When the data repeats key values,
/// the savepoint is rolled back and the key becomes a plain index: OHDSI's Data Quality
/// Dashboard treats repeated keys as a finding to report, not a reason to refuse the data.
struct IndexRebuild {
    let dialect: SQLDialect
    let index: CDMIndex

    var savepoint: String { "SAVEPOINT optima_index" }
    var release: String { "RELEASE SAVEPOINT optima_index" }
    var rollback: String { "ROLLBACK TO SAVEPOINT optima_index" }
    var unique: String { SchemaBuilder(dialect: dialect).createIndex(index) }
    var plain: String { SchemaBuilder(dialect: dialect).createIndex(index, unique: false) }

    /// Counts rows whose key another row already has.
    var duplicateCount: String {
        let key = index.columns.map(dialect.quote).joined(separator: ", ")
        return "SELECT COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT \(key) FROM \(dialect.quote(index.table))) AS k) AS n FROM \(dialect.quote(index.table))"
    }

    func warning(duplicates: Int64) -> String {
        "\(index.table): \(duplicates) rows repeat a \(index.columns.joined(separator: ", ")) of another row; "
            + "primary key \(index.name) kept as a non-unique index (`optima verify` lists it)"
    }
}
