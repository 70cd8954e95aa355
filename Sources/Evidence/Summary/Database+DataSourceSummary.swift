import CDMStore
import Cohorts
import Governance

extension Database {
    /// Summarises the whole CDM as OHDSI Achilles does (see `DataSourceSummary`): every figure comes from a
    /// grouped query, so no person's row leaves the database, and every count passes the disclosure rule at the
    /// settings' minimum or the site's, whichever is higher. Persons who object are left out of every figure.
    public func dataSourceSummary(_ settings: DataSourceSummarySettings) async throws -> DataSourceSummary {
        try settings.validate()
        guard try await hasSchema() else { throw EvidenceError("\(location) holds no CDM tables: run optima init and load data first") }
        var settings = settings
        settings.minimumCount = try await effectiveMinimumCellCount(requested: settings.minimumCount)
        let minimum = settings.minimumCount
        let cube = PersonCube(try await query(PersonCube.query(dialect)))
        var domains: [DomainSummary] = []
        for domain in SummaryDomain.all {
            domains.append(try await domainSummary(domain, settings: settings))
        }
        let source = try await cdmSource()
        let vocabulary = try await query("SELECT vocabulary_version FROM vocabulary WHERE vocabulary_id = 'None'")
        return DataSourceSummary(
            settings: settings, source: source,
            vocabularyVersion: vocabulary.first?["vocabulary_version"].textValue ?? source?.vocabularyVersion,
            persons: cube.persons(minimumCount: minimum, ageLabel: Self.ageGroup),
            observation: try await observationSummary(startYears: cube.startYears(minimumCount: minimum), minimumCount: minimum),
            domains: domains)
    }

    /// Observation periods, and observation time per person from a histogram of 0.1-year bins with exact sums.
    private func observationSummary(startYears: [CategoryCount], minimumCount: Int) async throws -> ObservationSummary {
        let days = dialect.daysBetween("observation_period_start_date", "observation_period_end_date") + " + 1"
        let bin = ObservationTime.bin(days: "days")
        let rows = try await query("""
            WITH person_time AS (
              SELECT person_id, COUNT(*) AS periods, SUM(\(days)) AS days FROM observation_period
              WHERE \(Self.consenting) GROUP BY person_id)
            SELECT \(bin) AS bin, COUNT(*) AS persons, CAST(SUM(periods) AS BIGINT) AS periods, CAST(SUM(days) AS BIGINT) AS days,
              CAST(SUM(CAST(days AS BIGINT) * days) AS BIGINT) AS squared_days
            FROM person_time GROUP BY \(bin)
            """)
        let integer = { (row: SQLRow, column: String) in Int(row[column].integerValue ?? 0) }
        let personsPerBin = Dictionary(rows.map { (integer($0, "bin"), integer($0, "persons")) }, uniquingKeysWith: +)
        return ObservationSummary(
            persons: SmallCellCount(rows.reduce(0) { $0 + integer($1, "persons") }, minimum: minimumCount),
            periods: SmallCellCount(rows.reduce(0) { $0 + integer($1, "periods") }, minimum: minimumCount),
            byStartYear: startYears,
            years: ObservationTime(personsPerBin: personsPerBin, days: rows.reduce(0) { $0 + Double(integer($1, "days")) },
                                   squaredDays: rows.reduce(0) { $0 + Double(integer($1, "squared_days")) }, minimumCount: minimumCount))
    }

    private func domainSummary(_ domain: SummaryDomain, settings: DataSourceSummarySettings) async throws -> DomainSummary {
        let minimum = settings.minimumCount
        let totals = try await query("SELECT COUNT(*) AS records, COUNT(DISTINCT person_id) AS persons FROM \(domain.table) WHERE \(Self.consenting)").first
        let year = dialect.year(domain.dateColumn)
        let years = try await query("SELECT \(year) AS year, COUNT(*) AS records FROM \(domain.table) WHERE \(Self.consenting) GROUP BY \(year)")
            .map { (year: $0["year"].integerValue, records: Int($0["records"].integerValue ?? 0)) }
            .sorted { ($0.year ?? .max) < ($1.year ?? .max) }
        var top: [TopConcept]?
        if let concept = domain.rankedConcept {
            let rows = try await query("""
                SELECT x.concept_id, c.concept_name, x.persons, x.records FROM (
                  SELECT \(concept) AS concept_id, COUNT(DISTINCT person_id) AS persons, COUNT(*) AS records FROM \(domain.table)
                  WHERE \(Self.consenting) GROUP BY \(concept) HAVING COUNT(DISTINCT person_id) >= \(minimum)) x
                LEFT JOIN concept c ON c.concept_id = x.concept_id
                ORDER BY x.persons DESC, x.records DESC, x.concept_id \(dialect.limit(settings.top))
                """)
            top = rows.map { row in
                let id = row["concept_id"].integerValue ?? 0
                return TopConcept(conceptID: id, name: row["concept_name"].textValue ?? "concept \(id)",
                                  persons: SmallCellCount(Int(row["persons"].integerValue ?? 0), minimum: minimum),
                                  records: SmallCellCount(Int(row["records"].integerValue ?? 0), minimum: minimum))
            }
        }
        return DomainSummary(
            table: domain.table,
            records: SmallCellCount(Int(totals?["records"].integerValue ?? 0), minimum: minimum),
            persons: SmallCellCount(Int(totals?["persons"].integerValue ?? 0), minimum: minimum),
            recordsByYear: zip(years, CellSuppression.group(years.map(\.records), minimum: minimum)).map { year, count in
                CategoryCount(label: year.year.map(String.init) ?? "no date", count: count)
            },
            topConcepts: top)
    }

    /// Rows of persons who have not objected (`ConsentRegister`).
    private static var consenting: String { "person_id NOT IN (\(ConsentRegister.objectingPersonIDs))" }

    /// The first `cdm_source` row, when there is one.
    private func cdmSource() async throws -> CDMSourceDescription? {
        let rows = try await query("""
            SELECT cdm_source_name, cdm_source_abbreviation, cdm_holder, source_release_date, cdm_release_date, cdm_version, vocabulary_version
            FROM cdm_source ORDER BY cdm_source_name \(dialect.limit(1))
            """)
        return rows.first.map { row in
            CDMSourceDescription(name: row["cdm_source_name"].textValue, abbreviation: row["cdm_source_abbreviation"].textValue,
                                 holder: row["cdm_holder"].textValue,
                                 sourceReleaseDate: row["source_release_date"].dateValue?.description,
                                 cdmReleaseDate: row["cdm_release_date"].dateValue?.description,
                                 cdmVersion: row["cdm_version"].textValue, vocabularyVersion: row["vocabulary_version"].textValue)
        }
    }
}
