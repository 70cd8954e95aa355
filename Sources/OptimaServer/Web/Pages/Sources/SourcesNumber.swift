import Governance

/// How the data-sources page writes numbers: counts with thousands separators (a suppressed one as "<N"), shares
/// with one decimal, a dash where there is none.
enum SourcesNumber {
    static let none = "—"

    static func count(_ count: SmallCellCount) -> String {
        count.value.map(grouped) ?? count.description
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func decimal(_ value: Double?, _ decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return none }
        return String(format: "%.\(decimals)f", value)
    }
}
