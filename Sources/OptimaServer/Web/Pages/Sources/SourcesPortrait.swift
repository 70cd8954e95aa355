import CDMStore
import Evidence

/// What the data-sources page shows of this database: the Achilles-style summary, the CDM's declared versions and
/// the data-quality findings, each one library call.
struct SourcesPortrait: Sendable {
    let summary: DataSourceSummary
    let info: CDMInfo
    let quality: DataQualityReport

    static func read(_ database: any Database, minimumCount: Int) async throws -> SourcesPortrait {
        async let summary = database.dataSourceSummary(DataSourceSummarySettings(minimumCount: minimumCount, top: 10))
        async let quality = database.dataQuality(DataQualitySettings(minimumCount: minimumCount))
        return SourcesPortrait(summary: try await summary, info: try await database.info(), quality: try await quality)
    }
}
