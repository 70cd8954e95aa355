import CDMStore
import OMOP

/// The patient dimension in memory: every person who does not object, with what `field` constraints read (sex,
/// birth, death), so age and sex filters and negation's complement cost no query.
struct ExplorePersons: Sendable {
    /// Sorted person ids: the universe a negation complements within.
    let all: PatientSet
    /// By position in `all.ids`.
    let gender: [Int64]
    let birth: [CDMDate]
    let death: [CDMDate?]

    /// Reads the persons; birth month and day default to 1 when missing (the CDM requires only the year).
    static func load(_ database: any Database, objectors: String) async throws -> ExplorePersons {
        var ids: [Int64] = [], gender: [Int64] = [], birth: [CDMDate] = [], death: [CDMDate?] = []
        try await database.forEachRow("""
            SELECT p.person_id, p.gender_concept_id, p.year_of_birth, p.month_of_birth, p.day_of_birth, d.death_date
            FROM person p LEFT JOIN (SELECT person_id, MIN(death_date) AS death_date FROM death GROUP BY person_id) d
              ON d.person_id = p.person_id
            WHERE p.person_id NOT IN (\(objectors))
            ORDER BY p.person_id
            """, []) { row in
            guard let id = row[0].integerValue else { return }
            let year = Int(row[2].integerValue ?? 1900)
            let month = Int(row[3].integerValue ?? 1), day = Int(row[4].integerValue ?? 1)
            ids.append(id)
            gender.append(row[1].integerValue ?? 0)
            birth.append(CDMDate(year: year, month: month, day: day) ?? CDMDate(year: year, month: 1, day: 1) ?? CDMDate(daysSinceEpoch: 0))
            death.append(row[5].dateValue)
        }
        return ExplorePersons(all: PatientSet(sorted: ids), gender: gender, birth: birth, death: death)
    }

    /// Whole years from birth to `today`, or to the death date when the person died before.
    static func age(birth: CDMDate, death: CDMDate?, today: CDMDate) -> Int {
        let end = death.map { min($0, today) } ?? today
        let (by, bm, bd) = birth.components, (ey, em, ed) = end.components
        return ey - by - ((em, ed) < (bm, bd) ? 1 : 0)
    }

    /// The persons a `field` constraint selects.
    func select(_ constraint: ExploreFieldConstraint, today: CDMDate) -> PatientSet {
        var selected: [Int64] = []
        for (index, id) in all.ids.enumerated() {
            let matches: Bool
            switch constraint.field {
            case .age:
                matches = ExploreComparison.matches(Double(Self.age(birth: birth[index], death: death[index], today: today)),
                                                    constraint.op, constraint.operand)
            case .sex:
                let sex = gender[index] == ConceptID.Gender.male ? "male" : gender[index] == ConceptID.Gender.female ? "female" : ""
                matches = !sex.isEmpty && ExploreComparison.matches(sex, constraint.op, constraint.operand)
            }
            if matches { selected.append(id) }
        }
        return PatientSet(sorted: selected)
    }
}

/// A comparison of a patient's field with an operand, in memory (the same operators the SQL of a value uses).
enum ExploreComparison {
    static func matches(_ value: Double, _ op: ExploreOperator, _ operand: ExploreOperand) -> Bool {
        switch (op, operand) {
        case (.lessThan, .number(let x)): value < x
        case (.greaterThan, .number(let x)): value > x
        case (.equal, .number(let x)): value == x
        case (.notEqual, .number(let x)): value != x
        case (.lessOrEqual, .number(let x)): value <= x
        case (.greaterOrEqual, .number(let x)): value >= x
        case (.in, .numbers(let xs)): xs.contains(value)
        case (.between, .numbers(let xs)): xs.count == 2 && value >= xs[0] && value <= xs[1]
        default: false
        }
    }

    static func matches(_ value: String, _ op: ExploreOperator, _ operand: ExploreOperand) -> Bool {
        switch (op, operand) {
        case (.equal, .text(let x)): value == x.lowercased()
        case (.notEqual, .text(let x)): value != x.lowercased()
        case (.in, .texts(let xs)): xs.contains { $0.lowercased() == value }
        default: false
        }
    }
}
