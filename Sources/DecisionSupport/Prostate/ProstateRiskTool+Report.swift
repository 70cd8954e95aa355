extension ProstateRiskTool {
    /// What the three parts collect while classifying: missing facts, caveats.
    struct Report {
        var missing: [MissingFact] = []
        var caveats: [String] = []

        /// Records the facts a part could not do without.
        mutating func block(_ facts: PatientFacts, t: String?, part: String, extra: [(FactName, Bool)] = []) {
            let needed: [(FactName, Bool)] = [("psa", facts.psa == nil), ("gradeGroup", facts.effectiveGradeGroup == nil && part != "CAPRA score"),
                                              ("t", t == nil)] + extra
            for (fact, absent) in needed where absent {
                let what = fact == "t" && facts.t != nil ? "a clinical T of cT1–cT4" : fact
                missing.append(MissingFact(fact, .blocks, "\(part) not classified without \(what)"))
            }
        }

        /// Notes the staging read by default: cN and M not given, and a cT without the subcategory the tables need.
        mutating func noteStaging(_ facts: PatientFacts, t: String?, eau: EAURiskGroup?, nccn: NCCNRiskGroup?) {
            if facts.n == nil, eau != nil || nccn != nil {
                missing.append(MissingFact("n", .skipsCriterion, "cN not given, read as cN0: cN+ would make the EAU group locally advanced and the NCCN group regional"))
            }
            if facts.m == nil, nccn != nil {
                missing.append(MissingFact("m", .skipsCriterion, "M not given, read as M0: M1 would make the NCCN group metastatic"))
            }
            let subcategoryNotes = [
                "T1": "cT1 without a subcategory is not read as cT1c, so NCCN very low risk is not assigned",
                "T2": "cT2 without a subcategory is read as cT2a; cT2b or cT2c would raise the EAU and NCCN groups",
                "T3": "cT3 without a subcategory is read as cT3a; cT3b would make the NCCN group very high",
            ]
            if let t, let note = subcategoryNotes[t] { missing.append(MissingFact("t", .skipsCriterion, note)) }
        }

        /// The facts the parts read, in words.
        func used(_ facts: PatientFacts) -> [UsedFact] {
            var used: [UsedFact] = []
            func add(_ name: FactName, _ value: String?) { if let value { used.append(UsedFact(name, value)) } }
            add("psa", facts.psa.map { "\($0.factText) ng/mL" })
            add("gradeGroup", facts.effectiveGradeGroup.map { "ISUP grade group \($0)" })
            add("gleasonPrimary", facts.gleasonPrimary.map { "\($0)" })
            add("gleasonSecondary", facts.gleasonSecondary.map { "\($0)" })
            add("t", facts.t.map { "c\($0.code)" })
            add("n", facts.n.map { "c\($0.code)" })
            add("m", facts.m.map { $0.code })
            add("biopsyCoresPositive", facts.biopsyCoresPositive.map { "\($0)" })
            add("biopsyCoresTaken", facts.biopsyCoresTaken.map { "\($0)" })
            add("maxCoreInvolvementPercent", facts.maxCoreInvolvementPercent.map { "\($0.factText) %" })
            add("coresGradeGroup4OrMore", facts.coresGradeGroup4OrMore.map { "\($0)" })
            add("psaDensity", facts.psaDensity.map { "\($0.factText) ng/mL/g" })
            add("age", facts.age.map { "\($0.factText) years" })
            return used
        }
    }
}
