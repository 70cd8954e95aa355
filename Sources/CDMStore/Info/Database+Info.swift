import OMOP

extension Database {
    /// Row counts of every table and the CDM and vocabulary versions.
    public func info() async throws -> CDMInfo {
        guard try await hasSchema() else {
            throw DatabaseError(message: "\(location) holds no CDM tables yet; run `optima init` first")
        }
        var tables: [String: Int] = [:]
        for table in CDMSchema.v54.tables {
            tables[table.name] = try await rowCount(table.name)
        }
        var results: [String: Int] = [:]
        for table in CDMSchema.cohortResultsTables {
            results[table.name] = try await rowCount(table.name)
        }
        return CDMInfo(
            cdmVersion: CDMSchema.v54.version, vocabularyVersion: try await vocabularyVersion(),
            tables: tables, resultsTables: results)
    }

    private func rowCount(_ table: String) async throws -> Int {
        let rows = try await query("SELECT COUNT(*) AS n FROM \(dialect.quote(table))")
        return Int(rows.first?["n"].integerValue ?? 0)
    }

    private func vocabularyVersion() async throws -> String? {
        let fromVocabulary = try await query("SELECT vocabulary_version FROM vocabulary WHERE vocabulary_id = 'None'")
        if let version = fromVocabulary.first?["vocabulary_version"].textValue { return version }
        let fromSource = try await query("SELECT vocabulary_version FROM cdm_source \(dialect.limit(1))")
        return fromSource.first?["vocabulary_version"].textValue
    }
}
