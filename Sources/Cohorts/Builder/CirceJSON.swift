import Foundation

/// A JSON value whose object keys keep the order they were written in, so a definition built here reads
/// like one ATLAS exports (`ConceptSets`, `PrimaryCriteria`, … in that order).
indirect enum CirceJSON {
    case object([(String, CirceJSON)])
    case array([CirceJSON])
    case string(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)

    static func int(_ value: Int) -> CirceJSON { .integer(Int64(value)) }

    var text: String {
        switch self {
        case .object(let members): "{" + members.map { Self.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        case .array(let values): "[" + values.map(\.text).joined(separator: ",") + "]"
        case .string(let value): Self.quoted(value)
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
