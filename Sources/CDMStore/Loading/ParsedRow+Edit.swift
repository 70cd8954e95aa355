import OMOP

/// Edits a `RowTransform` makes to a validated row; each keeps the row valid for its table.
extension ParsedRow {
    /// The integer at a column, nil when the value is NULL or not an integer.
    public func integer(at index: Int) -> Int64? {
        kinds[index] == .integer ? integers[index] : nil
    }

    /// The text at a column, nil when the value is NULL or not text.
    public func text(at index: Int) -> String? {
        kinds[index] == .text ? String(decoding: bytes[ranges[index]], as: UTF8.self) : nil
    }

    /// Replaces a text value; the caller keeps it within the column's varchar limit.
    public mutating func setText(_ text: String, at index: Int) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        kinds[index] = .text
        ranges[index] = start..<bytes.count
    }

    /// Replaces an integer value (CDM integers are 32-bit).
    public mutating func setInteger(_ value: Int32, at index: Int) {
        kinds[index] = .integer
        integers[index] = Int64(value)
    }

    /// Moves a date or datetime by whole days; other values are left as they are.
    public mutating func shiftDays(at index: Int, by days: Int) {
        switch kinds[index] {
        case .date: integers[index] += Int64(days)
        case .datetime: integers[index] += Int64(days) * 86_400
        default: break
        }
    }
}
