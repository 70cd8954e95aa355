import CDMStore
import CDMTestSupport
import Ingest
import OMOP
import Synthetic
import Testing

/// The vocabulary lookup against the shipped oncology subset, on real SQLite and PostgreSQL databases.
@Suite struct ConceptLookupTests {
    static let snomed = CodeSystem.snomed

    /// A fresh database with the shipped subset installed.
    func withVocabulary(_ backend: TestDatabases.Backend, _ body: (any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let added = try await db.installOncologyVocabulary()
            #expect(added == (try OncologyVocabulary.shipped()).concepts.count)
            try await body(db)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func installingTwiceAddsNothing(_ backend: TestDatabases.Backend) async throws {
        try await withVocabulary(backend) { db in
            #expect(try await db.installOncologyVocabulary() == 0)
            let concepts = try await db.query("SELECT COUNT(*) AS n FROM concept").first?["n"].integerValue
            #expect(concepts == Int64((try OncologyVocabulary.shipped()).concepts.count))
            #expect(try await ConceptLookup(database: db).vocabularyVersion() == OncologyVocabulary.version)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func syntheaCodesMapToTheirStandardConcepts(_ backend: TestDatabases.Backend) async throws {
        try await withVocabulary(backend) { db in
            let lookup = ConceptLookup(database: db)
            let breast = SourceCode(system: Self.snomed, code: "254837009")
            let suspected = SourceCode(system: Self.snomed, code: "162573006")
            let nsclcStage1 = SourceCode(system: Self.snomed, code: "424132000")
            let inSitu = SourceCode(system: Self.snomed, code: "92691004")
            let psa = SourceCode(system: CodeSystem.loinc, code: "2857-1")
            let unit = SourceCode(system: CodeSystem.ucum, code: "ng/mL")
            let cisplatin = SourceCode(system: CodeSystem.rxnorm, code: "1736854")
            try await lookup.prefetch([breast, suspected, nsclcStage1, inSitu, psa, unit, cisplatin])

            let breastMapping = lookup.mapping(breast)
            #expect(breastMapping.vocabularyID == "SNOMED")
            #expect(breastMapping.sourceConceptID == 4_112_853)
            #expect(breastMapping.targets == [StandardConcept(
                conceptID: 4_112_853, domainID: "Condition", vocabularyID: "SNOMED", conceptClassID: "Clinical Finding", isMalignancy: true)])
            let suspectedTarget = try #require(lookup.mapping(suspected).targets.first)
            #expect(suspectedTarget.conceptID == 4_038_238)
            #expect(suspectedTarget.domainID == "Observation")
            #expect(!suspectedTarget.isMalignancy)
            #expect(lookup.mapping(nsclcStage1).targets.map(\.isMalignancy) == [true])
            #expect(lookup.mapping(inSitu).targets.map(\.isMalignancy) == [false])
            #expect(lookup.mapping(psa).targets.map(\.conceptID) == [3_013_603])
            #expect(lookup.mapping(unit).targets.map(\.conceptID) == [8842])
            #expect(lookup.mapping(unit).targets.first?.domainID == "Unit")
            #expect(lookup.mapping(cisplatin).targets.map(\.conceptID) == [35_604_087])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func unknownCodesAreReportedUnmapped(_ backend: TestDatabases.Backend) async throws {
        try await withVocabulary(backend) { db in
            let lookup = ConceptLookup(database: db)
            // Synthea's "Hormone Receptor Negative": a SNOMED code under `system: "LOINC"`.
            let mislabelled = SourceCode(system: "LOINC", code: "417181009")
            let absent = SourceCode(system: Self.snomed, code: "999999999")
            let local = SourceCode(system: "http://hospital.example.org/codes", code: "X1")
            try await lookup.prefetch([mislabelled, absent, local])
            #expect(lookup.mapping(mislabelled) == ConceptMapping(vocabularyID: "LOINC", sourceConceptID: 0, targets: []))
            #expect(!lookup.mapping(absent).isMapped)
            #expect(lookup.mapping(absent).vocabularyID == "SNOMED")
            #expect(lookup.mapping(local) == ConceptMapping(vocabularyID: nil, sourceConceptID: 0, targets: []))
            // An unknown system needs no prefetch: there is nothing to ask the database.
            #expect(lookup.mapping(SourceCode(system: "urn:example:never-prefetched", code: "1")).vocabularyID == nil)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func conceptIDsOfTheOHDSISystemFollowMapsTo(_ backend: TestDatabases.Backend) async throws {
        try await withVocabulary(backend) { db in
            let lookup = ConceptLookup(database: db)
            // A local, non-standard ICD-O concept (8140/3-C61.9) that maps to 200962.
            let icdo = SourceCode(system: CodeSystem.omopConcept, code: "2000000201")
            let httpVariant = SourceCode(system: "http://fhir-terminology.ohdsi.org/", code: "1635838")
            let missing = SourceCode(system: CodeSystem.omopConcept, code: "1999999999")
            let notANumber = SourceCode(system: CodeSystem.omopConcept, code: "stage-1")
            try await lookup.prefetch([icdo, httpVariant, missing, notANumber])
            let mapping = lookup.mapping(icdo)
            #expect(mapping.sourceConceptID == 2_000_000_201)
            #expect(mapping.vocabularyID == "Optima")
            #expect(mapping.targets.map(\.conceptID) == [ConceptID.Cancer.primaryMalignantNeoplasmOfProstate])
            #expect(mapping.targets.first?.isMalignancy == true)
            #expect(lookup.mapping(httpVariant).targets.map(\.conceptID) == [1_635_838])
            #expect(lookup.mapping(httpVariant).targets.first?.domainID == "Measurement")
            #expect(!lookup.mapping(missing).isMapped)
            #expect(lookup.mapping(notANumber).sourceConceptID == 0)
        }
    }

    /// With several concepts for one code the valid one wins; 'Maps to' rows that are invalid or point
    /// at non-standard concepts are ignored; several valid targets all count, in concept_id order.
    @Test(arguments: TestDatabases.backends)
    func validConceptsAndTargetsArePreferred(_ backend: TestDatabases.Backend) async throws {
        try await withVocabulary(backend) { db in
            let start = CDMDate(year: 1970, month: 1, day: 1)!, end = CDMDate(year: 2099, month: 12, day: 31)!
            func concept(_ id: Int64, _ vocabulary: String, _ code: String, standard: String?, invalid: String?) async throws {
                try await db.execute(
                    """
                    INSERT INTO concept (concept_id, concept_name, domain_id, vocabulary_id, concept_class_id,
                        standard_concept, concept_code, valid_start_date, valid_end_date, invalid_reason)
                    VALUES (?, ?, 'Condition', ?, 'Test', ?, ?, ?, ?, ?)
                    """,
                    [.integer(id), .text("test \(id)"), .text(vocabulary), standard.map(SQLValue.text) ?? .null, .text(code),
                     .date(start), .date(end), invalid.map(SQLValue.text) ?? .null])
            }
            func mapsTo(_ from: Int64, _ to: Int64, invalid: String? = nil) async throws {
                try await db.execute(
                    """
                    INSERT INTO concept_relationship (concept_id_1, concept_id_2, relationship_id, valid_start_date,
                        valid_end_date, invalid_reason) VALUES (?, ?, 'Maps to', ?, ?, ?)
                    """, [.integer(from), .integer(to), .date(start), .date(end), invalid.map(SQLValue.text) ?? .null])
            }
            // An older, deprecated copy of the breast cancer code with a lower id.
            try await concept(100, "SNOMED", "254837009", standard: nil, invalid: "D")
            try await mapsTo(100, 4_163_261)
            // An ICD-10-CM code mapping to two standard concepts, plus a retired and a non-standard target.
            try await concept(2_000_009_001, "ICD10CM", "C50.9-T", standard: nil, invalid: nil)
            try await mapsTo(2_000_009_001, 4_112_853)
            try await mapsTo(2_000_009_001, 443_392)
            try await mapsTo(2_000_009_001, 4_163_261, invalid: "D")
            try await mapsTo(2_000_009_001, 2_000_000_202)

            let lookup = ConceptLookup(database: db)
            let breast = SourceCode(system: CodeSystem.snomed, code: "254837009")
            let icd = SourceCode(system: "https://hl7.org/fhir/sid/icd-10-cm/", code: "C50.9-T")
            try await lookup.prefetch([breast, icd])
            #expect(lookup.mapping(breast).sourceConceptID == 4_112_853)
            #expect(lookup.mapping(breast).targets.map(\.conceptID) == [4_112_853])
            #expect(lookup.mapping(icd).vocabularyID == "ICD10CM")
            #expect(lookup.mapping(icd).sourceConceptID == 2_000_009_001)
            #expect(lookup.mapping(icd).targets.map(\.conceptID) == [443_392, 4_112_853])
        }
    }

    /// 2,000 distinct codes (four IN lists of at most 500) and 700 concept ids (two lists) in one prefetch.
    @Test(arguments: TestDatabases.backends)
    func prefetchesThousandsOfCodesInChunks(_ backend: TestDatabases.Backend) async throws {
        try await withVocabulary(backend) { db in
            let real = ["254837009", "162573006", "424132000", "399068003", "363406005"]
            let codes = (0..<(2_000 - real.count)).map { "9\($0)001" } + real
            let ids = (0..<699).map { String(3_000_000_000 + $0) } + ["4112853"]
            let sources = codes.map { SourceCode(system: CodeSystem.snomed, code: $0) }
                + ids.map { SourceCode(system: CodeSystem.omopConcept, code: $0) }
            let lookup = ConceptLookup(database: db)
            try await lookup.prefetch(sources.shuffled())
            try await lookup.prefetch(sources)
            let mapped = sources.filter { lookup.mapping($0).isMapped }
            #expect(mapped.count == real.count + 1)
            #expect(lookup.mapping(SourceCode(system: CodeSystem.snomed, code: "363406005")).targets.map(\.conceptID) == [4_180_790])
            #expect(lookup.mapping(SourceCode(system: CodeSystem.omopConcept, code: "4112853")).targets.first?.isMalignancy == true)
        }
    }
}
