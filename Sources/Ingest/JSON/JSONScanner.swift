/// The state of one `JSONParser.parse` call: a cursor over the input bytes.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    private var depth = 0
    /// Reused across strings with escapes, which are decoded byte by byte.
    var scratch: [UInt8] = []
    private let members = JSONStack<JSONObject.Member>()
    private let elements = JSONStack<JSONValue>()

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// One value and nothing after it but whitespace.
    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        let result = try value()
        skipWhitespace()
        guard index == count else { throw failure("unexpected data after the value, found \(found)") }
        return result
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < count else { throw failure("expected a value, found the end of the input") }
        switch base[index] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return .object(try object())
        case UInt8(ascii: "["): return .array(try array())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw failure("expected a value, found \(found)")
        }
    }

    // MARK: Containers

    private mutating func object() throws(JSONSyntaxError) -> JSONObject {
        try enter()
        index += 1
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONObject()
        }
        let first = members.count
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw failure("expected a string key, found \(found)")
            }
            let key = try string()
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after object key, found \(found)")
            }
            index += 1
            members.push(JSONObject.Member(key, try value()))
            skipWhitespace()
            guard index < count else { throw failure("expected ',' or '}' after object member, found \(found)") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
            } else if base[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONObject(members.pop(from: first))
            } else {
                throw failure("expected ',' or '}' after object member, found \(found)")
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> [JSONValue] {
        try enter()
        index += 1
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return []
        }
        let first = elements.count
        while true {
            elements.push(try value())
            skipWhitespace()
            guard index < count else { throw failure("expected ',' or ']' after array element, found \(found)") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
            } else if base[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return elements.pop(from: first)
            } else {
                throw failure("expected ',' or ']' after array element, found \(found)")
            }
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else {
            throw failure("arrays and objects nested deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    // MARK: Helpers

    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    func failure(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: reason)
    }

    /// The byte at the cursor as an error message shows it.
    var found: String {
        guard index < count else { return "the end of the input" }
        let byte = base[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    func hex<Value: BinaryInteger>(_ value: Value) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
