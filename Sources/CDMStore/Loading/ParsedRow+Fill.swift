import OMOP

extension ParsedRow {
    /// Why a value was refused: the target column and the reason, never the value.
    struct Failure: Error {
        let column: Int
        let reason: String
    }

    /// Fills the row from a record's bytes and field boundaries, validating every value against
    /// its column's CDM type; returns the first failure instead of throwing, to keep the loop tight.
    mutating func fill(
        from bytes: UnsafeBufferPointer<UInt8>, fieldEnds: UnsafeBufferPointer<Int>, plans: [ColumnPlan], rowNumber: Int
    ) -> Failure? {
        for index in 0..<plans.count {
            let plan = plans[index]
            let sourceColumn: Int
            switch plan.source {
            case .null:
                kinds[index] = .null
                continue
            case .noMatchingConcept:
                kinds[index] = .integer
                integers[index] = 0
                continue
            case .rowNumber:
                kinds[index] = .integer
                integers[index] = Int64(rowNumber)
                continue
            case .column(let column):
                sourceColumn = column
            }
            let range = (sourceColumn == 0 ? 0 : fieldEnds[sourceColumn - 1])..<fieldEnds[sourceColumn]
            ranges[index] = range
            if range.isEmpty {
                if plan.isRequired { return Failure(column: index, reason: "required field is empty") }
                kinds[index] = .null
                continue
            }
            let value = UnsafeBufferPointer(rebasing: bytes[range])
            switch plan.kind {
            case .integer:
                guard let parsed = ValueParsing.integer(value) else { return Failure(column: index, reason: "not an integer") }
                guard parsed >= Int64(Int32.min), parsed <= Int64(Int32.max) else {
                    return Failure(column: index, reason: "integer out of range (CDM integers are 32-bit)")
                }
                kinds[index] = .integer
                integers[index] = parsed
            case .float:
                guard let parsed = ValueParsing.double(value) else { return Failure(column: index, reason: "not a number") }
                kinds[index] = .float
                floats[index] = parsed
            case .date:
                guard let date = CDMDate(bytes: value) else {
                    return Failure(column: index, reason: "not a date (expected YYYY-MM-DD or YYYYMMDD)")
                }
                kinds[index] = .date
                integers[index] = Int64(date.daysSinceEpoch)
            case .datetime:
                guard let datetime = CDMDateTime(bytes: value) else {
                    return Failure(column: index, reason: "not a date-time (expected YYYY-MM-DD[ HH:MM:SS])")
                }
                kinds[index] = .datetime
                integers[index] = Int64(datetime.secondsSinceEpoch)
            case .text:
                guard let characters = ValueParsing.characterCount(value) else {
                    return Failure(column: index, reason: "not valid UTF-8 text, or contains a NUL character")
                }
                if characters > plan.limit {
                    return Failure(column: index, reason: "text of \(characters) characters is longer than varchar(\(plan.limit))")
                }
                kinds[index] = .text
            }
        }
        return nil
    }
}
