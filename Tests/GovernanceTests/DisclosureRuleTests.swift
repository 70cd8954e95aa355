import Foundation
import Governance
import Testing

/// The one disclosure rule: small cells read "<N"; a hidden cell that a published total would give back is
/// protected by hiding a second one; where that happens, hidden cells all read "suppressed".
@Suite struct DisclosureRuleTests {
    private func text(_ cells: [SmallCellCount]) -> [String] { cells.map(\.description) }

    @Test func smallCellsReadBelowTheMinimum() throws {
        #expect(SmallCellCount(4).description == "<5" && SmallCellCount(5).description == "5")
        #expect(SmallCellCount(9, minimum: 10).description == "<10")
        let json = try JSONEncoder().encode([SmallCellCount(3), SmallCellCount(12), .masked(minimum: 5)])
        #expect(String(decoding: json, as: UTF8.self) == #"["<5",12,"suppressed"]"#)
    }

    @Test func oneHiddenCellOfAGroupTakesTheSmallestOtherWithIt() {
        // Persons by sex, total 57 published: 3 alone could be derived as 57 − 30 − 24.
        #expect(text(CellSuppression.group([30, 3, 24], minimum: 5)) == ["30", "suppressed", "suppressed"])
        // Ties go to the first of equals.
        #expect(text(CellSuppression.group([2, 20, 20], minimum: 5)) == ["suppressed", "suppressed", "20"])
    }

    @Test func groupsNeedingNothingMoreKeepTheirMarkers() {
        #expect(text(CellSuppression.group([30, 3, 2, 24], minimum: 5)) == ["30", "<5", "<5", "24"])
        #expect(text(CellSuppression.group([30, 24], minimum: 5)) == ["30", "24"])
        // A total below the minimum is not published, so nothing can be derived from it.
        #expect(text(CellSuppression.group([3], minimum: 5)) == ["<5"])
        #expect(text(CellSuppression.group([1, 2], minimum: 5)) == ["<5", "<5"])
        // Deriving that a cell is empty singles out no one.
        #expect(text(CellSuppression.group([30, 0], minimum: 5)) == ["30", "<5"])
    }

    @Test func twoWayTablesAreProtectedAlongRowsAndColumns() {
        #expect(CellSuppression.table([[0, 7], [3, 9]], minimum: 5)[0][0] == nil, "an empty cell is not shown")
        // Age group × sex with every margin published.
        let table = [[40, 3, 50],
                     [30, 20, 25],
                     [60, 70, 4]]
        let governed = CellSuppression.table(table, minimum: 5).map { $0.compactMap { $0 } }
        for (r, row) in governed.enumerated() {
            #expect(row.filter(\.isSuppressed).count != 1, "row \(r)")
        }
        for c in 0..<3 {
            #expect(governed.map { $0[c] }.filter(\.isSuppressed).count != 1, "column \(c)")
        }
        #expect(governed.joined().allSatisfy { $0.isSuppressed ? $0.description == "suppressed" : $0.value != nil })
        // Rows first: 3 takes 40, 4 takes 60; then columns: 3 takes 20, 4 takes 25, which close row 1 too.
        let hidden = governed.indices.flatMap { r in governed[r].indices.filter { governed[r][$0].isSuppressed }.map { [r, $0] } }
        #expect(hidden == [[0, 0], [0, 1], [1, 1], [1, 2], [2, 0], [2, 2]])
    }

    @Test func randomTablesNeverLeaveOneHiddenCellInALine() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let rows = Int.random(in: 1...6, using: &generator), columns = Int.random(in: 1...6, using: &generator)
            let table = (0..<rows).map { _ in (0..<columns).map { _ in Int.random(in: 0...30, using: &generator) } }
            // A line with one non-empty cell publishes it through its total: no cell suppression can help there.
            let lineCounts = table.map { $0 } + (0..<columns).map { c in table.map { $0[c] } }
            guard lineCounts.allSatisfy({ $0.count { $0 > 0 } != 1 }) else { continue }
            let minimum = Int.random(in: 2...10, using: &generator)
            let governed = CellSuppression.table(table, minimum: minimum)
            let lines = governed.indices.map { r in (governed[r], table[r]) }
                + (0..<columns).map { c in (governed.map { $0[c] }, table.map { $0[c] }) }
            for (cells, counts) in lines where counts.reduce(0, +) >= minimum {
                let hidden = zip(cells, counts).filter { $0.0?.isSuppressed == true }
                #expect(hidden.count != 1 || hidden[0].1 == 0, "\(table), minimum \(minimum)")
            }
            for (cell, count) in zip(governed.joined(), table.joined()) {
                #expect((cell == nil) == (count == 0), "only empty cells are left out")
                #expect(cell?.value == nil || (cell?.value == count && count >= minimum))
            }
        }
    }
}

/// Chains (cohort attrition): two shown steps never differ by fewer than the minimum.
@Suite struct DisclosureChainTests {
    @Test func stepsCloseBelowTheLastShownAreHidden() {
        // 100 qualified; 97 pass rule a (3 removed); 60 pass b; 58 pass c; 3 pass d.
        let chain = CellSuppression.chain([100, 97, 60, 58, 3], minimum: 5)
        #expect(chain.map(\.description) == ["100", "suppressed", "60", "suppressed", "<5"])
        #expect(CellSuppression.chain([100, 100, 40], minimum: 5).map(\.description) == ["100", "100", "40"], "an unchanged step removes no one")
    }
}
