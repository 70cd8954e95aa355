extension StudyRun {
    /// Events and person-time per stratum (the levels of the first categorical covariate, or one stratum "all"),
    /// summed over nodes; the rate and its exact Poisson interval are withheld where the events are suppressed.
    func incidence(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        let stratifier = (analysis.covariates ?? []).first { !$0.isNumeric }
        let levels = try await agreedLevels(analysis, features: stratifier.map { [$0] } ?? [])
        let strata = stratifier.flatMap { levels[$0.description] } ?? ["all"]
        let expect: [StepExpectation] = [.counts("persons", strata.count), .counts("events", strata.count), .vector("person-days", strata.count)]
        let gathered = try await exchange(analysis, .incidence, round: 0, expect: expect) { $0.levels = levels }
        let minimum = study.privacy.minimumCellCount
        let persons = gathered.counts("persons"), events = gathered.counts("events"), days = gathered.values("person-days")
        let shownPersons = gathered.pooledCells("persons", minimum: minimum), shownEvents = gathered.pooledCells("events", minimum: minimum)
        var result = AnalysisResult(id: analysis.id, type: analysis.type, nodes: gathered.nodes, noise: gathered.noise)
        result.incidence = strata.indices.map { index in
            let rate = FederatedIncidence(persons: persons[index], events: events[index], personDays: days[index])
            let shown = shownEvents[index].value != nil
            return IncidenceStratum(stratum: strata[index], persons: shownPersons[index], events: shownEvents[index],
                                    personYears: rate.personYears, ratePer1000: shown ? rate.ratePer1000 : nil,
                                    lower: shown ? rate.lower : nil, upper: shown ? rate.upper : nil)
        }
        return result
    }
}
