extension Concept: Encodable {
    /// Circe's upper-snake keys, with ATLAS's caption for the standard flag; absent attributes are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        func put(_ key: String, _ value: String?) throws {
            if let value { try container.encode(value, forKey: AnyKey(stringValue: key)) }
        }
        try container.encode(id, forKey: AnyKey(stringValue: "CONCEPT_ID"))
        try put("CONCEPT_NAME", name)
        try put("STANDARD_CONCEPT", standard)
        if name != nil {
            try put("STANDARD_CONCEPT_CAPTION", standard == "S" ? "Standard" : standard == "C" ? "Classification" : "Non-Standard")
        }
        try put("CONCEPT_CODE", code)
        try put("DOMAIN_ID", domain)
        try put("VOCABULARY_ID", vocabulary)
        try put("CONCEPT_CLASS_ID", conceptClass)
    }
}

extension ConceptSet.Item: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(concept, forKey: AnyKey(stringValue: "concept"))
        try container.encode(isExcluded, forKey: AnyKey(stringValue: "isExcluded"))
        try container.encode(includeDescendants, forKey: AnyKey(stringValue: "includeDescendants"))
        try container.encode(includeMapped, forKey: AnyKey(stringValue: "includeMapped"))
    }
}
