/// A named concept set, referenced by criteria through its `id` (`CodesetId`).
public struct ConceptSet: Decodable, Sendable, Equatable {
    public struct Item: Decodable, Sendable, Equatable {
        public var concept: Concept
        public var isExcluded: Bool
        public var includeDescendants: Bool
        public var includeMapped: Bool

        public init(from decoder: any Decoder) throws {
            let o = try CirceObject(decoder)
            guard let concept: Concept = try o("concept") else { throw o.invalid("concept", "a concept set item needs a concept") }
            self.concept = concept
            isExcluded = try o("isExcluded") ?? false
            includeDescendants = try o("includeDescendants") ?? false
            includeMapped = try o("includeMapped") ?? false
        }
    }

    private struct Expression: Decodable {
        var items: [Item]

        init(from decoder: any Decoder) throws {
            items = try CirceObject(decoder)("items") ?? []
        }
    }

    public var id: Int
    public var name: String
    public var items: [Item]

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard let id: Int = try o("id") else { throw o.invalid("id", "a concept set needs an id") }
        self.id = id
        name = try o("name") ?? ""
        items = (try o("expression") as Expression?)?.items ?? []
    }
}
