/// How a cohort narrows step by step: one bar per inclusion step, its count, and the share kept from the
/// step before. Suppressed small counts are hatched so no one reads a length into them.
public struct AttritionChart: Sendable {
    public struct Step: Sendable {
        public var name: String
        /// `nil` when the count is suppressed (too small to disclose).
        public var count: Int?
        /// What to print, e.g. "1,234" or "<5".
        public var label: String

        public init(name: String, count: Int?, label: String) {
            self.name = name
            self.count = count
            self.label = label
        }
    }

    let title: String
    let steps: [Step]

    public init(title: String, steps: [Step]) {
        self.title = title
        self.steps = steps
    }

    public func svg() -> String {
        let identifier = SVG.identifier("attrition", content: String(describing: self))
        guard !steps.isEmpty else {
            return SVGDocument.noData(title: title, kind: "Attrition chart", width: Layout.width, height: 240,
                                      identifier: identifier)
        }
        let suppressed = steps.contains { $0.count == nil }
        let top = 52.0
        let bottom = top + Double(steps.count) * Layout.rowHeight
        var document = SVGDocument(width: Layout.width, height: bottom + (suppressed ? 36 : 12), identifier: identifier)
        let hatch = identifier + "-hatch"
        document.define(
            "<pattern id=\"" + SVG.escape(hatch) + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" + Palette.muted + "\" stroke-width=\"3\"/></pattern>")
        document.heading(title)
        let largest = max(steps.compactMap(\.count).max() ?? 0, 0)
        for (index, step) in steps.enumerated() {
            let previous = index > 0 ? steps[index - 1].count : nil
            drawStep(step, previous: previous, largest: largest, top: top + Double(index) * Layout.rowHeight,
                     hatch: hatch, into: &document)
        }
        if suppressed {
            document.add("rect", [
                ("x", SVG.number(Layout.barLeft)), ("y", SVG.number(bottom + 8)), ("width", "14"), ("height", "12"),
                ("fill", "url(#" + hatch + ")"), ("stroke", Palette.muted),
            ])
            document.text("count suppressed (too few persons to disclose)", x: Layout.barLeft + 20, y: bottom + 18,
                          fill: Palette.muted)
        }
        return document.render(title: title, description: description())
    }

    enum Layout {
        static let width = 860.0
        static let nameWidth = 290.0
        static let barLeft = 320.0
        static let barWidth = 290.0
        static let rowHeight = 40.0
        static let barHeight = 22.0
        /// A suppressed count is drawn this wide whatever the scale: visibly "a few", never a measurement.
        static let suppressedWidth = 12.0
    }

    /// The share kept from the step before, when both counts are known.
    static func retained(_ count: Int?, previous: Int?) -> String? {
        guard let count, let previous, previous > 0 else { return nil }
        return SVG.percent(Double(count), of: Double(previous)) + " retained"
    }

    private func drawStep(
        _ step: Step, previous: Int?, largest: Int, top: Double, hatch: String, into document: inout SVGDocument
    ) {
        document.open("g", [("class", "step")])
        let middle = top + Layout.rowHeight / 2
        document.text(step.name, x: 16, y: middle + 5, size: 13, maxWidth: Layout.nameWidth)
        let width: Double
        var attributes: SVGDocument.Attributes
        if let count = step.count {
            width = largest > 0 ? Layout.barWidth * Double(max(count, 0)) / Double(largest) : 0
            attributes = [("class", "bar"), ("fill", Palette.okabeIto[0])]
        } else {
            width = Layout.suppressedWidth
            attributes = [("class", "bar suppressed"), ("fill", "url(#" + hatch + ")"), ("stroke", Palette.muted)]
        }
        let retained = Self.retained(step.count, previous: previous)
        document.add("rect", [
            ("x", SVG.number(Layout.barLeft)), ("y", SVG.number(middle - Layout.barHeight / 2)),
            ("width", SVG.number(width)), ("height", SVG.number(Layout.barHeight)),
        ] + attributes, tooltip: step.name + ": " + step.label + (retained.map { ", " + $0 } ?? ""))
        let labelX = Layout.barLeft + width + 8
        document.text(step.label, x: labelX, y: middle + 5, size: 13, bold: true, extra: [("class", "count")])
        if let retained {
            document.text(retained, x: Layout.width - 16, y: middle + 5, anchor: "end", fill: Palette.muted,
                          extra: [("class", "retained")])
        }
        document.close("g")
    }

    private func description() -> String {
        let parts = steps.enumerated().map { index, step -> String in
            let retained = Self.retained(step.count, previous: index > 0 ? steps[index - 1].count : nil)
            return step.name + ": " + step.label + (retained.map { " (" + $0 + ")" } ?? "")
        }
        return "Attrition of the cohort over \(steps.count) " + (steps.count == 1 ? "step" : "steps") + ". "
            + parts.joined(separator: "; ") + "."
    }
}
