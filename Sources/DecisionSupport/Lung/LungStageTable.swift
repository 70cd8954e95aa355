import Foundation

/// The TNM 8 lung stage groups of `lung-tnm8-stage.tsv`: one row per T × N × M (reference §4.1).
struct LungStageTable: Sendable {
    /// The group of each combination; nil when the table says the stage cannot be assigned (`-`).
    let groups: [Key: String?]
    /// The T categories the table has rows for; other T codes (T0, T2c, T3a, T4b) belong to other cancers or editions.
    let tCategories: Set<String>

    struct Key: Hashable, Sendable {
        let t: String, n: String, m: String
    }

    static let fileName = "lung-tnm8-stage.tsv"

    init() throws {
        try self.init(text: RuleFile.text(Self.fileName))
    }

    /// Reads the TSV: `#` comment lines, a `T N M stage` header, then one row per combination, each exactly once.
    init(text: String) throws {
        var groups: [Key: String?] = [:]
        var sawHeader = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else {
                throw RuleFileError(file: Self.fileName, reason: "line \(index + 1): expected 4 tab-separated fields")
            }
            if !sawHeader {
                sawHeader = true
                continue
            }
            let key = Key(t: fields[0], n: fields[1], m: fields[2])
            guard groups[key] == nil else {
                throw RuleFileError(file: Self.fileName, reason: "line \(index + 1): \(fields[0]) \(fields[1]) \(fields[2]) repeated")
            }
            groups[key] = fields[3] == "-" ? .some(nil) : fields[3]
        }
        self.groups = groups
        tCategories = Set(groups.keys.map(\.t))
    }

    /// The group for a combination: `.some(nil)` when the table has the row but no group, nil when it has no row.
    func group(t: String, n: String, m: String) -> String?? {
        groups[Key(t: t, n: n, m: m)]
    }
}
