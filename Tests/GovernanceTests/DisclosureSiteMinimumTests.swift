import CDMStore
import CDMTestSupport
import Governance
import Testing

/// The site's minimum cell count: 5 until a data steward sets it; a researcher may ask for more, never less.
@Suite struct DisclosureSiteMinimumTests {
    @Test(arguments: TestDatabases.backends)
    func siteMinimumIsStoredAndBoundsTheResearchers(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            #expect(try await db.siteMinimumCellCount() == 5)
            try await db.setSiteMinimumCellCount(10)
            try await db.setSiteMinimumCellCount(11)
            #expect(try await db.siteMinimumCellCount() == 11)
            #expect(try await db.effectiveMinimumCellCount(requested: 1) == 11)
            #expect(try await db.effectiveMinimumCellCount(requested: 20) == 20)
            await #expect { try await db.setSiteMinimumCellCount(0) } throws: { "\($0)".contains("minimum cell count 0 must be at least 1") }
            #expect(try await db.siteMinimumCellCount() == 11, "a refused value leaves the setting alone")
        }
    }

    @Test func aDamagedSettingIsNamed() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createGovernanceSchema()
            try await db.execute("INSERT INTO optima_site_setting (name, value) VALUES ('minimum_cell_count', 'five')")
            await #expect { try await db.siteMinimumCellCount() } throws: { "\($0)".contains("minimum_cell_count holds \"five\"") }
        }
    }
}
