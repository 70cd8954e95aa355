extension CohortDescription {
    /// One domain criterion: what, of which concept set, with which attributes.
    func criterion(_ criteria: Criteria) -> String {
        switch criteria {
        case .conditionOccurrence(let c):
            phrase("condition occurrence", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   ending(c.occurrenceEndDate), types("condition type", c.conditionType, exclude: c.conditionTypeExclude),
                   types("condition status", c.conditionStatus), types("visit type", c.visitType),
                   source(c.conditionSourceConcept)], c.correlatedCriteria)
        case .conditionEra(let c):
            phrase("condition era", c.codesetId, c.first, [ageAt(c.ageAtStart, "start"), gender(c.gender), starting(c.eraStartDate),
                   ending(c.eraEndDate), numeric("with occurrence count", c.occurrenceCount), numeric("lasting days", c.eraLength)],
                   c.correlatedCriteria)
        case .death(let c):
            phrase("death", c.codesetId, false, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   types("death type", c.deathType, exclude: c.deathTypeExclude)], c.correlatedCriteria)
        case .deviceExposure(let c):
            phrase("device exposure", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   ending(c.occurrenceEndDate), types("device type", c.deviceType, exclude: c.deviceTypeExclude),
                   numeric("with quantity", c.quantity), source(c.deviceSourceConcept)], c.correlatedCriteria)
        case .doseEra(let c):
            phrase("dose era", c.codesetId, c.first, [ageAt(c.ageAtStart, "start"), gender(c.gender), starting(c.eraStartDate),
                   ending(c.eraEndDate), numeric("with dose", c.doseValue), numeric("lasting days", c.eraLength)], c.correlatedCriteria)
        case .drugEra(let c):
            phrase("drug era", c.codesetId, c.first, [ageAt(c.ageAtStart, "start"), gender(c.gender), starting(c.eraStartDate),
                   ending(c.eraEndDate), numeric("with occurrence count", c.occurrenceCount), numeric("with gap days", c.gapDays),
                   numeric("lasting days", c.eraLength)], c.correlatedCriteria)
        case .drugExposure(let c):
            phrase("drug exposure", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   ending(c.occurrenceEndDate), types("drug type", c.drugType, exclude: c.drugTypeExclude),
                   numeric("with days supply", c.daysSupply), numeric("with quantity", c.quantity), numeric("with refills", c.refills),
                   types("route", c.routeConcept), source(c.drugSourceConcept)], c.correlatedCriteria)
        case .locationRegion(let c):
            phrase("location in region", c.codesetId, false, [], nil)
        case .measurement(let c):
            phrase("measurement", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   types("measurement type", c.measurementType, exclude: c.measurementTypeExclude), numeric("with value", c.valueAsNumber),
                   types("value", c.valueAsConcept), types("unit", c.unit), types("operator", c.operatorConcept),
                   c.abnormal == true ? "abnormal" : nil, numeric("with range low", c.rangeLow), numeric("with range high", c.rangeHigh),
                   source(c.measurementSourceConcept)], c.correlatedCriteria)
        case .observation(let c):
            phrase("observation", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   types("observation type", c.observationType, exclude: c.observationTypeExclude), numeric("with value", c.valueAsNumber),
                   types("value", c.valueAsConcept), types("qualifier", c.qualifier), types("unit", c.unit),
                   c.valueAsString.map { "with value text \($0.op) “\($0.text)”" }, source(c.observationSourceConcept)], c.correlatedCriteria)
        case .observationPeriod(let c):
            phrase("observation period", nil, c.first, [ageAt(c.ageAtStart, "start"), starting(c.periodStartDate), ending(c.periodEndDate),
                   numeric("lasting days", c.periodLength), types("period type", c.periodType)], c.correlatedCriteria)
        case .payerPlanPeriod(let c):
            phrase("payer plan period", nil, c.first, [ageAt(c.ageAtStart, "start"), gender(c.gender), starting(c.periodStartDate),
                   ending(c.periodEndDate), numeric("lasting days", c.periodLength)], c.correlatedCriteria)
        case .procedureOccurrence(let c):
            phrase("procedure", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   types("procedure type", c.procedureType, exclude: c.procedureTypeExclude), types("modifier", c.modifier),
                   numeric("with quantity", c.quantity), source(c.procedureSourceConcept)], c.correlatedCriteria)
        case .specimen(let c):
            phrase("specimen", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate),
                   types("specimen type", c.specimenType, exclude: c.specimenTypeExclude), types("anatomic site", c.anatomicSite),
                   types("disease status", c.diseaseStatus), numeric("with quantity", c.quantity)], c.correlatedCriteria)
        case .visitOccurrence(let c):
            phrase("visit", c.codesetId, c.first, [age(c.age), gender(c.gender), starting(c.occurrenceStartDate), ending(c.occurrenceEndDate),
                   types("visit type", c.visitType, exclude: c.visitTypeExclude), numeric("lasting days", c.visitLength),
                   types("place of service", c.placeOfService), source(c.visitSourceConcept)], c.correlatedCriteria)
        case .visitDetail(let c):
            phrase("visit detail", c.codesetId, c.first, [age(c.age), starting(c.visitDetailStartDate), ending(c.visitDetailEndDate),
                   numeric("lasting days", c.visitDetailLength), source(c.visitDetailSourceConcept)], c.correlatedCriteria)
        }
    }

    private func phrase(_ noun: String, _ codeset: Int?, _ first: Bool, _ attributes: [String?], _ correlated: CriteriaGroup?) -> String {
        var text = (first ? "the first " : "a ") + noun + (codeset == nil ? "" : " of \(conceptSetName(codeset))")
        let present = attributes.compactMap { $0 }
        if !present.isEmpty { text += ", " + present.joined(separator: ", ") }
        if let correlated, !correlated.isEmpty { text += ", " + describe(correlated) }
        return text
    }

    private func age(_ range: NumericRange?) -> String? { range.map { "aged " + self.range($0) } }
    private func ageAt(_ range: NumericRange?, _ when: String) -> String? { range.map { "aged " + self.range($0) + " at \(when)" } }
    private func gender(_ concepts: [Concept]?) -> String? { concepts.flatMap { $0.isEmpty ? nil : "of gender " + self.concepts($0) } }
    private func starting(_ range: DateRange?) -> String? { range.map { "starting " + dates($0) } }
    private func ending(_ range: DateRange?) -> String? { range.map { "ending " + dates($0) } }
    private func numeric(_ label: String, _ range: NumericRange?) -> String? { range.map { "\(label) " + self.range($0) } }
    private func source(_ codeset: Int?) -> String? { codeset.map { "recorded as a source code of \(conceptSetName($0))" } }

    private func types(_ label: String, _ concepts: [Concept]?, exclude: Bool = false) -> String? {
        guard let concepts, !concepts.isEmpty else { return nil }
        return "\(exclude ? "not of" : "of") \(label) \(self.concepts(concepts))"
    }
}
