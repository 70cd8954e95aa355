import CDMStore

extension Database {
    /// Every row of the person held under any of the pseudonyms, from every table `erasePerson` would
    /// delete from; nil when no person is held.
    public func exportPerson(candidates: [String]) async throws -> PersonExport? {
        let held = try await heldPersons(candidates: candidates)
        guard !held.isEmpty else { return nil }
        var tables: [String: [[String: PersonExport.Value]]] = [:]
        for part in PersonFootprint(personIDs: held.map(\.id), dialect: dialect).parts {
            let rows = try await query("SELECT * FROM \(dialect.quote(part.table)) WHERE \(part.condition)", part.binds)
            guard !rows.isEmpty else { continue }
            tables[part.table, default: []] += rows.map { row in
                Dictionary(zip(row.columns.map { $0.lowercased() }, row.values.map(PersonExport.Value.init)), uniquingKeysWith: { first, _ in first })
            }
        }
        return PersonExport(tables: tables)
    }
}
