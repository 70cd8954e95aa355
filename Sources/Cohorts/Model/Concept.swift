/// A concept as Circe embeds it (upper-snake keys); only the id matters to generation.
public struct Concept: Decodable, Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var code: String?
    public var domain: String?
    public var vocabulary: String?
    public var conceptClass: String?
    public var standard: String?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard let id: Int64 = try o("CONCEPT_ID") else { throw o.invalid("CONCEPT_ID", "a concept needs a CONCEPT_ID") }
        self.id = id
        name = try o("CONCEPT_NAME")
        code = try o("CONCEPT_CODE")
        domain = try o("DOMAIN_ID")
        vocabulary = try o("VOCABULARY_ID")
        conceptClass = try o("CONCEPT_CLASS_ID")
        standard = try o("STANDARD_CONCEPT")
    }
}
