import CDMStore
import Governance

extension Database {
    /// Checks the CDM's data quality as OHDSI DataQualityDashboard does (see `DataQualityReport`): events before
    /// birth or long after death, outside observation, unmapped, on an implausible sex, with implausible values or
    /// unknown persons. One statement reads each table once (`QualityPass`), a second the measurement values; their
    /// counts are all that leaves the database, each through the disclosure rule (the settings' minimum or the
    /// site's, whichever is higher). Persons who object are left out, as in the data-source summary.
    public func dataQuality(_ settings: DataQualitySettings) async throws -> DataQualityReport {
        try settings.validate()
        guard try await hasSchema() else { throw EvidenceError("\(location) holds no CDM tables: run optima init and load data first") }
        var settings = settings
        settings.minimumCount = try await effectiveMinimumCellCount(requested: settings.minimumCount)
        let minimum = settings.minimumCount
        let passes = QualityTable.all.map { $0.pass() } + [QualityPass.personCompleteness]
        // Two scans that do not wait for each other: a pool reads them at once.
        async let values = plausibleValues(minimumCount: minimum)
        let rows = Dictionary(try await query(QualityPass.query(passes, dialect: dialect)).map { ($0["pass"].textValue ?? "", $0) },
                              uniquingKeysWith: { first, _ in first })
        var results: [DataQualityResult] = []
        for pass in passes {
            for (i, measure) in pass.measures.enumerated() {
                results.append(DataQualityResult(check: measure.check, violating: Self.count(rows[pass.label], "v\(i)"),
                                                 denominator: Self.count(rows[pass.label], "d\(i)"), minimumCount: minimum))
            }
        }
        results += try await values
        return DataQualityReport(settings: settings, results: results)
    }

    /// `plausibleValueLow` and `plausibleValueHigh` of the measurements in `PlausibleValueRange.all`, in one grouped
    /// query; the checked rows are those of the concept in its unit that carry a number.
    private func plausibleValues(minimumCount: Int) async throws -> [DataQualityResult] {
        let ranges = PlausibleValueRange.all
        let bound = { (side: KeyPath<PlausibleValueRange, Double>) in
            "CASE m.measurement_concept_id " + ranges.map { "WHEN \($0.conceptID) THEN \($0[keyPath: side])" }.joined(separator: " ") + " END"
        }
        let selected = ranges.map { "(m.measurement_concept_id = \($0.conceptID) AND m.unit_concept_id = \($0.unitConceptID))" }
        let rows = try await query("""
            SELECT m.measurement_concept_id AS concept_id, COUNT(*) AS records,
              \(QualityPass.count("m.value_as_number < \(bound(\.low))")) AS low,
              \(QualityPass.count("m.value_as_number > \(bound(\.high))")) AS high
            FROM measurement m
            WHERE m.value_as_number IS NOT NULL AND (\(selected.joined(separator: " OR ")))
              AND m.person_id NOT IN (\(ConsentRegister.objectingPersonIDs))
            GROUP BY m.measurement_concept_id
            """)
        let byConcept = Dictionary(rows.map { ($0["concept_id"].integerValue ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
        return ranges.flatMap { range -> [DataQualityResult] in
            let row = byConcept[range.conceptID]
            let records = Self.count(row, "records")
            let sides = [("plausibleValueLow", "low", "below " + PlausibleValueRange.text(range.low)),
                         ("plausibleValueHigh", "high", "above " + PlausibleValueRange.text(range.high))]
            return sides.map { name, column, words in
                let check = DataQualityCheck(name: name, category: .plausibility, table: "measurement", field: "value_as_number",
                                             conceptID: range.conceptID, thresholdPercent: PlausibleValueRange.thresholdPercent,
                                             description: "measurement records of \(range.label) \(words)")
                return DataQualityResult(check: check, violating: Self.count(row, column), denominator: records, minimumCount: minimumCount)
            }
        }
    }

    /// A count column of an aggregate row; a missing row counts none.
    private static func count(_ row: SQLRow?, _ column: String) -> Int {
        Int(row?[column].integerValue ?? 0)
    }
}
