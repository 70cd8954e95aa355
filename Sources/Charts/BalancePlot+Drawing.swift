extension BalancePlot {
    func drawAxis(_ x: Scale, top: Double, bottom: Double, into document: inout SVGDocument) {
        document.open("g", [("class", "axis")])
        let axisY = bottom + 6
        document.line(x.start, axisY, x.end, axisY)
        let ticks = Scale.linearTicks(from: x.lower, to: x.upper)
        for (tick, label) in zip(ticks, Scale.labels(ticks)) {
            document.line(x(tick), axisY, x(tick), axisY + 5)
            document.text(label, x: x(tick), y: axisY + 19, anchor: "middle", fill: Palette.muted, extra: [("class", "tick")])
        }
        document.text("Standardized mean difference", x: (x.start + x.end) / 2, y: axisY + 40, anchor: "middle", bold: true)
        document.line(x(0), top - 4, x(0), axisY, stroke: Palette.axis, extra: [("class", "zero")])
        for guide in [-threshold, threshold] where x.contains(guide) {
            document.line(x(guide), top - 4, x(guide), axisY, stroke: Palette.muted, extra: [("class", "threshold"), ("stroke-dasharray", "4 3")])
        }
        document.close("g")
    }

    func drawRow(_ row: Row, x: Scale, middle: Double, into document: inout SVGDocument) {
        document.open("g", [("class", "row")])
        document.text(row.label, x: 16, y: middle + 4, size: 11, maxWidth: Layout.labelWidth)
        let value = row.difference.isFinite ? SVG.fixed(row.difference, decimals: 2) : row.difference > 0 ? "∞" : "−∞"
        document.text(value, x: Layout.numbersLeft, y: middle + 4, size: 11, extra: [("class", "difference")])
        let color = abs(row.difference) > threshold ? Palette.okabeIto[1] : Palette.okabeIto[0]
        if row.difference.isFinite {
            document.add("circle", [("class", "smd"), ("cx", SVG.number(x(row.difference))), ("cy", SVG.number(middle)), ("r", "4"), ("fill", color)],
                         tooltip: row.label + ": " + value)
        } else {
            let end = row.difference > 0 ? x.end : x.start, direction = row.difference > 0 ? 1.0 : -1.0
            let points = [(end, middle), (end - 8 * direction, middle - 4), (end - 8 * direction, middle + 4)]
                .map { SVG.number($0.0) + "," + SVG.number($0.1) }.joined(separator: " ")
            document.add("polygon", [("class", "clipped"), ("points", points), ("fill", color)], tooltip: row.label + ": " + value)
        }
        document.close("g")
    }
}
