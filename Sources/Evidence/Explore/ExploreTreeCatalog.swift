import OMOP

/// The top of the concept tree: the oncology concepts a researcher starts from, under a few headings. Concepts the
/// database's vocabulary lacks are left out; below these, the tree follows `concept_ancestor`.
enum ExploreTreeCatalog {
    static let headings: [(key: String, name: String, concepts: [Int64])] = [
        ("diagnoses", "Diagnoses", [
            ConceptID.Cancer.malignantTumorOfProstate, ConceptID.Cancer.malignantTumorOfBreast, ConceptID.Cancer.malignantTumorOfLung,
        ]),
        ("measurements", "Measurements", [
            ConceptID.Marker.psa, ConceptID.Marker.gleasonScore, ConceptID.Marker.isupGradeGroup,
            ConceptID.Marker.estrogenReceptor, ConceptID.Marker.progesteroneReceptor, ConceptID.Marker.her2, ConceptID.Marker.ki67,
            ConceptID.Marker.egfr, ConceptID.Marker.alk, ConceptID.Marker.pdl1TumorProportionScore,
        ] + ConceptID.Modifier.stages),
        ("drugs", "Drugs", [
            ConceptID.Drug.tamoxifen, 2_000_000_603, ConceptID.Drug.anastrozole, ConceptID.Drug.trastuzumab,
            ConceptID.Drug.doxorubicin, ConceptID.Drug.paclitaxel, ConceptID.Drug.docetaxel, ConceptID.Drug.leuprolide,
            ConceptID.Drug.goserelin, ConceptID.Drug.abiraterone, ConceptID.Drug.enzalutamide, ConceptID.Drug.cisplatin,
            ConceptID.Drug.carboplatin, ConceptID.Drug.pemetrexed, ConceptID.Drug.osimertinib, ConceptID.Drug.pembrolizumab,
        ]),
        ("procedures", "Procedures", [
            4_235_738, 4_029_715, 4_286_804, 4_119_403, ConceptID.Procedure.biopsyOfProstate, ConceptID.Procedure.biopsyOfBreast,
            ConceptID.Procedure.biopsyOfLung,
        ]),
    ]

    /// The patient fields offered under "Demographics".
    static let demographics: [ExploreTreeNode] = [
        ExploreTreeNode(key: "field:age", name: "Age (years)",
                        constraint: .field(ExploreFieldConstraint(field: .age, op: .greaterOrEqual, operand: .number(0))),
                        valueType: .numeric),
        ExploreTreeNode(key: "field:sex", name: "Sex",
                        constraint: .field(ExploreFieldConstraint(field: .sex, op: .in, operand: .texts(["female", "male"]))),
                        valueType: .string, valueChoices: ["female", "male"]),
    ]
}
