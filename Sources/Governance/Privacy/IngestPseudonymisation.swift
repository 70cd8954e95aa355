import CDMStore
import Foundation
import OMOP

/// What an OMOP import does to each row of a person so that only pseudonymised data reach the CDM
/// (GDPR art. 25, 89): `person_source_value` becomes its keyed pseudonym, every date of a person's row
/// may move by the person's keyed offset, and a person erased before does not come back.
///
/// A person is recognised as erased by the pseudonym of their `person_source_value` (under any key);
/// their `person_id`s found in the person file then leave out their rows of every later table of the
/// same import (the person table loads first).
final class IngestPseudonymisation: @unchecked Sendable {
    private let pseudonymizer: Pseudonymizer
    private let erased: Set<String>
    private let maximumShiftDays: Int
    private let lock = NSLock()
    private var erasedPersonIDs: Set<Int64> = []

    init(pseudonymizer: Pseudonymizer, erased: Set<String>, maximumShiftDays: Int) {
        self.pseudonymizer = pseudonymizer
        self.erased = erased
        self.maximumShiftDays = maximumShiftDays
    }

    /// Erased persons whose rows the import left out.
    var erasedPersonsSkipped: Int { lock.withLock { erasedPersonIDs.count } }

    /// The `RowTransform` of a table: nil for tables without a person (`subject_id` in `cohort`).
    func rows(of table: CDMTable) -> ((inout ParsedRow) -> Bool)? {
        let personField = table.name == "cohort" ? "subject_id" : "person_id"
        guard let person = table.fields.firstIndex(where: { $0.name == personField }) else { return nil }
        let dates = table.fields.indices.filter { [.date, .datetime].contains(table.fields[$0].datatype) }
        let source = table.name == "person" ? table.fields.firstIndex { $0.name == "person_source_value" } : nil
        let birth = table.name == "person" ? ["year_of_birth", "month_of_birth", "day_of_birth"].compactMap { name in
            table.fields.firstIndex { $0.name == name }
        } : []
        var shift = (person: Int64.min, days: 0)
        return { [self] row in
            guard let personID = row.integer(at: person) else { return true }
            if let source, let identifier = row.text(at: source) {
                let candidates = pseudonymizer.candidates(identifier)
                if candidates.contains(where: erased.contains) {
                    lock.withLock { _ = erasedPersonIDs.insert(personID) }
                    return false
                }
                row.setText(candidates[0], at: source)
            } else if lock.withLock({ erasedPersonIDs.contains(personID) }) {
                return false
            }
            guard maximumShiftDays > 0 else { return true }
            if shift.person != personID {
                shift = (personID, pseudonymizer.dateShiftDays(forPerson: String(personID), maximumDays: maximumShiftDays))
            }
            for column in dates { row.shiftDays(at: column, by: shift.days) }
            if birth.count == 3 { Self.shiftBirth(&row, columns: birth, days: shift.days) }
            return true
        }
    }

    /// Year, month and day of birth move with the dates when all three are known; a year alone stays.
    private static func shiftBirth(_ row: inout ParsedRow, columns: [Int], days: Int) {
        guard let year = row.integer(at: columns[0]), let month = row.integer(at: columns[1]), let day = row.integer(at: columns[2]),
              let date = CDMDate(year: Int(year), month: Int(month), day: Int(day))
        else { return }
        let (y, m, d) = date.adding(days: days).components
        row.setInteger(Int32(y), at: columns[0])
        row.setInteger(Int32(m), at: columns[1])
        row.setInteger(Int32(d), at: columns[2])
    }
}
