import Foundation
@testable import Charts
import Testing

@Suite struct SunburstChartTests {
    static let paths: [SunburstChart.Path] = [
        .init(steps: ["Chemotherapy", "Chemotherapy+Trastuzumab", "Endocrine"], count: 37),
        .init(steps: ["Chemotherapy", "Chemotherapy+Trastuzumab"], count: 80),
        .init(steps: ["Chemotherapy", "Endocrine"], count: 25),
        .init(steps: ["Surgery", "Radiotherapy"], count: 30),
        .init(steps: ["Endocrine & other"], count: 28),
    ]
    static let chart = SunburstChart(title: "Pathways", paths: paths, total: 300)

    /// Degrees swept clockwise by the outer edge of an arc path, read back from its geometry.
    static func sweep(_ arc: SVGTree, center: (x: Double, y: Double)) throws -> Double {
        let tokens = try #require(arc.attributes["d"]).split(separator: " ").map(String.init)
        var commands: [(letter: String, numbers: [Double])] = []
        for token in tokens {
            if let number = Double(token) { commands[commands.count - 1].numbers.append(number) }
            else { commands.append((token, [])) }
        }
        let outer = commands.filter { $0.letter == "A" }.map { $0.numbers[0] }.max() ?? 0
        func angle(_ x: Double, _ y: Double) -> Double {
            let degrees = atan2(x - center.x, center.y - y) * 180 / .pi
            return degrees < 0 ? degrees + 360 : degrees
        }
        var current = (0.0, 0.0)
        var total = 0.0
        for command in commands {
            switch command.letter {
            case "M", "L":
                current = (command.numbers[0], command.numbers[1])
            case "A":
                let end = (command.numbers[5], command.numbers[6])
                if command.numbers[0] == outer {
                    var swept = angle(end.0, end.1) - angle(current.0, current.1)
                    if swept < -1e-6 { swept += 360 }
                    total += swept
                }
                current = end
            default:
                break
            }
        }
        return total
    }

    static func center(_ tree: SVGTree) throws -> (x: Double, y: Double) {
        let circle = try #require(tree.elements("circle").first)
        return (try #require(circle.number("cx")), try #require(circle.number("cy")))
    }

    @Test func isWellFormedAndAccessible() throws {
        let svg = Self.chart.svg()
        #expect(svg.contains("Endocrine &amp; other"))
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
    }

    @Test func drawsOneArcPerTreatmentLinePrefix() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let titles = tree.elements("path", class: "arc").compactMap(\.tooltip)
        #expect(titles == [
            "Chemotherapy: 142 persons (47.3% of 300)",
            "Chemotherapy → Chemotherapy+Trastuzumab: 117 persons (39.0% of 300)",
            "Chemotherapy → Chemotherapy+Trastuzumab → Endocrine: 37 persons (12.3% of 300)",
            "Chemotherapy → Endocrine: 25 persons (8.3% of 300)",
            "Surgery: 30 persons (10.0% of 300)",
            "Surgery → Radiotherapy: 30 persons (10.0% of 300)",
            "Endocrine & other: 28 persons (9.3% of 300)",
        ])
    }

    @Test func arcAnglesAreProportionalToCounts() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let center = try Self.center(tree)
        let arcs = tree.elements("path", class: "arc")
        let counts = [142, 117, 37, 25, 30, 30, 28]
        try #require(arcs.count == counts.count)
        for (arc, count) in zip(arcs, counts) {
            #expect(abs(try Self.sweep(arc, center: center) - 360 * Double(count) / 300) < 0.05)
        }
        // The first ring covers the treated share of the cohort; the rest stays open.
        let firstRing = [0, 4, 6].map { arcs[$0] }
        let covered = try firstRing.map { try Self.sweep($0, center: center) }.reduce(0, +)
        #expect(abs(covered - 360 * 200 / 300) < 0.05)
    }

    @Test func drawsAWholeRingWhenEveryoneIsTreated() throws {
        let chart = SunburstChart(title: "All", paths: [.init(steps: ["Endocrine"], count: 10)], total: 10)
        let tree = try #require(SVGTree.parse(chart.svg()))
        let arc = try #require(tree.elements("path", class: "arc").first)
        #expect(abs(try Self.sweep(arc, center: try Self.center(tree)) - 360) < 0.05)
    }

    @Test func namesEveryTreatmentOnceInTheLegendWithItsColour() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let legend = try #require(tree.elements("g", class: "legend").first)
        #expect(legend.texts().dropFirst().prefix(6) == [
            "Chemotherapy", "Chemotherapy+Trastuzumab", "Endocrine", "Radiotherapy", "Surgery", "Endocrine & other",
        ])
        let swatches = legend.elements("rect").compactMap { $0.attributes["fill"] }
        #expect(Set(swatches).count == 6)
        let arcs = tree.elements("path", class: "arc")
        #expect(arcs[2].attributes["fill"] == swatches[2])  // the third-line Endocrine arc
        #expect(arcs[3].attributes["fill"] == swatches[2])
    }

    @Test func labelsWideArcsIncludingCombinations() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        #expect(tree.texts(class: "arc-label").contains("Chemotherapy+Trastuzumab"))
    }

    @Test func countsAboveTheTotalWidenTheCircleInsteadOfOverflowingIt() throws {
        let chart = SunburstChart(title: "Inconsistent", paths: [.init(steps: ["A"], count: 30)], total: 10)
        let tree = try #require(SVGTree.parse(chart.svg()))
        let arc = try #require(tree.elements("path", class: "arc").first)
        #expect(abs(try Self.sweep(arc, center: try Self.center(tree)) - 360) < 0.05)
    }

    @Test func isDeterministic() {
        #expect(Self.chart.svg() == SunburstChart(title: "Pathways", paths: Self.paths, total: 300).svg())
    }

    @Test func saysSoWhenThereAreNoPaths() throws {
        for chart in [
            SunburstChart(title: "Empty", paths: [], total: 100),
            SunburstChart(title: "Nothing counted", paths: [.init(steps: ["A"], count: 0), .init(steps: [], count: 5)], total: 0),
        ] {
            let tree = try #require(SVGTree.parse(chart.svg()))
            #expect(tree.isAccessibleImage)
            #expect(tree.texts(class: "no-data") == ["No data to show"])
        }
    }
}
