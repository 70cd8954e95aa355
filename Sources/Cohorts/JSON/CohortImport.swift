import Foundation

/// A cohort definition pasted from ATLAS: WebAPI's `{name, description, expression}` (the expression an
/// object or a string holding one) or a bare Circe expression. `expression` is the definition's own bytes,
/// cut from the text rather than re-serialised, so it is stored and exported exactly as ATLAS wrote it.
public struct CohortImport: Sendable, Equatable {
    public let name: String?
    public let description: String?
    public let expression: Data

    /// Reads the text and checks the definition parses; errors name the JSON path.
    public init(json: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: json) else {
            throw CohortDefinitionError(path: "$", reason: "not valid JSON")
        }
        guard let document = object as? [String: Any] else {
            throw CohortDefinitionError(path: "$", reason: "expected an object: a cohort definition or WebAPI's {name, description, expression}")
        }
        if let wrapped = document["expression"] {
            if let text = wrapped as? String {
                expression = Data(text.utf8)
            } else if wrapped is [String: Any], let span = Self.memberSpan("expression", in: json) {
                expression = json[span]
            } else {
                throw CohortDefinitionError(path: "$.expression", reason: "expected a cohort definition (an object, or a string holding one)")
            }
            name = (document["name"] as? String).flatMap(Self.nonBlank)
            description = (document["description"] as? String).flatMap(Self.nonBlank)
        } else {
            expression = json
            name = ((document["Title"] ?? document["title"]) as? String).flatMap(Self.nonBlank)
            description = nil
        }
        do {
            _ = try CohortExpression.parse(expression)
        } catch let error as CohortDefinitionError where document["expression"] != nil {
            throw CohortDefinitionError(path: "$.expression" + error.path.dropFirst(), reason: error.reason)
        }
    }

    private static func nonBlank(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The byte range of the value of a top-level member of a JSON object already known to be valid.
    static func memberSpan(_ name: String, in json: Data) -> Range<Data.Index>? {
        let bytes = [UInt8](json)
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D].contains(byte) }
        func skipSpace() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        /// Past a string starting at `index` (a quote); returns its raw content.
        func skipString() -> ArraySlice<UInt8> {
            let start = index + 1
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            index += 1
            return bytes[start..<(index - 1)]
        }
        func skipValue() {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                _ = skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                repeat {
                    switch bytes[index] {
                    case UInt8(ascii: "\""): _ = skipString(); continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    index += 1
                } while depth > 0 && index < bytes.count
            default:
                while index < bytes.count, !",}]".utf8.contains(bytes[index]), !isSpace(bytes[index]) { index += 1 }
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var found: Range<Int>?
        while index < bytes.count {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { break }
            let key = skipString()
            skipSpace()
            index += 1  // the colon
            skipSpace()
            let start = index
            skipValue()
            if Array(key) == Array(name.utf8) { found = start..<index }  // a repeated key: the last
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { break }
            index += 1
        }
        return found.map { json.index(json.startIndex, offsetBy: $0.lowerBound)..<json.index(json.startIndex, offsetBy: $0.upperBound) }
    }
}
