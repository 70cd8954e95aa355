import Foundation

/// The expression of a concept set in Circe's (and ATLAS's export) format,
/// `{"items":[{"concept":{"CONCEPT_ID":…},"isExcluded":…,"includeDescendants":…,"includeMapped":…}]}`.
/// It keeps the JSON it was read from, so an ATLAS expression is stored and exported byte for byte.
public struct ConceptSetExpression: Sendable, Equatable {
    public let items: [ConceptSet.Item]
    /// The JSON text: as read, or as encoded from `items`.
    public let json: Data

    /// Reads an expression; a fault is reported with its JSON path (`$.items[1].concept: …`).
    public init(json: Data) throws {
        struct Document: Decodable {
            let items: [ConceptSet.Item]

            init(from decoder: any Decoder) throws {
                let o = try CirceObject(decoder)
                guard let items: [ConceptSet.Item] = try o("items") else { throw o.invalid("items", "a concept set expression needs items") }
                self.items = items
            }
        }
        do {
            items = try JSONDecoder().decode(Document.self, from: json).items
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, context.underlyingError != nil {
                throw ConceptInputError(field: "$", reason: "not valid JSON")
            }
            let located = CohortDefinitionError(error)
            throw ConceptInputError(field: located.path, reason: located.reason)
        }
        self.json = json
    }

    /// An expression of these items, encoded as ATLAS writes one (keys sorted).
    public init(items: [ConceptSet.Item]) {
        struct Document: Encodable { let items: [ConceptSet.Item] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.items = items
        // Strings, integers and booleans only: encoding cannot fail.
        json = (try? encoder.encode(Document(items: items))) ?? Data()
    }

    /// Equal items make equal expressions, however the JSON was spaced.
    public static func == (lhs: ConceptSetExpression, rhs: ConceptSetExpression) -> Bool {
        lhs.items == rhs.items
    }
}
