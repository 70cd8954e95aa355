import CDMStore
import CDMTestSupport
import Cohorts
import OMOP
import Testing

/// Concept search ranks and filters as specified, checked against an in-memory search of the whole
/// `concept` table, on both backends.
@Suite struct ConceptSearchTests {
    /// The specification written out over plain rows: id, code (also VOCABULARY:CODE), equal name, name
    /// prefix, every word contained; then shorter names, then ids.
    static func expected(_ search: ConceptSearch, in concepts: [ConceptSummary]) -> [Pair] {
        let text = search.text.trimmingCharacters(in: .whitespaces)
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        let phrase = words.joined(separator: " ")
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        var found: [(kind: ConceptMatch.Kind, concept: ConceptSummary)] = []
        for concept in concepts {
            if let domain = search.domain, concept.domain != domain { continue }
            if let vocabulary = search.vocabulary, concept.vocabulary != vocabulary { continue }
            if search.standardOnly && concept.standardConcept != "S" { continue }
            let name = concept.name.lowercased()
            let kind: ConceptMatch.Kind
            if String(concept.id) == text { kind = .conceptID }
            else if concept.code == text || (parts.count == 2 && concept.vocabulary.lowercased() == parts[0].lowercased() && concept.code == parts[1]) {
                kind = .code
            } else if name == phrase { kind = .nameEqual }
            else if name.hasPrefix(phrase) { kind = .namePrefix }
            else if words.allSatisfy(name.contains) { kind = .nameContains }
            else { continue }
            found.append((kind, concept))
        }
        return found.sorted {
            ($0.kind.rawValue, $0.concept.name.unicodeScalars.count, $0.concept.id) < ($1.kind.rawValue, $1.concept.name.unicodeScalars.count, $1.concept.id)
        }.prefix(search.limit).map { Pair(id: $0.concept.id, kind: $0.kind) }
    }

    struct Pair: Equatable, CustomStringConvertible {
        let id: Int64
        let kind: ConceptMatch.Kind
        var description: String { "\(id):\(kind)" }
    }

    static let texts = ["breast", "Malignant tumor of breast", "malignant TUMOR", "carcinoma lung", "LUNG carcinoma", "  stage   1 ",
                        "4112853", "8554", "%", "ng/mL", "Optima:OPT-M-KI67", "snomed:254837009", "8140/3-C61.9", "nos",
                        "T1", "of", "a_b", "xyz-nothing"]

    @Test(arguments: TestDatabases.backends)
    func rankingAndFiltersEqualAnInMemorySearch(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let concepts = try await VocabularyFixture.concepts(db)
            var checked = 0
            for text in Self.texts {
                for search in [ConceptSearch(text), ConceptSearch(text, standardOnly: false), ConceptSearch(text, domain: "Condition", standardOnly: false),
                               ConceptSearch(text, vocabulary: "SNOMED"), ConceptSearch(text, standardOnly: false, limit: 3)] {
                    let found = try await db.searchConcepts(search).map { Pair(id: $0.concept.id, kind: $0.kind) }
                    #expect(found == Self.expected(search, in: concepts), "\(search)")
                    checked += found.count
                }
            }
            #expect(checked > 100)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func rankedAsAResearcherExpects(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let breast = ConceptID.Cancer.malignantTumorOfBreast
            #expect(try await db.searchConcepts(ConceptSearch(String(breast))).first.map { [$0.concept.id: $0.kind] } == [breast: .conceptID])
            let byName = try await db.searchConcepts(ConceptSearch("malignant TUMOR of Breast"))
            #expect(byName.first?.concept.id == breast && byName.first?.kind == .nameEqual)
            #expect(byName.first?.concept == ConceptSummary(id: breast, name: "Malignant tumor of breast", domain: "Condition", vocabulary: "SNOMED",
                                                            conceptClass: byName.first?.concept.conceptClass ?? "", code: "254837009",
                                                            standardConcept: "S", invalidReason: nil))
            #expect(try await db.searchConcepts(ConceptSearch("snomed:254837009")).map(\.concept.id) == [breast])
            // "%" is the code of percent, and a literal character in names, not a wildcard.
            #expect(try await db.searchConcepts(ConceptSearch("%")).map(\.concept.id) == [8554])
            // Prefix matches, shortest first, come before names that only contain the words.
            let tumor = try await db.searchConcepts(ConceptSearch("malignant tumor"))
            #expect(tumor.prefix(2).map(\.concept.id) == [443388, 4180790])
            #expect(tumor.map(\.kind) == tumor.map(\.kind).sorted())
            #expect(tumor.contains { $0.concept.id == 4196262 && $0.kind == .nameContains })
            // Standard only by default: the ICD-O-3 source concept of breast carcinoma appears only when asked for.
            #expect(!(try await db.searchConcepts(ConceptSearch("carcinoma breast"))).contains { $0.concept.id == 2_000_000_204 })
            let all = try await db.searchConcepts(ConceptSearch("carcinoma breast", standardOnly: false))
            #expect(all.contains { $0.concept.id == 2_000_000_204 && !$0.concept.isStandard })
            #expect(try await db.searchConcepts(ConceptSearch("lung", domain: "Measurement")).allSatisfy { $0.concept.domain == "Measurement" })
            #expect(try await db.searchConcepts(ConceptSearch("lung", limit: 2)).count == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func searchesThroughTheNameIndex(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            #expect(try await db.indexes(of: "concept")["idx_concept_name_lower"] == nil)
            _ = try await db.searchConcepts(ConceptSearch("lung"))
            #expect(try await db.indexes(of: "concept")["idx_concept_name_lower"] != nil)
            if backend == .sqlite {
                let plan = try await db.query("""
                    EXPLAIN QUERY PLAN SELECT concept_id FROM concept
                    WHERE lower(concept_name) >= 'lung' AND lower(concept_name) < 'lunh' ORDER BY length(concept_name)
                    """).map { $0["detail"].textValue ?? "" }.joined(separator: "\n")
                #expect(plan.contains("idx_concept_name_lower"), "\(plan)")
            }
        }
    }

    static func refusal(_ db: any Database, _ search: ConceptSearch) async -> ConceptInputError? {
        do { _ = try await db.searchConcepts(search) } catch { return error as? ConceptInputError }
        return nil
    }

    @Test(arguments: TestDatabases.backends)
    func badInputIsNamed(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let blank = try await db.searchConcepts(ConceptSearch("   "))
            #expect(blank.isEmpty)
            for limit in [0, -1, ConceptSearch.maximumLimit + 1] {
                let refused = await Self.refusal(db, ConceptSearch("lung", limit: limit))
                #expect(refused?.field == "limit" && refused?.reason.contains("(got \(limit))") == true)
            }
            #expect(await Self.refusal(db, ConceptSearch(String(repeating: "x", count: 300)))?.field == "q")
        }
    }
}
