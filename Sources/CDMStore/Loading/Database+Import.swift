import Foundation

extension Database {
    /// Imports a folder of OMOP or Athena table files, all or nothing: the folder is planned
    /// and every header checked first, then all files load in one transaction. The CDM tables
    /// are created first when the database has none.
    /// - Parameters:
    ///   - skipping: tables not to load, each with the reason a skipped file is reported with.
    ///   - transform: rewrites or leaves out rows on their way in (see `RowTransform`).
    public func importFolder(
        _ directory: String, kind: ImportPlan.Kind, ignoreExtraColumns: Bool = false,
        skipping: [String: String] = [:], transform: RowTransform? = nil,
        progress: (@Sendable (String, Int) -> Void)? = nil
    ) async throws -> ImportSummary {
        let started = Date()
        let plan = try ImportPlan(directory: directory, kind: kind, ignoreExtraColumns: ignoreExtraColumns)
        if try await !hasSchema() { try await createSchema() }
        let files = plan.files.filter { skipping[$0.table.name] == nil }
        let skipped = plan.files.compactMap { file in
            skipping[file.table.name].map { "\((file.path as NSString).lastPathComponent): skipped: \($0)" }
        }
        let result = try await load(
            files.map { .file($0, ignoreExtraColumns: ignoreExtraColumns, transform: transform) }, progress: progress)
        return ImportSummary(
            rowsByTable: result.rowsByTable, warnings: plan.warnings + skipped + result.warnings,
            seconds: Date().timeIntervalSince(started), rowSeconds: result.rowSeconds, indexSeconds: result.indexSeconds)
    }
}
