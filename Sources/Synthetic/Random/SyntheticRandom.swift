/// The random number generator of synthetic populations: xoshiro256** (Blackman and Vigna),
/// seeded through SplitMix64 as its authors recommend.
///
/// Our own rather than the standard library's, so that a seed gives the same population on every
/// platform and Swift version; and splittable, so that person `i` of seed `s` is the same person
/// whether the population is generated at once, in batches, or across sites.
public struct SyntheticRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// An independent stream for one member of a population (a person, a site), the same for the
    /// same seed and number however the work is divided.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ 0x5851_F42D_4C95_7F2D)
        let base = mixer.next()
        var streamMixer = SplitMix64(state: base &+ stream &* 0x9E37_79B9_7F4A_7C15)
        self.init(seed: streamMixer.next())
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
