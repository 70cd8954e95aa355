/// The opt-out register as SQL every cohort and analysis query uses to leave objecting persons out,
/// from the moment the objection is recorded (GDPR article 21).
public enum ConsentRegister {
    /// A subquery of the `person_id`s of persons who object: usable as `person_id NOT IN (…)` on both backends.
    public static let objectingPersonIDs =
        "SELECT p.person_id FROM person p JOIN optima_objection o ON o.pseudonym = p.person_source_value"
}
