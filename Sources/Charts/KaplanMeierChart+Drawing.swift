extension KaplanMeierChart {
    /// The time axis: its end, its ticks, and which at-risk columns fall on it.
    struct TimeAxis {
        var end: Double
        var ticks: [Double]
        /// (index into `atRiskTimes`, time) for the columns shown, thinned like the ticks.
        var atRisk: [(index: Int, time: Double)]
    }

    /// Ticks are the at-risk times when given, so the table lines up with the axis; otherwise round numbers.
    func timeAxis(steps: [[Step]]) -> TimeAxis {
        let columns = atRiskTimes.enumerated().filter { $0.element.isFinite && $0.element >= 0 }
            .map { (index: $0.offset, time: $0.element) }
            .sorted { ($0.time, $0.index) < ($1.time, $1.index) }
        let latest = max(steps.flatMap { $0.map(\.time) }.max() ?? 0, columns.last?.time ?? 0)
        if columns.isEmpty {
            let ticks = Scale.linearTicks(from: 0, to: latest > 0 ? latest : 1)
            return TimeAxis(end: ticks.last ?? 1, ticks: ticks, atRisk: [])
        }
        let end = latest > 0 ? latest : 1
        // Keep labels at least ~44 px apart: show every n-th column when there are many.
        let room = Int((Layout.width - Layout.left - Layout.right) / 44)
        let every = max(1, (columns.count + room - 1) / max(room, 1))
        let shown = columns.enumerated().filter { $0.offset % every == 0 }.map(\.element)
        // The axis always shows its origin, and follow-up beyond the last at-risk time keeps getting ticks at
        // the same spacing; neither has table entries.
        var ticks = shown.map(\.time)
        if ticks.count >= 2, let last = ticks.last {
            let spacing = last - ticks[ticks.count - 2]
            while spacing > 0, ticks.count < room, let next = ticks.last.map({ $0 + spacing }), next <= end * (1 + 1e-9) {
                ticks.append(next)
            }
        }
        if let first = ticks.first, first > 0 { ticks.insert(0, at: 0) }
        return TimeAxis(end: end, ticks: ticks, atRisk: shown)
    }

    /// Legend entries wrapped into rows that fit the width: (curve index, x) per row.
    func legendLayout() -> [[(index: Int, x: Double)]] {
        var rows: [[(index: Int, x: Double)]] = [[]]
        var x = Layout.left
        for index in curves.indices {
            let width = 30 + min(SVG.estimatedWidth(curves[index].name, fontSize: 12), 220) + 18
            if x + width > Layout.width - 16 && !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = Layout.left
            }
            rows[rows.count - 1].append((index, x))
            x += width
        }
        return rows
    }

    func drawLegend(_ rows: [[(index: Int, x: Double)]], top: Double, into document: inout SVGDocument) {
        document.open("g", [("class", "legend")])
        for (row, entries) in rows.enumerated() {
            let y = top + Double(row) * 20
            for entry in entries {
                let style = Palette.line(entry.index)
                document.line(entry.x, y, entry.x + 24, y, stroke: style.color, width: 2.5,
                              extra: style.dash.map { [("stroke-dasharray", $0)] } ?? [])
                document.text(curves[entry.index].name, x: entry.x + 30, y: y + 4, maxWidth: 220)
            }
        }
        document.close("g")
    }

    func drawAxes(ticks: [Double], x: Scale, y: Scale, into document: inout SVGDocument) {
        document.open("g", [("class", "axes")])
        for percent in stride(from: 0, through: 100, by: 25) {
            let position = y(Double(percent) / 100)
            document.line(x.start, position, x.end, position, stroke: Palette.grid)
            document.text("\(percent)%", x: x.start - 8, y: position + 4, anchor: "end", fill: Palette.muted)
        }
        for (tick, label) in zip(ticks, Scale.labels(ticks)) {
            let position = x(tick)
            document.line(position, y.start, position, y.start + 5)
            document.text(label, x: position, y: y.start + 19, anchor: "middle", fill: Palette.muted,
                          extra: [("class", "tick")])
        }
        document.line(x.start, y.start, x.end, y.start)
        document.line(x.start, y.start, x.start, y.end)
        document.text(timeLabel, x: (x.start + x.end) / 2, y: y.start + 40, anchor: "middle", bold: true,
                      maxWidth: x.end - x.start)
        let middle = (y.start + y.end) / 2
        document.text("Survival probability", x: 0, y: 0, anchor: "middle", bold: true,
                      extra: [("transform", "translate(\(SVG.number(x.start - 50)) \(SVG.number(middle))) rotate(-90)")])
        document.close("g")
    }

    func drawCurve(_ index: Int, points: [Step], x: Scale, y: Scale, into document: inout SVGDocument) {
        let style = Palette.line(index)
        let name = curves[index].name
        if !points.isEmpty, points.allSatisfy({ $0.lower != nil }) {
            let upper = Self.stepVertices(points.map { ($0.time, $0.upper ?? $0.survival) }, x: x, y: y)
            let lower = Self.stepVertices(points.map { ($0.time, $0.lower ?? $0.survival) }, x: x, y: y)
            let outline = (upper + lower.reversed()).map { SVG.number($0.0) + "," + SVG.number($0.1) }
            document.add("polygon", [
                ("class", "band"), ("points", outline.joined(separator: " ")),
                ("fill", style.color), ("fill-opacity", "0.15"), ("stroke", "none"),
            ], tooltip: name + ": 95% confidence band")
        }
        var path = "M" + SVG.number(x(0)) + " " + SVG.number(y(1))
        for point in points {
            path += " H" + SVG.number(x(point.time)) + " V" + SVG.number(y(point.survival))
        }
        var attributes: SVGDocument.Attributes = [
            ("class", "curve"), ("d", path), ("fill", "none"), ("stroke", style.color), ("stroke-width", "2"),
            ("stroke-linejoin", "miter"),
        ]
        if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
        document.add("path", attributes, tooltip: name)
    }

    /// The corners of a step function starting at (0, 1), in pixels.
    static func stepVertices(_ values: [(time: Double, value: Double)], x: Scale, y: Scale) -> [(Double, Double)] {
        var vertices = [(x(0), y(1))]
        var previous = 1.0
        for (time, value) in values {
            vertices.append((x(time), y(previous)))
            vertices.append((x(time), y(value)))
            previous = value
        }
        return vertices
    }

    func drawAtRisk(_ columns: [(index: Int, time: Double)], x: Scale, top: Double, into document: inout SVGDocument) {
        document.open("g", [("class", "at-risk-table")])
        document.text("Number at risk", x: 16, y: top, bold: true)
        for (row, curve) in curves.enumerated() {
            let y = top + 22 + Double(row) * 20
            let color = Palette.line(row).color
            // Left-aligned and stopping short of the axis: the first column is centred on time 0.
            document.text(curve.name, x: 16, y: y, fill: color, maxWidth: x.start - 56)
            let labels = row < atRisk.count ? atRisk[row] : []
            for column in columns where column.index < labels.count {
                document.text(labels[column.index], x: x(column.time), y: y, anchor: "middle", fill: color,
                              extra: [("class", "at-risk")])
            }
        }
        document.close("g")
    }

    /// A sentence per curve for screen readers: where it ends.
    func description(steps: [[Step]]) -> String {
        let parts = zip(curves, steps).map { curve, points -> String in
            guard let last = points.last else { return curve.name + ": no time points" }
            return curve.name + ": " + SVG.percent(last.survival, of: 1) + " at " + SVG.number(last.time)
        }
        return "Kaplan–Meier survival (0–100%) against " + timeLabel + " for \(curves.count) "
            + (curves.count == 1 ? "group" : "groups") + ". " + parts.joined(separator: "; ") + "."
    }
}
