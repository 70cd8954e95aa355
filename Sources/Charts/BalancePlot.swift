/// Covariate balance between two cohorts, as characterization reports show a Table 1 at a glance: the
/// standardized mean difference of each covariate as a dot, the largest differences first, with guides at
/// ±`threshold` (0.1, the usual mark of imbalance). Undefined differences are left out and infinite ones drawn
/// at the axis end as arrows; the description counts both.
public struct BalancePlot: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var difference: Double

        public init(label: String, difference: Double) {
            self.label = label
            self.difference = difference
        }
    }

    let title: String
    let rows: [Row]
    let threshold: Double
    let limit: Int

    /// Draws the `limit` rows of largest |difference|.
    public init(title: String, rows: [Row], threshold: Double = 0.1, limit: Int = 40) {
        self.title = title
        self.rows = rows
        self.threshold = threshold
        self.limit = limit
    }

    /// The rows drawn, largest |difference| first; undefined ones dropped.
    var shown: [Row] {
        Array(rows.filter { !$0.difference.isNaN }.sorted { abs($0.difference) > abs($1.difference) }.prefix(max(limit, 0)))
    }

    public func svg() -> String {
        let identifier = SVG.identifier("balance", content: String(describing: self))
        let shown = shown
        guard !shown.isEmpty else {
            return SVGDocument.noData(title: title, kind: "Covariate balance plot", width: Layout.width, height: 220, identifier: identifier)
        }
        let top = 70.0
        let bottom = top + Double(shown.count) * Layout.rowHeight
        var document = SVGDocument(width: Layout.width, height: bottom + 62, identifier: identifier)
        document.heading(title)
        let finite = shown.map(\.difference).filter(\.isFinite).map(abs)
        let extent = Scale.linearTicks(from: 0, to: max(finite.max() ?? 0, threshold * 2)).last ?? 1
        let x = Scale(lower: -extent, upper: extent, start: Layout.plotLeft, end: Layout.plotRight)
        drawAxis(x, top: top, bottom: bottom, into: &document)
        for (index, row) in shown.enumerated() {
            drawRow(row, x: x, middle: top + (Double(index) + 0.5) * Layout.rowHeight, into: &document)
        }
        return document.render(title: title, description: description(shown))
    }

    enum Layout {
        static let width = 860.0
        static let labelWidth = 300.0
        static let plotLeft = 330.0
        static let plotRight = 760.0
        static let numbersLeft = 776.0
        static let rowHeight = 18.0
    }

    func description(_ shown: [Row]) -> String {
        let imbalanced = rows.count { $0.difference.isFinite && abs($0.difference) > threshold || $0.difference.isInfinite }
        let undefined = rows.count { $0.difference.isNaN }
        return "Standardized mean differences of \(shown.count) of \(rows.count) covariates, largest first; "
            + "\(imbalanced) beyond ±\(SVG.number(threshold))" + (undefined > 0 ? "; \(undefined) undefined, not drawn" : "") + ". "
            + shown.prefix(5).map { "\($0.label) \(SVG.fixed($0.difference, decimals: 2))" }.joined(separator: "; ") + "."
    }
}
