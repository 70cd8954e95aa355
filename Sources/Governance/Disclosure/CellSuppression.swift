/// Complementary suppression: where cells add up to a total that is published, one hidden cell could be
/// derived by subtraction, so whenever a line (a set of cells with a disclosed sum) holds exactly one hidden
/// cell, its smallest visible cell (the first of equals) is hidden too; this repeats until no line with a
/// disclosed sum holds exactly one hidden cell. A line's sum counts as disclosed when it reaches the minimum.
/// A hidden zero alone in its line is left so: deriving that nobody is in a cell singles out no one.
/// Where any cell was hidden this way, every hidden cell of the table reads "suppressed" rather than "<N", so
/// the complementary cells (which are not small) and the small ones look alike; otherwise small cells read "<N".
public enum CellSuppression {
    /// Governs `counts`, where each of `lines` lists indices of cells whose sum is published.
    public static func govern(_ counts: [Int], lines: [[Int]], minimum: Int) -> [SmallCellCount] {
        var hidden = counts.map { $0 < minimum }
        var complementary = false
        var changed = true
        while changed {
            changed = false
            for line in lines where line.reduce(0, { $0 + counts[$1] }) >= minimum && line.count(where: { hidden[$0] }) == 1
                && line.contains(where: { hidden[$0] && counts[$0] > 0 }) {
                guard let pick = line.filter({ !hidden[$0] }).min(by: { (counts[$0], $0) < (counts[$1], $1) }) else { continue }
                hidden[pick] = true
                complementary = true
                changed = true
            }
        }
        return counts.indices.map { index in
            complementary && hidden[index] ? .masked(minimum: minimum) : SmallCellCount(counts[index], minimum: minimum)
        }
    }

    /// Cells of one breakdown that add up to a published total (persons by sex, strata of a curve).
    public static func group(_ counts: [Int], minimum: Int) -> [SmallCellCount] {
        govern(counts, lines: [Array(counts.indices)], minimum: minimum)
    }

    /// A two-way table (rows of equal length) whose row and column sums, and their total, are published. An empty
    /// cell (0) is not shown at all, so it is nil here and never hidden: being known, it cannot shield another.
    public static func table(_ rows: [[Int]], minimum: Int) -> [[SmallCellCount?]] {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "a two-way table needs rows of equal length")
        let positions = rows.indices.flatMap { r in (0..<width).map { (r, $0) } }.filter { rows[$0.0][$0.1] > 0 }
        let lines = rows.indices.map { r in positions.indices.filter { positions[$0].0 == r } }
            + (0..<width).map { c in positions.indices.filter { positions[$0].1 == c } } + [Array(positions.indices)]
        let governed = govern(positions.map { rows[$0.0][$0.1] }, lines: lines, minimum: minimum)
        var result = rows.map { $0.map { _ in SmallCellCount?.none } }
        for (index, (r, c)) in positions.enumerated() { result[r][c] = governed[index] }
        return result
    }

    /// Counts of a chain where each step keeps part of the one before (cohort attrition): the difference between
    /// two shown steps counts the persons a step removed, so a step is hidden ("suppressed") when it lies fewer
    /// than the minimum below the last shown step, as well as when it is itself small.
    public static func chain(_ counts: [Int], minimum: Int) -> [SmallCellCount] {
        var shown: Int?
        return counts.map { count in
            if let last = shown, last - count > 0, last - count < minimum, count >= minimum { return .masked(minimum: minimum) }
            let cell = SmallCellCount(count, minimum: minimum)
            if cell.value != nil { shown = count }
            return cell
        }
    }
}
