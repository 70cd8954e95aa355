import Charts

extension SurvivalAnalysis {
    /// Kaplan–Meier curves with their bands and the number at risk under them, in years since index.
    public func kaplanMeierChart() -> KaplanMeierChart {
        let curves = strata.filter { !$0.time.isEmpty }
        return KaplanMeierChart(
            title: "\(outcome == "death" ? "Overall survival" : "Time to \(outcome)") in \(target)",
            curves: curves.map { curve in
                KaplanMeierChart.Curve(name: curve.name, time: curve.time.map { $0 / 365.25 }, survival: curve.survival,
                                       lower: curve.lower, upper: curve.upper)
            },
            timeLabel: "Years since index",
            atRiskTimes: atRiskDays.map { (Double($0) / 365.25 * 100).rounded() / 100 },  // marks on whole years read "2", not "2.00137"
            atRisk: curves.map { $0.atRiskTable.map(\.description) })
    }

    /// Hazard ratios of the Cox model, when there is one.
    public func forestPlot() -> ForestPlot? {
        cox.map { model in
            ForestPlot(title: "Hazard ratios for \(outcome) in \(target) (Cox, \(model.ties.rawValue) ties)",
                       rows: model.coefficients.map { ForestPlot.Row(label: $0.name, estimate: $0.expCoef, lower: $0.expLower, upper: $0.expUpper) })
        }
    }
}
