@testable import Charts
import Testing

@Suite struct BarChartTests {
    static let bars = [
        BarChart.Bar(label: "2019", count: 120, countLabel: "120"),
        BarChart.Bar(label: "2020", count: nil, countLabel: "<5"),
        BarChart.Bar(label: "2021", count: 300, countLabel: "300"),
        BarChart.Bar(label: "<no date>", count: 60, countLabel: "60"),
    ]
    static let chart = BarChart(title: "Records \"by\" year & table", subtitle: "all tables", valueName: "records", bars: bars)

    @Test func isWellFormedAndAccessible() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
        #expect(tree.texts(class: "label") == Self.bars.map(\.label))
        #expect(tree.texts(class: "subtitle") == ["all tables"])
        let description = try #require(tree.elements("desc").first?.text)
        #expect(description.contains("2019: 120; 2020: <5; 2021: 300"))
    }

    @Test func escapesText() {
        let svg = Self.chart.svg()
        #expect(svg.contains("Records &quot;by&quot; year &amp; table") && svg.contains("&lt;no date&gt;"))
        #expect(!svg.contains("<no date>"))
    }

    @Test func barHeightsAreProportionalAndSuppressedCountsHaveNoBar() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let rects = tree.elements("rect", class: "bar")
        #expect(rects.count == 3, "a suppressed count gets no bar")
        let heights = rects.compactMap { $0.number("height") }
        #expect(abs(heights[1] / heights[0] - 300.0 / 120) < 1e-6)
        #expect(abs(heights[2] / heights[0] - 60.0 / 120) < 1e-6)
        let bottoms = rects.compactMap { rect in rect.number("y").flatMap { y in rect.number("height").map { y + $0 } } }
        #expect(Set(bottoms.map { ($0 * 100).rounded() }).count == 1, "bars stand on one axis")
        #expect(tree.texts(class: "suppressed") == ["<5"])
        #expect(rects.compactMap(\.tooltip) == ["2019: 120 records", "2021: 300 records", "<no date>: 60 records"])
    }

    @Test func manyCategoriesThinTheirLabels() throws {
        let bars = (1950...2025).map { BarChart.Bar(label: String($0), count: $0 - 1940, countLabel: String($0 - 1940)) }
        let tree = try #require(SVGTree.parse(BarChart(title: "Years", valueName: "records", bars: bars).svg()))
        let labels = tree.elements("text", class: "label").compactMap { $0.number("x") }
        #expect(labels.count < bars.count && labels.count > 5)
        #expect(zip(labels, labels.dropFirst()).allSatisfy { $1 - $0 >= 30 }, "labels do not overlap")
        #expect(tree.elements("rect", class: "bar").count == bars.count)
    }

    @Test func nothingToDrawSaysSo() throws {
        let tree = try #require(SVGTree.parse(BarChart(title: "Empty", valueName: "records", bars: []).svg()))
        #expect(tree.texts(class: "no-data") == ["No data to show"])
    }
}
