/// What every chart shares: text made safe for SVG, and numbers written short and locale-free.
enum SVG {
    /// The system font stack, so charts match the page or terminal they are shown in.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    /// Text as it may appear inside an SVG element or attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A number with at most `decimals` decimals, trailing zeros dropped ("12.5", "3", "-0.25").
    /// Written by hand because `String(format:)` and `NumberFormatter` may follow a locale.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals, trimmed: true)
    }

    /// A number with exactly `decimals` decimals ("0.80"), for columns readers compare by eye.
    static func fixed(_ value: Double, decimals: Int, trimmed: Bool = false) -> String {
        guard value.isFinite else { return "NA" }
        let decimals = min(max(decimals, 0), 9)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        // Beyond exact integers Swift's own description is locale-free too ("1e+20").
        guard scaled < 9e15 else { return abs(value) < 9e15 ? String(Int64(value.rounded())) : String(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = decimals > 0 ? String(units % Int64(scale)) : ""
        if decimals > 0 {
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        if trimmed {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A share as a percentage with one decimal ("87.3%"); tiny non-zero shares stay visible as "<0.1%".
    static func percent(_ part: Double, of whole: Double) -> String {
        guard whole > 0, part.isFinite, whole.isFinite else { return "NA" }
        let share = 100 * part / whole
        if share > 0 && share < 0.05 { return "<0.1%" }
        return fixed(share, decimals: 1) + "%"
    }

    /// About how wide `text` renders; sans-serif glyphs average near 0.6 em, so this errs on the wide side.
    static func estimatedWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        Double(text.count) * fontSize * (bold ? 0.64 : 0.58)
    }

    /// `text` shortened with an ellipsis to fit `width`; `nil` as second value when nothing was cut.
    static func fit(_ text: String, width: Double, fontSize: Double, bold: Bool = false) -> (shown: String, full: String?) {
        guard estimatedWidth(text, fontSize: fontSize, bold: bold) > width else { return (text, nil) }
        let perCharacter = fontSize * (bold ? 0.64 : 0.58)
        let keep = max(Int(width / perCharacter) - 1, 1)
        var shown = String(text.prefix(keep))
        while shown.last == " " { shown.removeLast() }
        return (shown + "…", text)
    }

    /// A short, stable identifier derived from `content` (FNV-1a), so ids inside one chart do not collide
    /// with another chart's on the same page while the same input still gives the same bytes.
    static func identifier(_ prefix: String, content: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return prefix + "-" + String(hash, radix: 16)
    }

    /// An integer with thousands separated by commas ("12,345"), as clinicians read counts.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
