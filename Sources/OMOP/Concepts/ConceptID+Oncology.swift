extension ConceptID {
    /// Diagnoses: the standard SNOMED (or local) concepts of the three cancers and their ancestors.
    public enum Cancer {
        public static let malignantNeoplasticDisease: Int64 = 443_392
        public static let malignantTumorOfProstate: Int64 = 4_163_261
        public static let primaryMalignantNeoplasmOfProstate: Int64 = 200_962
        public static let malignantTumorOfBreast: Int64 = 4_112_853
        public static let infiltratingDuctCarcinomaOfBreast: Int64 = 2_000_000_101
        public static let lobularCarcinomaOfBreast: Int64 = 2_000_000_102
        public static let malignantTumorOfLung: Int64 = 443_388
        public static let nonSmallCellLungCancer: Int64 = 4_115_276
        public static let adenocarcinomaOfLung: Int64 = 4_112_738
        public static let squamousCellCarcinomaOfLung: Int64 = 4_110_705
        public static let largeCellCarcinomaOfLung: Int64 = 4_110_589
        public static let smallCellCarcinomaOfLung: Int64 = 4_110_591
    }

    /// Cancer modifiers (measurements linked to the diagnosis): TNM categories, stage groups, grade, metastases.
    public enum Modifier {
        public static let t1: Int64 = 1_635_564
        public static let t2: Int64 = 1_635_562
        public static let t3: Int64 = 2_000_000_401
        public static let t4: Int64 = 2_000_000_402
        public static let n0: Int64 = 2_000_000_403
        public static let n1: Int64 = 2_000_000_404
        public static let n2: Int64 = 2_000_000_405
        public static let n3: Int64 = 2_000_000_406
        public static let m0: Int64 = 2_000_000_407
        public static let m1: Int64 = 1_635_142
        /// Stage groups I–IV, by index 0–3.
        public static let stages: [Int64] = [1_635_838, 1_635_131, 1_634_191, 1_633_987]
        /// Histological grades 1–3, by index 0–2.
        public static let grades: [Int64] = [2_000_000_411, 2_000_000_412, 2_000_000_413]
        public static let metastasisToBone: Int64 = 36_769_301
        public static let metastasisToLung: Int64 = 36_770_283
        public static let metastasisToAdrenalGland: Int64 = 35_225_568
    }

    /// Tumour markers and pathology findings.
    public enum Marker {
        public static let psa: Int64 = 3_013_603
        public static let gleasonScore: Int64 = 2_000_000_303
        public static let isupGradeGroup: Int64 = 2_000_000_304
        public static let biopsyCoresPositive: Int64 = 2_000_000_306
        public static let biopsyCoresTaken: Int64 = 2_000_000_307
        public static let estrogenReceptor: Int64 = 36_203_168
        public static let progesteroneReceptor: Int64 = 36_203_170
        public static let her2: Int64 = 36_203_114
        public static let ki67: Int64 = 2_000_000_301
        public static let tumorSize: Int64 = 2_000_000_305
        public static let lymphNodesPositive: Int64 = 2_000_000_308
        public static let egfr: Int64 = 35_962_802
        public static let alk: Int64 = 35_963_763
        public static let ros1: Int64 = 35_957_723
        public static let kras: Int64 = 35_948_791
        public static let braf: Int64 = 35_948_173
        public static let pdl1TumorProportionScore: Int64 = 2_000_000_302
    }

    /// Routine measurements of any patient.
    public enum Vital {
        public static let bodyMassIndex: Int64 = 3_038_553
        public static let bodyWeight: Int64 = 3_025_315
        public static let creatinine: Int64 = 3_016_723
        public static let hemoglobin: Int64 = 3_000_963
    }

    public enum Procedure {
        public static let biopsyOfProstate: Int64 = 4_278_515
        public static let radicalProstatectomy: Int64 = 4_096_783
        public static let teleradiotherapy: Int64 = 4_141_448
        public static let intensityModulatedRadiationTherapy: Int64 = 40_480_519
        public static let lumpectomyOfBreast: Int64 = 4_213_045
        public static let mastectomy: Int64 = 2_000_000_501
        public static let biopsyOfBreast: Int64 = 4_047_494
        public static let lobectomyOfLung: Int64 = 2_000_000_502
        public static let wedgeExcisionOfLung: Int64 = 4_337_034
        public static let biopsyOfLung: Int64 = 4_303_062
        public static let chemoradiation: Int64 = 45_766_298
        public static let ctOfChestAndAbdomen: Int64 = 4_302_356
    }

    /// Drugs, at ingredient level (letrozole as its clinical drug: no RxNorm ingredient is confirmed locally).
    public enum Drug {
        public static let leuprolide: Int64 = 1_351_541
        public static let goserelin: Int64 = 1_366_310
        public static let docetaxel: Int64 = 1_315_942
        public static let abiraterone: Int64 = 2_000_000_601
        public static let enzalutamide: Int64 = 2_000_000_602
        public static let tamoxifen: Int64 = 1_436_678
        public static let letrozoleTablet: Int64 = 19_022_830
        public static let anastrozole: Int64 = 1_348_265
        public static let trastuzumab: Int64 = 1_387_104
        public static let pertuzumab: Int64 = 42_801_287
        public static let doxorubicin: Int64 = 1_338_512
        public static let cyclophosphamide: Int64 = 1_310_317
        public static let paclitaxel: Int64 = 1_378_382
        public static let capecitabine: Int64 = 1_337_620
        public static let cisplatin: Int64 = 1_397_599
        public static let carboplatin: Int64 = 1_344_905
        public static let pemetrexed: Int64 = 1_304_919
        public static let etoposide: Int64 = 1_350_504
        public static let vinorelbine: Int64 = 1_343_346
        public static let osimertinib: Int64 = 35_605_522
        public static let alectinib: Int64 = 35_604_657
        public static let crizotinib: Int64 = 40_242_675
        public static let pembrolizumab: Int64 = 45_775_965
        public static let durvalumab: Int64 = 1_594_034
        public static let dabrafenib: Int64 = 43_532_299
        public static let trametinib: Int64 = 43_532_497
    }

    /// Regimens, the objects of "Treatment Regimen" episodes (local: no HemOnc regimen is confirmed locally).
    public enum Regimen {
        public static let androgenDeprivation: Int64 = 2_000_000_701
        public static let adtDocetaxel: Int64 = 2_000_000_702
        public static let adtAbiraterone: Int64 = 2_000_000_703
        public static let adtEnzalutamide: Int64 = 2_000_000_704
        public static let docetaxel: Int64 = 2_000_000_705
        public static let acT: Int64 = 2_000_000_711
        public static let thAC: Int64 = 2_000_000_712
        public static let tamoxifen: Int64 = 2_000_000_713
        public static let letrozole: Int64 = 2_000_000_714
        public static let anastrozole: Int64 = 2_000_000_715
        public static let capecitabine: Int64 = 2_000_000_716
        public static let docetaxelTrastuzumabPertuzumab: Int64 = 2_000_000_717
        public static let cisplatinEtoposide: Int64 = 2_000_000_721
        public static let carboplatinPemetrexed: Int64 = 2_000_000_722
        public static let carboplatinPaclitaxel: Int64 = 2_000_000_723
        public static let carboplatinPemetrexedPembrolizumab: Int64 = 2_000_000_724
        public static let pembrolizumab: Int64 = 2_000_000_725
        public static let osimertinib: Int64 = 2_000_000_726
        public static let alectinib: Int64 = 2_000_000_727
        public static let crizotinib: Int64 = 2_000_000_728
        public static let dabrafenibTrametinib: Int64 = 2_000_000_729
        public static let durvalumab: Int64 = 2_000_000_730
        public static let cisplatinVinorelbine: Int64 = 2_000_000_731
    }

    /// Common chronic conditions of the background population.
    public enum Comorbidity {
        public static let type2Diabetes: Int64 = 201_826
        public static let essentialHypertension: Int64 = 320_128
        public static let copd: Int64 = 255_573
        public static let chronicKidneyDiseaseStage3: Int64 = 443_597
        public static let coronaryArteriosclerosis: Int64 = 317_576
        public static let atrialFibrillation: Int64 = 313_217
        public static let obesity: Int64 = 433_736
        public static let osteoarthritisOfKnee: Int64 = 4_079_750
    }
}
