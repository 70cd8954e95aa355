extension TNMCategory {
    /// The clinical T code as the prostate tables list it (`T1c`, `T2`, `T3b`, `T4`), or nil when the category
    /// is not a prostate cT1–cT4 (TX, T0, Tis, T1mi). Prostate has no T4 subcategories, so any reads as `T4`.
    var prostateCode: String? {
        guard axis == .t, let number, (1...4).contains(number), subcategory != "mi" else { return nil }
        return number == 4 ? "T4" : code
    }

    /// Whether a node or metastasis category is positive (N1…, M1…).
    var isNodeOrMetastasisPositive: Bool {
        (number ?? 0) >= 1
    }
}
