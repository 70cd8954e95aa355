import CDMTestSupport
import Foundation

/// One cohort generation of circe-be's own test suite, as `circe-conformance/manifest.json` lists it: which
/// expression to compile, which DbUnit files make its CDM, and which rows the circe-be authors expect.
///
/// Table keys (`verifyTables`, `orderByTable`, `expectedRows`) keep the manifest's `schema.table` spelling
/// (`limitTest.cohort`); a case runs in its own database or schema, so `TestDDL.unqualified` drops the prefix.
struct ConformanceCase: Decodable, Sendable, CustomStringConvertible {
    /// `group/cohortN`, e.g. `limits/cohort4`; unique in the manifest.
    let name: String
    /// The circe-be JUnit test the case comes from.
    let javaTest: String
    let cohortId: Int64
    /// The results schema circe-be generated into; only names the tables here.
    let resultsSchema: String
    /// The test DDL of the PREP files: `cdm_v5.0`, or `cdm_v5.2` for `conditionStatus/*`.
    let cdmDdl: String
    /// The cohort expression, relative to the `circe-conformance` folder.
    let expression: String
    /// DbUnit PREP files, relative to the folder, `datasets/vocabulary.json` first; loaded in this order.
    let prep: [String]
    /// The DbUnit VERIFY file, relative to the folder; nil for `allCriteria` and the negative cases.
    let verify: String?
    /// Verified table → its full column list (DbUnit's column set).
    let verifyTables: [String: [String]]
    /// Column → value the VERIFY rows and the actual rows are filtered by (`cohort_definition_id`).
    let verifyFilter: [String: Int64]?
    let orderBy: [String]?
    /// Verified table → the columns both sides are ordered by before comparing row by row.
    let orderByTable: [String: [String]]?
    /// Verified table → rows after filtering; 0 is a real expectation.
    let expectedRows: [String: Int]?
    /// Negative cases: building the query must fail with `errorMessage` and write nothing.
    let expectError: Bool
    let errorMessage: String?
    let notes: String

    var description: String { name }

    /// The filter to apply to both VERIFY and actual rows: the manifest's, else `cohort_definition_id = cohortId`.
    var filter: [String: Int64] {
        verifyFilter ?? ["cohort_definition_id": cohortId]
    }

    /// The absolute path of a file the manifest names relative to the conformance folder.
    static func path(_ relative: String) -> String {
        (ConformanceManifest.folder as NSString).appendingPathComponent(relative)
    }

    /// The cohort expression JSON, as the compiler under test reads it.
    func expressionData() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Self.path(expression)))
    }

    /// The PREP files, parsed, in load order.
    func prepDatasets() throws -> [DbUnitDataset] {
        try prep.map { try DbUnitDataset(contentsOf: Self.path($0)) }
    }

    /// The VERIFY file, parsed; nil when the case has none.
    func verifyDataset() throws -> DbUnitDataset? {
        try verify.map { try DbUnitDataset(contentsOf: Self.path($0)) }
    }
}
