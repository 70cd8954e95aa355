@testable import Charts
import Testing

@Suite struct ForestPlotTests {
    static let rows: [ForestPlot.Row] = [
        .init(label: "Age per 10 years", estimate: 1.32, lower: 1.21, upper: 1.45),
        .init(label: "Stage III vs I", estimate: 3.1, lower: 2.4, upper: 4.0),
        .init(label: "HER2+ & trastuzumab", estimate: 0.62, lower: 0.48, upper: 0.81),
        .init(label: "Null", estimate: 1, lower: 0.8, upper: 1.25),
        .init(label: "Half", estimate: 0.5, lower: 0.4, upper: 0.6),
        .init(label: "Double", estimate: 2, lower: 1.6, upper: 2.5),
    ]

    static func centres(_ tree: SVGTree) -> [Double] {
        tree.elements("rect", class: "estimate").compactMap { rect in
            guard let x = rect.number("x"), let width = rect.number("width") else { return nil }
            return x + width / 2
        }
    }

    @Test func isWellFormedAndAccessible() throws {
        let tree = try #require(SVGTree.parse(ForestPlot(title: "Cox", rows: Self.rows).svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
        #expect(tree.elements("line", class: "ci").count == Self.rows.count)
    }

    @Test func placesEstimatesInOrderOnALogAxis() throws {
        let tree = try #require(SVGTree.parse(ForestPlot(title: "Cox", rows: Self.rows).svg()))
        let centres = Self.centres(tree)
        try #require(centres.count == Self.rows.count)
        let order = Self.rows.indices.sorted { Self.rows[$0].estimate < Self.rows[$1].estimate }
        for (left, right) in zip(order, order.dropFirst()) {
            #expect(centres[left] < centres[right])
        }
        // Equal ratios are equal distances: 0.5 → 1 is as far as 1 → 2.
        let (half, null, double) = (centres[4], centres[3], centres[5])
        #expect(abs((null - half) - (double - null)) < 0.02)
    }

    @Test func drawsTheReferenceLineOnItsTick() throws {
        let tree = try #require(SVGTree.parse(ForestPlot(title: "Cox", rows: Self.rows).svg()))
        let reference = try #require(tree.elements("line", class: "reference").first)
        let one = try #require(tree.elements("text", class: "tick").first { $0.text == "1" })
        #expect(reference.number("x1") == one.number("x"))
        #expect(Self.centres(tree)[3] == one.number("x"))
    }

    @Test func writesEachIntervalBesideThePicture() throws {
        let svg = ForestPlot(title: "Cox", rows: Self.rows).svg()
        #expect(svg.contains("HER2+ &amp; trastuzumab"))
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.texts(class: "interval").prefix(3) == ["1.32 (1.21–1.45)", "3.10 (2.40–4.00)", "0.62 (0.48–0.81)"])
        #expect(tree.texts().contains("Hazard ratio (95% CI)"))
    }

    @Test func clipsUnboundedAndUndefinedLimits() throws {
        let rows: [ForestPlot.Row] = [
            .init(label: "Unstable", estimate: 2, lower: 0, upper: .infinity),
            .init(label: "Undefined", estimate: .nan, lower: .nan, upper: .nan),
            .init(label: "Huge", estimate: 1.5, lower: 1.1, upper: 1e12),
        ]
        let tree = try #require(SVGTree.parse(ForestPlot(title: "Edges", rows: rows).svg()))
        #expect(tree.coordinatesAreFinite)
        #expect(tree.elements("rect", class: "estimate").count == 2)
        #expect(tree.elements("polygon", class: "clipped").count == 3)
        #expect(tree.texts(class: "interval") == ["2.00 (0.00–∞)", "NA (NA–NA)", "1.50 (1.10–1000000000000.00)"])
    }

    @Test func drawsDifferencesOnALinearAxis() throws {
        let rows: [ForestPlot.Row] = [
            .init(label: "A", estimate: 0.05, lower: -0.02, upper: 0.12),
            .init(label: "B", estimate: -0.1, lower: -0.2, upper: 0),
        ]
        let plot = ForestPlot(title: "Risk difference", rows: rows, estimateLabel: "Risk difference (95% CI)",
                              reference: 0, logScale: false)
        let tree = try #require(SVGTree.parse(plot.svg()))
        #expect(tree.texts(class: "interval") == ["0.05 (-0.02 to 0.12)", "-0.10 (-0.20 to 0.00)"])
        #expect(tree.elements("polygon", class: "clipped").isEmpty)
        let centres = Self.centres(tree)
        #expect(centres[1] < centres[0])
    }

    @Test func isDeterministic() {
        #expect(ForestPlot(title: "Cox", rows: Self.rows).svg() == ForestPlot(title: "Cox", rows: Self.rows).svg())
    }

    @Test func saysSoWhenThereAreNoRows() throws {
        let tree = try #require(SVGTree.parse(ForestPlot(title: "Empty", rows: []).svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.texts(class: "no-data") == ["No data to show"])
    }
}
