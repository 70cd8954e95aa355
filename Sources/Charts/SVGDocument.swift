/// One SVG picture under construction: elements are appended in drawing order and `render` wraps them
/// with the accessible title and description every chart carries.
struct SVGDocument {
    typealias Attributes = [(String, String)]

    let width: Double
    let height: Double
    /// Prefix for ids inside this picture (patterns, title), unique per input.
    let identifier: String
    private var definitions: [String] = []
    private var body: [String] = []

    init(width: Double, height: Double, identifier: String) {
        self.width = width
        self.height = height
        self.identifier = identifier
    }

    /// Markup for `<defs>` (patterns), written verbatim: callers build it from escaped pieces.
    mutating func define(_ markup: String) {
        definitions.append(markup)
    }

    /// An element with escaped attribute values, optional escaped text content and an optional tooltip.
    mutating func add(_ name: String, _ attributes: Attributes, text: String? = nil, tooltip: String? = nil) {
        var markup = "<" + name + Self.attributes(attributes)
        if text == nil && tooltip == nil {
            markup += "/>"
        } else {
            markup += ">"
            if let tooltip { markup += "<title>" + SVG.escape(tooltip) + "</title>" }
            if let text { markup += SVG.escape(text) }
            markup += "</" + name + ">"
        }
        body.append(markup)
    }

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        body.append("<" + name + Self.attributes(attributes) + ">")
    }

    mutating func close(_ name: String) {
        body.append("</" + name + ">")
    }

    /// Text shortened to `maxWidth` when given; the full text then stays readable as a tooltip.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
        bold: Bool = false, fill: String = Palette.text, maxWidth: Double? = nil, extra: Attributes = []
    ) {
        let fitted = maxWidth.map { SVG.fit(content, width: $0, fontSize: size, bold: bold) } ?? (shown: content, full: nil)
        var attributes: Attributes = [("x", SVG.number(x)), ("y", SVG.number(y))]
        if size != 12 { attributes.append(("font-size", SVG.number(size))) }
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if bold { attributes.append(("font-weight", "600")) }
        if fill != Palette.text { attributes.append(("fill", fill)) }
        add("text", attributes + extra, text: fitted.shown, tooltip: fitted.full)
    }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
        stroke: String = Palette.axis, width: Double = 1, extra: Attributes = []
    ) {
        add("line", [
            ("x1", SVG.number(x1)), ("y1", SVG.number(y1)), ("x2", SVG.number(x2)), ("y2", SVG.number(y2)),
            ("stroke", stroke), ("stroke-width", SVG.number(width)),
        ] + extra)
    }

    /// The chart title, the same for every chart so they look like one family.
    mutating func heading(_ title: String) {
        text(title, x: 16, y: 28, size: 17, bold: true, maxWidth: width - 32)
    }

    /// The whole picture; `title` and `description` name it for screen readers and as a tooltip.
    func render(title: String, description: String) -> String {
        let titleID = identifier + "-title"
        let descriptionID = identifier + "-desc"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\""
        out += Self.attributes([
            ("viewBox", "0 0 " + SVG.number(width) + " " + SVG.number(height)),
            ("width", SVG.number(width)), ("height", SVG.number(height)),
            ("role", "img"), ("aria-labelledby", titleID + " " + descriptionID),
            ("font-family", SVG.fontFamily), ("font-size", "12"), ("fill", Palette.text),
        ])
        out += ">\n"
        out += "<title id=\"" + SVG.escape(titleID) + "\">" + SVG.escape(title) + "</title>\n"
        out += "<desc id=\"" + SVG.escape(descriptionID) + "\">" + SVG.escape(description) + "</desc>\n"
        if !definitions.isEmpty {
            out += "<defs>" + definitions.joined() + "</defs>\n"
        }
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        for element in body { out += element + "\n" }
        out += "</svg>\n"
        return out
    }

    /// What a chart shows when there is nothing to draw: its title and a plain sentence, never a crash.
    static func noData(title: String, kind: String, width: Double, height: Double, identifier: String) -> String {
        var document = SVGDocument(width: width, height: height, identifier: identifier)
        document.heading(title)
        document.add("rect", [
            ("x", "16"), ("y", "48"), ("width", SVG.number(width - 32)), ("height", SVG.number(height - 64)),
            ("fill", "#fafafa"), ("stroke", Palette.grid), ("rx", "6"),
        ])
        document.text("No data to show", x: width / 2, y: (height + 48) / 2, size: 15, anchor: "middle",
                      fill: Palette.muted, extra: [("class", "no-data")])
        return document.render(title: title, description: kind + " with no data to show.")
    }

    private static func attributes(_ attributes: Attributes) -> String {
        attributes.map { " " + $0.0 + "=\"" + SVG.escape($0.1) + "\"" }.joined()
    }
}
