/// Numbers (RFC 8259 grammar, converted exactly) and the literals `true`, `false`, `null`.
extension JSONScanner {
    /// Powers of ten that a Double holds exactly: with a mantissa below 2^53 one multiplication or
    /// division by them is correctly rounded (Clinger's fast path).
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        let negative = base[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < count, isDigit(base[index]) else { throw failure("expected a digit in number, found \(found)") }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(base[index]) {
                throw JSONSyntaxError(offset: start, reason: "number with a leading zero")
            }
        } else {
            while index < count, isDigit(base[index]) {
                mantissa = mantissa &* 10 &+ UInt64(base[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(base[index]) else { throw failure("expected a digit after '.', found \(found)") }
            while index < count, isDigit(base[index]) {
                mantissa = mantissa &* 10 &+ UInt64(base[index] - UInt8(ascii: "0"))
                digits += 1
                exponent -= 1
                index += 1
            }
        }
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentSign = 1
            if index < count, base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
                if base[index] == UInt8(ascii: "-") { exponentSign = -1 }
                index += 1
            }
            guard index < count, isDigit(base[index]) else {
                throw failure("expected a digit in exponent, found \(found)")
            }
            var written = 0
            while index < count, isDigit(base[index]) {
                if written < 100_000 { written = written * 10 + Int(base[index] - UInt8(ascii: "0")) }
                index += 1
            }
            exponent += exponentSign * written
        }
        if digits <= 15, (-22...22).contains(exponent) {
            var value = Double(mantissa)
            if exponent < 0 {
                value /= Self.exactPowersOfTen[-exponent]
            } else {
                value *= Self.exactPowersOfTen[exponent]
            }
            return negative ? -value : value
        }
        // Long or extreme numbers: the standard library's correctly rounded conversion.
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(offset: start, reason: "number \(text) is out of range")
        }
        return value
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard index + length <= count, memoryEqual(base + index, word.utf8Start, length) else {
            throw failure("expected a value, found \(found)")
        }
        index += length
    }

    private func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for offset in 0..<length where lhs[offset] != rhs[offset] { return false }
        return true
    }
}
