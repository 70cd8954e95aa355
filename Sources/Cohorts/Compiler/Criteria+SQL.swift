extension Criteria {
    /// The domain query of this criterion, before its own correlated criteria.
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        switch self {
        case .conditionOccurrence(let c): c.domainQuery(f)
        case .conditionEra(let c): c.domainQuery(f)
        case .death(let c): c.domainQuery(f)
        case .deviceExposure(let c): c.domainQuery(f)
        case .doseEra(let c): c.domainQuery(f)
        case .drugEra(let c): c.domainQuery(f)
        case .drugExposure(let c): c.domainQuery(f)
        case .locationRegion(let c): c.domainQuery(f)
        case .measurement(let c): c.domainQuery(f)
        case .observation(let c): c.domainQuery(f)
        case .observationPeriod(let c): c.domainQuery(f)
        case .payerPlanPeriod(let c): c.domainQuery(f)
        case .procedureOccurrence(let c): c.domainQuery(f)
        case .specimen(let c): c.domainQuery(f)
        case .visitOccurrence(let c): c.domainQuery(f)
        case .visitDetail(let c): c.domainQuery(f)
        }
    }

    /// The criterion's own correlated criteria, evaluated with each of its events as the index.
    var correlatedCriteria: CriteriaGroup? {
        switch self {
        case .conditionOccurrence(let c): c.correlatedCriteria
        case .conditionEra(let c): c.correlatedCriteria
        case .death(let c): c.correlatedCriteria
        case .deviceExposure(let c): c.correlatedCriteria
        case .doseEra(let c): c.correlatedCriteria
        case .drugEra(let c): c.correlatedCriteria
        case .drugExposure(let c): c.correlatedCriteria
        case .locationRegion(let c): c.correlatedCriteria
        case .measurement(let c): c.correlatedCriteria
        case .observation(let c): c.correlatedCriteria
        case .observationPeriod(let c): c.correlatedCriteria
        case .payerPlanPeriod(let c): c.correlatedCriteria
        case .procedureOccurrence(let c): c.correlatedCriteria
        case .specimen(let c): c.correlatedCriteria
        case .visitOccurrence(let c): c.correlatedCriteria
        case .visitDetail(let c): c.correlatedCriteria
        }
    }
}
