/// Treatment pathways as rings: the innermost ring is the first line of treatment, each ring outwards the
/// next line, arcs sized by persons. The part of the circle left open is the persons not (further) treated.
public struct SunburstChart: Sendable {
    public struct Path: Sendable {
        /// Treatment per line, e.g. ["Chemotherapy", "Chemotherapy+Trastuzumab", "Endocrine"].
        public var steps: [String]
        /// Persons who followed exactly this sequence.
        public var count: Int

        public init(steps: [String], count: Int) {
            self.steps = steps
            self.count = count
        }
    }

    let title: String
    let paths: [Path]
    let total: Int

    /// `total` is the persons in the target cohort; those without any treatment make the unfilled remainder.
    public init(title: String, paths: [Path], total: Int) {
        self.title = title
        self.paths = paths
        self.total = total
    }

    public func svg() -> String {
        let identifier = SVG.identifier("sunburst", content: String(describing: self))
        let root = Node.tree(paths)
        guard root.count > 0 else {
            return SVGDocument.noData(title: title, kind: "Treatment pathway sunburst", width: Layout.width,
                                      height: 300, identifier: identifier)
        }
        let persons = max(total, root.count)
        let treatments = root.treatmentsByCount()
        // More treatments than distinct colours: the rarest share one grey and one legend entry.
        let named = treatments.count > Palette.categorical.count ? Palette.categorical.count - 1 : treatments.count
        var colors: [String: String] = [:]
        for (index, name) in treatments.enumerated() {
            colors[name] = index < named ? Palette.categorical[index] : Palette.other
        }
        var legend = treatments.prefix(named).map { (name: $0, color: colors[$0] ?? Palette.other) }
        if named < treatments.count {
            legend.append(("Other: " + treatments[named...].joined(separator: ", "), Palette.other))
        }
        let height = max(Layout.minimumHeight, 120 + Double(legend.count) * 22 + 80)
        var document = SVGDocument(width: Layout.width, height: height, identifier: identifier)
        document.heading(title)
        let rings = Rings(depth: root.depth, center: (Layout.centerX, 48 + Layout.radius + 16))
        document.open("g", [("class", "arcs"), ("stroke", "#ffffff"), ("stroke-width", "1")])
        var start = 0.0
        for child in root.children {
            drawArc(child, trail: [], level: 0, start: start, persons: persons, rings: rings, colors: colors,
                    into: &document)
            start += 360 * Double(child.count) / Double(persons)
        }
        document.close("g")
        drawCenter(treated: root.count, persons: persons, rings: rings, into: &document)
        drawLegend(legend, depth: root.depth, into: &document)
        return document.render(title: title, description: description(root: root, persons: persons))
    }

    enum Layout {
        static let width = 860.0
        static let minimumHeight = 580.0
        static let centerX = 290.0
        static let radius = 250.0
        static let hole = 66.0
        static let legendLeft = 580.0
    }

    /// The geometry of the rings: ring `level` (0 = first line) spans `inner(level)...outer(level)`.
    struct Rings {
        var depth: Int
        var center: (x: Double, y: Double)

        var width: Double { (Layout.radius - Layout.hole) / Double(max(depth, 1)) }
        func inner(_ level: Int) -> Double { Layout.hole + Double(level) * width }
        func outer(_ level: Int) -> Double { inner(level) + width }
    }
}
