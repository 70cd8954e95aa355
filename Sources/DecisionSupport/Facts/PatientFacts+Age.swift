import OMOP

extension PatientFacts {
    /// Age in years on `date` from a birth date that may be partial (OMOP `month_of_birth`/`day_of_birth` and FHIR
    /// `birthDate` may be missing): with the year only, from the middle of that year (± half a year); with the
    /// month only, from its 15th. Nil when `date` is before the birth.
    static func age(year: Int, month: Int?, day: Int?, on date: CDMDate) -> Double? {
        guard let birth = CDMDate(year: year, month: month ?? 7, day: month == nil ? 1 : (day ?? 15)) else { return nil }
        let days = birth.days(to: date)
        return days >= 0 ? Double(days) / 365.25 : nil
    }
}
