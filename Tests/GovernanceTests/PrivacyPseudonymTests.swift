import CDMTestSupport
import Foundation
import Governance
import Testing

/// Pseudonyms and date shifts are the HMAC-SHA256 the documentation promises, checked against Python's `hmac`.
@Suite struct PrivacyPseudonymTests {
    /// Python's HMAC-SHA256 of each message under a base64 key, as hex, one per line.
    static func pythonHMAC(key: String, messages: [String]) throws -> [String] {
        let script = """
            import base64, hashlib, hmac, sys
            key = base64.b64decode(sys.argv[1])
            for message in sys.argv[2:]:
                print(hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest())
            """
        let run = try ExternalProgram.run(["python3", "-c", script, key] + messages)
        #expect(run.status == 0, "\(run.errors)")
        return run.output.split(separator: "\n").map(String.init)
    }

    @Test func pseudonymsAreTheFirstTwentyBytesOfTheKeyedHMAC() throws {
        let secrets = SiteSecrets.generate()
        let identifiers = ["MRN-8812345", "synthetic-17", "Patiënt 007", ""]
        let expected = try Self.pythonHMAC(key: secrets.currentPseudonymKey.key, messages: identifiers)
        let pseudonymizer = Pseudonymizer(secrets: secrets)
        for (identifier, digest) in zip(identifiers, expected) {
            let pseudonym = pseudonymizer.pseudonym(identifier)
            #expect(pseudonym == "k1-" + digest.prefix(40))
            #expect(pseudonym.count <= 50)
        }
        #expect(expected.count == identifiers.count)
    }

    @Test func anotherSiteKeyGivesAnotherPseudonym() {
        let identifier = "MRN-8812345"
        #expect(Pseudonymizer(secrets: .generate()).pseudonym(identifier) != Pseudonymizer(secrets: .generate()).pseudonym(identifier))
    }

    @Test func aRotatedKeyStillFindsPseudonymsMadeBeforeIt() {
        var secrets = SiteSecrets.generate()
        let before = Pseudonymizer(secrets: secrets).pseudonym("MRN-8812345")
        secrets.rotatePseudonymKey()
        let after = Pseudonymizer(secrets: secrets)
        #expect(after.pseudonym("MRN-8812345").hasPrefix("k2-"))
        #expect(after.pseudonym("MRN-8812345") != before)
        #expect(after.candidates("MRN-8812345") == [after.pseudonym("MRN-8812345"), before])
    }

    @Test func dateShiftsAreTheKeyedHMACOfTheirOwnMessageReducedToTheRange() throws {
        var secrets = SiteSecrets.generate()
        let firstKey = secrets.currentPseudonymKey.key
        secrets.rotatePseudonymKey()
        let pseudonymizer = Pseudonymizer(secrets: secrets)
        let persons = (1...40).map(String.init)
        let digests = try Self.pythonHMAC(key: firstKey, messages: persons.map { "date-shift:" + $0 })
        for (person, digest) in zip(persons, digests) {
            let number = try #require(UInt64(digest.prefix(16), radix: 16))
            #expect(pseudonymizer.dateShiftDays(forPerson: person, maximumDays: 30) == Int(number % 61) - 30)
        }
        #expect(digests.count == persons.count)
    }

    @Test func dateShiftsCoverTheWholeRangeAndNothingBeyond() {
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        let shifts = (1...2_000).map { pseudonymizer.dateShiftDays(forPerson: String($0), maximumDays: 7) }
        #expect(Set(shifts) == Set(-7...7))
        #expect((1...50).allSatisfy { pseudonymizer.dateShiftDays(forPerson: String($0), maximumDays: 0) == 0 })
        #expect(pseudonymizer.dateShiftDays(forPerson: "12", maximumDays: 7) == shifts[11])
    }
}
