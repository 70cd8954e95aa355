import CDMTestSupport
import Foundation

/// Small OMOP folders written by the tests themselves.
enum Fixtures {
    static let personHeader = "person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,race_concept_id,ethnicity_concept_id,location_id,provider_id,care_site_id,person_source_value,gender_source_value,gender_source_concept_id,race_source_value,race_source_concept_id,ethnicity_source_value,ethnicity_source_concept_id"

    static let persons = [
        "1,8507,1950,3,7,1950-03-07 00:00:00,8527,38003564,,,,\"p, one\",M,0,white,0,nonhispanic,0",
        "2,8532,1961,,,,8516,38003564,,,,p2,F,0,black,0,nonhispanic,0",
    ]

    static let observationPeriods = """
        observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id
        1,1,2000-01-01,2020-12-31,32817
        2,2,19990315,20191231,32817
        """

    /// Writes files into a new folder and returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let directory = try TestDatabases.temporaryDirectory()
        for (name, content) in files {
            try content.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func validFolder() throws -> String {
        try folder([
            "PERSON.csv": ([personHeader] + persons).joined(separator: "\n") + "\n",
            "observation_period.csv": observationPeriods + "\n",
        ])
    }
}
