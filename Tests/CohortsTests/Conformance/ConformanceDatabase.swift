import CDMStore
import CDMTestSupport
import Foundation

/// Puts a conformance case's world into a database: the tables of its test DDL and its PREP rows. The
/// cohort compiler's conformance tests call `prepare`, run the compiled SQL, then `ConformanceComparison`.
enum ConformanceDatabase {
    /// Creates the case's DDL tables, or empties them when a previous case of the same DDL left them (every
    /// case starts from a clean CDM, as the README requires), and loads its PREP files in order,
    /// `CLEAN_INSERT`, in one transaction. Works on a fresh database as well as on one reused across cases.
    @discardableResult
    static func prepare(_ conformanceCase: ConformanceCase, in database: any Database) async throws -> TestDDL {
        let ddl = try TestDDL(conformanceCase.cdmDdl)
        try await ddl.reset(in: database)
        try await DbUnitDataset.load(try conformanceCase.prepDatasets(), into: database, ddl: ddl)
        return ddl
    }

    /// Loads the case's VERIFY rows into the results tables, `CLEAN_INSERT`: for testing the comparison, or
    /// to see what a passing run leaves behind. Does nothing for a case without a VERIFY file.
    static func loadVerify(_ conformanceCase: ConformanceCase, in database: any Database) async throws {
        guard let verify = try conformanceCase.verifyDataset() else { return }
        try await verify.load(into: database, ddl: try TestDDL(conformanceCase.cdmDdl))
    }
}
