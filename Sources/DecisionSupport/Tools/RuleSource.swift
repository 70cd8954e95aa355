/// Where a rule table or model comes from: named with its edition in every output, as the guideline
/// owners and model authors ask.
public struct RuleSource: Sendable, Equatable, Codable {
    /// Short label for a card's `source.label`: "EAU prostate cancer guideline 2024".
    public let label: String
    /// The edition or model version: "2024", "v2.1", "8th edition".
    public let edition: String
    /// Full citation.
    public let citation: String
    public let url: String?

    public init(label: String, edition: String, citation: String, url: String? = nil) {
        self.label = label
        self.edition = edition
        self.citation = citation
        self.url = url
    }
}
