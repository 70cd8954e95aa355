/// What immunohistochemistry says about a tumour, each item true, false or unknown (nil), read against the
/// St Gallen cut-offs. Unknown items leave several subtypes possible; the tool names the facts that would decide.
struct BreastReceptorProfile: Sendable, Equatable {
    enum Item: CaseIterable {
        case er, pr, prHigh, her2, ki67High

        /// The patient fact that answers this item.
        var fact: FactName {
            switch self {
            case .er: "erStatus"
            case .pr, .prHigh: "prPercent"
            case .her2: "her2Status"
            case .ki67High: "ki67Percent"
            }
        }
    }

    private var values: [Item: Bool] = [:]

    init(_ facts: PatientFacts, cutOffs: BreastSubtypeCutOffs) {
        values[.er] = facts.effectiveERStatus.map { $0 == .positive }
        values[.pr] = facts.effectivePRStatus.map { $0 == .positive }
        values[.prHigh] = facts.prPercent.map { $0 >= cutOffs.prHighPercent }
        values[.her2] = facts.her2Status.map { $0 == .positive }
        values[.ki67High] = facts.ki67Percent.map { $0 >= cutOffs.ki67HighPercent }
        normalise()
    }

    subscript(item: Item) -> Bool? { values[item] }

    /// Hormone-receptor positive: ER or PR positive.
    var hormoneReceptorPositive: Bool? { BreastReceptorProfile.or(self[.er], self[.pr]) }

    /// The subtypes these findings leave possible, in `BreastSubtype` order.
    var candidates: [BreastSubtype] {
        BreastSubtype.allCases.filter { holds($0) != false }
    }

    /// The unknown items whose value would narrow `candidates`.
    var decidingUnknowns: [Item] {
        let now = candidates
        return Item.allCases.filter { item in
            self[item] == nil && [true, false].contains { setting(item, to: $0).candidates != now }
        }
    }

    /// Whether the findings meet a subtype's definition (reference §3.3), nil when unknown items leave it open.
    func holds(_ subtype: BreastSubtype) -> Bool? {
        let hr = hormoneReceptorPositive, her2 = self[.her2]
        let prHigh = self[.prHigh], ki67High = self[.ki67High]
        switch subtype {
        case .luminalALike: return Self.and(hr, Self.not(her2), prHigh, Self.not(ki67High))
        case .luminalBLikeHER2Negative: return Self.and(hr, Self.not(her2), Self.or(ki67High, Self.not(prHigh)))
        case .luminalBLikeHER2Positive: return Self.and(hr, her2)
        case .her2PositiveNonLuminal: return Self.and(Self.not(hr), her2)
        case .tripleNegative: return Self.and(Self.not(hr), Self.not(her2))
        }
    }

    private func setting(_ item: Item, to value: Bool) -> BreastReceptorProfile {
        var copy = self
        copy.values[item] = value
        copy.normalise()
        return copy
    }

    /// PR negative means PR below 20 %; PR at 20 % or more means PR positive.
    private mutating func normalise() {
        if values[.pr] == false { values[.prHigh] = false }
        if values[.prHigh] == true, values[.pr] == nil { values[.pr] = true }
    }

    // Three-valued (Kleene) logic: nil is unknown.
    private static func not(_ a: Bool?) -> Bool? { a.map { !$0 } }

    private static func and(_ items: Bool?...) -> Bool? {
        if items.contains(false) { return false }
        return items.allSatisfy { $0 == true } ? true : nil
    }

    private static func or(_ items: Bool?...) -> Bool? {
        if items.contains(true) { return true }
        return items.allSatisfy { $0 == false } ? false : nil
    }
}
