import Foundation

/// Numbers in the words of outputs and errors, one way for every tool.
extension Double {
    /// The number as a person writes it: `12`, `12.5`.
    var factText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }

    /// A fixed number of decimals: `83.8598.fixed(1)` is `83.9`.
    func fixed(_ decimals: Int) -> String {
        String(format: "%.\(decimals)f", self)
    }
}
