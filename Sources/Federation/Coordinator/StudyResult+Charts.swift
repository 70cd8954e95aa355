import Charts

extension AnalysisResult {
    /// The analysis's pictures as (file name, SVG): the Kaplan–Meier curve, a forest plot of exp(coefficients) of a
    /// Cox, logistic or Poisson model (intercept left out), one attrition chart per cohort of a counts analysis.
    public func charts() -> [(file: String, svg: String)] {
        var charts: [(String, String)] = []
        if let survival {
            let chart = KaplanMeierChart(
                title: "Kaplan–Meier (\(id)), pooled over \(nodes.count) nodes",
                curves: [KaplanMeierChart.Curve(name: "All", time: survival.points.map { Double($0.day) / 365.25 },
                                                survival: survival.points.map(\.survival), lower: survival.points.map(\.lower),
                                                upper: survival.points.map(\.upper))],
                timeLabel: "Years since index")
            charts.append(("\(id)-kaplan-meier.svg", chart.svg()))
        }
        if let model {
            let (label, title) = switch type {
            case .cox: ("Hazard ratio (95% CI)", "Hazard ratios")
            case .logistic: ("Odds ratio (95% CI)", "Odds ratios")
            default: ("Rate ratio (95% CI)", "Rate ratios")
            }
            let rows = model.fit.coefficients.filter { $0.name != "(Intercept)" }.map {
                ForestPlot.Row(label: $0.name, estimate: $0.expCoef, lower: $0.expLower, upper: $0.expUpper)
            }
            charts.append(("\(id)-forest.svg", ForestPlot(title: "\(title) (\(id)), pooled over \(nodes.count) nodes", rows: rows, estimateLabel: label).svg()))
        }
        for cohort in counts ?? [] {
            let chart = AttritionChart(title: "Attrition of \(cohort.name), pooled over \(nodes.count) nodes", steps: cohort.attrition.map {
                AttritionChart.Step(name: $0.name, count: $0.count.value, label: $0.count.description)
            })
            charts.append(("\(id)-attrition-\(cohort.cohort).svg", chart.svg()))
        }
        return charts
    }
}
