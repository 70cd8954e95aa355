/// RFC 8259 JSON into `JSONValue`, from bytes already in memory (a line of NDJSON, a whole Bundle).
///
/// Hand-written because the importer's speed is its parsing speed: strings without escapes become a
/// `String` in one copy, and numbers with at most 15 digits are converted exactly without `strtod`.
public enum JSONParser {
    /// Arrays and objects nested deeper than this are an error: the parser recurses, and real FHIR
    /// resources nest a dozen levels at most.
    public static let maximumDepth = 512

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw JSONSyntaxError(offset: 0, reason: "expected a value, found the end of the input")
        }
        var scanner = JSONScanner(base: base, count: bytes.count)
        return try scanner.document()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
