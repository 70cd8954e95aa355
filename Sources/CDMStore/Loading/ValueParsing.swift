import Foundation

/// Byte-level parsers for the loaders' hot path: no String is made per value.
enum ValueParsing {
    /// A decimal integer with optional sign; nil when malformed or beyond 64 bits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if bytes.count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = Int64(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// A finite decimal or scientific number; nil otherwise (including NaN and infinities).
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count < 64 else { return nil }
        for byte in bytes {
            // strtod also reads hex, "inf" and "nan"; CDM files carry only decimal numbers.
            guard (48...57).contains(byte) || byte == 43 || byte == 45 || byte == 46 || byte == 101 || byte == 69 else {
                return nil
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == bytes.count, value.isFinite else { return nil }
            return value
        }
    }

    /// The number of Unicode scalars in valid UTF-8 text without NUL; nil when invalid.
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var ascii = true
        for byte in bytes {
            if byte == 0 { return nil }
            if byte >= 0x80 { ascii = false }
        }
        if ascii { return bytes.count }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return text.unicodeScalars.count
    }
}
