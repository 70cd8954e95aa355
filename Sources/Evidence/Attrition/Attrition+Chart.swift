import Charts
import Cohorts
import Governance

extension Attrition {
    /// The attrition as bars — qualified, after each inclusion rule, final — with every count through the
    /// disclosure rule for chains (`CellSuppression.chain`: no two shown bars differ by fewer than the minimum),
    /// so the picture can leave the site.
    public func chart(title: String, minimumCount: Int = SmallCellCount.defaultMinimum) -> AttritionChart {
        let steps = [("Qualified", base)] + rules.enumerated().map { ("\($0.offset + 1). \($0.element.name)", $0.element.remaining) }
            + (rules.isEmpty ? [] : [("Final", final)])
        return AttritionChart(title: title, steps: zip(steps, CellSuppression.chain(steps.map(\.1), minimum: minimumCount)).map { step, governed in
            AttritionChart.Step(name: step.0, count: governed.value, label: governed.value.map { $0.formatted() } ?? governed.description)
        })
    }
}
