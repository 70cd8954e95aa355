import CDMTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    /// The error the parser reports for `text`; a test fails when it parses.
    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        syntaxError(Array(text.utf8))
    }

    private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            let value = try JSONParser.parse(bytes)
            Issue.record("parsed as \(value.serialized)")
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryKindOfValueInDocumentOrder() throws {
        let value = try parse(#" { "b" : [1, -2.5, true, false, null], "a": {"x": "y"}, "e": {}, "f": [] } "#)
        let object = try #require(value.object)
        #expect(object.members.map(\.key) == ["b", "a", "e", "f"])
        #expect(value["b"] == .array([.number(1), .number(-2.5), .bool(true), .bool(false), .null]))
        #expect(value["a"]?["x"]?.string == "y")
        #expect(value["e"] == .object(JSONObject()))
        #expect(value["f"] == .array([]))
    }

    @Test func writesCompactJSONThatParsesBackEqual() throws {
        let text = #"{"resourceType":"Observation","valueQuantity":{"value":7.25,"unit":"mmol/L"},"n":[3,-0.5,1e-7],"ok":true,"none":null,"url":"http://loinc.org/x"}"#
        let value = try parse(text)
        #expect(value.serialized == #"{"resourceType":"Observation","valueQuantity":{"value":7.25,"unit":"mmol/L"},"n":[3,-0.5,1e-07],"ok":true,"none":null,"url":"http://loinc.org/x"}"#)
        #expect(try parse(value.serialized) == value)
        #expect(value.object?.serialized == value.serialized)
    }

    @Test func decodesEveryEscape() throws {
        let value = try parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9\u20AC""#)
        #expect(value.string == "q\" b\\ s/ \u{08}\u{0C}\n\r\t é€")
    }

    @Test func writesEscapesPerRFC() {
        let value = JSONValue.string("a\"b\\c/d\ne\u{01}é")
        #expect(value.serialized == #""a\"b\\c/d\u000Ae\u0001é""#)
    }

    @Test func keepsUTF8AndEscapesAcrossTheFastAndSlowPaths() throws {
        let text = "Zürich, 東京 and a longer tail to cross eight-byte words"
        #expect(try parse("\"\(text)\"").string == text)
        #expect(try parse("\"\(text)\\n\"").string == text + "\n")
        #expect(try parse("{\"\(text)\": 1}").object?.members.first?.key == text)
    }

    /// The scanner reads strings eight bytes at a time: every position in and around a word must work.
    @Test func findsQuotesEscapesAndControlCharactersAtEveryPosition() throws {
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            #expect(try parse("[\"\(plain)\",\"#\"]") == .array([.string(plain), .string("#")]))
            #expect(try parse("\"\(plain)\\t\(plain)é\"").string == plain + "\t" + plain + "é")
            #expect(try parse("\"\(plain)ü\(plain)\"").string == plain + "ü" + plain)
            #expect(syntaxError("\"\(plain)\u{1F}\(plain)\"")?.offset == length + 1)
            #expect(syntaxError("\"\(plain)") == JSONSyntaxError(offset: 0, reason: "unterminated string"))
            #expect(syntaxError([0x22] + Array(plain.utf8) + [0xC3, 0x28] + Array(plain.utf8) + [0x22]) != nil)
        }
    }

    @Test func joinsSurrogatePairs() throws {
        #expect(try parse(#""\uD83D\uDE00 x""#).string == "😀 x")
        #expect(try parse(#""\ud834\udd1e""#).string == "𝄞")
        #expect(try parse(#""😀""#).string == "😀")
        let roundTrip = JSONValue.string("😀").serialized
        #expect(roundTrip == "\"😀\"")
    }

    @Test func rejectsLoneSurrogates() {
        let highAlone = syntaxError(#"["ab\uD83D"]"#)
        #expect(highAlone?.offset == 4)
        #expect(highAlone?.reason.contains("lone surrogate \\uD83D") == true)
        let highThenLetter = syntaxError(#""\uD83D\u0041""#)
        #expect(highThenLetter?.offset == 1)
        let lowAlone = syntaxError(#""\uDE00""#)
        #expect(lowAlone?.offset == 1)
        #expect(lowAlone?.reason.contains("without a high surrogate") == true)
    }

    @Test func convertsNumbersExactly() throws {
        #expect(try parse("1e3") == .number(1000))
        #expect(try parse("-0.5") == .number(-0.5))
        #expect(try parse("12345678901234") == .number(12_345_678_901_234))
        #expect(try parse("1.5E+2") == .number(150))
        #expect(try parse("25e-1") == .number(2.5))
        #expect(try parse("0") == .number(0))
        #expect(try parse("-0").number?.sign == .minus)
        // Decimal fractions are correctly rounded on the fast path and beyond it.
        for text in ["0.1", "7.3", "98.6", "0.3333333333333333", "123456789012345678901234", "2.2250738585072014e-308",
                     "4.9e-324", "1.7976931348623157e308", "0.000001234", "9007199254740993"] {
            #expect(try parse(text) == .number(Double(text)!), "\(text)")
        }
    }

    @Test func writesIntegralNumbersWithoutAFraction() {
        #expect(JSONValue.number(3).serialized == "3")
        #expect(JSONValue.number(-12_345_678_901_234).serialized == "-12345678901234")
        #expect(JSONValue.number(0.1).serialized == "0.1")
        #expect(JSONValue.number(1e300).serialized == "1e+300")
        #expect(JSONValue.number(.nan).serialized == "null")
    }

    @Test(arguments: [
        ("", 0, "expected a value, found the end of the input"),
        ("  ", 2, "expected a value, found the end of the input"),
        ("{\"a\" 1}", 5, "expected ':' after object key, found '1'"),
        ("{\"a\": 1 \"b\": 2}", 8, "expected ',' or '}' after object member, found '\"'"),
        ("{\"a\": 1,}", 8, "expected a string key, found '}'"),
        ("{1: 2}", 1, "expected a string key, found '1'"),
        ("[1 2]", 3, "expected ',' or ']' after array element, found '2'"),
        ("[1,]", 3, "expected a value, found ']'"),
        ("[1", 2, "expected ',' or ']' after array element, found the end of the input"),
        ("\"abc", 0, "unterminated string"),
        ("\"a\nb\"", 2, "unescaped control character U+000A in string"),
        ("\"a\\x\"", 2, "invalid escape '\\x' in string"),
        ("\"\\u12G4\"", 1, "invalid \\u escape: expected 4 hex digits"),
        ("01", 0, "number with a leading zero"),
        ("-", 1, "expected a digit in number, found the end of the input"),
        ("1.", 2, "expected a digit after '.', found the end of the input"),
        ("1.e5", 2, "expected a digit after '.', found 'e'"),
        ("1e+", 3, "expected a digit in exponent, found the end of the input"),
        ("1e999", 0, "number 1e999 is out of range"),
        (".5", 0, "expected a value, found '.'"),
        ("+1", 0, "expected a value, found '+'"),
        ("NaN", 0, "expected a value, found 'N'"),
        ("Infinity", 0, "expected a value, found 'I'"),
        ("tru", 0, "expected a value, found 't'"),
        ("nul", 0, "expected a value, found 'n'"),
        ("{} x", 3, "unexpected data after the value, found 'x'"),
        ("1 2", 2, "unexpected data after the value, found '2'"),
    ])
    func reportsEachErrorWithItsOffset(input: String, offset: Int, reason: String) {
        let error = syntaxError(input)
        #expect(error == JSONSyntaxError(offset: offset, reason: reason))
    }

    @Test func describesAnErrorWithItsByteOffset() {
        let error = syntaxError(#"{"resourceType" "Patient"}"#)
        #expect(error?.description == "invalid JSON at byte 16: expected ':' after object key, found '\"'")
    }

    @Test func rejectsInvalidUTF8() {
        #expect(syntaxError([0x22, 0x61, 0xFF, 0x22])?.reason == "string is not valid UTF-8")
        #expect(syntaxError([0x22, 0x5C, 0x6E, 0xC3, 0x22])?.offset == 0)  // a truncated sequence after an escape
        #expect(syntaxError([0x22, 0xED, 0xA0, 0x80, 0x22]) != nil)  // an encoded surrogate
    }

    @Test func limitsNestingDepth() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try parse(deepest).array?.count == 1)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(syntaxError(tooDeep) == JSONSyntaxError(offset: 512, reason: "arrays and objects nested deeper than 512 levels"))
        // Far deeper input fails the same way instead of overflowing the stack.
        #expect(syntaxError(String(repeating: "{\"a\":", count: 100_000))?.offset == 512 * 5)
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("fhir-synthea"), "\(ReferenceDatasets.skipReason)"))
    func agreesWithFoundationOnSyntheaConditions() throws {
        let path = ReferenceDatasets.path("fhir-synthea/Condition.000.ndjson")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 100)
        for (number, line) in lines.enumerated() {
            let ours = try JSONParser.parse(String(line))
            let theirs = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(Self.same(ours, theirs), "line \(number + 1)")
            #expect(try JSONParser.parse(ours.serialized) == ours, "line \(number + 1) round trip")
        }
    }

    /// Structural equality of our value and Foundation's.
    private static func same(_ value: JSONValue, _ other: Any) -> Bool {
        switch value {
        case .null: return other is NSNull
        case .bool(let bool): return (other as? Bool) == bool
        case .number(let number): return (other as? NSNumber)?.doubleValue == number && !(other is Bool)
        case .string(let text): return (other as? String) == text
        case .array(let elements):
            guard let others = other as? [Any], others.count == elements.count else { return false }
            return zip(elements, others).allSatisfy { same($0, $1) }
        case .object(let object):
            guard let others = other as? [String: Any], others.count == object.members.count else { return false }
            return object.members.allSatisfy { member in others[member.key].map { same(member.value, $0) } ?? false }
        }
    }
}
