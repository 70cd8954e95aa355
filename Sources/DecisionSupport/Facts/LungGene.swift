/// The genes of broad molecular testing in advanced NSCLC (decision-support reference §4.2), with the results
/// each can carry. A result is `negative`, `positive`, or a named variant that matters for therapy choice.
public enum LungGene: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    case egfr = "EGFR", alk = "ALK", ros1 = "ROS1", braf = "BRAF", kras = "KRAS", met = "MET"
    case ret = "RET", ntrk = "NTRK", her2 = "HER2", nrg1 = "NRG1"

    /// The results accepted for this gene besides `negative`.
    public var acceptedResults: [String] {
        switch self {
        case .egfr: ["exon19-deletion", "L858R", "uncommon", "exon20-insertion", "positive"]
        case .braf: ["V600E", "other", "positive"]
        case .kras: ["G12C", "other", "positive"]
        case .met: ["exon14-skipping", "amplification", "positive"]
        case .her2: ["mutation", "positive"]
        case .alk, .ros1, .ret, .ntrk, .nrg1: ["fusion", "positive"]
        }
    }

    public static func < (a: LungGene, b: LungGene) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Tumour features that set the T category of a lung cancer besides its size (TNM 8, reference §4.1).
public enum LungTumourFeature: String, Sendable, Codable, CaseIterable {
    case inSitu = "in-situ"
    case minimallyInvasive = "minimally-invasive"
    // T2
    case mainBronchus = "main-bronchus", visceralPleura = "visceral-pleura", atelectasisToHilum = "atelectasis-to-hilum"
    // T3
    case chestWall = "chest-wall", phrenicNerve = "phrenic-nerve", parietalPericardium = "parietal-pericardium"
    case noduleSameLobe = "nodule-same-lobe"
    // T4
    case diaphragm, mediastinum, heart, greatVessels = "great-vessels", trachea
    case recurrentLaryngealNerve = "recurrent-laryngeal-nerve", oesophagus, vertebralBody = "vertebral-body", carina
    case noduleOtherIpsilateralLobe = "nodule-other-ipsilateral-lobe"
}

/// Treatment a patient has had, at the level the tools and the similar-patient outcomes use.
public enum TreatmentClass: String, Sendable, Codable, CaseIterable {
    case surgery, radicalProstatectomy = "radical-prostatectomy", radiotherapy
    case androgenDeprivation = "androgen-deprivation", chemotherapy, endocrineTherapy = "endocrine-therapy"
    case trastuzumab, bisphosphonate, immunotherapy, targetedTherapy = "targeted-therapy"
}
