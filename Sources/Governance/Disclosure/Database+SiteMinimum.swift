import CDMStore

extension Database {
    /// The `optima_site_setting` row holding the site's minimum cell count.
    static var siteMinimumSettingName: String { "minimum_cell_count" }

    /// The site's minimum cell count (`SmallCellCount.defaultMinimum` until a data steward sets one).
    public func siteMinimumCellCount() async throws -> Int {
        try await createGovernanceSchema()
        let rows = try await query("SELECT value FROM optima_site_setting WHERE name = ?", [.text(Self.siteMinimumSettingName)])
        guard let text = rows.first?["value"].textValue else { return SmallCellCount.defaultMinimum }
        guard let value = Int(text), value >= 1 else {
            throw DisclosureError("optima_site_setting \(Self.siteMinimumSettingName) holds \"\(text)\", not a whole number of at least 1: set it again with optima site set --min-cell-count N")
        }
        return value
    }

    /// Sets the site's minimum cell count. 1 turns disclosure control off (for a site's own use and for tests
    /// against references); `optima site set` refuses it, so only code that means it can.
    public func setSiteMinimumCellCount(_ n: Int) async throws {
        guard n >= 1 else { throw DisclosureError("minimum cell count \(n) must be at least 1") }
        try await createGovernanceSchema()
        try await transaction([
            SQLStatement("DELETE FROM optima_site_setting WHERE name = ?", [.text(Self.siteMinimumSettingName)]),
            SQLStatement("INSERT INTO optima_site_setting (name, value) VALUES (?, ?)", [.text(Self.siteMinimumSettingName), .text(String(n))]),
        ])
    }

    /// The minimum an analysis applies: the researcher's when higher, never lower than the site's.
    public func effectiveMinimumCellCount(requested: Int) async throws -> Int {
        max(requested, try await siteMinimumCellCount())
    }
}
