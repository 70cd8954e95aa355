import Charts

extension DataSourceSummary {
    /// The age/sex pyramid as a standalone SVG: the two most frequent sexes back to back, one bar per 10-year age
    /// group at the first observation (oldest on top). Suppressed cells get no bar, only their "<N", so no length
    /// can be read into them; persons of other sexes are named in a note rather than drawn.
    public func pyramid() -> String {
        pyramidChart().svg()
    }

    /// The pyramid as a chart: age groups in the summary's order (youngest first), a missing cell counted as 0.
    func pyramidChart() -> PyramidChart {
        let ages = persons.pyramid.reduce(into: [String]()) { if !$0.contains($1.ageGroup) { $0.append($1.ageGroup) } }
        let sexTotals = Dictionary(persons.pyramid.map { ($0.sex, $0.persons.value ?? 0) }, uniquingKeysWith: +)
        let drawn = sexTotals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(2).map(\.key).sorted()
        let others = persons.bySex.filter { !drawn.contains($0.label) }
        func side(_ position: Int) -> PyramidChart.Side {
            guard position < drawn.count else { return PyramidChart.Side(name: "", counts: [], labels: []) }
            let sex = drawn[position]
            let cells = ages.map { age in persons.pyramid.first { $0.sex == sex && $0.ageGroup == age }?.persons }
            return PyramidChart.Side(name: sex, counts: cells.map { $0 == nil ? 0 : $0?.value },
                                     labels: cells.map { $0?.description ?? "0" })
        }
        let minimum = settings.minimumCount
        let note = "Age at the start of the first observation period; counts below \(minimum) show as <\(minimum), with no bar."
            + (others.isEmpty ? "" : "\nNot drawn: " + others.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + ".")
        return PyramidChart(title: "Persons by age group and sex", subtitle: "\(persons.total) persons in the CDM",
                            groups: ages, left: side(0), right: side(1), note: note)
    }
}
