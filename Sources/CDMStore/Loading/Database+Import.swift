import Foundation

extension Database {
    /// Imports a folder of OMOP or Athena table files, all or nothing: the folder is planned
    /// and every header checked first, then all files load in one transaction. The CDM tables
    /// are created first when the database has none.
    public func importFolder(
        _ directory: String, kind: ImportPlan.Kind, ignoreExtraColumns: Bool = false,
        progress: (@Sendable (String, Int) -> Void)? = nil
    ) async throws -> ImportSummary {
        let started = Date()
        let plan = try ImportPlan(directory: directory, kind: kind, ignoreExtraColumns: ignoreExtraColumns)
        if try await !hasSchema() { try await createSchema() }
        let result = try await load(plan.files.map { .file($0, ignoreExtraColumns: ignoreExtraColumns) }, progress: progress)
        return ImportSummary(
            rowsByTable: result.rowsByTable, warnings: plan.warnings + result.warnings,
            seconds: Date().timeIntervalSince(started), rowSeconds: result.rowSeconds, indexSeconds: result.indexSeconds)
    }
}
