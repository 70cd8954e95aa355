import ArgumentParser
import CDMStore
import Foundation

/// A generated cohort as CSV, written beside the target and renamed into place, so a failed export never
/// leaves half a file.
enum CohortCSV {
    static func write(cohortID: Int64, from database: any Database, to path: String) async throws {
        var text = "subject_id,cohort_start_date,cohort_end_date\n"
        try await database.forEachRow("""
            SELECT subject_id, cohort_start_date, cohort_end_date FROM cohort
            WHERE cohort_definition_id = ? ORDER BY subject_id, cohort_start_date
            """, [.integer(cohortID)]) { row in
            text += "\(row["subject_id"].integerValue ?? 0),\(row["cohort_start_date"].dateValue.map(String.init(describing:)) ?? ""),\(row["cohort_end_date"].dateValue.map(String.init(describing:)) ?? "")\n"
        }
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try Data(text.utf8).write(to: partial)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: partial, to: url)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw ValidationError("\(path): cannot be written (\(error.localizedDescription))")
        }
    }
}
