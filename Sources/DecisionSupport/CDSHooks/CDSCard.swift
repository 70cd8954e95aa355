import Foundation

/// A CDS Hooks 2.0 card (reference §1.5). Optional members are left out when empty, as the specification
/// requires (no `null`, `""`, `[]` or `{}`), and the summary is held under 140 characters.
public struct CDSCard: Sendable, Encodable, Equatable {
    public enum Indicator: String, Sendable, Encodable {
        case info, warning, critical
    }

    public struct Source: Sendable, Encodable, Equatable {
        public let label: String
        public let url: String?
    }

    public struct Link: Sendable, Encodable, Equatable {
        public let label: String
        public let url: String
        /// `absolute` or `smart`.
        public let type: String
    }

    public struct Coding: Sendable, Encodable, Equatable {
        public let system: String
        public let code: String
        public let display: String
    }

    public let uuid: String
    public let summary: String
    public let detail: String?
    public let indicator: Indicator
    public let source: Source
    public let suggestions: [CDSSuggestion]
    public let overrideReasons: [Coding]
    public let links: [Link]

    /// The longest summary the specification allows ("< 140 characters").
    public static let summaryLimit = 139

    public init(summary: String, detail: String?, indicator: Indicator, source: Source, suggestions: [CDSSuggestion] = [],
                overrideReasons: [Coding] = [], links: [Link] = []) {
        uuid = UUID().uuidString.lowercased()
        self.summary = summary.count <= Self.summaryLimit ? summary : String(summary.prefix(Self.summaryLimit - 1)) + "…"
        self.detail = detail.flatMap { $0.isEmpty ? nil : $0 }
        self.indicator = indicator
        self.source = source
        self.suggestions = suggestions
        self.overrideReasons = overrideReasons
        self.links = links
    }

    private enum CodingKeys: String, CodingKey {
        case uuid, summary, detail, indicator, source, suggestions, selectionBehavior, overrideReasons, links
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(detail, forKey: .detail)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(source, forKey: .source)
        if !suggestions.isEmpty {
            try container.encode(suggestions, forKey: .suggestions)
            // One alternative at a time: each suggestion replaces the same selected order.
            try container.encode("at-most-one", forKey: .selectionBehavior)
        }
        if !overrideReasons.isEmpty { try container.encode(overrideReasons, forKey: .overrideReasons) }
        if !links.isEmpty { try container.encode(links, forKey: .links) }
    }

    /// The reasons a clinician may give for overriding a guideline warning; fed back through `/feedback`.
    public static let guidelineOverrideReasons: [Coding] = [
        .init(system: CDSFeedback.overrideReasonSystem, code: "patient-preference", display: "Patient preference"),
        .init(system: CDSFeedback.overrideReasonSystem, code: "contraindication", display: "Contraindication to the preferred therapy"),
        .init(system: CDSFeedback.overrideReasonSystem, code: "result-disputed", display: "Biomarker result disputed or pending retest"),
        .init(system: CDSFeedback.overrideReasonSystem, code: "clinical-trial", display: "Enrolled in a clinical trial"),
    ]
}

extension CDSCard.Source {
    /// A card source naming the guideline or model and its edition.
    init(_ source: RuleSource) {
        self.init(label: "Optima decision support: \(source.label) (\(source.edition))", url: source.url)
    }
}
