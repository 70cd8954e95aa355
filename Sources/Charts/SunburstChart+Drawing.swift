import Foundation

extension SunburstChart {
    /// One arc for `node` on ring `level` from `start` degrees (clockwise from 12 o'clock), then its children.
    func drawArc(
        _ node: Node, trail: [String], level: Int, start: Double, persons: Int, rings: Rings,
        colors: [String: String], into document: inout SVGDocument
    ) {
        let sweep = 360 * Double(node.count) / Double(persons)
        let color = colors[node.name] ?? Palette.other
        let steps = trail + [node.name]
        let tooltip = steps.joined(separator: " → ") + ": " + SVG.grouped(node.count) + " "
            + (node.count == 1 ? "person" : "persons") + " (" + SVG.percent(Double(node.count), of: Double(persons))
            + " of " + SVG.grouped(persons) + ")"
        document.add("path", [
            ("class", "arc"), ("d", Self.arcPath(rings: rings, level: level, from: start, sweep: sweep)), ("fill", color),
        ], tooltip: tooltip)
        drawLabel(node.name, level: level, start: start, sweep: sweep, rings: rings, color: color, into: &document)
        var childStart = start
        for child in node.children {
            drawArc(child, trail: steps, level: level + 1, start: childStart, persons: persons, rings: rings,
                    colors: colors, into: &document)
            childStart += 360 * Double(child.count) / Double(persons)
        }
    }

    /// The ring segment as a path: the outer edge clockwise, the inner edge back, in arcs of at most 180°
    /// so that large segments draw. A whole ring (everyone treated) has no radial edge, which would show as a seam.
    static func arcPath(rings: Rings, level: Int, from start: Double, sweep: Double) -> String {
        func point(_ radius: Double, _ degrees: Double) -> String {
            let radians = degrees * .pi / 180
            return SVG.number(rings.center.x + radius * sin(radians)) + " "
                + SVG.number(rings.center.y - radius * cos(radians))
        }
        func arcs(_ radius: Double, from: Double, to: Double) -> String {
            let pieces = max(1, Int((abs(to - from) / 180 - 1e-9).rounded(.up)))
            let clockwise = to > from ? "1" : "0"
            let command = " A " + SVG.number(radius) + " " + SVG.number(radius) + " 0 0 " + clockwise + " "
            return (1...pieces).map { (piece: Int) -> String in
                let degrees = from + (to - from) * Double(piece) / Double(pieces)
                return command + point(radius, degrees)
            }.joined()
        }
        let end = start + sweep
        let outer = rings.outer(level)
        let inner = rings.inner(level)
        let join = sweep >= 360 - 1e-9 ? " Z M " : " L "
        return "M " + point(outer, start) + arcs(outer, from: start, to: end) + join + point(inner, end)
            + arcs(inner, from: end, to: start) + " Z"
    }

    /// The treatment's name along the arc when the arc is long enough to hold a readable part of it.
    private func drawLabel(
        _ name: String, level: Int, start: Double, sweep: Double, rings: Rings, color: String,
        into document: inout SVGDocument
    ) {
        let radius = (rings.inner(level) + rings.outer(level)) / 2
        let room = min(sweep, 359) * .pi / 180 * radius - 10
        let size = 11.0
        guard rings.width >= 16, room >= SVG.estimatedWidth("Abcd…", fontSize: size) else { return }
        let middle = start + sweep / 2
        let radians = middle * .pi / 180
        let x = rings.center.x + radius * sin(radians)
        let y = rings.center.y - radius * cos(radians)
        // Tangential text, turned on the lower half so it never reads upside down.
        let turn = middle > 90 && middle < 270 ? middle - 180 : middle
        let fitted = SVG.fit(name, width: room, fontSize: size)
        document.add("text", [
            ("class", "arc-label"), ("x", "0"), ("y", "0"), ("dy", "0.35em"), ("text-anchor", "middle"),
            ("font-size", SVG.number(size)), ("fill", Palette.textColor(on: color)), ("stroke", "none"),
            ("pointer-events", "none"),
            ("transform", "translate(" + SVG.number(x) + " " + SVG.number(y) + ") rotate(" + SVG.number(turn) + ")"),
        ], text: fitted.shown)
    }

    func drawCenter(treated: Int, persons: Int, rings: Rings, into document: inout SVGDocument) {
        let (x, y) = rings.center
        document.add("circle", [
            ("cx", SVG.number(x)), ("cy", SVG.number(y)), ("r", SVG.number(Layout.radius)), ("fill", "none"),
            ("stroke", Palette.grid), ("stroke-dasharray", "3 3"),
        ])
        document.text(SVG.grouped(persons), x: x, y: y - 4, size: 18, anchor: "middle", bold: true)
        document.text(persons == 1 ? "person" : "persons", x: x, y: y + 12, size: 11, anchor: "middle",
                      fill: Palette.muted)
        document.text(SVG.percent(Double(treated), of: Double(persons)) + " treated", x: x, y: y + 27, size: 11,
                      anchor: "middle", fill: Palette.muted)
    }

    func drawLegend(_ entries: [(name: String, color: String)], depth: Int, into document: inout SVGDocument) {
        document.open("g", [("class", "legend")])
        let left = Layout.legendLeft
        document.text("Treatment", x: left, y: 64, bold: true)
        for (index, entry) in entries.enumerated() {
            let y = 84 + Double(index) * 22
            document.add("rect", [
                ("x", SVG.number(left)), ("y", SVG.number(y - 11)), ("width", "14"), ("height", "14"), ("rx", "2"),
                ("fill", entry.color),
            ])
            document.text(entry.name, x: left + 22, y: y, maxWidth: Layout.width - 16 - left - 22)
        }
        let noteTop = 84 + Double(entries.count) * 22 + 14
        let lines = depth == 1
            ? "The ring is the first line of treatment."
            : "Rings from the centre: line 1 to line \(depth)."
        document.text(lines, x: left, y: noteTop, size: 11, fill: Palette.muted)
        document.text("Open part of a ring: no (further) treatment.", x: left, y: noteTop + 16, size: 11,
                      fill: Palette.muted)
        document.close("g")
    }

    /// For screen readers: the first lines and their shares.
    func description(root: Node, persons: Int) -> String {
        let first = root.children.map {
            $0.name + " " + SVG.grouped($0.count) + " (" + SVG.percent(Double($0.count), of: Double(persons)) + ")"
        }
        return "Treatment pathways of " + SVG.grouped(persons) + " persons over up to \(root.depth) "
            + (root.depth == 1 ? "line" : "lines") + " of treatment; " + SVG.grouped(root.count) + " ("
            + SVG.percent(Double(root.count), of: Double(persons)) + ") treated. First line: "
            + first.joined(separator: ", ") + "."
    }
}
