import CDMStore

extension Database {
    /// The integer a `SELECT COUNT(*) …` (or any one-value query) answers.
    func count(_ sql: String, _ binds: [SQLValue] = []) async throws -> Int {
        Int(try await query(sql, binds).first?.values.first?.integerValue ?? -1)
    }
}
