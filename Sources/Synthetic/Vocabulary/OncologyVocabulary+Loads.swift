import CDMStore
import OMOP

extension OncologyVocabulary {
    /// When the vocabulary was made: the start of validity of every row it writes.
    static let validStart = CDMDate(year: 2026, month: 1, day: 1)!
    static let validEnd = CDMDate(year: 2099, month: 12, day: 31)!
    /// The version `optima info` shows for a database holding only this subset.
    public static let version = "Optima oncology 1.0"

    /// The rows of the vocabulary tables for the concepts a database lacks. An empty database gets the
    /// whole subset; one that holds an Athena vocabulary gets only what Athena does not have (the
    /// local concepts and their links), so loading never repeats a key.
    func tableLoads(missingFrom database: any Database) async throws -> [TableLoad] {
        let present = try await existingIDs(database)
        let missing = concepts.filter { !present.concepts.contains($0.id) }
        let new = Set(missing.map(\.id))
        let start = Self.validStart, end = Self.validEnd
        let ancestorRows = ancestors().filter { new.contains($0.ancestor) || new.contains($0.descendant) }
        let relationshipRows = relationships().filter { new.contains($0.from) || new.contains($0.to) }
        let vocabularies = Array(Set(concepts.map(\.vocabulary)).subtracting(present.vocabularies)).sorted()
        let domains = Array(Set(concepts.map(\.domain)).subtracting(present.domains)).sorted()
        let classes = Array(Set(concepts.map(\.conceptClass)).subtracting(present.classes)).sorted()
        let relationshipIDs = [("Is a", "Subsumes", true), ("Subsumes", "Is a", true), ("Maps to", "Mapped from", false),
                               ("Mapped from", "Maps to", false)].filter { !present.relationships.contains($0.0) }
        return [
            .items("concept", missing) { concept, row in
                row.set("concept_id", .integer(concept.id))
                row.set("concept_name", .text(concept.name))
                row.set("domain_id", .text(concept.domain))
                row.set("vocabulary_id", .text(concept.vocabulary))
                row.set("concept_class_id", .text(concept.conceptClass))
                row.set("standard_concept", concept.standard.map(SQLValue.text) ?? .null)
                row.set("concept_code", .text(concept.code))
                row.set("valid_start_date", .date(start))
                row.set("valid_end_date", .date(end))
            },
            .items("concept_ancestor", ancestorRows) { link, row in
                row.set("ancestor_concept_id", .integer(link.ancestor))
                row.set("descendant_concept_id", .integer(link.descendant))
                row.set("min_levels_of_separation", .integer(Int64(link.minLevels)))
                row.set("max_levels_of_separation", .integer(Int64(link.maxLevels)))
            },
            .items("concept_relationship", relationshipRows) { link, row in
                row.set("concept_id_1", .integer(link.from))
                row.set("concept_id_2", .integer(link.to))
                row.set("relationship_id", .text(link.relationship))
                row.set("valid_start_date", .date(start))
                row.set("valid_end_date", .date(end))
            },
            .items("relationship", relationshipIDs) { relationship, row in
                row.set("relationship_id", .text(relationship.0))
                row.set("relationship_name", .text(relationship.0))
                row.set("is_hierarchical", .text(relationship.2 ? "1" : "0"))
                row.set("defines_ancestry", .text(relationship.2 ? "1" : "0"))
                row.set("reverse_relationship_id", .text(relationship.1))
                row.set("relationship_concept_id", .integer(ConceptID.noMatchingConcept))
            },
            .items("vocabulary", vocabularies) { vocabulary, row in
                // "None" names the vocabulary release as a whole, which `optima info` reports.
                let isOurs = vocabulary == "Optima"
                row.set("vocabulary_id", .text(vocabulary))
                row.set("vocabulary_name", .text(isOurs ? "Optima synthetic oncology vocabulary" : vocabulary))
                row.set("vocabulary_reference", .text(isOurs ? "Optima" : "subset shipped with Optima"))
                row.set("vocabulary_version", .text(vocabulary == "None" ? Self.version : isOurs ? "1.0" : "subset"))
                row.set("vocabulary_concept_id", .integer(isOurs ? ConceptID.optimaVocabulary : ConceptID.noMatchingConcept))
            },
            .items("domain", domains) { domain, row in
                row.set("domain_id", .text(domain))
                row.set("domain_name", .text(domain))
                row.set("domain_concept_id", .integer(ConceptID.noMatchingConcept))
            },
            .items("concept_class", classes) { conceptClass, row in
                row.set("concept_class_id", .text(conceptClass))
                row.set("concept_class_name", .text(conceptClass))
                row.set("concept_class_concept_id", .integer(ConceptID.noMatchingConcept))
            },
        ]
    }

    private func existingIDs(_ database: any Database) async throws
        -> (concepts: Set<Int64>, vocabularies: Set<String>, domains: Set<String>, classes: Set<String>, relationships: Set<String>)
    {
        let ids = concepts.map { String($0.id) }.joined(separator: ", ")
        let concepts = try await database.query("SELECT concept_id FROM concept WHERE concept_id IN (\(ids))")
            .compactMap { $0["concept_id"].integerValue }
        func texts(_ sql: String, _ column: String) async throws -> Set<String> {
            Set(try await database.query(sql).compactMap { $0[column].textValue })
        }
        return (Set(concepts),
                try await texts("SELECT vocabulary_id FROM vocabulary", "vocabulary_id"),
                try await texts("SELECT domain_id FROM domain", "domain_id"),
                try await texts("SELECT concept_class_id FROM concept_class", "concept_class_id"),
                try await texts("SELECT relationship_id FROM relationship", "relationship_id"))
    }
}
