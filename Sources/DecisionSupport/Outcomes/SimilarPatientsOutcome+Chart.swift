import Charts

extension SimilarPatientsOutcome {
    /// The groups' survival curves as an SVG (`Charts.KaplanMeierChart`), in years from diagnosis, with the
    /// numbers at risk at each landmark; suppressed groups are left out.
    public func svg() -> String {
        let shown = groups.filter { !$0.steps.isEmpty }
        let years = groups.first?.landmarks.map(\.years) ?? []
        let curves = shown.map { group in
            KaplanMeierChart.Curve(name: "\(group.treatment) (\(group.count))", time: group.steps.map { $0.day / 365.25 },
                                   survival: group.steps.map(\.survival), lower: group.steps.map(\.lower),
                                   upper: group.steps.map(\.upper))
        }
        let atRisk = shown.map { group in
            years.map { year -> String in
                let day = Double(year) * 365.25
                guard let last = group.steps.last, day <= last.day else { return "–" }
                return group.steps.first { $0.day >= day }.map { String(describing: $0.atRisk) } ?? "–"
            }
        }
        return KaplanMeierChart(
            title: "Survival of similar patients by treatment (observational)", curves: curves,
            timeLabel: "Years since diagnosis", atRiskTimes: years.map(Double.init), atRisk: atRisk
        ).svg()
    }
}
