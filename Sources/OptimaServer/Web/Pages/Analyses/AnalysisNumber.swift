import Foundation

/// How the analysis pages write numbers: fixed decimals so columns line up, a dash where there is none.
enum AnalysisNumber {
    static let none = "—"

    static func fixed(_ value: Double?, _ decimals: Int = 2) -> String {
        guard let value else { return none }
        guard value.isFinite else { return value.isNaN ? "NaN" : value > 0 ? "∞" : "−∞" }
        return String(format: "%.\(decimals)f", value)
    }

    /// "12.3%" of a 0...1 share.
    static func percent(_ share: Double?) -> String {
        share.map { fixed($0 * 100, 1) + "%" } ?? none
    }

    /// A p-value as papers print it: three decimals, "<0.001" below.
    static func p(_ value: Double) -> String {
        value < 0.001 ? "<0.001" : fixed(value, 3)
    }

    /// Days as years with two decimals.
    static func years(_ days: Double?) -> String {
        fixed(days.map { $0 / 365.25 })
    }

    /// "0.85 (0.70–0.98)".
    static func interval(_ estimate: Double?, _ lower: Double?, _ upper: Double?, _ decimals: Int = 2) -> String {
        guard let estimate else { return none }
        return "\(fixed(estimate, decimals)) (\(fixed(lower, decimals))–\(fixed(upper, decimals)))"
    }
}
