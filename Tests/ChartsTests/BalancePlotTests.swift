@testable import Charts
import Testing

@Suite struct BalancePlotTests {
    static let rows: [BalancePlot.Row] = [
        .init(label: "Age", difference: 0.05),
        .init(label: "Stage IV", difference: -0.32),
        .init(label: "Diabetes & CKD", difference: 0.12),
        .init(label: "Undefined", difference: .nan),
        .init(label: "Everyone", difference: .infinity),
    ]

    @Test func isWellFormedAndAccessible() throws {
        let svg = BalancePlot(title: "Chemotherapy vs endocrine", rows: Self.rows).svg()
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
        #expect(svg.contains("Diabetes &amp; CKD"))
    }

    @Test func listsTheLargestDifferencesFirstAndDropsUndefinedOnes() throws {
        let tree = try #require(SVGTree.parse(BalancePlot(title: "Balance", rows: Self.rows).svg()))
        #expect(tree.texts(class: "difference") == ["∞", "-0.32", "0.12", "0.05"])
        let dots = tree.elements("circle", class: "smd").compactMap { $0.number("cx") }
        try #require(dots.count == 3)
        // -0.32 left of 0.05 left of 0.12, and 0.05 sits just right of the zero line.
        #expect(dots[0] < dots[2] && dots[2] < dots[1])
        let zero = try #require(tree.elements("line", class: "zero").first?.number("x1"))
        #expect(dots[2] > zero && dots[0] < zero)
        #expect(tree.elements("polygon", class: "clipped").count == 1)
        #expect(tree.elements("line", class: "threshold").count == 2)
    }

    @Test func keepsOnlyTheLimitAndSaysSoInWords() throws {
        let rows = (0..<60).map { BalancePlot.Row(label: "c\($0)", difference: Double($0) / 100) }
        let svg = BalancePlot(title: "Balance", rows: rows, limit: 10).svg()
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.texts(class: "difference").first == "0.59")
        #expect(tree.elements("circle", class: "smd").count == 10)
        #expect(svg.contains("10 of 60 covariates"))
        #expect(svg.contains("49 beyond ±0.1"))
    }

    @Test func saysNoDataWhenNothingIsDefined() {
        #expect(BalancePlot(title: "Balance", rows: [.init(label: "x", difference: .nan)]).svg().contains("No data to show"))
    }
}
