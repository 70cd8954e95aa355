import CDMStore
import CDMTestSupport
import Synthetic
import Testing

@Suite struct GenerationDeterminismTests {
    /// The same seed writes the same rows, run after run and backend after backend; another seed does not.
    @Test func sameSeedSameRowsOnEveryBackend() async throws {
        var checksums: [String: [String: (rows: Int, hash: UInt64)]] = [:]
        for (label, backend, seed) in TestDatabases.backends.flatMap({ b in [("\(b) 1", b, UInt64(7)), ("\(b) 2", b, UInt64(7))] })
            + [("other seed", TestDatabases.Backend.sqlite, UInt64(8))]
        {
            let url = try await GeneratedPopulation.generate(persons: 1_500, seed: seed, backend: backend)
            checksums[label] = try await GeneratedPopulation.with(url) { db in
                var sums: [String: (rows: Int, hash: UInt64)] = [:]
                for (table, key) in GeneratedPopulation.tables { sums[table] = try await db.checksum(table, orderedBy: key) }
                return sums
            }
        }
        let reference = checksums["sqlite 1"]!
        #expect(reference["person"]?.rows == 1_500)
        #expect((reference["measurement"]?.rows ?? 0) > 10_000)
        for (label, sums) in checksums where label != "other seed" {
            for (table, _) in GeneratedPopulation.tables {
                #expect(sums[table]?.rows == reference[table]?.rows, "\(label): \(table) row count")
                #expect(sums[table]?.hash == reference[table]?.hash, "\(label): \(table) checksum")
            }
        }
        let other = checksums["other seed"]!
        for table in ["person", "condition_occurrence", "measurement", "drug_exposure"] {
            #expect(other[table]?.hash != reference[table]?.hash, "seed 8 differs from seed 7 in \(table)")
        }
    }
}
