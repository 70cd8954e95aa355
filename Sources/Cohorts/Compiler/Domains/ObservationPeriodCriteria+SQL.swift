extension ObservationPeriodCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "observation_period", id: "observation_period_id", date: "observation_period_start_date",
                            end: "d.observation_period_end_date")
        q.first = first
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.userDefined(userDefinedPeriod, start: "observation_period_start_date", end: "observation_period_end_date", f)
        q.filter(f.date("C.start_date", periodStartDate))
        q.filter(f.date("C.end_date", periodEndDate))
        q.type("period_type_concept_id", periodType, exclude: false, periodTypeCS, f)
        q.length(periodLength, f)
        q.age(ageAtStart, f)
        q.age(ageAtEnd, at: "C.end_date", f)
        return q
    }
}

extension DomainQuery {
    /// circe's user-defined period: the period must contain the given dates, which become the event's dates.
    mutating func userDefined(_ period: Period?, start startColumn: String, end endColumn: String, _ f: SQLFilters) {
        guard let period else { return }
        if let date = period.start {
            start = f.dialect.dateLiteral(date)
            filter("C.\(startColumn) <= \(start) AND C.\(endColumn) >= \(start)")
        }
        if let date = period.end {
            end = f.dialect.dateLiteral(date)
            filter("C.\(startColumn) <= \(end) AND C.\(endColumn) >= \(end)")
        }
    }
}
