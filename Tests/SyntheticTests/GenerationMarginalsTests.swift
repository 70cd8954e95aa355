import CDMStore
import CDMTestSupport
import OMOP
import Synthetic
import Testing

/// The generated rows reproduce the model's marginal distributions (20,000 persons; tolerances are
/// about four standard errors of a proportion at the sizes involved).
@Suite struct GenerationMarginalsTests {
    static let model = PopulationModel.standard
    static let roots: [CancerType: Int64] = [
        .prostate: ConceptID.Cancer.malignantTumorOfProstate, .breast: ConceptID.Cancer.malignantTumorOfBreast,
        .lung: ConceptID.Cancer.malignantTumorOfLung,
    ]

    /// Diagnoses (condition ids) of a cancer: conditions linked to a Disease First Occurrence episode,
    /// found through the hierarchy.
    static func diagnoses(_ cancer: CancerType) -> String {
        """
        SELECT c.condition_occurrence_id AS id, c.person_id, c.condition_concept_id AS concept, c.condition_start_date AS date
        FROM episode e JOIN episode_event ee ON ee.episode_id = e.episode_id AND ee.episode_event_field_concept_id = \(ConceptID.Field.conditionOccurrenceID)
        JOIN condition_occurrence c ON c.condition_occurrence_id = ee.event_id
        JOIN concept_ancestor a ON a.descendant_concept_id = c.condition_concept_id AND a.ancestor_concept_id = \(roots[cancer]!)
        WHERE e.episode_concept_id = \(ConceptID.Episode.diseaseFirstOccurrence)
        """
    }

    /// The share of a cancer's diagnoses that carry a modifier or marker measurement matching `condition`.
    static func share(_ db: any Database, _ cancer: CancerType, _ condition: String, among: String = "1 = 1") async throws -> Double {
        let base = "FROM (\(diagnoses(cancer))) d WHERE \(among)"
        let total = try await db.count("SELECT COUNT(*) \(base)")
        let matching = try await db.count("""
            SELECT COUNT(*) \(base) AND EXISTS (SELECT 1 FROM measurement m WHERE m.measurement_event_id = d.id
            AND m.meas_event_field_concept_id = \(ConceptID.Field.conditionOccurrenceID) AND \(condition))
            """)
        return Double(matching) / Double(max(total, 1))
    }

    @Test func cancerFractionAndMix() async throws {
        let url = try await GeneratedPopulation.marginals.value
        try await GeneratedPopulation.with(url) { db in
            let persons = Double(try await db.count("SELECT COUNT(*) FROM person"))
            var counts: [Double] = []
            for cancer in CancerType.allCases {
                counts.append(Double(try await db.count("SELECT COUNT(*) FROM (\(Self.diagnoses(cancer))) d")))
            }
            let cancers = counts.reduce(0, +)
            #expect(abs(cancers / persons - GenerationSettings.defaultCancerFraction) < 0.015)
            for (index, cancer) in CancerType.allCases.enumerated() {
                #expect(abs(counts[index] / cancers - Self.model.cancerMix[index]) < 0.03, "\(cancer) share")
            }
            // Nobody has two primary cancers, and every diagnosis has its episode.
            #expect(try await db.count("SELECT COUNT(DISTINCT person_id) FROM episode WHERE episode_concept_id = \(ConceptID.Episode.diseaseFirstOccurrence)") == Int(cancers))
        }
    }

    @Test func stageAndAge() async throws {
        let url = try await GeneratedPopulation.marginals.value
        try await GeneratedPopulation.with(url) { db in
            for cancer in [CancerType.prostate, .breast] {
                for (index, concept) in ConceptID.Modifier.stages.enumerated() {
                    let observed = try await Self.share(db, cancer, "m.measurement_concept_id = \(concept)")
                    #expect(abs(observed - Self.model.stageMix[cancer]![index]) < 0.045, "\(cancer) stage \(index + 1): \(observed)")
                }
            }
            let nonSmallCell = "d.concept <> \(ConceptID.Cancer.smallCellCarcinomaOfLung)"
            for (index, concept) in ConceptID.Modifier.stages.enumerated() {
                let observed = try await Self.share(db, .lung, "m.measurement_concept_id = \(concept)", among: nonSmallCell)
                #expect(abs(observed - Self.model.stageMix[.lung]![index]) < 0.05, "NSCLC stage \(index + 1): \(observed)")
            }
            for cancer in CancerType.allCases {
                let age = try await db.number("""
                    SELECT AVG((julianday(d.date) - julianday(p.birth_datetime)) / 365.25)
                    FROM (\(Self.diagnoses(cancer))) d JOIN person p ON p.person_id = d.person_id
                    """)
                #expect(abs(age - Self.model.diagnosisAge[cancer]!.mean) < 1.5, "\(cancer) mean age at diagnosis \(age)")
            }
        }
    }

    @Test func breastMarkers() async throws {
        let url = try await GeneratedPopulation.marginals.value
        try await GeneratedPopulation.with(url) { db in
            let breast = Self.model.breast
            let expectedER = zip(breast.gradeMix, breast.erPositiveByGrade).map(*).reduce(0, +)
            let er = try await Self.share(db, .breast, "m.measurement_concept_id = \(ConceptID.Marker.estrogenReceptor) AND m.value_as_concept_id = \(ConceptID.Value.positive)")
            #expect(abs(er - expectedER) < 0.045, "ER positive \(er) vs \(expectedER)")
            let her2 = try await Self.share(db, .breast, "m.measurement_concept_id = \(ConceptID.Marker.her2) AND m.value_as_concept_id = \(ConceptID.Value.positive)")
            #expect(abs(her2 - breast.her2Positive) < 0.035, "HER2 positive \(her2)")
            for (index, grade) in ConceptID.Modifier.grades.enumerated() {
                let observed = try await Self.share(db, .breast, "m.measurement_concept_id = \(grade)")
                #expect(abs(observed - breast.gradeMix[index]) < 0.045, "grade \(index + 1): \(observed)")
            }
            let ductal = try await db.number("""
                SELECT AVG(CASE WHEN d.concept = \(ConceptID.Cancer.infiltratingDuctCarcinomaOfBreast) THEN 1.0 ELSE 0 END) FROM (\(Self.diagnoses(.breast))) d
                """)
            #expect(abs(ductal - breast.histologyMix[0]) < 0.04)
        }
    }

    @Test func lungHistologyAndDrivers() async throws {
        let url = try await GeneratedPopulation.marginals.value
        try await GeneratedPopulation.with(url) { db in
            let lung = Self.model.lung
            let concepts = [ConceptID.Cancer.adenocarcinomaOfLung, ConceptID.Cancer.squamousCellCarcinomaOfLung,
                            ConceptID.Cancer.largeCellCarcinomaOfLung, ConceptID.Cancer.smallCellCarcinomaOfLung]
            for (index, concept) in concepts.enumerated() {
                let share = try await db.number("SELECT AVG(CASE WHEN d.concept = \(concept) THEN 1.0 ELSE 0 END) FROM (\(Self.diagnoses(.lung))) d")
                #expect(abs(share - lung.histologyMix[index]) < 0.05, "histology \(index): \(share)")
            }
            let adenocarcinoma = "d.concept = \(ConceptID.Cancer.adenocarcinomaOfLung)"
            let egfr = try await Self.share(db, .lung, "m.measurement_concept_id = \(ConceptID.Marker.egfr) AND m.value_as_concept_id = \(ConceptID.Value.detected)", among: adenocarcinoma)
            #expect(abs(egfr - lung.driversNonSquamous[0]) < 0.04, "EGFR in adenocarcinoma \(egfr)")
            let kras = try await Self.share(db, .lung, "m.measurement_concept_id = \(ConceptID.Marker.kras) AND m.value_as_concept_id = \(ConceptID.Value.detected)", among: adenocarcinoma)
            #expect(abs(kras - lung.driversNonSquamous[4]) < 0.05, "KRAS in adenocarcinoma \(kras)")
            let highPDL1 = try await db.number("""
                SELECT AVG(CASE WHEN value_as_number >= 50 THEN 1.0 ELSE 0 END) FROM measurement
                WHERE measurement_concept_id = \(ConceptID.Marker.pdl1TumorProportionScore)
                """)
            #expect(abs(highPDL1 - lung.pdl1Bands[2]) < 0.05, "PD-L1 ≥ 50 %: \(highPDL1)")
            #expect(try await db.count("""
                SELECT COUNT(*) FROM drug_exposure x JOIN (\(Self.diagnoses(.lung))) d ON d.person_id = x.person_id
                WHERE x.drug_concept_id = \(ConceptID.Drug.osimertinib) AND NOT EXISTS (SELECT 1 FROM measurement m
                WHERE m.person_id = d.person_id AND m.measurement_concept_id = \(ConceptID.Marker.egfr) AND m.value_as_concept_id = \(ConceptID.Value.detected))
                """) == 0, "osimertinib only for EGFR-mutated tumours")
        }
    }
}
