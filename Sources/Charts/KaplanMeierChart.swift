/// Survival curves as step functions with optional confidence bands and a number-at-risk table
/// aligned with the time axis, as clinicians expect to read them in papers.
public struct KaplanMeierChart: Sendable {
    public struct Curve: Sendable {
        public var name: String
        /// Ascending times of the step function; the curve starts at (0, 1) implicitly.
        public var time: [Double]
        /// S(t) at each time.
        public var survival: [Double]
        /// Confidence band, the same length as `time`; drawn only when both bounds are given.
        public var lower: [Double]?
        public var upper: [Double]?

        public init(name: String, time: [Double], survival: [Double], lower: [Double]? = nil, upper: [Double]? = nil) {
            self.name = name
            self.time = time
            self.survival = survival
            self.lower = lower
            self.upper = upper
        }
    }

    let title: String
    let curves: [Curve]
    let timeLabel: String
    let atRiskTimes: [Double]
    let atRisk: [[String]]

    /// `atRisk[curve][k]` is the label (a number or "<5") shown at `atRiskTimes[k]`.
    public init(
        title: String, curves: [Curve], timeLabel: String = "Years since index",
        atRiskTimes: [Double] = [], atRisk: [[String]] = []
    ) {
        self.title = title
        self.curves = curves
        self.timeLabel = timeLabel
        self.atRiskTimes = atRiskTimes
        self.atRisk = atRisk
    }

    public func svg() -> String {
        let identifier = SVG.identifier("km", content: String(describing: self))
        guard !curves.isEmpty else {
            return SVGDocument.noData(
                title: title, kind: "Kaplan–Meier survival curves", width: Layout.width, height: 360, identifier: identifier)
        }
        let steps = curves.map(Step.points)
        let axis = timeAxis(steps: steps)
        let legendRows = legendLayout()
        let plotTop = 64 + Double(legendRows.count) * 20
        let plotBottom = plotTop + Layout.plotHeight
        let hasTable = !axis.atRisk.isEmpty && !atRisk.isEmpty
        let tableTop = plotBottom + 66
        let height = hasTable ? tableTop + 22 + Double(curves.count) * 20 + 12 : plotBottom + 60

        var document = SVGDocument(width: Layout.width, height: height, identifier: identifier)
        document.heading(title)
        let x = Scale(lower: 0, upper: axis.end, start: Layout.left, end: Layout.width - Layout.right)
        let y = Scale(lower: 0, upper: 1, start: plotBottom, end: plotTop)
        drawLegend(legendRows, top: 48, into: &document)
        drawAxes(ticks: axis.ticks, x: x, y: y, into: &document)
        for (index, points) in steps.enumerated() {
            drawCurve(index, points: points, x: x, y: y, into: &document)
        }
        if hasTable {
            drawAtRisk(axis.atRisk, x: x, top: tableTop, into: &document)
        }
        return document.render(title: title, description: description(steps: steps))
    }

    enum Layout {
        static let width = 760.0
        static let left = 170.0
        static let right = 36.0
        static let plotHeight = 300.0
    }

    /// One drawable point of a curve: time, survival and the band bounds, all finite and clipped to 0...1.
    struct Step {
        var time: Double
        var survival: Double
        var lower: Double?
        var upper: Double?

        /// The curve's usable points in time order: non-finite or negative times and undefined survival are
        /// dropped, bounds that are NaN fall back to the estimate, infinite ones are clipped to 0 or 1.
        static func points(_ curve: Curve) -> [Step] {
            let count = min(curve.time.count, curve.survival.count)
            let hasBand = curve.lower?.count == curve.time.count && curve.upper?.count == curve.time.count
            var points: [(Int, Step)] = []
            for index in 0..<count {
                let time = curve.time[index]
                let survival = curve.survival[index]
                guard time.isFinite, time >= 0, !survival.isNaN else { continue }
                let estimate = clip(survival)
                var step = Step(time: time, survival: estimate)
                if hasBand, let lower = curve.lower?[index], let upper = curve.upper?[index] {
                    step.lower = lower.isNaN ? estimate : clip(lower)
                    step.upper = upper.isNaN ? estimate : clip(upper)
                }
                points.append((index, step))
            }
            return points.sorted { ($0.1.time, $0.0) < ($1.1.time, $1.0) }.map(\.1)
        }

        private static func clip(_ value: Double) -> Double {
            min(max(value, 0), 1)
        }
    }
}
