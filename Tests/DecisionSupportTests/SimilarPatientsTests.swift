import CDMStore
import CDMTestSupport
import DecisionSupport
import Foundation
import Governance
import OMOP
import Statistics
import Synthetic
import Testing

/// Similar-patient outcomes against an independent extraction from the same generated population: counts by
/// plain SQL, curves by `Statistics.KaplanMeier` of the persons the test itself groups.
@Suite struct SimilarPatientsTests {
    static let settings = GenerationSettings(persons: 2_000, seed: 23, cancerFraction: 0.9)

    /// One generated population per backend (generation dominates the run time), checked in turn: first with the
    /// site minimum at 1, so each call's `minimumCount` is the one applied, then with the default site minimum.
    @Test(arguments: TestDatabases.backends)
    func outcomesOfAGeneratedPopulation(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            try await db.setSiteMinimumCellCount(1)
            try await Self.matchedCountsAndCurvesEqualAnIndependentExtraction(db)
            try await Self.aCriterionWithoutItsFactIsDroppedAndSaid(db)
            try await Self.aGroupBelowTheMinimumIsSuppressed(db)
            try await Self.thePatientIsLeftOutOfTheirOwnComparison(db)
            try await Self.theCacheAnswersTheSameAndAnObjectionTakesEffectAtOnce(db)
            try await db.setSiteMinimumCellCount(SmallCellCount.defaultMinimum)
            try await Self.theSiteMinimumHidesEverySmallCount(db)
        }
    }

    static func breastFacts(stage: String? = "IIA") -> PatientFacts {
        var facts = PatientFacts()
        facts.cancer = .breast
        facts.stageGroup = stage
        facts.erStatus = .positive
        facts.her2Status = .negative
        return facts
    }

    /// One matched person as the test extracts them: follow-up and first surgery / chemotherapy day after diagnosis.
    struct Person {
        let id: Int64
        let observation: SurvivalObservation
        let surgeryDay: Int?
        let chemotherapyDay: Int?
    }

    /// Breast cancer patients (first diagnosis under "malignant tumor of breast") with ER+ and HER2− linked to
    /// that diagnosis and, when given, stage group `stage` (1–4), followed after diagnosis.
    static func breastPersons(_ db: any Database, stage: Int?) async throws -> [Person] {
        let linked = { (concept: Int64, value: Int64?) in
            "EXISTS (SELECT 1 FROM measurement m WHERE m.person_id = c.person_id AND m.measurement_event_id = c.condition_occurrence_id"
                + " AND m.meas_event_field_concept_id = 1147127 AND m.measurement_concept_id = \(concept)"
                + (value.map { " AND m.value_as_concept_id = \($0)" } ?? "") + ")"
        }
        let breast = "SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id = 4112853"
        var conditions = [linked(36_203_168, 9191), linked(36_203_114, 9189)]
        if let stage { conditions.append(linked(ConceptID.Modifier.stages[stage - 1], nil)) }
        let rows = try await db.query("""
            SELECT c.person_id, c.condition_start_date AS dx,
              (SELECT MAX(o.observation_period_end_date) FROM observation_period o WHERE o.person_id = c.person_id) AS obs_end,
              (SELECT MIN(d.death_date) FROM death d WHERE d.person_id = c.person_id) AS death,
              (SELECT MIN(p.procedure_date) FROM procedure_occurrence p WHERE p.person_id = c.person_id
                 AND p.procedure_concept_id IN (4213045, 2000000501) AND p.procedure_date >= c.condition_start_date) AS surgery,
              (SELECT MIN(x.drug_exposure_start_date) FROM drug_exposure x WHERE x.person_id = c.person_id
                 AND x.drug_concept_id IN (1338512, 1310317, 1378382, 1315942, 1337620)
                 AND x.drug_exposure_start_date >= c.condition_start_date) AS chemo
            FROM condition_occurrence c
            WHERE c.condition_concept_id IN (\(breast))
              AND NOT EXISTS (SELECT 1 FROM condition_occurrence e WHERE e.person_id = c.person_id AND e.condition_concept_id IN (\(breast))
                AND (e.condition_start_date < c.condition_start_date
                     OR (e.condition_start_date = c.condition_start_date AND e.condition_occurrence_id < c.condition_occurrence_id)))
              AND \(conditions.joined(separator: " AND "))
            """)
        return try rows.compactMap { row in
            let dx = try #require(row["dx"].dateValue)
            guard let end = row["obs_end"].dateValue, end >= dx else { return nil }
            let observation: SurvivalObservation
            if let death = row["death"].dateValue, death <= end {
                guard death >= dx else { return nil }
                observation = SurvivalObservation(time: Double(dx.days(to: death)), event: true)
            } else {
                observation = SurvivalObservation(time: Double(dx.days(to: end)), event: false)
            }
            return Person(id: try #require(row["person_id"].integerValue), observation: observation,
                          surgeryDay: row["surgery"].dateValue.map { dx.days(to: $0) },
                          chemotherapyDay: row["chemo"].dateValue.map { dx.days(to: $0) })
        }
    }

    /// The breast groups in the rule file's order: surgery with chemotherapy, surgery without, no surgery.
    static func breastGroup(_ person: Person) -> Int {
        let surgery = person.surgeryDay.map { $0 <= 90 } ?? false
        let chemotherapy = person.chemotherapyDay.map { $0 <= 90 } ?? false
        return surgery ? (chemotherapy ? 0 : 1) : 2
    }

    static func matchedCountsAndCurvesEqualAnIndependentExtraction(_ db: any Database) async throws {
        let outcome = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1)
        let persons = try await Self.breastPersons(db, stage: 2)
        #expect(persons.count > 50)
        #expect(outcome.matched.value == persons.count)
        #expect(outcome.groups.map(\.treatment) == ["surgery with chemotherapy", "surgery without chemotherapy", "no surgery"])
        for (index, group) in outcome.groups.enumerated() {
            let observations = persons.filter { Self.breastGroup($0) == index }.map(\.observation)
            #expect(group.count.value == observations.count, "\(group.treatment)")
            let exact = try KaplanMeier(observations).rows.filter { $0.events > 0 }
            #expect(group.steps.count == exact.count, "\(group.treatment)")
            for (step, row) in zip(group.steps, exact) {
                #expect(step.day == row.time && step.atRisk.value == row.atRisk)
                #expect(abs(step.survival - row.survival) < 1e-12)
                #expect(abs(step.lower - row.lower) < 1e-12 && abs(step.upper - row.upper) < 1e-12)
            }
            // Survival at 1 year: the exact curve's value at day 365 when the curve reaches that far.
            let oneYear = try #require(group.landmarks.first { $0.years == 1 })
            if let last = exact.last, last.time >= 365 {
                #expect(oneYear.survival == (exact.last { $0.time <= 365 }?.survival ?? 1))
            } else {
                #expect(oneYear.survival == nil)
            }
        }
        #expect(outcome.groups.map { $0.count.value ?? 0 }.reduce(0, +) == persons.count)
        #expect(outcome.summary.count < 140)
        #expect(outcome.caveat.contains("observational data") && outcome.detail.contains(outcome.caveat))
    }

    static func aCriterionWithoutItsFactIsDroppedAndSaid(_ db: any Database) async throws {
        let outcome = try await db.similarPatientOutcomes(to: Self.breastFacts(stage: nil), minimumCount: 1)
        let stage = try #require(outcome.criteria.first { $0.name == "stage group" })
        #expect(!stage.applied && stage.description.contains("not known"))
        #expect(outcome.detail.contains(stage.description))
        #expect(outcome.matched.value == (try await Self.breastPersons(db, stage: nil)).count)
        #expect(outcome.criteria.filter(\.applied).map(\.name).contains("ER status"))

        // M1 alone gives stage IV.
        var metastatic = Self.breastFacts(stage: nil)
        metastatic.m = TNMCategory("M1", axis: .m)
        let derived = try await db.similarPatientOutcomes(to: metastatic, minimumCount: 1)
        #expect(derived.criteria.first { $0.name == "stage group" }?.applied == true)
        #expect(derived.matched.value == (try await Self.breastPersons(db, stage: 4)).count)

        await #expect(throws: SimilarPatientsError.self) { try await db.similarPatientOutcomes(to: PatientFacts()) }
    }

    static func theSiteMinimumHidesEverySmallCount(_ db: any Database) async throws {
        var lung = PatientFacts()
        lung.cancer = .lung
        lung.stageGroup = "IV"
        lung.lungBiomarkers = [.egfr: "L858R"]
        var prostate = PatientFacts()
        prostate.cancer = .prostate
        prostate.gleasonPrimary = 4
        prostate.gleasonSecondary = 3
        for facts in [Self.breastFacts(), Self.breastFacts(stage: "IV"), lung, prostate] {
            let outcome = try await db.similarPatientOutcomes(to: facts)
            #expect(outcome.minimumCount == SmallCellCount.defaultMinimum)
            let counts = [outcome.matched] + outcome.groups.flatMap { [$0.count] + $0.steps.map(\.atRisk) }
            #expect(!counts.contains { ($0.value ?? 0) >= 1 && ($0.value ?? 0) < SmallCellCount.defaultMinimum })
            for group in outcome.groups where group.count.isSuppressed {
                #expect(group.steps.isEmpty && group.landmarks.allSatisfy { $0.survival == nil })
            }
            // The rule file's own edition date aside, no date may appear.
            let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
                .replacingOccurrences(of: outcome.source.edition, with: "")
            #expect(json.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "no row-level date")
            #expect(!json.contains("person_id"))
        }
    }

    static func aGroupBelowTheMinimumIsSuppressed(_ db: any Database) async throws {
        let persons = try await Self.breastPersons(db, stage: 2)
        let sizes = (0..<3).map { index in persons.count { Self.breastGroup($0) == index } }
        let small = try #require(sizes.filter { $0 > 0 }.min())
        let minimum = small + 1
        try #require(persons.count >= minimum)
        let outcome = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: minimum)
        #expect(outcome.matched.value == persons.count)
        let hidden = outcome.groups[try #require(sizes.firstIndex(of: small))]
        #expect(hidden.count.isSuppressed && hidden.steps.isEmpty)
        // The total is shown, so no lone hidden group could be derived by subtraction.
        #expect(outcome.groups.count(where: \.count.isSuppressed) >= 2)
        for (group, size) in zip(outcome.groups, sizes) where !group.count.isSuppressed {
            #expect(group.count.value == size)
        }
    }

    static func thePatientIsLeftOutOfTheirOwnComparison(_ db: any Database) async throws {
        let persons = try await Self.breastPersons(db, stage: 2)
        let me = try #require(persons.first)
        let outcome = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1, excludingPersonID: me.id)
        #expect(outcome.matched.value == persons.count - 1)
        let chart = outcome.svg()
        #expect(chart.hasPrefix("<svg") && chart.contains("Years since diagnosis"))
    }

    /// The server's cache gives what a fresh read gives, and a person who objects (GDPR art. 21) leaves the next
    /// answer, and comes back when the objection is withdrawn, without waiting for the cache to age.
    static func theCacheAnswersTheSameAndAnObjectionTakesEffectAtOnce(_ db: any Database) async throws {
        let cache = SimilarPatientCaseCache()
        let fresh = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1)
        let cached = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1, cache: cache)
        let again = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1, cache: cache)
        for outcome in [cached, again] {
            #expect(outcome.matched == fresh.matched)
            #expect(outcome.groups.map(\.count) == fresh.groups.map(\.count))
            #expect(outcome.groups.map { $0.steps.map(\.survival) } == fresh.groups.map { $0.steps.map(\.survival) })
        }
        let me = try #require(try await Self.breastPersons(db, stage: 2).first)
        let source = try #require(try await db.query("SELECT person_source_value AS s FROM person WHERE person_id = \(me.id)").first?["s"].textValue)
        #expect(try await db.recordObjection(candidates: [source]))
        let objected = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1, cache: cache)
        #expect(objected.matched.value == (fresh.matched.value ?? 0) - 1)
        #expect(try await db.withdrawObjection(candidates: [source]))
        let withdrawn = try await db.similarPatientOutcomes(to: Self.breastFacts(), minimumCount: 1, cache: cache)
        #expect(withdrawn.matched == fresh.matched)
    }

    @Test func iconArrayDrawsAsAnSVGOfAHundredPeople() throws {
        let icons = IconArray(caption: "Out of 100 women like you", shares: [
            ("alive", 80.4, .filled, "#0072B2"), ("died of breast cancer", 12.3, .open, "#CC79A7"),
            ("died of other causes", 7.3, .open, "#999999"),
        ])
        // 80.4 + 12.3 + 7.3: the leftover person goes to the largest remainder (reference §6.2).
        let svg = try icons.svg
        #expect(svg.components(separatedBy: "class=\"icon ").count - 1 == 100)
        #expect(svg.contains(">81 alive</text>") && svg.contains(">12 died of breast cancer</text>"))
    }
}
