extension PayerPlanPeriodCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "payer_plan_period", id: "payer_plan_period_id", date: "payer_plan_period_start_date",
                            end: "d.payer_plan_period_end_date")
        q.first = first
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.userDefined(userDefinedPeriod, start: "payer_plan_period_start_date", end: "payer_plan_period_end_date", f)
        q.filter(f.date("C.start_date", periodStartDate))
        q.filter(f.date("C.end_date", periodEndDate))
        q.length(periodLength, f)
        q.age(ageAtStart, f)
        q.age(ageAtEnd, at: "C.end_date", f)
        q.gender(gender, genderCS, f)
        for (column, codeset) in [("payer_concept_id", payerConcept), ("plan_concept_id", planConcept),
                                  ("sponsor_concept_id", sponsorConcept), ("stop_reason_concept_id", stopReasonConcept),
                                  ("payer_source_concept_id", payerSourceConcept), ("plan_source_concept_id", planSourceConcept),
                                  ("sponsor_source_concept_id", sponsorSourceConcept),
                                  ("stop_reason_source_concept_id", stopReasonSourceConcept)] {
            q.filter(f.codeset("C.\(column)", codeset))
        }
        return q
    }
}
