import CDMStore
import CDMTestSupport
import OMOP
import Synthetic
import Testing

@Suite struct OncologyVocabularyTests {
    @Test func hierarchyClosesOverEveryLevel() throws {
        let vocabulary = try OncologyVocabulary.shipped()
        let ancestors = vocabulary.ancestors()
        func levels(_ ancestor: Int64, _ descendant: Int64) -> (Int, Int)? {
            ancestors.first { $0.ancestor == ancestor && $0.descendant == descendant }.map { ($0.minLevels, $0.maxLevels) }
        }
        // Adenocarcinoma of lung → NSCLC → Malignant tumor of lung → Malignant neoplastic disease.
        #expect(levels(ConceptID.Cancer.malignantNeoplasticDisease, ConceptID.Cancer.adenocarcinomaOfLung)! == (3, 3))
        #expect(levels(ConceptID.Cancer.adenocarcinomaOfLung, ConceptID.Cancer.adenocarcinomaOfLung)! == (0, 0))
        #expect(levels(ConceptID.Cancer.malignantTumorOfBreast, ConceptID.Cancer.lobularCarcinomaOfBreast)! == (1, 1))
        #expect(levels(ConceptID.Cancer.malignantTumorOfLung, ConceptID.Cancer.malignantTumorOfBreast) == nil)
        // Non-standard source concepts are nobody's descendants but map to a standard concept.
        let source: Int64 = 2_000_000_201
        #expect(vocabulary.concept(source)?.standard == nil)
        #expect(!ancestors.contains { $0.descendant == source })
        #expect(vocabulary.relationships().contains { $0.from == source && $0.to == ConceptID.Cancer.primaryMalignantNeoplasmOfProstate && $0.relationship == "Maps to" })
        #expect(vocabulary.concepts.allSatisfy { $0.id < 2_000_000_000 || $0.vocabulary == "Optima" || $0.vocabulary == "Vocabulary" })
    }

    @Test func badFilesNameTheLine() {
        let header = "concept_id\tconcept_name\tdomain_id\tvocabulary_id\tconcept_class_id\tstandard_concept\tconcept_code\tparents\tmaps_to\n"
        #expect(throws: VocabularyError.self) { try OncologyVocabulary(tsv: header + "12\tx\tCondition\tSNOMED\tClinical Finding\tS\t1\t99\t\n") }
        do {
            _ = try OncologyVocabulary(tsv: header + "# comment\nabc\tx\tCondition\tSNOMED\tClinical Finding\tS\t1\t\t\n")
            Issue.record("a non-numeric id was accepted")
        } catch let error as VocabularyError {
            #expect(error.line == 3)
            #expect(error.description.contains(":3: concept_id"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// "Malignant tumor of breast" with descendants finds every breast cancer the generator writes, and
    /// a database that already holds some of the concepts (as an Athena one would) gets only the others.
    @Test func descendantQueriesFindEverySubtype() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createSchema()
            try await db.execute("""
                INSERT INTO concept VALUES (8507, 'MALE', 'Gender', 'Gender', 'Gender', 'S', 'M', '1970-01-01', '2099-12-31', NULL)
                """)
            try await db.execute("INSERT INTO vocabulary VALUES ('Gender', 'OMOP Gender', 'x', 'v', 0)")
            let settings = GenerationSettings(persons: 2_000, seed: 3, cancerFraction: 0.6)
            _ = try await db.generatePopulation(settings, site: .single, persons: 0..<2_000)
            let vocabulary = try OncologyVocabulary.shipped()
            #expect(try await db.count("SELECT COUNT(*) FROM concept") == vocabulary.concepts.count)
            let written = try await db.count("""
                SELECT COUNT(DISTINCT c.condition_concept_id) FROM condition_occurrence c JOIN episode e
                ON e.person_id = c.person_id AND e.episode_object_concept_id = c.condition_concept_id
                WHERE e.episode_concept_id = \(ConceptID.Episode.diseaseFirstOccurrence)
                """)
            let found = try await db.count("""
                SELECT COUNT(DISTINCT c.condition_concept_id) FROM condition_occurrence c JOIN concept_ancestor a
                ON a.descendant_concept_id = c.condition_concept_id
                WHERE a.ancestor_concept_id IN (\(ConceptID.Cancer.malignantTumorOfBreast), \(ConceptID.Cancer.malignantTumorOfProstate), \(ConceptID.Cancer.malignantTumorOfLung))
                """)
            #expect(written == 8)
            #expect(found == written)
            let breastSubtypes = try await db.count("""
                SELECT COUNT(DISTINCT c.condition_concept_id) FROM condition_occurrence c JOIN concept_ancestor a
                ON a.descendant_concept_id = c.condition_concept_id WHERE a.ancestor_concept_id = \(ConceptID.Cancer.malignantTumorOfBreast)
                """)
            #expect(breastSubtypes == 3)
        }
    }
}
