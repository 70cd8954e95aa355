import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, in order; a field may repeat (checkboxes).
struct FormData: Sendable {
    let fields: [(name: String, value: String)]

    /// Parses a body; a malformed escape is a 400 that names the field.
    init(urlEncoded body: String) throws {
        fields = try body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) throws -> String {
                guard let text = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw HTTPError(.badRequest, message: "form field \(parts[0].prefix(40)) is not valid URL encoding")
                }
                return text
            }
            return (try decode(parts[0]), parts.count > 1 ? try decode(parts[1]) : "")
        }
    }

    init(fields: [(name: String, value: String)]) { self.fields = fields }

    /// The first value of a field, nil when absent.
    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of a field.
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The value trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        value(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
