import OMOP

/// One validated row, typed per target column, reused from row to row so that loading
/// allocates nothing per row. Text and numbers keep their bytes for writers that send text.
public struct ParsedRow {
    public enum Kind: UInt8 {
        case null, integer, float, text, date, datetime
    }

    /// Per target column: what the value is.
    public internal(set) var kinds: [Kind]
    /// Per target column: the integer, the date's days since 1970, or the datetime's seconds since 1970.
    public internal(set) var integers: [Int64]
    /// Per target column: the float.
    public internal(set) var floats: [Double]
    /// Per target column: the range of the value's original bytes in `bytes`.
    public internal(set) var ranges: [Range<Int>]
    /// The bytes of the record the row came from.
    public internal(set) var bytes: [UInt8] = []

    /// An empty row, to swap in while the real one is worked on; allocates nothing.
    init() {
        kinds = []
        integers = []
        floats = []
        ranges = []
    }

    init(columnCount: Int) {
        kinds = Array(repeating: .null, count: columnCount)
        integers = Array(repeating: 0, count: columnCount)
        floats = Array(repeating: 0, count: columnCount)
        ranges = Array(repeating: 0..<0, count: columnCount)
    }

    public var count: Int { kinds.count }

    /// The value of a column as an `SQLValue` (slow path: allocates; for tests and small reads).
    public func value(at index: Int) -> SQLValue {
        switch kinds[index] {
        case .null: .null
        case .integer: .integer(integers[index])
        case .float: .double(floats[index])
        case .text: .text(String(decoding: bytes[ranges[index]], as: UTF8.self))
        case .date: .date(CDMDate(daysSinceEpoch: Int(integers[index])))
        case .datetime: .datetime(CDMDateTime(secondsSinceEpoch: Int(integers[index])))
        }
    }
}
