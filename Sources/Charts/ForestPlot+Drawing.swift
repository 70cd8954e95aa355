extension ForestPlot {
    /// The horizontal axis covering every drawable value and the reference, widened to round ticks.
    func scale() -> Scale {
        let logarithmic = logScale && (reference > 0 || !reference.isFinite)
        var values = rows.flatMap { [$0.estimate, $0.lower, $0.upper] } + [reference]
        if logarithmic {
            values = values.filter { $0.isFinite && $0 >= Layout.logLimits.0 && $0 <= Layout.logLimits.1 }
        } else {
            values = values.filter(\.isFinite)
        }
        var lower = values.min() ?? (logarithmic ? 0.5 : -1)
        var upper = values.max() ?? (logarithmic ? 2 : 1)
        if upper <= lower {
            (lower, upper) = logarithmic ? (lower / 2, upper * 2) : (lower - 1, upper + 1)
        }
        let ticks = logarithmic
            ? Scale.logTicks(from: lower, to: upper) : Scale.linearTicks(from: lower, to: upper)
        return Scale(lower: ticks.first ?? lower, upper: ticks.last ?? upper, start: Layout.plotLeft,
                     end: Layout.plotRight, logarithmic: logarithmic)
    }

    func drawAxis(_ x: Scale, top: Double, bottom: Double, into document: inout SVGDocument) {
        document.open("g", [("class", "axis")])
        let ticks = x.isLogarithmic
            ? Scale.logTicks(from: x.lower, to: x.upper) : Scale.linearTicks(from: x.lower, to: x.upper)
        // Labels need ~34 px; on a crowded axis label every n-th tick, always keeping the reference.
        let every = max(1, Int((34 * Double(ticks.count) / (x.end - x.start)).rounded(.up)))
        let axisY = bottom + 6
        document.line(x.start, axisY, x.end, axisY)
        for (index, (tick, label)) in zip(ticks, Scale.labels(ticks)).enumerated() {
            let position = x(tick)
            document.line(position, axisY, position, axisY + 5)
            if index % every == 0 || abs(tick - reference) < 1e-9 {
                document.text(label, x: position, y: axisY + 19, anchor: "middle", fill: Palette.muted,
                              extra: [("class", "tick")])
            }
        }
        document.text(estimateLabel + (x.isLogarithmic ? " — log scale" : ""), x: (x.start + x.end) / 2,
                      y: axisY + 40, anchor: "middle", bold: true, maxWidth: Layout.width - x.start)
        if x.contains(reference) {
            document.line(x(reference), top - 4, x(reference), axisY, stroke: Palette.muted,
                          extra: [("class", "reference"), ("stroke-dasharray", "4 3")])
        }
        document.close("g")
    }

    /// Every other row tinted so the eye can follow a label across to its numbers; drawn first, under the axis.
    func drawStripes(top: Double, into document: inout SVGDocument) {
        for index in stride(from: 0, to: rows.count, by: 2) {
            document.add("rect", [
                ("x", "8"), ("y", SVG.number(top + Double(index) * Layout.rowHeight)),
                ("width", SVG.number(Layout.width - 16)), ("height", SVG.number(Layout.rowHeight)), ("fill", "#f4f6f8"),
            ])
        }
    }

    func drawRow(_ row: Row, x: Scale, middle: Double, into document: inout SVGDocument) {
        document.open("g", [("class", "row")])
        document.text(row.label, x: 16, y: middle + 4, maxWidth: Layout.labelWidth)
        let text = Self.interval(row)
        document.text(text, x: Layout.numbersLeft, y: middle + 4, extra: [("class", "interval")])
        if x.contains(row.estimate) {
            let clippedLow = !x.contains(row.lower)
            let clippedHigh = !x.contains(row.upper)
            let from = clippedLow ? x.start : x(row.lower)
            let to = clippedHigh ? x.end : x(row.upper)
            document.line(from, middle, to, middle, stroke: Palette.text, width: 1.5, extra: [("class", "ci")])
            if clippedLow { arrow(at: from, middle, pointing: -1, into: &document) }
            if clippedHigh { arrow(at: to, middle, pointing: 1, into: &document) }
            let side = 9.0
            document.add("rect", [
                ("class", "estimate"), ("x", SVG.number(x(row.estimate) - side / 2)),
                ("y", SVG.number(middle - side / 2)), ("width", SVG.number(side)), ("height", SVG.number(side)),
                ("fill", Palette.okabeIto[0]),
            ], tooltip: row.label + ": " + text)
        }
        document.close("g")
    }

    /// An arrowhead saying "the interval runs on beyond the axis".
    private func arrow(at x: Double, _ y: Double, pointing direction: Double, into document: inout SVGDocument) {
        let points = [(x, y), (x - 7 * direction, y - 4), (x - 7 * direction, y + 4)]
            .map { SVG.number($0.0) + "," + SVG.number($0.1) }.joined(separator: " ")
        document.add("polygon", [("class", "clipped"), ("points", points), ("fill", Palette.text)])
    }
}
