/// Real numbers as fixed-point integers in Z_2^64, where masks add and cancel exactly:
///
///     enc(x) = round(x · 2^f) as two's-complement Int64, its bit pattern as UInt64
///     dec(z) = (z read as Int64) / 2^f
///
/// Headroom rule (federated-algorithms.md §5.2): the SUM over K nodes must stay a valid Int64, so each value must
/// satisfy K · |x| · 2^f < 2^62 — one bit below the 2^63 the reference asks, kept as a margin. In bits:
/// b_int + f + ceil(log2 K) ≤ 62. With the default f = 24 and K = 10, |x| < 2^62 / (10 · 2^24) ≈ 2.7e10 per node
/// (information matrices of 1e9 fit); the rounding error is at most 2^-(f+1) ≈ 3e-8 per value, K · 2^-(f+1) on a
/// sum. Integers (counts) below 2^(62-f)/K are exact. Larger statistics need a public scale factor or fewer
/// fractional bits.
enum FixedPoint {
    /// The largest fractional precision accepted: beyond it no value of magnitude 1 fits.
    static let maximumFractionalBits = 52

    /// The largest |x| a node may encode when `participants` nodes' values are summed.
    static func limit(fractionalBits: Int, participants: Int) -> Double {
        0x1p62 / (Double(max(participants, 1)) * Double(sign: .plus, exponent: fractionalBits, significand: 1))
    }

    /// `x` must be finite and within `limit`.
    static func encode(_ x: Double, fractionalBits: Int) -> UInt64 {
        let scaled = (x * Double(sign: .plus, exponent: fractionalBits, significand: 1)).rounded()
        return UInt64(bitPattern: Int64(scaled))
    }

    static func decode(_ z: UInt64, fractionalBits: Int) -> Double {
        Double(Int64(bitPattern: z)) * Double(sign: .plus, exponent: -fractionalBits, significand: 1)
    }
}
