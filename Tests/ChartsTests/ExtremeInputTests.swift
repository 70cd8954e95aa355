@testable import Charts
import Testing

/// Inputs no analysis should produce, but a chart must still draw rather than crash or emit NaN geometry.
@Suite struct ExtremeInputTests {
    static let charts: [String] = [
        ForestPlot(title: "Huge", rows: [.init(label: "a", estimate: 1e300, lower: -1e300, upper: .infinity)],
                   reference: 0, logScale: false).svg(),
        ForestPlot(title: "Tiny", rows: [.init(label: "a", estimate: 1e-300, lower: 1e-301, upper: 1e300)]).svg(),
        ForestPlot(title: "No reference", rows: [.init(label: "a", estimate: 0.001, lower: 0.0005, upper: 0.002)],
                   reference: .nan).svg(),
        KaplanMeierChart(title: "Instant", curves: [.init(name: "a", time: [1e-300], survival: [0.5])]).svg(),
        KaplanMeierChart(title: "Forever", curves: [.init(name: "a", time: [1e300], survival: [0.5])],
                         atRiskTimes: [0, 1e-12, 1e300], atRisk: [["1", "2", "3"]]).svg(),
        KaplanMeierChart(title: "Mismatched", curves: [.init(name: "a", time: [1, 2, 3], survival: [0.5],
                                                             lower: [0.1], upper: [0.9, 1])]).svg(),
        AttritionChart(title: "Odd counts", steps: [.init(name: "a", count: Int.max, label: "huge"),
                                                    .init(name: "b", count: -5, label: "-5")]).svg(),
        SunburstChart(title: "Vast cohort", paths: [.init(steps: ["a", ""], count: 1)], total: Int.max).svg(),
    ]

    @Test(arguments: charts) func drawsSomethingWellFormed(_ svg: String) throws {
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
    }

    @Test func writesTinyRatiosWithEnoughDecimals() throws {
        let tree = try #require(SVGTree.parse(Self.charts[2]))
        #expect(tree.texts(class: "interval") == ["0.0010 (0.00050–0.0020)"])
    }
}
