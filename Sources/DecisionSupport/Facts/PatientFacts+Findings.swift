import Foundation
import OMOP

/// One recorded result about a patient (a measurement row or a FHIR Observation) before it is chosen as a fact.
/// OMOP and FHIR readers both produce these, so that one rule picks the value at diagnosis from either source.
struct RecordedFinding {
    enum Kind: Hashable {
        case t, n, m, stageGroup, grade, psa, gleasonScore, gradeGroup, coresPositive, coresTaken
        case er, erPercent, pr, prPercent, her2, ki67, tumourSizeMM, positiveNodes, pdl1, gene(LungGene)
    }

    enum Value {
        case number(Double)
        case status(MarkerStatus)
        case category(TNMCategory)
        case text(String)
    }

    let kind: Kind
    let value: Value
    let date: CDMDate
    /// Linked to the diagnosis by the record itself (`measurement_event_id`, FHIR `focus`).
    let linked: Bool
    /// Among equally placed results, the higher wins: a pathological over a clinical category, a sub-stage over a stage.
    let rank: Int
    /// Where the value came from, for error messages: `measurement 17`, `Observation/abc valueQuantity`.
    let source: String

    init(_ kind: Kind, _ value: Value, date: CDMDate, linked: Bool = false, rank: Int = 0, source: String) {
        self.kind = kind
        self.value = value
        self.date = date
        self.linked = linked
        self.rank = rank
        self.source = source
    }
}

extension RecordedFinding.Kind {
    /// The possible range of a numeric finding and its unit; values outside it are errors, not facts.
    var possibleRange: (range: ClosedRange<Double>, unit: String)? {
        switch self {
        case .psa: (0...10_000, "ng/mL")
        case .erPercent, .prPercent, .ki67, .pdl1: (0...100, "%")
        case .tumourSizeMM: (0...500, "mm")
        case .grade: (1...3, "")
        case .gleasonScore: (2...10, "")
        case .gradeGroup: (1...5, "")
        case .coresPositive, .positiveNodes: (0...100, "")
        case .coresTaken: (1...100, "")
        default: nil
        }
    }

    /// The PatientFacts field this finding sets.
    var field: String {
        switch self {
        case .t: "t"
        case .n: "n"
        case .m: "m"
        case .stageGroup: "stageGroup"
        case .grade: "grade"
        case .psa: "psa"
        case .gleasonScore, .gradeGroup: "gradeGroup"
        case .coresPositive: "biopsyCoresPositive"
        case .coresTaken: "biopsyCoresTaken"
        case .er: "erStatus"
        case .erPercent: "erPercent"
        case .pr: "prStatus"
        case .prPercent: "prPercent"
        case .her2: "her2Status"
        case .ki67: "ki67Percent"
        case .tumourSizeMM: "tumourSizeMM"
        case .positiveNodes: "positiveNodes"
        case .pdl1: "pdl1TPS"
        case .gene(let gene): "lungBiomarkers.\(gene.rawValue)"
        }
    }
}

extension PatientFacts {
    /// Days around the diagnosis within which an unlinked staging or tumour result belongs to it.
    static let stagingWindowDays = 90
    /// Days before the diagnosis within which a PSA counts as the PSA at diagnosis.
    static let psaWindowDays = 180

    /// Sets the facts the findings give: impossible values throw (naming their source); for each fact the result
    /// linked to the diagnosis wins, else the one nearest the diagnosis within its window. Without a diagnosis,
    /// only PSA (the latest) is read: tumour findings need a tumour.
    mutating func apply(_ findings: [RecordedFinding]) throws(PatientFactsError) {
        var issues: [PatientFactsError.Issue] = []
        for finding in findings {
            guard case .number(let number) = finding.value, let (range, unit) = finding.kind.possibleRange else { continue }
            if !range.contains(number) {
                let shown = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
                issues.append(.init(field: finding.kind.field, message: "\(finding.source): \(shown) \(unit) is outside the possible range "
                                    + "\(Int(range.lowerBound))–\(Int(range.upperBound)) \(unit)".trimmingCharacters(in: .whitespaces)))
            }
        }
        guard issues.isEmpty else { throw PatientFactsError(issues) }

        let byKind = Dictionary(grouping: findings, by: \.kind)
        psa = Self.psaAtDiagnosis(byKind[.psa] ?? [], diagnosis: diagnosisDate)?.number
        guard let diagnosis = diagnosisDate else { return }
        func chosen(_ kind: RecordedFinding.Kind, window: ClosedRange<Int> = -Self.stagingWindowDays...Self.stagingWindowDays) -> [RecordedFinding] {
            let candidates = byKind[kind] ?? []
            let linked = candidates.filter(\.linked)
            let pool = linked.isEmpty ? candidates.filter { window.contains(diagnosis.days(to: $0.date)) } : linked
            return pool.sorted { a, b in
                if a.rank != b.rank { return a.rank > b.rank }
                let da = abs(diagnosis.days(to: a.date)), db = abs(diagnosis.days(to: b.date))
                return da != db ? da < db : a.date < b.date
            }
        }
        t = chosen(.t).first?.category
        n = chosen(.n).first?.category
        m = chosen(.m).first?.category
        stageGroup = chosen(.stageGroup).first?.text
        grade = chosen(.grade).first?.integer
        gradeGroup = chosen(.gradeGroup).first?.integer ?? chosen(.gleasonScore).first?.integer.flatMap(Self.gradeGroup(gleasonScore:))
        let cores = -Self.psaWindowDays...Self.stagingWindowDays
        biopsyCoresPositive = chosen(.coresPositive, window: cores).first?.integer
        biopsyCoresTaken = chosen(.coresTaken, window: cores).first?.integer
        erStatus = chosen(.er).first?.status
        erPercent = chosen(.erPercent).first?.number
        prStatus = chosen(.pr).first?.status
        prPercent = chosen(.prPercent).first?.number
        // HER2 is positive when any test of the diagnosis says so (IHC 3+ or ISH amplified, ASCO/CAP).
        let her2 = chosen(.her2).compactMap(\.status)
        her2Status = her2.contains(.positive) ? .positive : her2.first
        ki67Percent = chosen(.ki67).first?.number
        tumourSizeMM = chosen(.tumourSizeMM).first?.number
        positiveNodes = chosen(.positiveNodes).first?.integer
        pdl1TPS = chosen(.pdl1).first?.number
        var genes: [LungGene: String] = [:]
        for gene in LungGene.allCases {
            if let finding = chosen(.gene(gene)).first, let result = finding.text ?? finding.status?.rawValue { genes[gene] = result }
        }
        lungBiomarkers = genes.isEmpty ? nil : genes
    }

    /// The latest PSA on or up to 180 days before the diagnosis; without a diagnosis, the latest PSA.
    private static func psaAtDiagnosis(_ findings: [RecordedFinding], diagnosis: CDMDate?) -> RecordedFinding? {
        let pool = diagnosis.map { day in findings.filter { (-psaWindowDays...0).contains(day.days(to: $0.date)) } } ?? findings
        return pool.max { $0.date < $1.date }
    }

    /// The ISUP grade group a Gleason score alone fixes (Epstein 2016): ≤ 6 → 1, 8 → 4, 9–10 → 5; a 7 is 3+4 or
    /// 4+3 and so gives none.
    static func gradeGroup(gleasonScore score: Int) -> Int? {
        switch score {
        case ...6: 1
        case 8: 4
        case 9...: 5
        default: nil
        }
    }
}

extension RecordedFinding {
    var number: Double? {
        if case .number(let number) = value { return number }
        return nil
    }

    var integer: Int? {
        number.flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
    }

    var status: MarkerStatus? {
        if case .status(let status) = value { return status }
        return nil
    }

    var category: TNMCategory? {
        if case .category(let category) = value { return category }
        return nil
    }

    var text: String? {
        if case .text(let text) = value { return text }
        return nil
    }
}
