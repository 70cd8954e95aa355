import CDMStore
import CDMTestSupport
import Foundation
import Testing

/// `optima import omop`, `optima person` and `optima consent` never store, print or echo a source identifier.
@Suite struct PersonCommandTests {
    let cli = CommandLineTests()
    static let identifier = "MRN-8812345"

    /// The built `optima`, as `CommandLineTests` finds it.
    static var executable: String {
        let beside = CommandLineTests.executable.path
        if FileManager.default.fileExists(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/optima").path
    }

    /// Runs optima with the identifier on standard input (`--source-id -`).
    static func optima(_ arguments: [String], input: String) throws -> ExternalProgram.Result {
        try ExternalProgram.run([executable] + arguments, input: input)
    }

    /// A person with a known identifier and two conditions, and (unless `onlyTheFirst`) a second person.
    static func folder(onlyTheFirst: Bool = false) throws -> String {
        let folder = try TestDatabases.temporaryDirectory()
        try ("person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id,person_source_value\n"
            + "1,8507,1950,0,0,\(identifier)\n" + (onlyTheFirst ? "" : "2,8532,1962,0,0,MRN-7700001\n"))
            .write(toFile: folder + "/PERSON.csv", atomically: true, encoding: .utf8)
        try ("condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id\n"
            + "1,1,4112853,2019-06-11,32817\n2,1,4112853,2020-01-02,32817\n" + (onlyTheFirst ? "" : "3,2,4112853,2020-02-03,32817\n"))
            .write(toFile: folder + "/CONDITION_OCCURRENCE.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theIdentifierIsNowhereInTheDatabaseFileNorTheOutput() throws {
        let work = try TestDatabases.temporaryDirectory()
        let database = work + "/cdm.sqlite"
        let secrets = ["--secrets", work + "/secrets.json"]
        var outputs: [String] = []
        let imported = try cli.optima(["import", "omop", try Self.folder(), "--db", "sqlite:" + database] + secrets)
        #expect(imported.status == 0, "\(imported.stderr)")
        outputs += [imported.stdout, imported.stderr]
        let json = try cli.optima(["import", "omop", try Self.folder(), "--json", "--db", "sqlite:" + work + "/second.sqlite"] + secrets)
        outputs += [json.stdout, json.stderr]
        for command in [["person", "export"], ["consent", "object"], ["person", "erase"], ["person", "erase"]] {
            let run = try Self.optima(command + ["--source-id", "-", "--db", "sqlite:" + database] + secrets, input: Self.identifier + "\n")
            #expect(run.status == 0, "\(command): \(run.errors)")
            outputs += [run.output, run.errors]
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.hasPrefix("cdm.sqlite") || $0.hasPrefix("second.sqlite") }
        #expect(files.contains("cdm.sqlite"))
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: work + "/" + file))
            #expect(bytes.range(of: Data(Self.identifier.utf8)) == nil, "\(file) holds the identifier")
            #expect(bytes.range(of: Data("MRN-7700001".utf8)) == nil, "\(file) holds the identifier")
        }
        #expect(outputs.allSatisfy { !$0.contains(Self.identifier) })
        #expect(outputs.allSatisfy { !$0.contains("8812345") })
    }

    @Test(arguments: TestDatabases.backends)
    func eraseExportAndConsentSpeakOfThePerson(_ backend: TestDatabases.Backend) throws {
        let url = try TestDatabases.makeLocation(backend)
        let work = try TestDatabases.temporaryDirectory()
        let options = ["--db", url, "--secrets", work + "/secrets.json"]
        #expect(try cli.optima(["import", "omop", try Self.folder()] + options).status == 0)

        let export = try cli.optima(["person", "export", "--source-id", Self.identifier, "--output", work + "/person.json"] + options)
        #expect(export.status == 0, "\(export.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: work + "/person.json"))) as? [String: Any])
        let tables = try #require(document["tables"] as? [String: [[String: Any]]])
        #expect(tables["condition_occurrence"]?.count == 2)
        #expect(tables["person"]?.first?["person_id"] as? Int == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: work + "/person.json")[.posixPermissions] as? Int == 0o600)

        #expect(try cli.optima(["consent", "object", "--source-id", Self.identifier] + options).stdout.hasPrefix("objection recorded"))
        #expect(try cli.optima(["consent", "object", "--source-id", Self.identifier] + options).stdout.contains("already recorded"))
        #expect(try cli.optima(["consent", "status", "--db", url]).stdout == "1 objection recorded\n")

        let erase = try cli.optima(["person", "erase", "--source-id", Self.identifier] + options)
        #expect(erase.stdout == "erased 1 person: 3 rows from 2 tables\n", "\(erase.stderr)")
        #expect(try cli.optima(["consent", "status", "--db", url]).stdout == "0 objections recorded\n")
        #expect(try cli.optima(["person", "erase", "--source-id", Self.identifier] + options).stdout
            == "no person held under that identifier: nothing to erase\n")
        #expect(try cli.optima(["person", "export", "--source-id", Self.identifier] + options).stdout
            == "no person held under that identifier: nothing to export\n")

        let again = try cli.optima(["import", "omop", try Self.folder(onlyTheFirst: true), "--json"] + options)
        #expect(again.status == 0, "\(again.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(report["erased_persons_skipped"] as? Int == 1)
        #expect(report["total_rows"] as? Int == 0)
    }

    @Test func notesAreSkippedUnlessAskedAndAnEmptyIdentifierIsRefused() throws {
        let work = try TestDatabases.temporaryDirectory()
        let folder = try Self.folder()
        try "note_id,person_id,note_date,note_type_concept_id,note_class_concept_id,note_text,encoding_concept_id,language_concept_id\n1,1,2020-01-01,32817,0,text,0,0\n"
            .write(toFile: folder + "/NOTE.csv", atomically: true, encoding: .utf8)
        let options = ["--secrets", work + "/secrets.json"]
        let skipped = try cli.optima(["import", "omop", folder, "--db", "sqlite:\(work)/a.sqlite"] + options)
        #expect(skipped.stderr.contains("NOTE.csv: skipped: free-text notes are imported only when asked (--include-notes)"))
        #expect(try cli.infoJSON("sqlite:\(work)/a.sqlite")["tables"].flatMap { ($0 as? [String: Int])?["note"] } == 0)
        #expect(try cli.optima(["import", "omop", folder, "--include-notes", "--db", "sqlite:\(work)/b.sqlite"] + options).status == 0)
        #expect(try cli.infoJSON("sqlite:\(work)/b.sqlite")["tables"].flatMap { ($0 as? [String: Int])?["note"] } == 1)

        let empty = try Self.optima(["person", "erase", "--source-id", "-", "--db", "sqlite:\(work)/a.sqlite"] + options, input: "\n")
        #expect(empty.status != 0)
        #expect(empty.errors.contains("--source-id: no identifier given"))
    }
}
