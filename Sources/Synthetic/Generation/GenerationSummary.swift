/// What one site's generation wrote.
public struct GenerationSummary: Sendable {
    public let site: SiteProfile
    public let persons: Int
    public let rowsByTable: [String: Int]
    public let seconds: Double

    public var totalRows: Int { rowsByTable.values.reduce(0, +) }
}
