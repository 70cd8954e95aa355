import CDMTestSupport
import Crypto
import Foundation
@testable import Federation
import Testing

/// Pairwise masking: fixed-point encoding, exact sums over 3, 5 and 10 nodes, masked replies that look uniform,
/// dropout recovery, masks bound to round and pair, and the derivation checked against Python `cryptography`.
@Suite struct SecureAggregationTests {
    /// Nodes "n00", "n01", … with fresh keys, and the round listing them.
    static func nodes(_ count: Int, round: String = "study-1/model-pieces/0", fractionalBits: Int = 24) -> ([String: MaskingKey], MaskingRound) {
        var keys: [String: MaskingKey] = [:]
        for i in 0..<count { keys[String(format: "n%02d", i)] = MaskingKey() }
        return (keys, MaskingRound(id: round, fractionalBits: fractionalBits, participants: keys.mapValues(\.publicKeyBase64)))
    }

    /// One node's reply shaped like a regression step: counts, a histogram, a score vector and an information
    /// matrix with magnitudes from 1e-3 to 1e9 and both signs.
    static func reply(_ random: inout SplitMix) -> [NamedAggregate] {
        func magnitude() -> Double {
            let value = pow(10, Double.random(in: -3...9, using: &random))
            return Bool.random(using: &random) ? value : -value
        }
        return [
            NamedAggregate("n", .count(Int.random(in: 0...50_000, using: &random))),
            NamedAggregate("events", .counts((0..<6).map { _ in Int.random(in: 0...2_000, using: &random) })),
            NamedAggregate("score", .vector((0..<7).map { _ in magnitude() })),
            NamedAggregate("information", .matrix(rows: 4, values: (0..<16).map { _ in magnitude() })),
        ]
    }

    static func flat(_ aggregates: [NamedAggregate]) -> [Double] {
        aggregates.flatMap { aggregate -> [Double] in
            switch aggregate.value {
            case .count(let n): [Double(n!)]
            case .counts(let cells): cells.map { Double($0!) }
            case .vector(let values), .matrix(_, let values): values
            default: []
            }
        }
    }

    static func maskedValues(_ aggregate: NamedAggregate) -> ([UInt64], [MaskedLayout]) {
        guard case .masked(let values, let layout) = aggregate.value else { return ([], []) }
        return (values, layout)
    }

    static func expectError(_ code: String, containing text: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected a \(code) error mentioning \(text)")
        } catch let error as FederationError {
            #expect(error.code == code)
            #expect(error.message.contains(text), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    // MARK: (1) fixed point

    @Test func fixedPointRoundTripsWithinHalfAStep() {
        for f in [0, 16, 24, 32] {
            let step = Double(sign: .plus, exponent: -f, significand: 1)
            for x in [0, 1, -1, 0.5, -0.5, 3.141592653589793, -1234.5678, 1e-3, -1e-3, 1e9, -1e9, step, -step, 123_456.000_001] {
                let decoded = FixedPoint.decode(FixedPoint.encode(x, fractionalBits: f), fractionalBits: f)
                #expect(abs(decoded - x) <= step / 2, "f=\(f) x=\(x) decoded \(decoded)")
            }
        }
        // Two's complement: −1 is all ones, and a negative and a positive value sum to their difference exactly.
        #expect(FixedPoint.encode(-1, fractionalBits: 0) == UInt64.max)
        #expect(FixedPoint.decode(FixedPoint.encode(-2.5, fractionalBits: 24) &+ FixedPoint.encode(4, fractionalBits: 24), fractionalBits: 24) == 1.5)
        // Integers are exact, up to the headroom.
        #expect(FixedPoint.decode(FixedPoint.encode(123_456_789_012, fractionalBits: 24), fractionalBits: 24) == 123_456_789_012)
        // The headroom: 2^62 / (K · 2^f).
        #expect(FixedPoint.limit(fractionalBits: 24, participants: 10) == 0x1p62 / (10 * 0x1p24))
    }

    @Test func valuesBeyondTheHeadroomAreRefusedNamingTheAggregate() throws {
        let (keys, round) = Self.nodes(10)
        let limit = 0x1p62 / (10 * 0x1p24)   // ≈ 2.7e10
        _ = try SecureAggregation.mask([NamedAggregate("information", .vector([limit * 0.999]))], node: "n00", key: keys["n00"]!, round: round)
        Self.expectError("secure-aggregation", containing: "information") {
            _ = try SecureAggregation.mask([NamedAggregate("score", .vector([1])), NamedAggregate("information", .matrix(rows: 1, values: [-limit]))],
                                           node: "n00", key: keys["n00"]!, round: round)
        }
        Self.expectError("secure-aggregation", containing: "ll") {
            _ = try SecureAggregation.mask([NamedAggregate("ll", .vector([.nan]))], node: "n00", key: keys["n00"]!, round: round)
        }
        // More fractional bits, less headroom: 1e9 fits at f = 24 but not at f = 32 among 10 nodes.
        let (keys32, round32) = Self.nodes(10, fractionalBits: 32)
        Self.expectError("secure-aggregation", containing: "score") {
            _ = try SecureAggregation.mask([NamedAggregate("score", .vector([1e9]))], node: "n03", key: keys32["n03"]!, round: round32)
        }
    }

    @Test func whatCannotBeSummedIsRefused() throws {
        let (keys, round) = Self.nodes(3)
        let key = keys["n01"]!
        Self.expectError("secure-aggregation", containing: "levels") {
            _ = try SecureAggregation.mask([NamedAggregate("levels", .labels(["T1", "T2"]))], node: "n01", key: key, round: round)
        }
        Self.expectError("secure-aggregation", containing: "events") {
            _ = try SecureAggregation.mask([NamedAggregate("events", .counts([12, nil, 7]))], node: "n01", key: key, round: round)
        }
        Self.expectError("secure-aggregation", containing: "persons") {
            _ = try SecureAggregation.mask([NamedAggregate("persons", .count(nil))], node: "n01", key: key, round: round)
        }
        // Not a participant; a round that lists another key for this node; a round of two.
        Self.expectError("secure-aggregation", containing: "n09") {
            _ = try SecureAggregation.mask([NamedAggregate("n", .count(10))], node: "n09", key: key, round: round)
        }
        var swapped = round
        swapped.participants["n01"] = MaskingKey().publicKeyBase64
        Self.expectError("secure-aggregation", containing: "another public key") {
            _ = try SecureAggregation.mask([NamedAggregate("n", .count(10))], node: "n01", key: key, round: swapped)
        }
        var pair = round
        pair.participants["n02"] = nil
        Self.expectError("secure-aggregation", containing: "at least 3") {
            _ = try SecureAggregation.mask([NamedAggregate("n", .count(10))], node: "n01", key: key, round: pair)
        }
        var garbled = round
        garbled.participants["n02"] = "not a key"
        Self.expectError("secure-aggregation", containing: "n02") {
            _ = try SecureAggregation.mask([NamedAggregate("n", .count(10))], node: "n01", key: key, round: garbled)
        }
        #expect(throws: FederationError.self) { try MaskingKey(rawPrivateKey: Data(repeating: 1, count: 31)) }
    }

    // MARK: (2) sums

    @Test(arguments: [3, 5, 10])
    func theUnmaskedSumIsThePlainSum(nodeCount: Int) throws {
        var random = SplitMix(state: UInt64(nodeCount))
        let (keys, round) = Self.nodes(nodeCount)
        let replies = keys.keys.sorted().map { ($0, Self.reply(&random)) }
        let masked = try replies.map { try SecureAggregation.mask($1, node: $0, key: keys[$0]!, round: round) }
        let result = try SecureAggregation.unmask(replies: masked, corrections: [], fractionalBits: round.fractionalBits)

        #expect(result.map(\.name) == ["n", "events", "score", "information"])
        let plain = replies.map { Self.flat($0.1) }
        let counts = plain.reduce([Double](repeating: 0, count: 7)) { sum, x in zip(sum, x.prefix(7)).map { $0 + $1 } }
        #expect(result[0].value == .count(Int(counts[0])))
        #expect(result[1].value == .counts(counts.dropFirst().map { Int($0) }))
        guard case .vector(let score) = result[2].value, case .matrix(4, let information) = result[3].value else {
            Issue.record("unexpected shapes \(result)")
            return
        }
        let decoded = score + information
        for i in decoded.indices {
            let column = plain.map { $0[7 + i] }
            let sum = column.reduce(0, +)
            // Rounding of K encodings, plus the float error of the plain sum itself.
            let tolerance = Double(nodeCount) * 0x1p-24 + Double(nodeCount) * column.map { abs($0) }.reduce(0, +).ulp
            #expect(abs(decoded[i] - sum) <= tolerance, "value \(i): \(decoded[i]) vs \(sum)")
        }
    }

    // MARK: (3) a masked reply alone

    @Test func aMaskedReplyAloneLooksUniform() throws {
        let (keys, round) = Self.nodes(5)
        let plain = (0..<256).map { Double($0 % 7) }
        let encoded = plain.map { FixedPoint.encode($0, fractionalBits: 24) }
        var ones = 0, bitsPerPosition = [Int](repeating: 0, count: 64), words = 0
        for node in keys.keys.sorted() {
            let (values, layout) = Self.maskedValues(try SecureAggregation.mask([NamedAggregate("sums", .vector(plain))], node: node, key: keys[node]!, round: round))
            #expect(layout == [MaskedLayout(name: "sums", kind: .vector, length: 256)])
            #expect(values.count == 256)
            #expect(zip(values, encoded).allSatisfy { $0 != $1 })
            #expect(Set(values).count == 256)
            for value in values {
                ones += value.nonzeroBitCount
                for bit in 0..<64 where value >> bit & 1 == 1 { bitsPerPosition[bit] += 1 }
            }
            words += values.count
        }
        // 5 × 256 × 64 bits: the share of ones is 0.5 ± 0.0055 (4 sd); each bit position over 1,280 words 0.5 ± 0.07 (5 sd).
        let share = Double(ones) / Double(words * 64)
        #expect(abs(share - 0.5) < 0.0055, "share of one bits \(share)")
        #expect(bitsPerPosition.allSatisfy { abs(Double($0) / Double(words) - 0.5) < 0.07 }, "\(bitsPerPosition)")
    }

    // MARK: (4) dropout

    @Test func survivorsCorrectionsRecoverTheirExactSum() throws {
        var random = SplitMix(state: 44)
        let (keys, round) = Self.nodes(4)
        let names = keys.keys.sorted()
        let replies = Dictionary(uniqueKeysWithValues: names.map { ($0, Self.reply(&random)) })
        let dropped = "n02"
        let survivors = names.filter { $0 != dropped }
        let masked = try survivors.map { try SecureAggregation.mask(replies[$0]!, node: $0, key: keys[$0]!, round: round) }
        let (_, layout) = Self.maskedValues(masked[0])
        let length = layout.reduce(0) { $0 + $1.length }
        let corrections = try survivors.map {
            try SecureAggregation.correction(node: $0, key: keys[$0]!, round: round, dropped: [dropped], length: length)
        }
        let result = try SecureAggregation.unmask(replies: masked, corrections: corrections, fractionalBits: 24)
        let plain = survivors.map { Self.flat(replies[$0]!) }
        let decoded = Self.flat(result)
        for i in decoded.indices {
            let column = plain.map { $0[i] }
            let sum = column.reduce(0, +)
            if i < 7 {
                #expect(decoded[i] == sum, "count \(i)")
            } else {
                #expect(abs(decoded[i] - sum) <= 3 * 0x1p-24 + 3 * column.map { abs($0) }.reduce(0, +).ulp, "value \(i): \(decoded[i]) vs \(sum)")
            }
        }
        // Without the corrections the survivors' sum is noise.
        let uncorrected = Self.flat(try SecureAggregation.unmask(replies: masked, corrections: [], fractionalBits: 24))
        #expect(zip(uncorrected.prefix(7), plain.reduce([Double](repeating: 0, count: 7)) { s, x in zip(s, x).map { $0 + $1 } })
            .allSatisfy { $0 != $1 })
    }

    @Test func aNodeRefusesCorrectionsThatWouldExposeAnInput() throws {
        let (keys, round) = Self.nodes(4)
        let key = keys["n01"]!
        Self.expectError("secure-aggregation", containing: "own dropout") {
            _ = try SecureAggregation.correction(node: "n01", key: key, round: round, dropped: ["n01"], length: 3)
        }
        Self.expectError("secure-aggregation", containing: "intruder") {
            _ = try SecureAggregation.correction(node: "n01", key: key, round: round, dropped: ["intruder"], length: 3)
        }
        // Two survivors' sum would give each the other's input.
        Self.expectError("secure-aggregation", containing: "at least 3") {
            _ = try SecureAggregation.correction(node: "n01", key: key, round: round, dropped: ["n02", "n03"], length: 3)
        }
        Self.expectError("secure-aggregation", containing: "-1") {
            _ = try SecureAggregation.correction(node: "n01", key: key, round: round, dropped: ["n02"], length: -1)
        }
        #expect(try SecureAggregation.correction(node: "n01", key: key, round: round, dropped: [], length: 3) == [0, 0, 0])
    }

    @Test func unmaskRefusesMismatchedReplies() throws {
        let (keys, round) = Self.nodes(3)
        let a = try SecureAggregation.mask([NamedAggregate("n", .count(10)), NamedAggregate("s", .vector([1, 2]))], node: "n00", key: keys["n00"]!, round: round)
        let b = try SecureAggregation.mask([NamedAggregate("n", .count(10)), NamedAggregate("s", .vector([1, 2, 3]))], node: "n01", key: keys["n01"]!, round: round)
        Self.expectError("secure-aggregation", containing: "reply 2") {
            _ = try SecureAggregation.unmask(replies: [a, b], corrections: [], fractionalBits: 24)
        }
        let (values, layout) = Self.maskedValues(a)
        Self.expectError("secure-aggregation", containing: "correction 1") {
            _ = try SecureAggregation.unmask(masked: [values], corrections: [[1]], layout: layout, fractionalBits: 24)
        }
        Self.expectError("secure-aggregation", containing: "m") {
            _ = try SecureAggregation.unmask(masked: [[1, 2, 3, 4, 5]], corrections: [],
                                             layout: [MaskedLayout(name: "m", kind: .matrix, length: 5, rows: 2)], fractionalBits: 24)
        }
        Self.expectError("secure-aggregation", containing: "not masked") {
            _ = try SecureAggregation.unmask(replies: [NamedAggregate("n", .count(4))], corrections: [], fractionalBits: 24)
        }
    }

    // MARK: (5) masks bound to round and pair

    @Test func masksDifferAcrossRoundsAndPairsAndCancelWithinAPair() throws {
        let (keys, round) = Self.nodes(5, round: "r-1")
        var next = round
        next.id = "r-2"
        func pairMask(_ node: String, _ peer: String, _ round: MaskingRound) throws -> [UInt64] {
            try SecureAggregation.correction(node: node, key: keys[node]!, round: round, dropped: [peer], length: 32)
        }
        let ab = try pairMask("n00", "n01", round)
        #expect(ab != [UInt64](repeating: 0, count: 32))
        #expect(try pairMask("n00", "n01", next) != ab)
        #expect(try pairMask("n00", "n02", round) != ab)
        #expect(try pairMask("n03", "n04", round) != ab)
        // Both ends derive the same mask, with opposite signs: m_ab − m_ab = 0.
        #expect(zip(ab, try pairMask("n01", "n00", round)).allSatisfy { $0 &+ $1 == 0 })
        // A longer mask extends a shorter one (one keystream per pair and round).
        #expect(Array(try SecureAggregation.correction(node: "n00", key: keys["n00"]!, round: round, dropped: ["n01"], length: 40).prefix(32)) == ab)
    }

    // MARK: (6) test vector from Python `cryptography`

    @Test func theDerivationMatchesPythonCryptography() throws {
        guard ExternalProgram.hasPythonModule("cryptography") else {
            print("SecureAggregationTests: python3 module `cryptography` is absent (pip install cryptography); derivation vector skipped")
            return
        }
        let names = ["alpha", "beta", "gamma", "delta"]
        let raw = names.indices.map { i in Data((0..<32).map { UInt8(truncatingIfNeeded: 7 * $0 + 31 * i + 1) }) }
        var keys: [String: MaskingKey] = [:]
        for (name, bytes) in zip(names, raw) { keys[name] = try MaskingKey(rawPrivateKey: bytes) }
        let round = MaskingRound(id: "3f2a9c/model-pieces/2", fractionalBits: 24, participants: keys.mapValues(\.publicKeyBase64))
        let input: [Double] = [12, -3.25, 1e9, -0.001, 0]
        let masked = Self.maskedValues(try SecureAggregation.mask([NamedAggregate("x", .vector(input))], node: "beta", key: keys["beta"]!, round: round)).0
        let pair = try SecureAggregation.correction(node: "beta", key: keys["beta"]!, round: round, dropped: ["gamma"], length: 5)

        let script = """
        import json, sys
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
        spec = json.load(sys.stdin)
        private = {n: X25519PrivateKey.from_private_bytes(bytes.fromhex(h)) for n, h in spec["keys"].items()}
        public = {n: k.public_key() for n, k in private.items()}
        M = 2**64
        def mask(u, v, m):
            shared = private[u].exchange(public[v])
            lo, hi = sorted([u, v], key=lambda s: s.encode())
            info = ("optima-secagg|" + spec["round"] + "|" + lo + "|" + hi).encode()
            key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=info).derive(shared)
            # RFC 8439 ChaCha20: 4-byte little-endian block counter (1: block 0 keys Poly1305 in the AEAD) + 12-byte nonce.
            stream = Cipher(algorithms.ChaCha20(key, (1).to_bytes(4, "little") + bytes(12)), mode=None).encryptor().update(bytes(8 * m))
            return [int.from_bytes(stream[8*i:8*i+8], "little") for i in range(m)]
        u, x = spec["node"], spec["input"]
        y = [round(v * 2**24) % M for v in x]
        for v in private:
            if v == u: continue
            mv = mask(u, v, len(x))
            sign = 1 if v.encode() > u.encode() else -1
            y = [(a + sign * b) % M for a, b in zip(y, mv)]
        print(json.dumps({"masked": [str(v) for v in y], "pair": [str(v) for v in mask(u, "gamma", len(x))],
                          "public": {n: k.public_bytes_raw().hex() for n, k in public.items()}}))
        """
        let spec: [String: Any] = [
            "keys": Dictionary(uniqueKeysWithValues: zip(names, raw.map { $0.map { String(format: "%02x", $0) }.joined() })),
            "round": round.id, "node": "beta", "input": input,
        ]
        let result = try ExternalProgram.run(["python3", "-c", script], input: String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self))
        try #require(result.status == 0, "python3 failed: \(result.errors)")
        let reference = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let publicKeys = reference["public"] as! [String: String]
        for name in names {
            #expect(Data(base64Encoded: round.participants[name]!)!.map { String(format: "%02x", $0) }.joined() == publicKeys[name])
        }
        // beta < gamma, so beta's correction for a dropped gamma is +m_beta,gamma.
        #expect(pair.map(String.init) == reference["pair"] as! [String])
        #expect(masked.map(String.init) == reference["masked"] as! [String])
    }
}
