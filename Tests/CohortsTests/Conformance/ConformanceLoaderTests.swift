import CDMStore
import CDMTestSupport
import Foundation
import OMOP
import Testing

/// The harness that replays circe-be's conformance data is itself right: every case's PREP rows land in a
/// real database with their types, and the VERIFY comparison passes on the expected rows and fails, saying
/// where, on a changed one. Without this, a compiler failure could be the loader's fault.
@Suite struct ConformanceLoaderTests {
    static let skip = ReferenceDatasets.skipReason

    @Test(.enabled(if: ConformanceManifest.isPresent, "\(skip)"))
    func manifestReads() throws {
        let cases = try ConformanceManifest.cases()
        #expect(cases.count == 41)
        #expect(Set(cases.map(\.name)).count == cases.count)
        #expect(cases.filter(\.expectError).map(\.name).sorted()
                == ["continuousExposure/negative-nullDrugCodesetId", "correlatedCriteriaCounts/negative-occurrenceType-99"])
        #expect(Set(cases.map(\.cdmDdl)) == ["cdm_v5.0", "cdm_v5.2"])
        for conformanceCase in cases {
            #expect(try !conformanceCase.expressionData().isEmpty, "\(conformanceCase.name)")
            #expect(conformanceCase.prep.first == "datasets/vocabulary.json", "\(conformanceCase.name)")
            for file in conformanceCase.prep + [conformanceCase.verify].compactMap({ $0 }) {
                #expect(FileManager.default.fileExists(atPath: ConformanceCase.path(file)), "\(conformanceCase.name): \(file)")
            }
            // Every verified table has an order and an expected row count.
            for key in conformanceCase.verifyTables.keys {
                #expect(conformanceCase.orderByTable?[key] != nil && conformanceCase.expectedRows?[key] != nil, "\(conformanceCase.name) \(key)")
            }
        }
        #expect(try ConformanceManifest.case(named: "limits/cohort4").expectedRows == ["limitTest.cohort": 0])
    }

    /// The DDL holds exactly circe's results tables, keeps each DDL's own columns and rules, and is completed
    /// with the newer CDM's columns as nullable ones.
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(skip)"))
    func testDDL() throws {
        let v50 = try TestDDL("cdm_v5.0")
        let results: [String: [String]] = [
            "cohort": ["cohort_definition_id", "subject_id", "cohort_start_date", "cohort_end_date"],
            "cohort_inclusion": ["cohort_definition_id", "rule_sequence", "name", "description"],
            "cohort_inclusion_result": ["cohort_definition_id", "mode_id", "inclusion_rule_mask", "person_count"],
            "cohort_inclusion_stats": ["cohort_definition_id", "rule_sequence", "mode_id", "person_count", "gain_count", "person_total"],
            "cohort_summary_stats": ["cohort_definition_id", "mode_id", "base_count", "final_count"],
            "cohort_censor_stats": ["cohort_definition_id", "lost_count"],
            "codesets": ["codeset_id", "concept_id"],
        ]
        for (table, columns) in results {
            #expect(v50.table(named: table)?.columns.map(\.name) == columns, "\(table)")
        }
        #expect(v50.table(named: "limitTest.cohort")?.column(named: "subject_id")?.type == .bigint)
        #expect(v50.tables.filter { $0.name == "cohort" }.count == 1)
        // v5.0's own column, its NOT NULL rule, and additions from 5.2/5.3/5.4 as nullable columns.
        #expect(v50.columnType(table: "cdm.drug_exposure", column: "dose_unit_concept_id") == .integer)
        #expect(v50.table(named: "person")?.column(named: "year_of_birth")?.isNotNull == true)
        let status = try #require(v50.table(named: "condition_occurrence")?.column(named: "condition_status_concept_id"))
        #expect(!status.isNotNull && status.type == .integer)
        #expect(v50.table(named: "visit_detail")?.column(named: "visit_detail_start_date")?.type == .date)
        #expect(v50.additions.contains("visit_detail") && v50.additions.contains("condition_occurrence.condition_status_concept_id"))
        #expect(v50.table(named: "visit_occurrence")?.column(named: "admitted_from_concept_id") != nil)
        // 5.2 requires the observation-period datetimes that conditionStatus's PREP supplies.
        let v52 = try TestDDL("cdm_v5.2")
        #expect(v52.table(named: "observation_period")?.column(named: "observation_period_start_datetime")?.isNotNull == true)
        #expect(v52.table(named: "drug_exposure")?.column(named: "dose_unit_concept_id") == nil)
        // Uncompleted, a DDL is just its csv rows plus the results tables.
        #expect(try TestDDL("cdm_v5.0", completed: false).table(named: "visit_detail") == nil)
        #expect(throws: TestSetupError.self) { try TestDDL("cdm_v9") }
    }

    /// Values are typed by their column, not by their spelling; unknown columns and unfit values are refused.
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(skip)"))
    func valuesTypedByColumn() throws {
        let ddl = try TestDDL("cdm_v5.0", completed: false)
        let dataset = try DbUnitDataset(data: Data("""
            {"cdm.concept": [{"concept_id": 7, "concept_code": "2000-01-01", "valid_start_date": "2000-01-01"},
                             {"concept_id": 8.0}],
             "cdm.drug_exposure": [{"drug_exposure_id": 1, "quantity": 2, "dose_unit_concept_id": null}]}
            """.utf8), source: "inline")
        let statements = try dataset.cleanInsertStatements(ddl, dialect: .postgresql)
        #expect(statements.map(\.sql).filter { $0.hasPrefix("DELETE") }.count == 2)
        let concept = try #require(statements.first { $0.sql.hasPrefix("INSERT INTO \"concept\"") })
        // Columns in DDL order, omitted ones NULL, both rows in file order in one statement.
        #expect(concept.sql.hasSuffix("(\"concept_id\", \"concept_code\", \"valid_start_date\") VALUES (?, ?, ?), (?, ?, ?)"))
        #expect(concept.binds == [.integer(7), .text("2000-01-01"), .date(CDMDate(year: 2000, month: 1, day: 1)!),
                                  .integer(8), .null, .null])
        #expect(statements.contains { $0.binds == [.integer(1), .double(2), .null] })

        for bad in [#"{"cdm.drug_exposure": [{"no_such_column": 1}]}"#, #"{"cdm.no_such_table": [{"a": 1}]}"#,
                    #"{"cdm.concept": [{"valid_start_date": "01/02/2000"}]}"#, #"{"cdm.concept": [{"concept_id": 1.5}]}"#] {
            #expect(throws: TestSetupError.self, "\(bad)") {
                try DbUnitDataset(data: Data(bad.utf8), source: "inline").cleanInsertStatements(ddl, dialect: .sqlite)
            }
        }
        // dose_unit_concept_id exists only in the 5.0 DDL.
        #expect(throws: TestSetupError.self) {
            try DbUnitDataset(contentsOf: ConformanceCase.path("criteria/drugExposureConceptSet_PREP.json"))
                .cleanInsertStatements(try TestDDL("cdm_v5.3"), dialect: .sqlite)
        }
    }

    /// Every case's PREP files load into one reused database per backend (each `prepare` re-creates the
    /// tables), with the files' row counts, and read back value for value.
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(skip)"), arguments: TestDatabases.backends)
    func prepLoadsEveryCase(_ backend: TestDatabases.Backend) async throws {
        let cases = try ConformanceManifest.cases()
        try await TestDatabases.with(backend) { db, _ in
            for conformanceCase in cases {
                let ddl = try await ConformanceDatabase.prepare(conformanceCase, in: db)
                // CLEAN_INSERT: the last file naming a table decides its rows.
                var loaded: [String: DbUnitDataset.Table] = [:]
                for dataset in try conformanceCase.prepDatasets() {
                    for table in dataset.tables { loaded[table.name] = table }
                }
                #expect(loaded["concept"]?.rows.count == 3 && loaded["concept_ancestor"]?.rows.count == 2, "\(conformanceCase.name)")
                for (name, table) in loaded {
                    let label = "\(conformanceCase.name) \(name) on \(backend)"
                    let count = try await db.query("SELECT COUNT(*) AS n FROM \(db.dialect.quote(name))").first?["n"].integerValue
                    #expect(count == Int64(table.rows.count), "\(label)")
                    let columns = try #require(ddl.table(named: name)).columns.filter { table.columnNames.contains($0.name) }
                    let rows = try await db.query(
                        "SELECT \(columns.map { db.dialect.quote($0.name) }.joined(separator: ", ")) FROM \(db.dialect.quote(name))")
                    let mismatches = ConformanceComparison.compare(
                        table: label, columns: columns.map(\.name), types: columns.map(\.type), orderBy: [],
                        expected: table.rows, actual: rows.map(\.values))
                    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
                }
                // Results tables start empty; tables of other cases are gone.
                let cohorts = try await db.query("SELECT COUNT(*) AS n FROM \"cohort\"").first?["n"].integerValue
                #expect(cohorts == 0, "\(conformanceCase.name)")
            }
            // Dates are real DATE columns on both backends, and the results ids BIGINT where circe declares it.
            let declared = Dictionary(uniqueKeysWithValues: try await db.columns(of: "cohort").map { ($0.name, $0.type) })
            #expect(declared["cohort_start_date"] == "DATE" && declared["subject_id"] == "BIGINT")
            let periods = try await db.columns(of: "observation_period")
            #expect(periods.first { $0.name == "observation_period_start_date" }?.type == "DATE")
            #expect(periods.first { $0.name == "observation_period_start_date" }?.isNotNull == true)
        }
    }

    /// Each case's VERIFY rows, written into the results tables, compare equal to themselves, and the
    /// filtered VERIFY rows are as many as the manifest's `expectedRows`.
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(skip)"), arguments: TestDatabases.backends)
    func verifyMatchesItself(_ backend: TestDatabases.Backend) async throws {
        let cases = try ConformanceManifest.cases().filter { $0.verify != nil }
        #expect(cases.count == 38)
        try await TestDatabases.with(backend) { db, _ in
            for conformanceCase in cases {
                try await ConformanceDatabase.prepare(conformanceCase, in: db)
                try await ConformanceDatabase.loadVerify(conformanceCase, in: db)
                let mismatches = try await ConformanceComparison.mismatches(for: conformanceCase, in: db)
                #expect(mismatches.isEmpty, "\(conformanceCase.name) on \(backend): \(mismatches)")
                let verify = try #require(try conformanceCase.verifyDataset())
                for (key, count) in conformanceCase.expectedRows ?? [:] {
                    #expect(verify.table(named: key)?.rows(matching: conformanceCase.filter).count ?? 0 == count,
                            "\(conformanceCase.name) \(key)")
                }
            }
        }
    }

    /// A changed date, a missing row and a wrong table are each reported, naming table, row, column and values;
    /// rows of other cohorts are not compared.
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(skip)"), arguments: TestDatabases.backends)
    func differencesAreReported(_ backend: TestDatabases.Backend) async throws {
        let limits = try ConformanceManifest.case(named: "limits/cohort1")
        try await TestDatabases.with(backend) { db, _ in
            try await ConformanceDatabase.prepare(limits, in: db)
            try await ConformanceDatabase.loadVerify(limits, in: db)
            #expect(try await ConformanceComparison.mismatches(for: limits, in: db) == [])

            // Row 2 of cohort 1 ends 2000-08-02; make it 2000-08-03.
            let start = try #require(CDMDate("2000-06-01")), end = try #require(CDMDate("2000-08-02"))
            try await db.execute(
                "UPDATE cohort SET cohort_end_date = ? WHERE cohort_definition_id = 1 AND cohort_start_date = ?",
                [.date(end.adding(days: 1)), .date(start)])
            #expect(try await ConformanceComparison.mismatches(for: limits, in: db)
                    == ["limitTest.cohort row 2, column cohort_end_date: expected 2000-08-02, actual 2000-08-03"])
            // Other cohorts' rows do not count against cohort 1, even when wrong.
            try await db.execute("UPDATE cohort SET cohort_end_date = ? WHERE cohort_definition_id = 2", [.date(end)])
            #expect(try await ConformanceComparison.mismatches(for: limits, in: db).count == 1)

            try await db.execute("DELETE FROM cohort WHERE cohort_definition_id = 1 AND cohort_start_date = ?", [.date(start)])
            let missing = try await ConformanceComparison.mismatches(for: limits, in: db)
            #expect(missing.first == "limitTest.cohort: expected 3 rows, actual 2")
            #expect(missing.contains { $0.hasPrefix("limitTest.cohort row 3: expected (cohort_definition_id=1, subject_id=1, ") && $0.hasSuffix("actual no row") })

            try await db.execute("DROP TABLE cohort")
            #expect(try await ConformanceComparison.mismatches(for: limits, in: db) == ["limitTest.cohort: table cohort does not exist"])

            // Preparing again re-creates what a test dropped, and starts from empty results tables.
            try await ConformanceDatabase.prepare(limits, in: db)
            #expect(try await ConformanceComparison.mismatches(for: limits, in: db).first == "limitTest.cohort: expected 3 rows, actual 0")
            try await ConformanceDatabase.loadVerify(limits, in: db)
            #expect(try await ConformanceComparison.mismatches(for: limits, in: db) == [])
        }
    }
}
