import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import Testing

/// A Table 1 of breast against lung cancer patients against an independent one computed by pandas from the same
/// SQLite file (`scripts/reference/table1_pandas.py`): persons, age, conditions and drugs by concept, latest
/// measurement values, and every standardized mean difference.
@Suite struct CharacterizationTests {
    static let script = EvidenceFixture.repository.appendingPathComponent("scripts/reference/table1_pandas.py").path

    struct Side: Decodable {
        let n: Int?
        let persons: Int?
        let mean: Double?
        let sd: Double?
    }

    struct Reference: Decodable {
        let target: [String: Side]
        let comparator: [String: Side]
        let smd: [String: Double?]
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("pandas"), "Python pandas is not installed; the test command installs it"))
    func agreesWithPandas() async throws {
        try await EvidenceFixture.with(.sqlite) { db, location in
            let lung = EvidenceFixture.repository.appendingPathComponent("examples/cohorts/lung-cancer.json")
            _ = try await db.generateCohort(try CohortExpression.parse(try Data(contentsOf: lung)), cohortID: 2)
            let run = try ExternalProgram.run(["python3", Self.script, String(location.dropFirst("sqlite:".count)), "--target", "1", "--comparator", "2"])
            guard run.status == 0 else { throw TestSetupError("the reference failed: \(run.errors)") }
            let reference = try JSONDecoder().decode(Reference.self, from: Data(run.output.utf8))
            let result = try await db.characterization(CharacterizationSettings(target: 1, comparator: 2, domains: [.condition, .drug, .measurement],
                                                                                minimumCount: 1))
            #expect(result.targetPersons.value == reference.target["age"]?.n)
            #expect(result.comparatorPersons?.value == reference.comparator["age"]?.n)

            func key(_ row: CharacterizationRow) -> String? {
                switch row.domain {
                case "demographics": row.covariate == "age" ? "age" : nil
                case "condition", "drug": "\(row.domain):\(row.conceptID ?? 0)"
                case "measurement value": "value:\(row.conceptID ?? 0)"
                default: nil
                }
            }
            func close(_ a: Double?, _ b: Double?) -> Bool {
                guard let a, let b else { return a == nil && b == nil }
                return abs(a - b) <= 1e-9 * max(1, abs(b))
            }
            let rows = Dictionary(result.rows.compactMap { row in key(row).map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
            #expect(Set(rows.keys) == Set(reference.smd.keys), "the same covariates: \(Set(rows.keys).symmetricDifference(reference.smd.keys).sorted().prefix(5))")
            #expect(rows.count > 20, "too few covariates to tell")
            for (name, row) in rows {
                for (ours, theirs, side) in [(row.target, reference.target[name], "target"), (row.comparator, reference.comparator[name], "comparator")] {
                    guard let ours else { Issue.record("\(name): no \(side) summary"); continue }
                    if let mean = ours.mean {
                        #expect(ours.persons.value == theirs?.n && close(mean, theirs?.mean) && close(ours.sd, theirs?.sd), "\(name) \(side)")
                    } else {
                        // Zero persons is a small cell like any other (Governance's one rule).
                        #expect(ours.persons.value == theirs?.persons ?? theirs?.n, "\(name) \(side): \(ours.persons)")
                    }
                }
                if let smd = row.smd { #expect(close(smd, reference.smd[name] ?? nil), "\(name): SMD \(smd)") }
            }
            #expect(rows.values.filter { $0.smd != nil }.count > 10, "too few SMDs to tell")
        }
    }
}
