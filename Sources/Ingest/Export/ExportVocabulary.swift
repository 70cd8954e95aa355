import CDMStore
import OMOP

/// The concepts an export names, looked up with one query per table and person batch (never per row), and
/// which condition concepts are malignancies, so a cancer Condition can carry its mCODE profile.
struct ExportVocabulary: Sendable {
    private(set) var concepts: [Int64: ExportConcept] = [:]
    private(set) var malignancies: Set<Int64> = [ConceptID.Cancer.malignantNeoplasticDisease]

    /// Everything under "Malignant neoplastic disease" in `concept_ancestor`.
    mutating func loadMalignancies(from database: any Database) async throws {
        let rows = try await database.query("SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id = ?",
                                            [.integer(ConceptID.Cancer.malignantNeoplasticDisease)])
        malignancies.formUnion(rows.compactMap { $0[0].integerValue })
    }

    /// Loads the concepts that the concept columns of a mapping's table name for the filtered persons.
    mutating func include(_ mapping: any FHIRResourceMapping, _ filter: PersonFilter, from database: any Database) async throws {
        guard !mapping.conceptColumns.isEmpty else { return }
        let used = mapping.conceptColumns.map { "SELECT \($0) FROM \(mapping.from)\(filter.whereClause)" }.joined(separator: " UNION ")
        let binds = Array(repeating: filter.binds, count: mapping.conceptColumns.count).flatMap { $0 }
        let sql = "SELECT concept_id, vocabulary_id, concept_code, concept_name FROM concept WHERE concept_id IN (\(used))"
        for row in try await database.query(sql, binds) {
            guard let id = row[0].integerValue, concepts[id] == nil else { continue }
            concepts[id] = ExportConcept(id: id, vocabularyID: row[1].textValue ?? "", code: row[2].textValue ?? "",
                                         name: row[3].textValue ?? "")
        }
    }

    /// The CodeableConcept of concept 0, for an element FHIR requires when a row names no concept at all.
    static let noConcept = JSONValue.object(JSONObject([.init("coding", .array([.object(JSONObject([
        .init("system", .string(CodeSystem.omopConcept)), .init("code", .string("0")), .init("display", .string("No matching concept")),
    ]))]))]))

    /// The coding of a concept id; nil for no concept (NULL or 0).
    func coding(_ id: SQLValue) -> JSONValue? {
        guard let id = id.integerValue, id != ConceptID.noMatchingConcept else { return nil }
        return concepts[id]?.coding ?? ExportConcept.unknown(id)
    }

    /// A CodeableConcept: the standard concept first (an importer takes the first coding it can map, and the
    /// source concept may be standard too, as ICD-O-3 diagnoses are), then the source concept when set and
    /// different; with neither, `{text: source value}`; nil when there is nothing at all.
    func codeableConcept(_ standard: SQLValue, source: SQLValue = .null, text: SQLValue = .null) -> JSONValue? {
        var codings: [JSONValue] = []
        if let coding = coding(standard) { codings.append(coding) }
        if let id = source.integerValue, id > 0, id != standard.integerValue, let coding = coding(source) { codings.append(coding) }
        if !codings.isEmpty { return .object(JSONObject([.init("coding", .array(codings))])) }
        guard let text = text.textValue, !text.isEmpty else { return nil }
        return .object(JSONObject([.init("text", .string(text))]))
    }
}
