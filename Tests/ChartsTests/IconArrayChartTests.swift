@testable import Charts
import Testing

@Suite struct IconArrayChartTests {
    static let groups: [IconArrayChart.Group] = [
        .init(label: "alive with surgery only", count: 62, filled: true, colour: "#0072B2"),
        .init(label: "extra alive with hormone therapy & <chemo>", count: 7, filled: true, colour: "#009E73"),
        .init(label: "died of breast cancer", count: 23, filled: false, colour: "#CC79A7"),
        .init(label: "died of other causes", count: 8, filled: false, colour: "#999999"),
    ]

    static func tree() throws -> SVGTree {
        try #require(SVGTree.parse(try IconArrayChart(title: "Out of 100 women like you", groups: groups).svg))
    }

    @Test func isWellFormedAccessibleAndSelfContained() throws {
        let svg = try IconArrayChart(title: "Out of 100 women like you", groups: Self.groups).svg
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
        #expect(tree.children.first?.text == "Out of 100 women like you")
        #expect(tree.elements("script").isEmpty && !svg.contains("href") && !svg.contains("url("))
        #expect(tree.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
    }

    @Test func drawsExactly100IconsWithEachGroupsCount() throws {
        let icons = try Self.tree().elements("path", class: "icon")
        #expect(icons.count == 100)
        for (index, group) in Self.groups.enumerated() {
            #expect(icons.count { $0.attributes["data-group"] == String(index) } == group.count)
        }
        // Filled in group order, row by row: the first 62 are group 0, the last 8 group 3.
        #expect(icons.prefix(62).allSatisfy { $0.attributes["data-group"] == "0" })
        #expect(icons.suffix(8).allSatisfy { $0.attributes["data-group"] == "3" })
    }

    @Test func filledAndOpenIconsLookDifferent() throws {
        let icons = try Self.tree().elements("path", class: "icon")
        let filled = icons.filter { ($0.attributes["class"] ?? "").contains("filled") }
        let open = icons.filter { ($0.attributes["class"] ?? "").contains("open") }
        #expect(filled.count == 69 && open.count == 31)
        #expect(filled.allSatisfy { $0.attributes["fill"] == $0.attributes["stroke"] && $0.attributes["fill"] != "#ffffff" })
        #expect(open.allSatisfy { $0.attributes["fill"] == "#ffffff" && $0.attributes["stroke"] != "#ffffff" })
    }

    @Test func iconsFillATenByTenGridRowByRow() throws {
        let icons = try Self.tree().elements("path", class: "icon")
        // The first coordinate of each path is its head's left edge: 10 distinct columns and rows.
        let starts = icons.compactMap { icon -> (Double, Double)? in
            let parts = (icon.attributes["d"] ?? "").split(separator: " ")
            guard parts.count > 2, let x = Double(parts[1]), let y = Double(parts[2]) else { return nil }
            return (x, y)
        }
        #expect(Set(starts.map(\.0)).count == 10 && Set(starts.map(\.1)).count == 10)
        #expect(starts[0].1 == starts[9].1 && starts[10].1 > starts[9].1 && starts[10].0 == starts[0].0)
    }

    @Test func legendAndDescriptionStateTheCounts() throws {
        let tree = try Self.tree()
        #expect(tree.texts(class: "legend") == [
            "62 alive with surgery only", "7 extra alive with hormone therapy & <chemo>", "23 died of breast cancer",
            "8 died of other causes",
        ])
        #expect(tree.elements("path", class: "legend-icon").count == 4)
        let description = try #require(tree.children.dropFirst().first?.text)
        #expect(description.contains("62 alive with surgery only (filled icons)"))
        #expect(description.contains("23 died of breast cancer (open icons)"))
    }

    @Test func rejectsCountsThatDoNotMakeAHundred() {
        #expect(throws: IconArrayChart.Error.totalIsNot100(99)) {
            try IconArrayChart(title: "t", groups: [.init(label: "a", count: 99, filled: true, colour: "#000000")])
        }
        #expect(throws: IconArrayChart.Error.negativeCount(label: "b", count: -1)) {
            try IconArrayChart(title: "t", groups: [.init(label: "a", count: 101, filled: true, colour: "#000000"),
                                                    .init(label: "b", count: -1, filled: false, colour: "#000000")])
        }
        #expect(throws: IconArrayChart.Error.totalIsNot100(0)) { try IconArrayChart(title: "t", groups: []) }
    }
}
