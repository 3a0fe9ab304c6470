import CSCCore
import Testing

@Suite("Did-you-mean suggestions")
struct NearestNamesTests {
    @Test("edit distance counts insertions, deletions and substitutions")
    func distances() {
        #expect(NearestNames.editDistance("", "abc") == 3)
        #expect(NearestNames.editDistance("kitten", "sitting") == 3)
        #expect(NearestNames.editDistance("Overall Judgment", "Overall Judgement") == 1)
    }

    @Test("the three nearest names within reach, nearest first, blanks and far names left out")
    func closest() {
        let names = ["Person Ref", "PersonID", "", "Date of Birth", "Person IDs", "Team"]
        let found = NearestNames.closest(to: "Person ID", in: names) { $0.lowercased().filter { $0 != " " } }
        #expect(found == ["PersonID", "Person IDs", "Person Ref"])
        #expect(NearestNames.closest(to: "Allocated Worker", in: ["Team", "DOB"]) { $0 } == [])
    }
}
