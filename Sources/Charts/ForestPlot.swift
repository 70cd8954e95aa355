import Foundation

/// Estimates with confidence intervals, one row each, against a reference line (1 for ratios),
/// with the numbers written out beside the picture as papers print them.
public struct ForestPlot: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var estimate: Double
        public var lower: Double
        public var upper: Double

        public init(label: String, estimate: Double, lower: Double, upper: Double) {
            self.label = label
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
        }
    }

    let title: String
    let rows: [Row]
    let estimateLabel: String
    let reference: Double
    let logScale: Bool

    public init(
        title: String, rows: [Row], estimateLabel: String = "Hazard ratio (95% CI)", reference: Double = 1,
        logScale: Bool = true
    ) {
        self.title = title
        self.rows = rows
        self.estimateLabel = estimateLabel
        self.reference = reference
        self.logScale = logScale
    }

    public func svg() -> String {
        let identifier = SVG.identifier("forest", content: String(describing: self))
        guard !rows.isEmpty else {
            return SVGDocument.noData(title: title, kind: "Forest plot", width: Layout.width, height: 260, identifier: identifier)
        }
        let top = 84.0
        let bottom = top + Double(rows.count) * Layout.rowHeight
        var document = SVGDocument(width: Layout.width, height: bottom + 62, identifier: identifier)
        document.heading(title)
        let x = scale()
        document.text(estimateLabel, x: Layout.numbersLeft, y: top - 14, bold: true,
                      maxWidth: Layout.width - 16 - Layout.numbersLeft)
        drawStripes(top: top, into: &document)
        drawAxis(x, top: top, bottom: bottom, into: &document)
        for (index, row) in rows.enumerated() {
            drawRow(row, x: x, middle: top + (Double(index) + 0.5) * Layout.rowHeight, into: &document)
        }
        let scaleName = logScale && x.isLogarithmic ? "log scale" : "linear scale"
        return document.render(
            title: title,
            description: "Forest plot of \(rows.count) " + (rows.count == 1 ? "estimate" : "estimates") + " ("
                + estimateLabel + ", " + scaleName
                + (x.contains(reference) ? ", reference line at " + SVG.number(reference) : "") + "). "
                + rows.map { $0.label + " " + Self.interval($0) }.joined(separator: "; ") + ".")
    }

    enum Layout {
        static let width = 860.0
        static let labelWidth = 250.0
        static let plotLeft = 290.0
        static let plotRight = 600.0
        static let numbersLeft = 624.0
        static let rowHeight = 26.0
        /// Ratios beyond these are drawn as arrows at the edge, so one wild bound cannot squash the rest.
        static let logLimits = (1e-3, 1e3)
    }

    /// "0.85 (0.70–0.98)": two decimals so a column of them lines up; "NA" where a number is undefined,
    /// "∞" for an unbounded limit, and "to" instead of a dash when a minus sign would make it ambiguous.
    static func interval(_ row: Row) -> String {
        func value(_ number: Double) -> String {
            if number.isInfinite { return number > 0 ? "∞" : "−∞" }
            // Two decimals, more for tiny values so they do not all read "0.00".
            let magnitude = abs(number)
            let decimals = magnitude > 0 && magnitude < 0.01 ? min(Int((-log10(magnitude)).rounded(.up)) + 1, 6) : 2
            return SVG.fixed(number, decimals: decimals)
        }
        let separator = row.lower < 0 || row.upper < 0 ? " to " : "–"
        return value(row.estimate) + " (" + value(row.lower) + separator + value(row.upper) + ")"
    }
}
