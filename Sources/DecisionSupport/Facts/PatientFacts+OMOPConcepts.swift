import OMOP

/// What the OMOP concepts Optima writes (synthetic generator, FHIR importer) mean as patient facts. Concept ids
/// come from `ConceptID` (one place for each); the LOINC-mapped ones the FHIR importer writes for Synthea and mCODE
/// data are those of the shipped vocabulary subset (fhir-to-omop reference §4.3). Decision-support reference §5.2.
enum OMOPFactConcepts {
    /// The root diagnosis concept of each cancer: its concept_ancestor descendants are that cancer.
    static let cancerRoots: [(concept: Int64, site: CancerSite)] = [
        (ConceptID.Cancer.malignantTumorOfProstate, .prostate),
        (ConceptID.Cancer.malignantTumorOfBreast, .breast),
        (ConceptID.Cancer.malignantTumorOfLung, .lung),
    ]

    /// Diagnosis concepts recognised by themselves, for a vocabulary without concept_ancestor rows.
    static let cancerConcepts: [Int64: CancerSite] = [
        ConceptID.Cancer.malignantTumorOfProstate: .prostate, ConceptID.Cancer.primaryMalignantNeoplasmOfProstate: .prostate,
        ConceptID.Cancer.malignantTumorOfBreast: .breast, ConceptID.Cancer.infiltratingDuctCarcinomaOfBreast: .breast,
        ConceptID.Cancer.lobularCarcinomaOfBreast: .breast,
        ConceptID.Cancer.malignantTumorOfLung: .lung, ConceptID.Cancer.nonSmallCellLungCancer: .lung,
        ConceptID.Cancer.adenocarcinomaOfLung: .lung, ConceptID.Cancer.squamousCellCarcinomaOfLung: .lung,
        ConceptID.Cancer.largeCellCarcinomaOfLung: .lung, ConceptID.Cancer.smallCellCarcinomaOfLung: .lung,
    ]

    /// Histology by diagnosis concept or ancestor, most specific first.
    static let histologies: [(concept: Int64, histology: Histology)] = [
        (ConceptID.Cancer.smallCellCarcinomaOfLung, .smallCell),
        (ConceptID.Cancer.adenocarcinomaOfLung, .adenocarcinoma),
        (ConceptID.Cancer.squamousCellCarcinomaOfLung, .squamous),
        (ConceptID.Cancer.largeCellCarcinomaOfLung, .largeCell),
        (ConceptID.Cancer.nonSmallCellLungCancer, .nonSmallCell),
        (ConceptID.Cancer.infiltratingDuctCarcinomaOfBreast, .ductal),
        (ConceptID.Cancer.lobularCarcinomaOfBreast, .lobular),
    ]

    /// Cancer modifier concepts → TNM category.
    static let tnm: [Int64: TNMCategory] = {
        let modifier = ConceptID.Modifier.self
        let codes: [(Int64, String, TNMCategory.Axis)] = [
            (modifier.t1, "T1", .t), (modifier.t2, "T2", .t), (modifier.t3, "T3", .t), (modifier.t4, "T4", .t),
            (modifier.n0, "N0", .n), (modifier.n1, "N1", .n), (modifier.n2, "N2", .n), (modifier.n3, "N3", .n),
            (modifier.m0, "M0", .m), (modifier.m1, "M1", .m),
        ]
        var map: [Int64: TNMCategory] = [:]
        for (concept, code, axis) in codes { map[concept] = TNMCategory(code, axis: axis) }
        return map
    }()

    /// Stage group modifiers, by `ConceptID.Modifier.stages` index.
    static let stageGroups = ["I", "II", "III", "IV"]

    /// HER2 by in-situ hybridisation (LOINC 85318-4, what Synthea writes): the importer keeps its text result.
    static let her2FISH: Int64 = 36_203_113
    /// LOINC 33728-7 "Size.maximum dimension in Tumor" (Synthea records it in cm).
    static let tumourMaximumDimension: Int64 = 3_046_581

    /// UCUM centimetre, the unit of Synthea's tumour sizes.
    static let centimetre: Int64 = 8582

    /// Every measurement concept the reader looks at.
    static var measurementConcepts: [Int64] {
        Array(tnm.keys) + ConceptID.Modifier.stages + ConceptID.Modifier.grades + Array(genes.keys) + [
            ConceptID.Marker.psa, ConceptID.Marker.gleasonScore, ConceptID.Marker.isupGradeGroup,
            ConceptID.Marker.biopsyCoresPositive, ConceptID.Marker.biopsyCoresTaken,
            ConceptID.Marker.estrogenReceptor, ConceptID.Marker.progesteroneReceptor, ConceptID.Marker.her2, her2FISH,
            ConceptID.Marker.ki67, ConceptID.Marker.tumorSize, tumourMaximumDimension, ConceptID.Marker.lymphNodesPositive,
            ConceptID.Marker.pdl1TumorProportionScore,
        ]
    }

    /// Marker codes without a concept in the shipped vocabulary (HER2 48676-1, ER 16112-5, PR 16113-3, EGFR
    /// 21665-5, PD-L1 83052-1 / 85147-7, Gleason 35266-6): the importer writes concept 0 and the LOINC code as
    /// `measurement_source_value`, so they are matched by that code.
    static let unmappedKinds: [String: RecordedFinding.Kind] = {
        let kinds: Set<RecordedFinding.Kind> = [.er, .pr, .her2, .gene(.egfr), .pdl1, .gleasonScore]
        return FHIRFactsCodes.observations.filter { kinds.contains($0.value.kind) && $0.key.contains("-") }.mapValues(\.kind)
    }()

    static var unmappedCodes: String {
        unmappedKinds.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    static let genes: [Int64: LungGene] = [
        ConceptID.Marker.egfr: .egfr, ConceptID.Marker.alk: .alk, ConceptID.Marker.ros1: .ros1,
        ConceptID.Marker.kras: .kras, ConceptID.Marker.braf: .braf,
    ]

    /// `value_as_concept_id` → result: positive and detected are positive; negative and not detected negative.
    static func status(_ valueConcept: Int64?) -> MarkerStatus? {
        switch valueConcept {
        case ConceptID.Value.positive, ConceptID.Value.detected: .positive
        case ConceptID.Value.negative, ConceptID.Value.notDetected: .negative
        default: nil
        }
    }

    /// Chronic conditions of the Charlson type (diabetes, COPD, chronic kidney disease, coronary disease) that
    /// count as PREDICT Prostate's comorbidity; hypertension, obesity and osteoarthritis do not.
    static let comorbidities: [Int64] = [
        ConceptID.Comorbidity.type2Diabetes, ConceptID.Comorbidity.copd,
        ConceptID.Comorbidity.chronicKidneyDiseaseStage3, ConceptID.Comorbidity.coronaryArteriosclerosis,
    ]

    /// Procedures, drugs (ingredients) and regimens → the treatment classes they are.
    static let treatments: [Int64: [TreatmentClass]] = {
        let procedure = ConceptID.Procedure.self, drug = ConceptID.Drug.self, regimen = ConceptID.Regimen.self
        var map: [Int64: [TreatmentClass]] = [
            procedure.radicalProstatectomy: [.surgery, .radicalProstatectomy],
            procedure.teleradiotherapy: [.radiotherapy], procedure.intensityModulatedRadiationTherapy: [.radiotherapy],
            procedure.lumpectomyOfBreast: [.surgery], procedure.mastectomy: [.surgery],
            procedure.lobectomyOfLung: [.surgery], procedure.wedgeExcisionOfLung: [.surgery],
            procedure.chemoradiation: [.chemotherapy, .radiotherapy],
            drug.trastuzumab: [.trastuzumab], drug.pertuzumab: [.targetedTherapy],
            drug.pembrolizumab: [.immunotherapy], drug.durvalumab: [.immunotherapy],
            regimen.androgenDeprivation: [.androgenDeprivation],
            regimen.adtDocetaxel: [.androgenDeprivation, .chemotherapy],
            regimen.adtAbiraterone: [.androgenDeprivation], regimen.adtEnzalutamide: [.androgenDeprivation],
            regimen.acT: [.chemotherapy], regimen.thAC: [.chemotherapy, .trastuzumab],
            regimen.docetaxelTrastuzumabPertuzumab: [.chemotherapy, .trastuzumab, .targetedTherapy],
            regimen.carboplatinPemetrexedPembrolizumab: [.chemotherapy, .immunotherapy],
            regimen.pembrolizumab: [.immunotherapy], regimen.durvalumab: [.immunotherapy],
        ]
        for concept in [drug.leuprolide, drug.goserelin, drug.abiraterone, drug.enzalutamide] { map[concept] = [.androgenDeprivation] }
        for concept in [drug.docetaxel, drug.doxorubicin, drug.cyclophosphamide, drug.paclitaxel, drug.capecitabine, drug.cisplatin,
                        drug.carboplatin, drug.pemetrexed, drug.etoposide, drug.vinorelbine,
                        regimen.docetaxel, regimen.capecitabine, regimen.cisplatinEtoposide, regimen.carboplatinPemetrexed,
                        regimen.carboplatinPaclitaxel, regimen.cisplatinVinorelbine] { map[concept] = [.chemotherapy] }
        for concept in [drug.tamoxifen, drug.letrozoleTablet, drug.anastrozole, regimen.tamoxifen, regimen.letrozole, regimen.anastrozole] {
            map[concept] = [.endocrineTherapy]
        }
        for concept in [drug.osimertinib, drug.alectinib, drug.crizotinib, drug.dabrafenib, drug.trametinib,
                        regimen.osimertinib, regimen.alectinib, regimen.crizotinib, regimen.dabrafenibTrametinib] {
            map[concept] = [.targetedTherapy]
        }
        return map
    }()

    /// A comma-separated SQL list of concept ids (our own constants, never user input).
    static func list(_ concepts: some Sequence<Int64>) -> String {
        concepts.map(String.init).joined(separator: ", ")
    }
}
