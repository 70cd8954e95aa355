@testable import Charts
import Testing

@Suite struct PyramidChartTests {
    static let groups = ["0-9", "10-19", "20-29", "30-39"]
    static let left = PyramidChart.Side(name: "F & <W>", counts: [40, nil, 120, 80], labels: ["40", "<5", "120", "80"])
    static let right = PyramidChart.Side(name: "MALE", counts: [60, 20, nil, 0], labels: ["60", "20", "<5", "0"])
    static let chart = PyramidChart(title: "Persons \"by\" age & sex", subtitle: "300 persons", groups: groups,
                                    left: left, right: right, note: "Counts below 5 show as <5.\nNot drawn: OTHER <5.")

    @Test func isWellFormedAndAccessible() throws {
        let svg = Self.chart.svg()
        let tree = try #require(SVGTree.parse(svg))
        #expect(tree.isAccessibleImage)
        #expect(tree.coordinatesAreFinite)
        #expect(tree.children.first?.text == "Persons \"by\" age & sex")
        #expect(tree.texts(class: "side") == ["F & <W>", "MALE"])
        #expect(tree.texts(class: "note") == ["Counts below 5 show as <5.", "Not drawn: OTHER <5."])
        #expect(tree.texts(class: "subtitle") == ["300 persons"])
    }

    @Test func escapesNamesAndLabels() {
        let svg = Self.chart.svg()
        #expect(svg.contains("F &amp; &lt;W&gt;") && !svg.contains("F & <W>"))
        #expect(svg.contains("Persons &quot;by&quot; age &amp; sex"))
        #expect(svg.contains(">&lt;5</text>"))
    }

    @Test func drawsTheOldestGroupOnTop() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let ages = tree.elements("text", class: "age")
        #expect(ages.map(\.text) == Self.groups.reversed())
        let ys = ages.compactMap { $0.number("y") }
        #expect(ys == ys.sorted() && Set(ys).count == ys.count)
    }

    @Test func barWidthsAreProportionalToCountsOnOneScale() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        let left = tree.elements("rect", class: "left")
        let right = tree.elements("rect", class: "right")
        // Oldest first; suppressed and zero counts get no bar.
        let leftCounts = [80.0, 120, 40]
        let rightCounts = [20.0, 60]
        try #require(left.count == leftCounts.count && right.count == rightCounts.count)
        let unit = try #require(left[1].number("width")) / 120
        #expect(unit > 0)
        for (bar, count) in zip(left + right, leftCounts + rightCounts) {
            let width = try #require(bar.number("width"))
            #expect(abs(width - unit * count) < 0.01)
        }
        // Back to back: left bars end where right bars start, across the column of age labels.
        let leftEnds = Set(left.compactMap { bar in bar.number("x").flatMap { x in bar.number("width").map { x + $0 } } })
        let rightStarts = Set(right.compactMap { $0.number("x") })
        #expect(leftEnds.count == 1 && rightStarts.count == 1)
        let age = try #require(tree.elements("text", class: "age").first?.number("x"))
        #expect(try #require(leftEnds.first) < age && age < (try #require(rightStarts.first)))
        #expect(left.first?.tooltip == "F & <W>, 30-39: 80")
    }

    @Test func labelsSuppressedCellsWithoutBars() throws {
        let tree = try #require(SVGTree.parse(Self.chart.svg()))
        #expect(tree.texts(class: "suppressed") == ["<5", "<5"])
        #expect(tree.texts(class: "count") == ["80", "0", "120", "<5", "<5", "20", "40", "60"])
        #expect(tree.elements("rect", class: "bar").count == 5)
        #expect(!tree.elements("rect").compactMap(\.tooltip).contains { $0.hasSuffix("<5") })
    }

    @Test func fillsInMissingLabelsAndSkipsAnEmptySide() throws {
        let chart = PyramidChart(title: "One sex", groups: ["0-9", "10-19"],
                                 left: .init(name: "FEMALE", counts: [3, 7], labels: []),
                                 right: .init(name: "", counts: [], labels: []))
        let tree = try #require(SVGTree.parse(chart.svg()))
        #expect(tree.texts(class: "count") == ["7", "3"])
        #expect(tree.texts(class: "side") == ["FEMALE"])
        #expect(tree.elements("rect", class: "right").isEmpty)
    }

    @Test func keepsEveryLabelWhenAllCountsAreSuppressed() throws {
        let chart = PyramidChart(title: "Few", groups: ["0-9"], left: .init(name: "F", counts: [nil], labels: ["<5"]),
                                 right: .init(name: "M", counts: [nil], labels: ["<5"]))
        let tree = try #require(SVGTree.parse(chart.svg()))
        #expect(tree.elements("rect", class: "bar").isEmpty)
        #expect(tree.texts(class: "suppressed") == ["<5", "<5"])
        #expect(tree.coordinatesAreFinite)
    }

    @Test func wrapsALongNote() throws {
        let note = Array(repeating: "word", count: 60).joined(separator: " ")
        let chart = PyramidChart(title: "T", groups: ["0-9"], left: .init(name: "F", counts: [1], labels: ["1"]),
                                 right: .init(name: "M", counts: [2], labels: ["2"]), note: note)
        let tree = try #require(SVGTree.parse(chart.svg()))
        let lines = tree.texts(class: "note")
        #expect(lines.count > 1 && lines.joined(separator: " ") == note)
        let height = try #require(tree.number("height"))
        let last = try #require(tree.elements("text", class: "note").last?.number("y"))
        #expect(last < height)
    }

    @Test func isDeterministic() {
        #expect(Self.chart.svg() == Self.chart.svg())
        let other = PyramidChart(title: "Persons \"by\" age & sex", groups: Self.groups, left: Self.right, right: Self.left)
        #expect(Self.chart.svg() != other.svg())
    }

    @Test(arguments: [
        PyramidChart(title: "Empty", groups: [], left: .init(name: "F", counts: [], labels: []),
                     right: .init(name: "M", counts: [], labels: [])),
        PyramidChart(title: "Nothing", groups: ["0-9"], left: .init(name: "F", counts: [], labels: []),
                     right: .init(name: "M", counts: [], labels: [])),
    ])
    func saysSoWhenThereIsNoData(_ chart: PyramidChart) throws {
        let tree = try #require(SVGTree.parse(chart.svg()))
        #expect(tree.isAccessibleImage)
        #expect(tree.texts(class: "no-data") == ["No data to show"])
        #expect(tree.elements("rect", class: "bar").isEmpty)
    }

    @Test func drawsExtremeCountsWithFiniteGeometry() throws {
        let chart = PyramidChart(title: "Odd", groups: ["a", "b"],
                                 left: .init(name: "F", counts: [Int.max, -5], labels: ["huge", "-5"]),
                                 right: .init(name: "M", counts: [1, 0], labels: ["1", "0"]))
        let tree = try #require(SVGTree.parse(chart.svg()))
        #expect(tree.coordinatesAreFinite)
        #expect(tree.elements("rect", class: "bar").allSatisfy { ($0.number("width") ?? -1) >= 0 })
    }
}
