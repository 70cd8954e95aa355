import CDMStore
import CDMTestSupport
import Evidence
import Foundation
import Testing

/// Survival on cohorts against an independent reference: pandas extracts follow-up, stage and ER status from
/// the same SQLite file its own way and lifelines fits; Optima on SQLite and on PostgreSQL must agree with it.
@Suite struct SurvivalAnalysisTests {
    static let script = EvidenceFixture.repository.appendingPathComponent("scripts/reference/survival_cdm_lifelines.py").path

    static var referenceAvailable: Bool { ExternalProgram.hasPythonModule("lifelines") && ExternalProgram.hasPythonModule("pandas") }

    struct Reference: Decodable {
        struct Curve: Decodable { let time, survival, lower, upper: [Double] }
        struct Term: Decodable { let coef, se: Double }
        let subjects, events, person_days, cox_n: Int
        let km: [String: Curve]
        let cox: [String: Term]
    }

    static func settings(minimumCount: Int = 1) throws -> SurvivalSettings {
        SurvivalSettings(target: 1, strata: try Feature(EvidenceFixture.stages),
                         covariates: [.age, try Feature(EvidenceFixture.stages), try Feature(EvidenceFixture.estrogenReceptor)],
                         minimumCount: minimumCount)
    }

    @Test(.enabled(if: referenceAvailable, "Python lifelines and pandas are not installed; the test command installs them"))
    func agreesWithLifelinesOnBothBackends() async throws {
        let reference: Reference = try await EvidenceFixture.with(.sqlite) { db, location in
            let path = location.hasPrefix("sqlite:") ? String(location.dropFirst("sqlite:".count)) : location
            let reference = try Self.reference(path)
            try Self.check(try await db.survivalAnalysis(try Self.settings()), against: reference, backend: "sqlite")
            return reference
        }
        #expect(reference.subjects > 200 && reference.events > 20, "too few breast cancer patients or deaths to tell")
        if TestDatabases.backends.contains(.postgresql) {
            try await EvidenceFixture.with(.postgresql) { db, _ in
                try Self.check(try await db.survivalAnalysis(try Self.settings()), against: reference, backend: "postgresql")
            }
        }
    }

    static func reference(_ path: String) throws -> Reference {
        let run = try ExternalProgram.run(["python3", script, path, "--target", "1", "--stages", "1635838,1635131,1634191,1633987",
                                           "--marker", "36203168"])
        guard run.status == 0 else { throw TestSetupError("the reference failed: \(run.errors)") }
        return try JSONDecoder().decode(Reference.self, from: Data(run.output.utf8))
    }

    static func check(_ result: SurvivalAnalysis, against reference: Reference, backend: String) throws {
        #expect(result.subjects.value == reference.subjects, "\(backend): subjects")
        #expect(result.events.value == reference.events, "\(backend): events")
        #expect(Set(result.strata.map(\.name)).isSuperset(of: reference.km.keys), "\(backend): strata \(result.strata.map(\.name))")
        for (name, expected) in reference.km {
            let curve = try #require(result.strata.first { $0.name == name })
            #expect(curve.time == expected.time, "\(backend) \(name): event times")
            for (key, ours, theirs) in [("survival", curve.survival, expected.survival), ("lower", curve.lower, expected.lower),
                                        ("upper", curve.upper, expected.upper)] {
                #expect(ours.count == theirs.count && zip(ours, theirs).allSatisfy { abs($0 - $1) <= 1e-9 + 1e-9 * abs($1) },
                        "\(backend) \(name): \(key)")
            }
        }
        let cox = try #require(result.cox)
        #expect(cox.n.value == reference.cox_n, "\(backend): Cox subjects")
        #expect(Set(cox.coefficients.map(\.name)) == Set(reference.cox.keys), "\(backend): Cox terms \(cox.coefficients.map(\.name))")
        for term in cox.coefficients {
            let expected = try #require(reference.cox[term.name])
            #expect(abs(term.coef - expected.coef) <= 1e-6 * max(1, abs(expected.coef)), "\(backend) \(term.name): coef \(term.coef) vs \(expected.coef)")
            #expect(abs(term.se - expected.se) <= 1e-6 * expected.se, "\(backend) \(term.name): se \(term.se) vs \(expected.se)")
        }
    }

    @Test(.enabled(if: referenceAvailable, "Python lifelines and pandas are not installed; the test command installs them"))
    func incidenceOfDeathEqualsTheReferenceFollowUp() async throws {
        try await EvidenceFixture.with(.sqlite) { db, location in
            let path = String(location.dropFirst("sqlite:".count))
            let reference = try Self.reference(path)
            let result = try await db.incidenceAnalysis(IncidenceSettings(target: 1, outcome: .death, strata: [.ageGroup], minimumCount: 1))
            let overall = try #require(result.rows.first)
            #expect(overall.persons.value == reference.subjects && overall.events.value == reference.events)
            let years = Double(reference.person_days) / 365.25
            #expect(abs((overall.personYears ?? 0) - years) < 1e-9 * years)
            #expect(abs((overall.rate ?? 0) - Double(reference.events) / years * 1_000) < 1e-9)
            let bands = result.rows.dropFirst()
            #expect(bands.reduce(0) { $0 + ($1.persons.value ?? 0) } == reference.subjects, "age bands partition the subjects")
            #expect(bands.reduce(0) { $0 + ($1.events.value ?? 0) } == reference.events, "age bands partition the deaths")
        }
    }
}
