import Crypto
import Foundation

/// Secure aggregation by pairwise masking (Bonawitz et al., CCS 2017, without self-masks and Shamir shares; see
/// federated-algorithms.md §5): every pair of nodes derives a mask only the two of them know; one adds it, the
/// other subtracts it, so the coordinator's sum over all nodes is the sum of their inputs while each masked reply
/// alone is uniform noise in Z_2^64.
///
/// Threat model: an honest-but-curious coordinator and fewer than K − 1 colluding nodes. The coordinator relays
/// the public keys, so it must relay them faithfully (an active coordinator that swaps keys can unmask a node).
/// After a dropout, survivors reveal their masks with the dropped nodes (`correction`); a coordinator that also
/// holds a late reply of a node it declared dropped could then unmask that node. The coordinator must therefore
/// discard every reply of a dropped node, and a node should answer at most one correction per round.
public enum SecureAggregation {
    /// The fewest nodes a masked sum may have: with two, the sum and one's own input reveal the other's.
    public static let minimumParticipants = 3
    /// The longest vector a node masks or corrects (8 bytes each): a bound against a request that would exhaust
    /// the node's memory.
    public static let maximumLength = 1 << 24

    /// Node side. Flattens the aggregates (`.count`, `.counts` (no suppressed nil cells), `.vector`, `.matrix`) in
    /// order into one vector, fixed-point encodes it with `round.fractionalBits` (see `FixedPoint` for the headroom
    /// rule: K · |x| · 2^f < 2^62), and adds the pairwise masks with every other participant:
    /// y_u = enc(x_u) + Σ_{v>u} m_uv − Σ_{v<u} m_uv (wrapping; names ordered by their UTF-8 bytes).
    /// Returns one `NamedAggregate("masked", .masked(values: y, layout: layout))`.
    public static func mask(_ aggregates: [NamedAggregate], node: String, key: MaskingKey, round: MaskingRound) throws -> NamedAggregate {
        try checkRound(round, node: node, key: key)
        let (values, layout) = try flatten(aggregates, round: round)
        let f = round.fractionalBits
        let limit = FixedPoint.limit(fractionalBits: f, participants: round.participants.count)
        var masked = [UInt64]()
        masked.reserveCapacity(values.count)
        for (value, name) in values {
            guard value.isFinite, abs(value) < limit else {
                throw FederationError("secure-aggregation", "aggregate \(name) holds a value too large for \(f) fractional bits among "
                    + "\(round.participants.count) nodes in round \(round.id) (|x| must stay below \(limit)): lower the fractional bits or scale it")
            }
            masked.append(FixedPoint.encode(value, fractionalBits: f))
        }
        for (peer, peerKey) in round.participants where peer != node {
            let mask = try PairwiseMask.stream(
                PairwiseMask.key(node: node, key: key, peer: peer, peerPublicKeyBase64: peerKey, round: round.id), count: masked.count)
            accumulate(&masked, mask, subtract: PairwiseMask.precedes(peer, node))
        }
        return NamedAggregate("masked", .masked(values: masked, layout: layout))
    }

    /// Node side, after a dropout: c_u = Σ_{v ∈ dropped} (v > u ? m_uv : −m_uv) for this round, `length` words.
    /// Refuses when `dropped` names this node or a node outside the round, or leaves fewer than
    /// `minimumParticipants` survivors (their sum would reveal a node's input).
    public static func correction(node: String, key: MaskingKey, round: MaskingRound, dropped: [String], length: Int) throws -> [UInt64] {
        try checkRound(round, node: node, key: key)
        let dropped = Set(dropped)
        if dropped.contains(node) {
            throw FederationError("secure-aggregation", "node \(node) is asked to correct round \(round.id) for its own dropout")
        }
        if let stranger = dropped.sorted().first(where: { round.participants[$0] == nil }) {
            throw FederationError("secure-aggregation", "node \(stranger), declared dropped, is not a participant of round \(round.id)")
        }
        if round.participants.count - dropped.count < minimumParticipants {
            throw FederationError("secure-aggregation", "round \(round.id) would keep \(round.participants.count - dropped.count) nodes "
                + "after \(dropped.count) dropped; a masked sum needs at least \(minimumParticipants)")
        }
        guard (0...maximumLength).contains(length) else {
            throw FederationError("secure-aggregation", "a correction for round \(round.id) must have 0 to \(maximumLength) values, not \(length)")
        }
        var correction = [UInt64](repeating: 0, count: length)
        for peer in dropped {
            let mask = try PairwiseMask.stream(
                PairwiseMask.key(node: node, key: key, peer: peer, peerPublicKeyBase64: round.participants[peer]!, round: round.id), count: length)
            accumulate(&correction, mask, subtract: PairwiseMask.precedes(peer, node))
        }
        return correction
    }

    /// The node takes part, the round lists its own public key (not one the coordinator substituted), the round is
    /// large enough, and the precision is usable.
    private static func checkRound(_ round: MaskingRound, node: String, key: MaskingKey) throws {
        guard let listed = round.participants[node] else {
            throw FederationError("secure-aggregation", "node \(node) is not a participant of masking round \(round.id)")
        }
        guard listed == key.publicKeyBase64 else {
            throw FederationError("secure-aggregation", "masking round \(round.id) lists another public key for node \(node) than the one it announced")
        }
        guard round.participants.count >= minimumParticipants else {
            throw FederationError("secure-aggregation", "masking round \(round.id) has \(round.participants.count) nodes; "
                + "a masked sum needs at least \(minimumParticipants)")
        }
        guard (0...FixedPoint.maximumFractionalBits).contains(round.fractionalBits) else {
            throw FederationError("secure-aggregation", "masking round \(round.id) asks for \(round.fractionalBits) fractional bits; "
                + "use 0 to \(FixedPoint.maximumFractionalBits)")
        }
    }

    /// The aggregates' numbers in order, each with its aggregate's name (for errors), and the layout that splits
    /// them back.
    private static func flatten(_ aggregates: [NamedAggregate], round: MaskingRound) throws -> ([(Double, String)], [MaskedLayout]) {
        var values: [(Double, String)] = []
        var layout: [MaskedLayout] = []
        for aggregate in aggregates {
            let name = aggregate.name
            switch aggregate.value {
            case .count(let count?):
                values.append((Double(count), name))
                layout.append(MaskedLayout(name: name, kind: .count, length: 1))
            case .counts(let counts):
                for count in counts {
                    guard let count else {
                        throw FederationError("secure-aggregation", "aggregate \(name) has a suppressed cell; masked sums need every cell (round \(round.id))")
                    }
                    values.append((Double(count), name))
                }
                layout.append(MaskedLayout(name: name, kind: .counts, length: counts.count))
            case .vector(let vector):
                values.append(contentsOf: vector.map { ($0, name) })
                layout.append(MaskedLayout(name: name, kind: .vector, length: vector.count))
            case .matrix(let rows, let matrix):
                guard rows >= 0, rows * rows == matrix.count else {
                    throw FederationError("secure-aggregation", "aggregate \(name) is a matrix of \(rows) rows with \(matrix.count) values (round \(round.id))")
                }
                values.append(contentsOf: matrix.map { ($0, name) })
                layout.append(MaskedLayout(name: name, kind: .matrix, length: matrix.count, rows: rows))
            case .count(nil):
                throw FederationError("secure-aggregation", "aggregate \(name) is a suppressed count; masked sums need its value (round \(round.id))")
            case .labels:
                throw FederationError("secure-aggregation", "aggregate \(name) holds labels, which cannot be summed (round \(round.id))")
            case .masked:
                throw FederationError("secure-aggregation", "aggregate \(name) is already masked (round \(round.id))")
            }
        }
        guard values.count <= maximumLength else {
            throw FederationError("secure-aggregation", "round \(round.id) would mask \(values.count) values; at most \(maximumLength)")
        }
        return (values, layout)
    }

    /// `target ± mask`, element-wise and wrapping (arithmetic in Z_2^64).
    static func accumulate(_ target: inout [UInt64], _ mask: [UInt64], subtract: Bool) {
        if subtract {
            for i in target.indices { target[i] &-= mask[i] }
        } else {
            for i in target.indices { target[i] &+= mask[i] }
        }
    }
}
