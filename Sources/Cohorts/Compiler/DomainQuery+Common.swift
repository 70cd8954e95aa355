/// The attributes many domains share: age at the event, sex, the provider's specialty, the visit's concept.
extension DomainQuery {
    mutating func age(_ range: NumericRange?, at date: String = "C.start_date", _ f: SQLFilters) {
        filter(f.numeric("(\(f.dialect.year(date)) - P.year_of_birth)", range), needs: .person)
    }

    mutating func gender(_ concepts: [Concept]?, _ selection: ConceptSetSelection?, _ f: SQLFilters) {
        filter(f.concepts("P.gender_concept_id", concepts), needs: .person)
        filter(f.selection("P.gender_concept_id", selection), needs: .person)
    }

    mutating func providerSpecialty(_ concepts: [Concept]?, _ selection: ConceptSetSelection?, _ f: SQLFilters) {
        filter(f.concepts("PR.specialty_concept_id", concepts), needs: .provider)
        filter(f.selection("PR.specialty_concept_id", selection), needs: .provider)
    }

    mutating func visitType(_ concepts: [Concept]?, _ selection: ConceptSetSelection?, _ f: SQLFilters) {
        filter(f.concepts("V.visit_concept_id", concepts), needs: .visit)
        filter(f.selection("V.visit_concept_id", selection), needs: .visit)
    }

    /// A type-concept attribute: a list (inverted by `*TypeExclude`) and a concept-set selection.
    mutating func type(_ column: String, _ concepts: [Concept]?, exclude: Bool, _ selection: ConceptSetSelection?, _ f: SQLFilters) {
        filter(f.concepts("C.\(column)", concepts, exclude: exclude))
        filter(f.selection("C.\(column)", selection))
    }

    /// A concept attribute of the row itself: a list and a concept-set selection.
    mutating func concept(_ column: String, _ concepts: [Concept]?, _ selection: ConceptSetSelection?, _ f: SQLFilters) {
        filter(f.concepts("C.\(column)", concepts))
        filter(f.selection("C.\(column)", selection))
    }

    /// Length of an era or period in days.
    mutating func length(_ range: NumericRange?, _ f: SQLFilters) {
        filter(f.numeric(f.dialect.daysBetween("C.start_date", "C.end_date"), range))
    }
}
