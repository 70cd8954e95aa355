/// The first-line therapy rows that match an advanced NSCLC (reference §4.2).
public struct LungTherapyOutput: ToolOutput, Equatable {
    /// The actionable driver, e.g. `EGFR L858R`; nil when none was found.
    public let driver: String?
    /// The PD-L1 TPS used, percent; nil when a targeted driver made it unnecessary.
    public let pdl1TPS: Double?
    /// The matching rows, drivers first.
    public let recommendations: [LungTherapyRecommendation]

    public var summary: String {
        guard let first = recommendations.first(where: { !$0.preferred.isEmpty }) else { return "No first-line row matches" }
        let head = first.firstLine == "targeted" ? "Actionable \(driver ?? first.condition)"
            : driver.map { "\($0), first line as for no driver (PD-L1 \(pdl1Text))" } ?? first.condition
        for limit in [2, 1] {
            let text = "\(head): preferred first line \(LungTherapyRecommendation.list(first.preferred, limit: limit))"
            if text.count < 140 { return text }
        }
        return String(head.prefix(139))
    }

    private var pdl1Text: String {
        pdl1TPS.map { "\($0.factText) %" } ?? "unknown"
    }

    public var detail: String {
        recommendations.map(\.markdown).joined(separator: "\n\n")
    }
}

/// One matching row: the condition, options and what to avoid, with its guidelines and versions.
public struct LungTherapyRecommendation: Encodable, Sendable, Equatable {
    /// The row's key in `lung-therapy.json`, e.g. `egfr-common`, `pdl1-high`.
    public let id: String
    /// The condition in words: `EGFR exon 19 deletion / L858R`.
    public let condition: String
    /// `targeted`, `as-no-driver` or `no-driver`.
    public let firstLine: String
    public let preferred: [String]
    public let alternatives: [String]
    /// Classes or drugs to avoid, each with its reason.
    public let avoid: [String]
    public let notes: [String]
    public let sources: [RuleSource]

    var markdown: String {
        var lines = ["**\(condition)**", ""]
        if !preferred.isEmpty { lines.append("- Preferred first line: \(preferred.joined(separator: "; "))") }
        if !alternatives.isEmpty { lines.append("- Alternatives: \(alternatives.joined(separator: "; "))") }
        if !avoid.isEmpty { lines.append("- Avoid: \(avoid.joined(separator: "; "))") }
        lines += notes.map { "- \($0)" }
        lines.append("- Source: " + sources.map { "\($0.label) \($0.edition)" }.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// `a`, `a or b`, `a, b or c`; at most `limit` items, then `…`.
    static func list(_ items: [String], limit: Int = .max) -> String {
        let shown = Array(items.prefix(limit))
        let tail = items.count > limit ? " …" : ""
        guard shown.count > 1, let last = shown.last else { return (shown.first ?? "") + tail }
        return shown.dropLast().joined(separator: ", ") + " or " + last + tail
    }
}
