import CDMStore
import Foundation
import OMOP

extension Database {
    /// Saves a concept set under the next free id after checking it: a name, at least one item, and
    /// every concept present in this vocabulary. Items given by id alone get the vocabulary's attributes
    /// (as ATLAS writes them); an expression whose concepts all carry names is stored as given.
    public func saveConceptSet(name: String, description: String?, expression: ConceptSetExpression,
                               createdBy: String) async throws -> StoredConceptSet {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ConceptInputError(field: "name", reason: "a concept set needs a name") }
        guard name.count <= 255 else { throw ConceptInputError(field: "name", reason: "at most 255 characters (got \(name.count))") }
        guard !expression.items.isEmpty else { throw ConceptInputError(field: "items", reason: "a concept set needs at least one concept") }
        let known = try await concepts(ids: Set(expression.items.map(\.concept.id)))
        let missing = expression.items.indices.filter { known[expression.items[$0].concept.id] == nil }
        if let first = missing.first {
            let list = missing.map { "items[\($0)] (concept \(expression.items[$0].concept.id))" }.joined(separator: ", ")
            throw ConceptInputError(field: "items[\(first)]", reason: "not in this database's vocabulary: \(list)")
        }
        let stored = expression.items.allSatisfy { $0.concept.name != nil } ? expression : ConceptSetExpression(items: expression.items.map {
            var item = $0
            if item.concept.name == nil, let summary = known[item.concept.id] { item.concept = Concept(summary) }
            return item
        })
        let description = description?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let createdAt = CDMDateTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
        try await createConceptSetTable()
        let id = (try await query("SELECT MAX(concept_set_id) AS id FROM optima_concept_set").first?["id"].integerValue ?? 0) + 1
        try await execute("""
            INSERT INTO optima_concept_set (concept_set_id, concept_set_name, description, expression, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [.integer(id), .text(name), description.map(SQLValue.text) ?? .null, .text(String(decoding: stored.json, as: UTF8.self)),
                  .text(createdBy), .datetime(createdAt)])
        return StoredConceptSet(id: id, name: name, description: description, expression: stored, createdBy: createdBy, createdAt: createdAt)
    }

    /// Every saved concept set, by id.
    public func conceptSets() async throws -> [StoredConceptSet] {
        try await createConceptSetTable()
        return try await query("SELECT \(Self.conceptSetColumns) FROM optima_concept_set ORDER BY concept_set_id").map(storedConceptSet)
    }

    /// A saved concept set, or nil when there is none with that id.
    public func conceptSet(id: Int64) async throws -> StoredConceptSet? {
        try await createConceptSetTable()
        return try await query("SELECT \(Self.conceptSetColumns) FROM optima_concept_set WHERE concept_set_id = ?", [.integer(id)])
            .first.map(storedConceptSet)
    }

    /// The concept ids an expression includes in this vocabulary (descendants, mapped concepts and
    /// exclusions applied as circe-be does, through `ConceptSet.resolutionSQL()`), ascending.
    public func resolveConceptSet(_ expression: ConceptSetExpression) async throws -> [Int64] {
        try await resolve(ConceptSet(id: 0, name: "", items: expression.items))
    }

    /// The concepts of these ids that the vocabulary holds, by id: what a concept-set form shows of its items.
    public func concepts(ids: Set<Int64>) async throws -> [Int64: ConceptSummary] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.sorted().map(String.init).joined(separator: ", ")
        let rows = try await query("SELECT \(ConceptSummary.columns("c")) FROM concept c WHERE c.concept_id IN (\(list))")
        return Dictionary(rows.compactMap(ConceptSummary.init(row:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `optima_concept_set`, when the database lacks it: Optima's own table, as the cohort tables are made on demand.
    public func createConceptSetTable() async throws {
        try await transaction([
            SQLStatement("""
                CREATE TABLE IF NOT EXISTS optima_concept_set (
                  concept_set_id INTEGER NOT NULL,
                  concept_set_name VARCHAR(255) NOT NULL,
                  description TEXT,
                  expression TEXT NOT NULL,
                  created_by VARCHAR(255) NOT NULL,
                  created_at \(dialect.columnType(.datetime)) NOT NULL
                )
                """),
            SQLStatement("CREATE UNIQUE INDEX IF NOT EXISTS xpk_optima_concept_set ON optima_concept_set (concept_set_id)"),
        ])
    }

    private static var conceptSetColumns: String {
        "concept_set_id, concept_set_name, description, expression, created_by, created_at"
    }

    private func storedConceptSet(_ row: SQLRow) throws -> StoredConceptSet {
        let id = row["concept_set_id"].integerValue ?? 0
        let expression: ConceptSetExpression
        do {
            expression = try ConceptSetExpression(json: Data((row["expression"].textValue ?? "").utf8))
        } catch let error as ConceptInputError {
            throw ConceptInputError(field: "optima_concept_set[\(id)].expression \(error.field)", reason: error.reason)
        }
        return StoredConceptSet(id: id, name: row["concept_set_name"].textValue ?? "", description: row["description"].textValue,
                                expression: expression, createdBy: row["created_by"].textValue ?? "",
                                createdAt: row["created_at"].datetimeValue ?? CDMDateTime(secondsSinceEpoch: 0))
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
