/// A population pyramid: two groups of persons (usually the sexes) back to back, one row per age group with the
/// oldest on top, bar lengths on one scale shared by both sides. Suppressed counts get no bar, only their label,
/// so no one reads a length into them.
public struct PyramidChart: Sendable {
    /// One side of the pyramid: its name and, per age group in the order of `groups`, a count and its label.
    public struct Side: Sendable {
        public var name: String
        /// `nil` when the count is suppressed (too small to disclose): no bar, only the label.
        public var counts: [Int?]
        /// What to print per group, e.g. "1,234" or "<5"; when missing, the count itself.
        public var labels: [String]

        public init(name: String, counts: [Int?], labels: [String]) {
            self.name = name
            self.counts = counts
            self.labels = labels
        }

        /// The count of group `index`, never negative; `nil` when suppressed or not given.
        func count(_ index: Int) -> Int? {
            index < counts.count ? counts[index].map { max($0, 0) } : nil
        }

        /// The label of group `index`; empty when neither a label nor a count is given.
        func label(_ index: Int) -> String {
            if index < labels.count { return labels[index] }
            return index < counts.count ? counts[index].map(String.init) ?? "" : ""
        }
    }

    let title: String
    let subtitle: String?
    let groups: [String]
    let left: Side
    let right: Side
    let note: String?

    /// `groups` are the age groups youngest first (drawn oldest on top); `note` is printed under the chart, one
    /// paragraph per line of it, wrapped to the width.
    public init(title: String, subtitle: String? = nil, groups: [String], left: Side, right: Side, note: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.groups = groups
        self.left = left
        self.right = right
        self.note = note
    }

    public func svg() -> String {
        let identifier = SVG.identifier("pyramid", content: String(describing: self))
        let hasContent = groups.indices.contains { index in
            [left, right].contains { $0.count(index) != nil || !$0.label(index).isEmpty }
        }
        guard hasContent else {
            return SVGDocument.noData(title: title, kind: "Population pyramid", width: Layout.width, height: 240,
                                      identifier: identifier)
        }
        let top = subtitle == nil ? 66.0 : 84.0
        let bottom = top + Double(groups.count) * Layout.rowHeight
        let notes = noteLines()
        var document = SVGDocument(width: Layout.width, height: bottom + 16 + Double(notes.count) * 16,
                                   identifier: identifier)
        document.heading(title)
        if let subtitle {
            document.text(subtitle, x: 16, y: 48, fill: Palette.muted, maxWidth: Layout.width - 32,
                          extra: [("class", "subtitle")])
        }
        drawSideNames(top: top, into: &document)
        let largest = groups.indices.flatMap { [left.count($0), right.count($0)] }.compactMap { $0 }.max() ?? 0
        // Oldest on top: the last group is the first row.
        for (row, index) in groups.indices.reversed().enumerated() {
            drawRow(index, top: top + Double(row) * Layout.rowHeight, largest: largest, into: &document)
        }
        for x in [Layout.center - Layout.gap, Layout.center + Layout.gap] {
            document.line(x, top, x, bottom, extra: [("class", "axis")])
        }
        for (index, line) in notes.enumerated() {
            document.text(line, x: 16, y: bottom + 24 + Double(index) * 16, size: 11, fill: Palette.muted,
                          extra: [("class", "note")])
        }
        return document.render(title: title, description: description())
    }

    enum Layout {
        static let width = 640.0
        static let center = 320.0
        /// Half the width of the column of age-group labels between the two sides.
        static let gap = 44.0
        /// The length of the longest bar.
        static let reach = 200.0
        static let rowHeight = 20.0
        static let barHeight = 14.0
        static let colors = [Palette.okabeIto[0], Palette.okabeIto[1]]
    }
}
