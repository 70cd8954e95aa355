/// Strings: the common case (no escapes) found eight bytes at a time and made in one copy.
extension JSONScanner {
    /// A string from its opening quote; the common case, no escapes, is one copy.
    mutating func string() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        // Eight bytes at a time up to the first quote, backslash or control character.
        var wordBits: UInt64 = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let special = Self.specialBytes(word)
            if special == 0 {
                wordBits |= word
                index += 8
                continue
            }
            let plain = special.trailingZeroBitCount >> 3
            wordBits |= word & ~(UInt64.max << (plain << 3))
            index += plain
            break
        }
        var bits: UInt8 = wordBits & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(UnsafeBufferPointer(start: base + open + 1, count: index - open - 1),
                                          ascii: bits < 0x80, at: open)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: open) }
            if byte < 0x20 { throw failure("unescaped control character U+\(hex(byte)) in string") }
            bits |= byte
            index += 1
        }
        throw JSONSyntaxError(offset: open, reason: "unterminated string")
    }

    /// The high bit of each byte of a little-endian word that is a `"`, a `\\` or below 0x20 (the
    /// zero-byte test of "Bit Twiddling Hacks"). Bytes above the first hit may be marked falsely, so
    /// only the lowest mark is used.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & 0x8080_8080_8080_8080
    }

    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, at open: Int) throws(JSONSyntaxError) -> String {
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONSyntaxError(offset: open, reason: "string is not valid UTF-8")
        }
        return text
    }

    /// The rest of a string once a backslash is seen: decoded into `scratch`, then validated.
    private mutating func escapedString(from open: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + open + 1, count: index - open - 1))
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                let text = scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
                guard let text else { throw JSONSyntaxError(offset: open, reason: "string is not valid UTF-8") }
                return text
            }
            if byte < 0x20 { throw failure("unescaped control character U+\(hex(byte)) in string") }
            if byte == UInt8(ascii: "\\") {
                try escape()
            } else {
                scratch.append(byte)
                index += 1
            }
        }
        throw JSONSyntaxError(offset: open, reason: "unterminated string")
    }

    /// One escape sequence at `index` (the backslash), appended to `scratch` as UTF-8.
    private mutating func escape() throws(JSONSyntaxError) {
        guard index + 1 < count else { throw JSONSyntaxError(offset: index, reason: "unterminated string") }
        let letter = base[index + 1]
        let decoded: UInt8
        switch letter {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            appendScalar(try unicodeEscape())
            return
        default:
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(letter)))' in string")
        }
        scratch.append(decoded)
        index += 2
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; a lone surrogate is an error.
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = index
        let first = try hexQuad(at: index + 2)
        index += 6
        switch first {
        case 0xD800...0xDBFF:
            guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                throw JSONSyntaxError(offset: start, reason: "lone surrogate \\u\(hex(first)) not followed by a low surrogate")
            }
            let second = try hexQuad(at: index + 2)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONSyntaxError(offset: start, reason: "lone surrogate \\u\(hex(first)) not followed by a low surrogate")
            }
            index += 6
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw JSONSyntaxError(offset: start, reason: "lone surrogate \\u\(hex(first)) without a high surrogate before it")
        default:
            return Unicode.Scalar(first)!
        }
    }

    private func hexQuad(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in position..<position + 4 {
            guard offset < count, let digit = hexDigit(base[offset]) else {
                throw JSONSyntaxError(offset: position - 2, reason: "invalid \\u escape: expected 4 hex digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: UTF8.encode(scalar)!)
    }
}
