import Foundation

/// Number formatting shared by the breast tools' outputs.
enum BreastFormat {
    /// `25` for 25.0, `25.5` otherwise (as given: for facts).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A fixed number of decimals: `fixed(83.8598, 1)` is `83.9`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
