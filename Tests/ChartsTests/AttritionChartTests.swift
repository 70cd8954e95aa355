@testable import Charts
import Testing

@Suite struct AttritionChartTests {
    static let steps: [AttritionChart.Step] = [
        .init(name: "First breast cancer diagnosis", count: 12_000, label: "12,000"),
        .init(name: "Age ≥ 18 & consented", count: 9_000, label: "9,000"),
        .init(name: "HER2 recorded", count: 3_000, label: "3,000"),
        .init(name: "In trial <X>", count: nil, label: "<5"),
        .init(name: "Followed up", count: 0, label: "0"),
    ]

    @Test func isWellFormedAndAccessible() throws {
        let svg = AttritionChart(title: "Attrition", steps: Self.steps).svg()
        #expect(svg.contains("Age ≥ 18 &amp; consented"))
        #expect(svg.contains("In trial &lt;X&gt;"))
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
    }

    @Test func barWidthsAreProportionalToCounts() throws {
        let tree = try #require(SVGTree.parse(AttritionChart(title: "Attrition", steps: Self.steps).svg()))
        let bars = tree.elements("rect", class: "bar")
        try #require(bars.count == Self.steps.count)
        let first = try #require(bars[0].number("width"))
        #expect(first > 0)
        for (bar, step) in zip(bars, Self.steps) {
            guard let count = step.count else { continue }
            let width = try #require(bar.number("width"))
            #expect(abs(width / first - Double(count) / 12_000) < 0.001)
        }
    }

    @Test func hatchesSuppressedCountsAndPrintsTheirLabel() throws {
        let tree = try #require(SVGTree.parse(AttritionChart(title: "Attrition", steps: Self.steps).svg()))
        let suppressed = tree.elements("rect", class: "suppressed")
        #expect(suppressed.count == 1)
        let fill = try #require(suppressed.first?.attributes["fill"])
        let pattern = try #require(tree.elements("pattern").first?.attributes["id"])
        #expect(fill == "url(#" + pattern + ")")
        #expect(tree.texts(class: "count") == ["12,000", "9,000", "3,000", "<5", "0"])
    }

    @Test func showsTheShareRetainedFromThePreviousStep() throws {
        let tree = try #require(SVGTree.parse(AttritionChart(title: "Attrition", steps: Self.steps).svg()))
        // None for the first step, nor next to or after a suppressed count.
        #expect(tree.texts(class: "retained") == ["75.0% retained", "33.3% retained"])
    }

    @Test func isDeterministic() {
        #expect(AttritionChart(title: "A", steps: Self.steps).svg() == AttritionChart(title: "A", steps: Self.steps).svg())
    }

    @Test func saysSoWhenThereAreNoSteps() throws {
        let tree = try #require(SVGTree.parse(AttritionChart(title: "Empty", steps: []).svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.texts(class: "no-data") == ["No data to show"])
    }
}
