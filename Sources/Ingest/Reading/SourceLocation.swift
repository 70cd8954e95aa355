/// Where a resource came from: the file's name (last path component) and its line (NDJSON), or the file and the
/// entry's position (Bundle, 1-based).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// NDJSON line number, 1-based; for a Bundle entry: 1.
    public let line: Int
    /// Bundle entry number (1-based), nil for NDJSON.
    public let entry: Int?

    public init(file: String, line: Int, entry: Int? = nil) {
        self.file = file
        self.line = line
        self.entry = entry
    }

    /// "Observation.ndjson.gz:17" or "patient-1.json entry 3".
    public var description: String {
        if let entry { return "\(file) entry \(entry)" }
        return "\(file):\(line)"
    }
}
