import Charts

extension PathwayAnalysis {
    /// The listed paths as a sunburst, a combination labelled with its names joined by "+"; the rare paths
    /// summed in `otherPaths` are not drawn, so they fall in the open part of the circle with the untreated.
    public func sunburst() -> SunburstChart {
        SunburstChart(title: "Treatment pathways in \(target)",
                      paths: paths.compactMap { path in
                          path.persons.value.map { SunburstChart.Path(steps: path.steps.map { $0.joined(separator: "+") }, count: $0) }
                      },
                      total: targetPersons.value ?? 0)
    }
}
