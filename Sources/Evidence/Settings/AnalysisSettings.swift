import Foundation

/// Reads analysis settings from JSON for the command line and the server alike, saying where a document is
/// wrong ("at window.start_days: …") rather than how the decoder failed.
public enum AnalysisSettings {
    public static func decode<Settings: Decodable>(_ type: Settings.Type, from data: Data) throws -> Settings {
        do { return try JSONDecoder().decode(type, from: data) } catch let error as DecodingError {
            throw EvidenceError(describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : "at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + ": "
        }
        switch error {
        case .keyNotFound(let key, let context): return at(context.codingPath) + "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return at(context.codingPath) + ((context.underlyingError as? CustomStringConvertible)?.description ?? context.debugDescription)
        @unknown default: return "\(error)"
        }
    }
}
