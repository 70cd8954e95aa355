extension LungStageTool {
    /// The T category the stage table is read with, and where it came from.
    struct Tumour {
        var category: String?
        /// Nil when T was recorded as a full lung category.
        var derivedFrom: [String]?
    }

    /// T from the record when it is a full lung category, else derived from size and features (§4.1). Records what
    /// it used; a missing fact that blocks M0 staging is added to `missing` (stage IV needs no T).
    func tumour(_ facts: PatientFacts, used: inout [UsedFact], missing: inout [MissingFact], caveats: inout [String]) -> Tumour {
        let features = facts.lungTumourFeatures ?? []
        if let t = facts.t, table.tCategories.contains(t.code) {
            used.append(UsedFact("t", t.code))
            return Tumour(category: t.code)
        }
        if let t = facts.t, t.subcategory.isEmpty, let number = t.number, number == 1 || number == 2, facts.tumourSizeMM == nil {
            used.append(UsedFact("t", t.code))
            missing.append(MissingFact("tumourSizeMM", .blocks, "\(t.code) without a subcategory: the size sets T\(number)a–\(number == 1 ? "c" : "b")"))
            return Tumour()
        }
        guard let derived = tRules.derive(sizeMM: facts.tumourSizeMM, features: features) else {
            let note = facts.t.map { "\($0.code) is not a TNM 8 lung T category; give t (TX, Tis, T1mi–T4) or tumourSizeMM" }
                ?? "give t (TX, Tis, T1mi–T4), or tumourSizeMM and lungTumourFeatures to derive it"
            missing.append(MissingFact("t", .blocks, note))
            return Tumour()
        }
        var category = derived.category
        if let t = facts.t {
            used.append(UsedFact("t", t.code))
            if t.number == 2, derived.category.hasPrefix("T1") {
                category = "T2a"
                caveats.append("Recorded T2 with a tumour of T1 size: read as T2a (a T2 feature).")
            } else if let number = t.number, !derived.category.hasPrefix("T\(number)") {
                caveats.append("Recorded \(t.code) but size and features give \(derived.category); \(derived.category) used.")
            }
        }
        if let size = facts.tumourSizeMM { used.append(UsedFact("tumourSizeMM", "\(size.factText) mm")) }
        if !features.isEmpty { used.append(UsedFact("lungTumourFeatures", features.map(\.rawValue).joined(separator: ", "))) }
        if derived.sizeNeeded {
            missing.append(MissingFact("tumourSizeMM", .widensUncertainty,
                                       "\(derived.category) from \(derived.from.joined(separator: ", ")) is the lowest possible category; a larger tumour raises it"))
        }
        if !derived.contradicted.isEmpty {
            caveats.append("\(derived.contradicted.joined(separator: ", ")) ignored: the tumour is larger than the definition allows.")
        }
        return Tumour(category: category, derivedFrom: category == derived.category ? derived.from : derived.from + ["t T2"])
    }
}
