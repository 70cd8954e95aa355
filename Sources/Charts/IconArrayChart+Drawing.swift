extension IconArrayChart {
    /// The group of each of the 100 icons, in filling order (row by row, left to right).
    var iconGroups: [Int] {
        groups.indices.flatMap { Array(repeating: $0, count: groups[$0].count) }
    }

    func drawGrid(into document: inout SVGDocument) {
        document.open("g", [("class", "grid")])
        for (position, group) in iconGroups.enumerated() {
            let x = Layout.left + Double(position % 10) * Layout.cell
            let y = Layout.top + Double(position / 10) * Layout.cell
            drawIcon(groups[group], x: x, y: y, size: Layout.cell, classes: "icon", group: group, into: &document)
        }
        document.close("g")
    }

    /// One row per group: a sample icon and "62 alive with surgery only".
    func drawLegend(into document: inout SVGDocument) {
        for (index, group) in groups.enumerated() {
            let y = Layout.top + Double(index) * Layout.legendRow
            drawIcon(group, x: Layout.legendLeft, y: y, size: Layout.cell, classes: "legend-icon", group: index, into: &document)
            document.text(legendText(group), x: Layout.legendLeft + Layout.cell + 8, y: y + 17,
                          maxWidth: Layout.width - Layout.legendLeft - Layout.cell - 24, extra: [("class", "legend")])
        }
    }

    func legendText(_ group: Group) -> String {
        String(group.count) + " " + group.label
    }

    /// A person: a round head over rounded shoulders, one path in absolute coordinates, filled or outlined.
    func drawIcon(_ group: Group, x: Double, y: Double, size: Double, classes: String, group index: Int,
                  into document: inout SVGDocument) {
        let unit = size / 26
        func p(_ dx: Double, _ dy: Double) -> String { SVG.number(x + dx * unit) + " " + SVG.number(y + dy * unit) }
        let r = SVG.number(4.5 * unit), shoulder = SVG.number(8 * unit) + " " + SVG.number(6 * unit)
        let d = "M " + p(8.5, 7) + " A " + r + " " + r + " 0 1 1 " + p(17.5, 7) + " A " + r + " " + r + " 0 1 1 " + p(8.5, 7) + " Z"
            + " M " + p(5, 23) + " V " + SVG.number(y + 18 * unit) + " A " + shoulder + " 0 0 1 " + p(21, 18)
            + " V " + SVG.number(y + 23 * unit) + " Z"
        document.add("path", [
            ("d", d), ("class", classes + (group.filled ? " filled" : " open")), ("data-group", String(index)),
            ("fill", group.filled ? group.colour : "#ffffff"), ("stroke", group.colour),
            ("stroke-width", SVG.number(1.5 * unit)),
        ])
    }

    /// For screen readers: every count in words, in filling order, with how the icons look.
    func description() -> String {
        let parts = groups.map { legendText($0) + " (" + ($0.filled ? "filled" : "open") + " icons)" }
        return "Icon array of 100 people filled row by row: " + (parts.isEmpty ? "none" : parts.joined(separator: ", ")) + "."
    }
}
