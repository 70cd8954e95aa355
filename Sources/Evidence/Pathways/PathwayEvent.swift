/// An event cohort of a pathway analysis (a treatment, say), and the name its steps show.
public struct PathwayEvent: Sendable, Codable, Hashable {
    public var cohort: Int64
    /// The label in paths; nil: the cohort's stored name.
    public var name: String?

    public init(cohort: Int64, name: String? = nil) {
        self.cohort = cohort
        self.name = name
    }
}
