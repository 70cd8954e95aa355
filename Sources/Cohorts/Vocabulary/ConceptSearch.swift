import Foundation

/// What a researcher types into a concept search, with its filters.
///
/// The text is read three ways at once: as a concept id (when it is a number), as a `concept_code`
/// (optionally `VOCABULARY:CODE`), and as name words that must all occur in the name, in any case.
public struct ConceptSearch: Sendable, Equatable {
    /// The most rows one search returns: a search is for picking concepts, not for exporting a vocabulary.
    public static let maximumLimit = 1000

    public var text: String
    /// A `domain_id` the concepts must have (`Condition`, `Drug`, ...); nil for any.
    public var domain: String?
    /// A `vocabulary_id` the concepts must have (`SNOMED`, `ICDO3`, ...); nil for any.
    public var vocabulary: String?
    /// Only standard concepts (`standard_concept = 'S'`), as ATLAS offers them for concept sets.
    public var standardOnly: Bool
    public var limit: Int

    public init(_ text: String, domain: String? = nil, vocabulary: String? = nil, standardOnly: Bool = true, limit: Int = 50) {
        self.text = text
        self.domain = domain
        self.vocabulary = vocabulary
        self.standardOnly = standardOnly
        self.limit = limit
    }

    /// The lowercased name words, in order; empty for blank text.
    var words: [String] {
        text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The text as a concept id, when it is one.
    var conceptID: Int64? {
        Int64(text.trimmingCharacters(in: .whitespaces))
    }

    /// The text as a code, and as `VOCABULARY:CODE` when it has that shape.
    var code: (code: String, qualified: (vocabulary: String, code: String)?) {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard let colon = code.firstIndex(of: ":") else { return (code, nil) }
        let vocabulary = String(code[..<colon]), rest = String(code[code.index(after: colon)...])
        return (code, vocabulary.isEmpty || rest.isEmpty ? nil : (vocabulary, rest))
    }
}
