import CDMStore
import CDMTestSupport
import Evidence
import Foundation
import Governance
import Testing

/// An analysis leaves out a person who objects even when the cohort was generated before the objection.
@Suite struct ConsentAnalysisTests {
    @Test(arguments: TestDatabases.backends)
    func anObjectionTakesEffectOnTheNextAnalysisWithoutRegeneratingTheCohort(_ backend: TestDatabases.Backend) async throws {
        try await EvidenceFixture.with(backend) { db, _ in
            let settings = CharacterizationSettings(target: 1, domains: [.condition])
            let before = try #require(try await db.characterization(settings).targetPersons.value)
            let person = try #require(try await db.query("SELECT MIN(subject_id) AS id FROM cohort WHERE cohort_definition_id = 1").first?["id"].integerValue)
            let pseudonym = try #require(try await db.query("SELECT person_source_value AS p FROM person WHERE person_id = ?",
                                                            [.integer(person)]).first?["p"].textValue)

            #expect(try await db.recordObjection(candidates: [pseudonym]))
            #expect(try await db.characterization(settings).targetPersons.value == before - 1)
            #expect(try await db.query("SELECT COUNT(*) AS n FROM cohort WHERE subject_id = ?", [.integer(person)]).first?["n"].integerValue ?? 0 > 0,
                    "the stored cohort still holds the person; the analysis leaves them out")

            #expect(try await db.withdrawObjection(candidates: [pseudonym]))
            #expect(try await db.characterization(settings).targetPersons.value == before)
        }
    }
}
