/// Vertical bars over ordered categories (records per calendar year), on a linear scale from zero with labelled
/// ticks. A suppressed count gets no bar, only its label ("<5") above the axis, so no one reads a height into it.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// `nil` when the count is suppressed: no bar, only `countLabel`.
        public var count: Int?
        /// What to print for the count, e.g. "1,234" or "<5".
        public var countLabel: String

        public init(label: String, count: Int?, countLabel: String) {
            self.label = label
            self.count = count
            self.countLabel = countLabel
        }
    }

    let title: String
    let subtitle: String?
    let valueName: String
    let bars: [Bar]

    /// `valueName` says what a bar counts ("records"), for the axis and the description.
    public init(title: String, subtitle: String? = nil, valueName: String, bars: [Bar]) {
        self.title = title
        self.subtitle = subtitle
        self.valueName = valueName
        self.bars = bars
    }

    public func svg() -> String {
        let identifier = SVG.identifier("bars", content: String(describing: self))
        guard !bars.isEmpty else {
            return SVGDocument.noData(title: title, kind: "Bar chart", width: Layout.width, height: 240, identifier: identifier)
        }
        var document = SVGDocument(width: Layout.width, height: Layout.height, identifier: identifier)
        document.heading(title)
        if let subtitle {
            document.text(subtitle, x: 16, y: 48, fill: Palette.muted, maxWidth: Layout.width - 32, extra: [("class", "subtitle")])
        }
        drawAxis(into: &document)
        drawBars(into: &document)
        return document.render(title: title, description: description())
    }

    enum Layout {
        static let width = 640.0
        static let height = 300.0
        static let left = 64.0
        static let right = 624.0
        static let top = 70.0
        static let bottom = 250.0
        static let color = Palette.okabeIto[0]
    }
}
