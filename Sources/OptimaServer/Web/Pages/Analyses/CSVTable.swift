/// A download as comma-separated values (RFC 4180): a header and rows of text, quoted where needed. Counts are
/// written as the pages show them ("<5"), so a spreadsheet gets no more than the screen.
struct CSVTable: Sendable {
    let header: [String]
    let rows: [[String]]

    var rendered: String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number in full, so the file says what the JSON says; empty when there is none.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.isFinite ? "\(value)" : value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity"
    }
}
