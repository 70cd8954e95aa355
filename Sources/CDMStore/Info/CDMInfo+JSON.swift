import Foundation

extension CDMInfo {
    /// The JSON document of `optima info --json` and `GET /api/info`: sorted keys, lower-case table names.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }
}
