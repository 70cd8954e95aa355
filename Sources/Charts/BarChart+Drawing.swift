extension BarChart {
    /// The value scale: zero at the axis, the top tick at the top.
    var scale: Scale {
        let largest = Double(bars.compactMap { $0.count.map { max($0, 0) } }.max() ?? 0)
        let top = Scale.linearTicks(from: 0, to: max(largest, 1)).last ?? max(largest, 1)
        return Scale(lower: 0, upper: max(top, largest, 1), start: Layout.bottom, end: Layout.top)
    }

    func drawAxis(into document: inout SVGDocument) {
        let scale = scale
        let ticks = Scale.linearTicks(from: 0, to: scale.upper)
        for (tick, label) in zip(ticks, Scale.labels(ticks)) {
            let y = scale(tick)
            document.line(Layout.left, y, Layout.right, y, stroke: Palette.grid, extra: [("class", "grid")])
            document.text(label, x: Layout.left - 6, y: y + 4, size: 11, anchor: "end", fill: Palette.muted, extra: [("class", "tick")])
        }
        document.line(Layout.left, Layout.bottom, Layout.right, Layout.bottom, extra: [("class", "axis")])
        document.text(valueName, x: 16, y: Layout.top - 12, size: 11, fill: Palette.muted, extra: [("class", "value-name")])
    }

    /// One slot per category; labels under the axis thinned so they do not overlap, each bar's count as its tooltip.
    func drawBars(into document: inout SVGDocument) {
        let scale = scale
        let slot = (Layout.right - Layout.left) / Double(bars.count)
        let widest = bars.map { SVG.estimatedWidth($0.label, fontSize: 11) }.max() ?? 0
        let every = max(1, Int((widest + 6) / slot) + 1)
        for (index, bar) in bars.enumerated() {
            let x = Layout.left + Double(index) * slot
            document.open("g", [("class", "category")])
            if let count = bar.count.map({ max($0, 0) }), count > 0 {
                let y = scale(Double(count))
                document.add("rect", [
                    ("x", SVG.number(x + slot * 0.1)), ("y", SVG.number(y)),
                    ("width", SVG.number(slot * 0.8)), ("height", SVG.number(Layout.bottom - y)),
                    ("fill", Layout.color), ("class", "bar"),
                ], tooltip: bar.label + ": " + bar.countLabel + " " + valueName)
            } else if bar.count == nil {
                document.text(bar.countLabel, x: x + slot / 2, y: Layout.bottom - 4, size: 10, anchor: "middle",
                              fill: Palette.muted, extra: [("class", "count suppressed")])
            }
            if index % every == 0 {
                document.text(bar.label, x: x + slot / 2, y: Layout.bottom + 16, size: 11, anchor: "middle", extra: [("class", "label")])
            }
            document.close("g")
        }
    }

    /// For screen readers: every category with its count, in order.
    func description() -> String {
        "Bar chart of \(valueName) over \(bars.count) " + (bars.count == 1 ? "category" : "categories") + ". "
            + bars.map { $0.label + ": " + $0.countLabel }.joined(separator: "; ") + "."
    }
}
