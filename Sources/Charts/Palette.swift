import Foundation

/// Colours that stay distinct for readers with colour-vision deficiencies.
enum Palette {
    /// Okabe–Ito for lines and text on white, ordered most distinct first; its yellow is left out as too
    /// faint for a line or a label on white.
    static let okabeIto = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// For many categories (treatments): Okabe–Ito without black, then Paul Tol's muted scheme.
    static let categorical = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
        "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499", "#CC6677",
    ]

    static let text = "#1a1a1a"
    static let muted = "#555555"
    static let grid = "#e3e3e3"
    static let axis = "#333333"
    /// Fill for categories beyond the palette, grouped as "Other".
    static let other = "#BBBBBB"

    /// The line colour for series `index`; after the palette runs out colours repeat, dashed.
    static func line(_ index: Int) -> (color: String, dash: String?) {
        let round = index / okabeIto.count
        let dashes = [nil, "6 3", "2 3", "8 3 2 3"]
        return (okabeIto[index % okabeIto.count], dashes[round % dashes.count])
    }

    /// Black or white, whichever reads better on `hex` (WCAG relative luminance).
    static func textColor(on hex: String) -> String {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return text }
        func channel(_ at: Int) -> Double {
            let value = Double(Int(String(digits[at..<at + 2]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        return luminance > 0.22 ? text : "#ffffff"
    }
}
