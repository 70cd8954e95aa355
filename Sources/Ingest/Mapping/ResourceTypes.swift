/// The resource types of FHIR R4 (4.0.1), and those of other versions, so that a file from a DSTU2, STU3
/// or R5 server is refused with a reason instead of half-read.
enum ResourceTypes {
    static let r4: Set<String> = [
        "Account", "ActivityDefinition", "AdverseEvent", "AllergyIntolerance", "Appointment", "AppointmentResponse",
        "AuditEvent", "Basic", "Binary", "BiologicallyDerivedProduct", "BodyStructure", "Bundle", "CapabilityStatement",
        "CarePlan", "CareTeam", "CatalogEntry", "ChargeItem", "ChargeItemDefinition", "Claim", "ClaimResponse",
        "ClinicalImpression", "CodeSystem", "Communication", "CommunicationRequest", "CompartmentDefinition", "Composition",
        "ConceptMap", "Condition", "Consent", "Contract", "Coverage", "CoverageEligibilityRequest",
        "CoverageEligibilityResponse", "DetectedIssue", "Device", "DeviceDefinition", "DeviceMetric", "DeviceRequest",
        "DeviceUseStatement", "DiagnosticReport", "DocumentManifest", "DocumentReference", "EffectEvidenceSynthesis",
        "Encounter", "Endpoint", "EnrollmentRequest", "EnrollmentResponse", "EpisodeOfCare", "EventDefinition", "Evidence",
        "EvidenceVariable", "ExampleScenario", "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal",
        "GraphDefinition", "Group", "GuidanceResponse", "HealthcareService", "ImagingStudy", "Immunization",
        "ImmunizationEvaluation", "ImmunizationRecommendation", "ImplementationGuide", "InsurancePlan", "Invoice", "Library",
        "Linkage", "List", "Location", "Measure", "MeasureReport", "Media", "Medication", "MedicationAdministration",
        "MedicationDispense", "MedicationKnowledge", "MedicationRequest", "MedicationStatement", "MedicinalProduct",
        "MedicinalProductAuthorization", "MedicinalProductContraindication", "MedicinalProductIndication",
        "MedicinalProductIngredient", "MedicinalProductInteraction", "MedicinalProductManufactured",
        "MedicinalProductPackaged", "MedicinalProductPharmaceutical", "MedicinalProductUndesirableEffect",
        "MessageDefinition", "MessageHeader", "MolecularSequence", "NamingSystem", "NutritionOrder", "Observation",
        "ObservationDefinition", "OperationDefinition", "OperationOutcome", "Organization", "OrganizationAffiliation",
        "Parameters", "Patient", "PaymentNotice", "PaymentReconciliation", "Person", "PlanDefinition", "Practitioner",
        "PractitionerRole", "Procedure", "Provenance", "Questionnaire", "QuestionnaireResponse", "RelatedPerson",
        "RequestGroup", "ResearchDefinition", "ResearchElementDefinition", "ResearchStudy", "ResearchSubject",
        "RiskAssessment", "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest", "Slot", "Specimen",
        "SpecimenDefinition", "StructureDefinition", "StructureMap", "Subscription", "Substance", "SubstanceNucleicAcid",
        "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation", "SubstanceSourceMaterial",
        "SubstanceSpecification", "SupplyDelivery", "SupplyRequest", "Task", "TerminologyCapabilities", "TestReport",
        "TestScript", "ValueSet", "VerificationResult", "VisionPrescription",
    ]

    private static let olderVersions: [String: String] = [
        "BodySite": "STU3", "DataElement": "STU3", "DeviceComponent": "STU3", "DeviceUseRequest": "DSTU2",
        "DiagnosticOrder": "DSTU2", "EligibilityRequest": "STU3", "EligibilityResponse": "STU3", "ExpansionProfile": "STU3",
        "ImagingManifest": "STU3", "ImagingObjectSelection": "DSTU2", "MedicationOrder": "DSTU2", "Order": "DSTU2",
        "OrderResponse": "DSTU2", "ProcedureRequest": "STU3", "ProcessRequest": "STU3", "ProcessResponse": "STU3",
        "ReferralRequest": "STU3", "Sequence": "STU3", "ServiceDefinition": "STU3",
    ]

    private static let newerVersions: Set<String> = [
        "ActorDefinition", "AdministrableProductDefinition", "ArtifactAssessment", "BiologicallyDerivedProductDispense",
        "Citation", "ClinicalUseDefinition", "ConditionDefinition", "DeviceDispense", "DeviceUsage", "EncounterHistory",
        "EvidenceReport", "FormularyItem", "GenomicStudy", "ImagingSelection", "Ingredient", "InventoryItem",
        "InventoryReport", "ManufacturedItemDefinition", "MedicinalProductDefinition", "NutritionIntake",
        "NutritionProduct", "PackagedProductDefinition", "Permission", "RegulatedAuthorization", "Requirements",
        "SubscriptionStatus", "SubscriptionTopic", "TestPlan", "Transport",
    ]

    /// The FHIR version a non-R4 resource type belongs to, or nil.
    static func otherVersion(of type: String) -> String? {
        if let version = olderVersions[type] { return version }
        return newerVersions.contains(type) ? "R4B/R5" : nil
    }
}
