import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import Testing

/// Nothing below the minimum count leaves an analysis: small strata have no curve, curves report only steps of
/// enough events and at risk, small counts read "<N" (or "suppressed" beside a complementary cell), and a model
/// whose covariate level a handful of people hold is refused.
@Suite struct DisclosureTests {
    @Test func smallCellsNeverLeave() async throws {
        try await EvidenceFixture.with(.sqlite) { db, _ in
            let minimum = 40
            let result = try await db.survivalAnalysis(SurvivalSettings(target: 1, strata: try Feature(EvidenceFixture.stages), minimumCount: minimum))
            let open = try await db.survivalAnalysis(SurvivalSettings(target: 1, strata: try Feature(EvidenceFixture.stages), minimumCount: 1))
            for curve in result.strata {
                let full = try #require(open.strata.first { $0.name == curve.name })
                let size = try #require(full.subjects.value)
                if size < minimum {
                    #expect(curve.time.isEmpty && curve.subjects.value == nil && ["<\(minimum)", "suppressed"].contains(curve.subjects.description),
                            "\(curve.name)")
                } else if curve.subjects.value != nil {
                    #expect(curve.atRisk.allSatisfy { ($0.value ?? 0) >= minimum }, "\(curve.name): at risk")
                    #expect(curve.eventsAt.allSatisfy { ($0.value ?? 0) >= minimum }, "\(curve.name): events")
                    #expect(Set(curve.time).isSubset(of: full.time), "\(curve.name): the governed curve steps at event times of the full one")
                    #expect(curve.time == curve.time.sorted(), "\(curve.name)")
                }
            }
            #expect(result.strata.contains { $0.subjects.value == nil }, "the fixture must have a stratum below \(minimum) to test")
            let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
            #expect(json.contains("\"<\(minimum)\""))
        }
    }

    @Test func modelsOnAHandfulAreRefused() async throws {
        try await EvidenceFixture.with(.sqlite) { db, _ in
            let settings = SurvivalSettings(target: 1, covariates: [try Feature(EvidenceFixture.stages)], minimumCount: 60)
            await #expect { try await db.survivalAnalysis(settings) } throws: { error in
                "\(error)".contains("is held by fewer than 60") && ["Stage 3", "Stage 4"].contains { "\(error)".contains($0) }
            }
        }
    }

    @Test func attritionPicturesHideSmallSteps() {
        // 100 qualified; 40 pass rule a; 3 of those also pass rule b.
        let attrition = Attrition(base: 100, final: 3, ruleNames: ["a", "b"], countsByMask: [0: 60, 1: 37, 3: 3])
        let svg = attrition.chart(title: "t").svg()
        #expect(svg.contains(">40<") && svg.contains(">100<") && !svg.contains(">3<"))
        #expect(svg.contains("&lt;5"), "the three who pass both rules read <5")
    }

    @Test func badSettingsAreRefusedInWords() async throws {
        #expect { try Feature("stage") } throws: { "\($0)".contains("\"stage\" is not one of") }
        #expect { try Feature("concepts:12,x") } throws: { "\($0)".contains("\"x\" is not a concept or cohort id") }
        #expect { try SurvivalOutcome("dead") } throws: { "\($0)".contains("neither death nor cohort:ID") }
        try await EvidenceFixture.with(.sqlite) { db, _ in
            await #expect { try await db.survivalAnalysis(SurvivalSettings(target: 99)) } throws: { "\($0)".contains("target cohort 99 has no rows") }
            await #expect { try await db.incidenceAnalysis(IncidenceSettings(target: 1, outcome: .cohort(98))) } throws: {
                "\($0)".contains("outcome cohort 98 has no rows")
            }
            await #expect { try await db.incidenceAnalysis(IncidenceSettings(target: 1, outcome: .death, startDays: 10, endDays: 5)) } throws: {
                "\($0)".contains("end_days 5 is before start_days 10")
            }
        }
    }
}
