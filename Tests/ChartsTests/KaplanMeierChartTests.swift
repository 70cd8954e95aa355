@testable import Charts
import Testing

@Suite struct KaplanMeierChartTests {
    static let times = [0.5, 1, 2, 3, 5]
    static let survival = [0.95, 0.9, 0.8, 0.7, 0.5]

    static let chart = KaplanMeierChart(
        title: "Overall survival & stage",
        curves: [
            .init(name: "Stage I", time: times, survival: survival, lower: survival.map { $0 - 0.05 },
                  upper: survival.map { min($0 + 0.05, 1) }),
            .init(name: "Stage IV", time: [1, 2], survival: [0.6, 0.3]),
        ],
        atRiskTimes: [0, 2, 4], atRisk: [["120", "90", "<5"], ["40", "12", "<5"]])

    @Test func isWellFormedAndAccessible() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
        #expect(tree.children.first?.text == "Overall survival & stage")
    }

    @Test func drawsOnePathPerCurveInItsOwnColour() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let curves = tree.elements("path", class: "curve")
        #expect(curves.count == 2)
        #expect(Set(curves.compactMap { $0.attributes["stroke"] }).count == 2)
        #expect(curves.map(\.tooltip) == ["Stage I", "Stage IV"])
    }

    @Test func stepPathVisitsEveryTimeAndSurvival() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let d = try #require(tree.elements("path", class: "curve").last?.attributes["d"])
        // Start at (0, 100 %), then a horizontal and a vertical move per time point.
        #expect(d.hasPrefix("M"))
        #expect(d.split(separator: " ").filter { $0.hasPrefix("H") }.count == 2)
        #expect(d.split(separator: " ").filter { $0.hasPrefix("V") }.count == 2)
    }

    @Test func drawsBandsOnlyWhereBoundsAreGiven() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let bands = tree.elements("polygon", class: "band")
        #expect(bands.count == 1)
        // A stepped outline: the start, two corners per time on each bound, back to the start.
        let points = try #require(bands.first?.attributes["points"]).split(separator: " ")
        #expect(points.count == 2 * (1 + 2 * Self.times.count))
    }

    @Test func survivalAxisRunsFromZeroToHundredPercent() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let labels = tree.texts()
        for percent in ["0%", "25%", "50%", "75%", "100%"] {
            #expect(labels.contains(percent))
        }
    }

    @Test func atRiskTableListsLabelsInOrderUnderTheTicks() throws {
        let svg = Self.chart.svg()
        #expect(svg.contains("&lt;5"))
        #expect(!svg.contains(">Overall survival & stage<"))
        let tree = try #require(SVGTree.parse(svg))
        let cells = tree.elements("text", class: "at-risk")
        #expect(cells.map(\.text) == ["120", "90", "<5", "40", "12", "<5"])
        let ticks = tree.elements("text", class: "tick")
        #expect(ticks.map(\.text) == ["0", "2", "4"])
        let tickX = ticks.compactMap { $0.number("x") }
        #expect(cells.prefix(3).compactMap { $0.number("x") } == tickX)
        #expect(cells.suffix(3).compactMap { $0.number("x") } == tickX)
        // Each row is coloured like its curve.
        let curveColours = tree.elements("path", class: "curve").compactMap { $0.attributes["stroke"] }
        #expect(cells.first?.attributes["fill"] == curveColours.first)
        #expect(cells.last?.attributes["fill"] == curveColours.last)
    }

    @Test func clipsUndefinedAndInfiniteBounds() throws {
        let chart = KaplanMeierChart(title: "Edges", curves: [
            .init(name: "single", time: [2.5], survival: [0.6], lower: [.nan], upper: [.infinity]),
            .init(name: "gaps", time: [0.5, .nan, 3], survival: [0.9, 0.5, .infinity],
                  lower: [-.infinity, 0.1, .nan], upper: [1, .nan, 2]),
        ])
        let tree = try #require(SVGTree.parse(chart.svg()))
        #expect(tree.coordinatesAreFinite)
        #expect(tree.elements("path", class: "curve").count == 2)
        #expect(tree.elements("polygon", class: "band").count == 2)
        #expect(!tree.texts(class: "tick").isEmpty)
    }

    @Test func shortensLongNamesKeepingTheFullTextAsTooltip() throws {
        let name = String(repeating: "Triple negative, metastatic ", count: 4)
        let chart = KaplanMeierChart(title: "Long", curves: [.init(name: name, time: [1], survival: [0.5])],
                                     atRiskTimes: [0, 1], atRisk: [["10", "5"]])
        let tree = try #require(SVGTree.parse(chart.svg()))
        let shortened = tree.elements("text").filter { $0.tooltip == name }
        #expect(shortened.count == 2)  // the legend and the at-risk table
        #expect(shortened.allSatisfy { $0.text.hasSuffix("…") && $0.text.count < name.count })
    }

    @Test func isDeterministic() {
        #expect(Self.chart.svg() == Self.chart.svg())
        let again = KaplanMeierChart(title: Self.chart.title, curves: Self.chart.curves,
                                     atRiskTimes: Self.chart.atRiskTimes, atRisk: Self.chart.atRisk)
        #expect(again.svg() == Self.chart.svg())
    }

    @Test func saysSoWhenThereAreNoCurves() throws {
        let tree = try #require(SVGTree.parse(KaplanMeierChart(title: "Empty", curves: []).svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.texts(class: "no-data") == ["No data to show"])
        #expect(tree.elements("path", class: "curve").isEmpty)
    }
}
