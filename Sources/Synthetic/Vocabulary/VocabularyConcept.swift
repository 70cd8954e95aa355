/// One concept of the shipped vocabulary subset, with its place in the hierarchy.
public struct VocabularyConcept: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let domain: String
    public let vocabulary: String
    public let conceptClass: String
    /// "S", "C" or nil (non-standard).
    public let standard: String?
    public let code: String
    /// The concepts this one is a kind of ('Is a').
    public let parents: [Int64]
    /// The standard concept a non-standard one maps to ('Maps to').
    public let mapsTo: Int64?
}
