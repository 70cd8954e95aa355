/// A small SVG picture written as plain text: escaped content and attributes, locale-free numbers, and the
/// viewBox, role and title every picture of the platform carries (Charts keeps its own builder internal).
struct SVGText {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func element(_ name: String, _ attributes: [(String, String)], tooltip: String? = nil) {
        body.append("<\(name)\(Self.attributes(attributes))" + (tooltip.map { "><title>\(Self.escape($0))</title></\(name)>" } ?? "/>"))
    }

    mutating func text(_ content: String, x: Double, y: Double, attributes: [(String, String)] = []) {
        body.append("<text\(Self.attributes([("x", Self.number(x)), ("y", Self.number(y))] + attributes))>\(Self.escape(content))</text>")
    }

    func render(title: String, description: String) -> String {
        let size = [("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), ("width", Self.number(width)), ("height", Self.number(height))]
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + Self.attributes(size + [
            ("role", "img"), ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"), ("font-size", "12"), ("fill", "#1a1a1a"),
        ]) + ">\n<title>\(Self.escape(title))</title>\n<desc>\(Self.escape(description))</desc>\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }

    /// Text as it may stand in SVG content or an attribute value.
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

    /// A coordinate to one decimal, written by hand so no locale can put a comma in it.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return sign + String(abs(tenths) / 10) + (abs(tenths) % 10 == 0 ? "" : "." + String(abs(tenths) % 10))
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}
