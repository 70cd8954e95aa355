import CDMStore
import OMOP

extension ConceptLookup {
    /// One row per (source concept, 'Maps to' target); the target columns are NULL when there is none.
    /// Rows come best source concept first for each code: valid, then standard, then lowest id.
    private static let selectMappings = """
        SELECT s.concept_id AS source_id, s.concept_code AS source_code, s.standard_concept AS source_standard,
               s.invalid_reason AS source_invalid, s.domain_id AS source_domain, s.vocabulary_id AS source_vocabulary,
               s.concept_class_id AS source_class, t.concept_id AS target_id, t.domain_id AS target_domain,
               t.vocabulary_id AS target_vocabulary, t.concept_class_id AS target_class
        FROM concept s
        LEFT JOIN concept_relationship r
            ON r.concept_id_1 = s.concept_id AND r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
        LEFT JOIN concept t ON t.concept_id = r.concept_id_2 AND t.standard_concept = 'S' AND t.invalid_reason IS NULL
        """
    private static let orderMappings = """
        ORDER BY CASE WHEN s.invalid_reason IS NULL THEN 0 ELSE 1 END,
                 CASE WHEN s.standard_concept = 'S' THEN 0 ELSE 1 END, s.concept_id, t.concept_id
        """

    /// The mappings of codes of one vocabulary, by code; codes the vocabulary lacks are absent.
    func mappings(vocabulary: String, codes: [String]) async throws -> [String: ConceptMapping] {
        let sql = "\(Self.selectMappings)\nWHERE s.vocabulary_id = ? AND s.concept_code IN (\(placeholders(codes.count)))\n\(Self.orderMappings)"
        let rows = try await database.query(sql, [.text(vocabulary)] + codes.map(SQLValue.text))
        return try await mappings(rows) { $0["source_code"].textValue }
    }

    /// The mappings of OMOP concept ids (`CodeSystem.omopConcept` codes), by id; unknown ids are absent.
    func mappings(conceptIDs: [Int64]) async throws -> [Int64: ConceptMapping] {
        let sql = "\(Self.selectMappings)\nWHERE s.concept_id IN (\(placeholders(conceptIDs.count)))\n\(Self.orderMappings)"
        let rows = try await database.query(sql, conceptIDs.map(SQLValue.integer))
        return try await mappings(rows) { $0["source_id"].integerValue }
    }

    /// Folds the rows into one mapping per key, keeping the first (best) source concept of each key.
    private func mappings<Key: Hashable>(_ rows: [SQLRow], key: (SQLRow) -> Key?) async throws -> [Key: ConceptMapping] {
        var chosen: [Key: (source: SQLRow, targets: [SQLRow])] = [:]
        var keys: [Key] = []
        for row in rows {
            guard let key = key(row), let sourceID = row["source_id"].integerValue else { continue }
            if chosen[key] == nil {
                chosen[key] = (row, [])
                keys.append(key)
            }
            guard chosen[key]?.source["source_id"].integerValue == sourceID, row["target_id"].integerValue != nil else { continue }
            chosen[key]?.targets.append(row)
        }
        var candidates: Set<Int64> = []
        for (source, targets) in chosen.values {
            candidates.formUnion(targets.compactMap { $0["target_id"].integerValue })
            if let id = source["source_id"].integerValue { candidates.insert(id) }
        }
        let malignant = try await malignancies(Array(candidates))
        var result: [Key: ConceptMapping] = [:]
        for key in keys {
            guard let (source, targetRows) = chosen[key], let sourceID = source["source_id"].integerValue else { continue }
            var targets = targetRows.compactMap { concept($0, prefix: "target", malignant) }
            var seen: Set<Int64> = []
            targets = targets.filter { seen.insert($0.conceptID).inserted }
            // A valid standard concept with no 'Maps to' row is its own target (OMOP convention).
            if targets.isEmpty, source["source_standard"].textValue == "S", source["source_invalid"].textValue == nil,
               let itself = concept(source, prefix: "source", malignant) {
                targets = [itself]
            }
            result[key] = ConceptMapping(vocabularyID: source["source_vocabulary"].textValue, sourceConceptID: sourceID, targets: targets)
        }
        return result
    }

    private func concept(_ row: SQLRow, prefix: String, _ malignant: Set<Int64>) -> StandardConcept? {
        guard let id = row["\(prefix)_id"].integerValue else { return nil }
        return StandardConcept(
            conceptID: id, domainID: row["\(prefix)_domain"].textValue ?? "", vocabularyID: row["\(prefix)_vocabulary"].textValue ?? "",
            conceptClassID: row["\(prefix)_class"].textValue ?? "", isMalignancy: malignant.contains(id))
    }

    /// Which of the concepts concept_ancestor places under Malignant neoplastic disease (itself included).
    private func malignancies(_ ids: [Int64]) async throws -> Set<Int64> {
        var found: Set<Int64> = []
        for chunk in ids.inChunks(of: Self.chunkSize) {
            let rows = try await database.query(
                """
                SELECT descendant_concept_id FROM concept_ancestor
                WHERE ancestor_concept_id = ? AND descendant_concept_id IN (\(placeholders(chunk.count)))
                """,
                [.integer(ConceptID.Cancer.malignantNeoplasticDisease)] + chunk.map(SQLValue.integer))
            found.formUnion(rows.compactMap { $0["descendant_concept_id"].integerValue })
        }
        return found
    }

    private func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
