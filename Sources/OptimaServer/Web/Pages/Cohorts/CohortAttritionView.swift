import Cohorts
import Evidence
import Foundation
import Governance

/// The attrition of a generation as ATLAS's inclusion report shows it — a table (step, remaining, % of the
/// qualified, lost at the step, satisfying the rule alone) and the bars — with every count governed: the
/// remaining counts as a chain (`CellSuppression.chain`, as the chart does), each rule's satisfied count
/// with its complement in the base.
struct CohortAttritionView {
    struct Step {
        let name: String
        let remaining: SmallCellCount
        let satisfied: SmallCellCount?
    }

    let attrition: Attrition
    let unit: String
    let minimum: Int

    var steps: [Step] {
        let chain = CellSuppression.chain([attrition.base] + attrition.rules.map(\.remaining) + [attrition.final], minimum: minimum)
        var steps = [Step(name: "Qualified entry", remaining: chain[0], satisfied: nil)]
        for (index, rule) in attrition.rules.enumerated() {
            steps.append(Step(name: "\(index + 1). \(rule.name.isEmpty ? "Rule \(index + 1)" : rule.name)", remaining: chain[index + 1],
                              satisfied: CellSuppression.group([rule.satisfied, attrition.base - rule.satisfied], minimum: minimum)[0]))
        }
        if !attrition.rules.isEmpty { steps.append(Step(name: "Final", remaining: chain[chain.count - 1], satisfied: nil)) }
        return steps
    }

    var table: HTML {
        let steps = self.steps
        let base = steps[0].remaining.value
        return H.table(.class("data"), .id("attrition")) {
            H.caption { "Attrition by \(unit)" }
            H.thead {
                H.tr {
                    H.th(.attr("scope", "col")) { "Step" }
                    H.th(.attr("scope", "col"), .class("num")) { "\(unit.capitalized)s remaining" }
                    H.th(.attr("scope", "col"), .class("num")) { "% of qualified" }
                    H.th(.attr("scope", "col"), .class("num")) { "Lost at this step" }
                    H.th(.attr("scope", "col"), .class("num")) { "Satisfy the rule" }
                    H.th(.attr("scope", "col"), .class("num")) { "% satisfied" }
                }
            }
            H.tbody {
                for (index, step) in steps.enumerated() {
                    H.tr {
                        H.th(.attr("scope", "row")) { step.name }
                        H.td(.class("num remaining")) { step.remaining.description }
                        H.td(.class("num")) { Self.percent(step.remaining.value, of: base) }
                        H.td(.class("num")) {
                            if index > 0, let now = step.remaining.value, let before = steps[index - 1].remaining.value {
                                (before - now).formatted()
                            }
                        }
                        H.td(.class("num satisfied")) { step.satisfied?.description ?? "" }
                        H.td(.class("num")) { step.satisfied.map { Self.percent($0.value, of: base) } ?? "" }
                    }
                }
            }
        }
    }

    var chart: HTML {
        let chart = attrition.chart(title: "Attrition by \(unit)", minimumCount: minimum)
        let words = steps.map { "\($0.name): \($0.remaining.description)" }.joined(separator: "; ")
        return H.figure(.id("attrition-chart"), .class("chart")) {
            H.div(.role("img"), .aria("label", "Attrition by \(unit). \(words).")) { HTML.trusted(svg: chart.svg()) }
            H.figcaption { "\(unit.capitalized)s remaining after each step: \(words)." }
        }
    }

    static func percent(_ count: Int?, of base: Int?) -> String {
        guard let count, let base, base > 0 else { return "" }
        return String(format: "%.1f %%", Double(count) / Double(base) * 100)
    }
}
