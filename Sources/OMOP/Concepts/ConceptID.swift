/// The concept ids Optima writes or looks for by meaning: one place for each, so that a generator, a
/// mapping and a decision rule agree. Real OMOP ids are confirmed in `docs/synthetic-vocabulary.md`; ids
/// from 2,000,000,000 upward are local concepts of Optima's own vocabulary ("Optima"), as the OMOP
/// convention reserves that range for site concepts. Names, domains and hierarchy are in the vocabulary
/// subset the `Synthetic` target ships.
public enum ConceptID {
    public static let noMatchingConcept: Int64 = 0
    /// The concept of the "Optima" vocabulary itself.
    public static let optimaVocabulary: Int64 = 2_000_000_000
    /// OMOP CDM v5.4 (`cdm_source.cdm_version_concept_id`, as in Eunomia Synthea27Nj's CDM_SOURCE).
    public static let cdmVersion54: Int64 = 756_265

    public enum Gender {
        public static let male: Int64 = 8507
        public static let female: Int64 = 8532
    }

    public enum Race {
        public static let white: Int64 = 8527
        public static let black: Int64 = 8516
        public static let asian: Int64 = 8515
    }

    public enum Ethnicity {
        public static let hispanic: Int64 = 38_003_563
        public static let notHispanic: Int64 = 38_003_564
    }

    public enum Visit {
        public static let inpatient: Int64 = 9201
        public static let outpatient: Int64 = 9202
        public static let emergency: Int64 = 9203
    }

    /// Provenance (`*_type_concept_id`).
    public enum TypeConcept {
        public static let ehr: Int64 = 32817
        /// "EHR encounter record": visits and the diagnoses recorded at them (ETL-Synthea's choice).
        public static let ehrEncounterRecord: Int64 = 32827
        public static let ehrPrescription: Int64 = 32838
        /// The observation-period type of periods derived from EHR activity.
        public static let ehrObservationPeriod: Int64 = 32882
        public static let tumorRegistry: Int64 = 32534
        public static let episodeFromRegistry: Int64 = 32546
    }

    public enum Episode {
        public static let diseaseFirstOccurrence: Int64 = 32528
        public static let treatmentRegimen: Int64 = 32531
        public static let diseaseProgression: Int64 = 2_000_000_020
    }

    /// The CDM fields an `episode_event` or a cancer modifier (`measurement_event_id`) points into.
    public enum Field {
        public static let conditionOccurrenceID: Int64 = 1_147_127
        public static let procedureOccurrenceID: Int64 = 1_147_084
        public static let drugExposureID: Int64 = 2_000_000_010
    }

    /// `value_as_concept_id` answers.
    public enum Value {
        public static let positive: Int64 = 9191
        public static let negative: Int64 = 9189
        public static let detected: Int64 = 4_126_681
        public static let notDetected: Int64 = 9190
    }

    public enum Unit {
        public static let nanogramPerMillilitre: Int64 = 8842
        public static let percent: Int64 = 8554
        public static let millimetre: Int64 = 8588
        public static let kilogramPerSquareMetre: Int64 = 9531
        public static let kilogram: Int64 = 9529
        public static let milligramPerDecilitre: Int64 = 8840
        public static let gramPerDecilitre: Int64 = 8713
    }
}
