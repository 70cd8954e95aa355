/// A fragment of HTML whose text is already escaped: pages are built from these, so text reaches the page only
/// through `text(_:)` and markup only through the tag functions of `H`, and a page cannot leave a tag unclosed.
struct HTML: Sendable, CustomStringConvertible {
    let rendered: String

    static let empty = HTML(rendered: "")

    /// Text, escaped for element content and attribute values alike.
    static func text(_ text: String) -> HTML { HTML(rendered: escape(text)) }

    /// SVG text drawn by our own chart renderers (Charts, DecisionSupport), which escape the text they place; the
    /// XML prolog is dropped so the picture can sit inside the page.
    static func trusted(svg: String) -> HTML {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return HTML(rendered: svg) }
        return HTML(rendered: String(svg[end.upperBound...]).trimmingPrefix(while: \.isWhitespace))
    }

    /// Fragments one after the other.
    static func joined(_ parts: [HTML]) -> HTML { HTML(rendered: parts.map(\.rendered).joined()) }

    var description: String { rendered }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

private extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> String { String(drop(while: predicate)) }
}
