import CSCCore
import Testing
import Transformers

@Suite("903 integrity: DOB and sex agree with Header (INT15, INT18, INT21)")
struct IntegrityHeaderAgreementTests {
    typealias F = IntegrityFixtures

    @Test("A UASC DOB differing from Header's is INT18, shown as the 903 writes dates, naming Header's line")
    func uascBirthDate() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", dob: "2015-03-01", line: 4)]),
            ("UASC", [F.uasc("A1", dob: "2015-03-02", line: 2)]),
        ])
        #expect(issues.count == 1)
        let issue = issues[0]
        #expect(issue.rule == "INT18" && issue.column == "DOB" && issue.value == "02/03/2015")
        #expect(issue.file == "uasc.csv" && issue.line == 2 && issue.childID == "A1")
        #expect(issue.message == "date of birth 02/03/2015 in UASC differs from 01/03/2015 in Header at line 4 of header.csv")
    }

    @Test("A UASC sex differing from Header's is INT21; the same canonical sex is not")
    func uascSex() {
        let differs = SSDA903Integrity.check([
            ("Header", [F.header("A1", sex: "F", line: 2)]), ("UASC", [F.uasc("A1", sex: "M", line: 2)]),
        ])
        #expect(differs.map(\.rule) == ["INT21"])
        #expect(differs.first?.value == "M" && differs.first?.column == "SEX")
        let agrees = SSDA903Integrity.check([
            ("Header", [F.header("A1", sex: "M", line: 2)]), ("UASC", [F.uasc("A1", sex: "M", line: 2)]),
        ])
        #expect(agrees.isEmpty)
    }

    @Test("An OC3 DOB differing from Header's is INT15; in one XML file the message gives the line alone")
    func careLeaverBirthDate() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", dob: "2006-05-01", line: 3, file: "903.xml")]),
            ("OC3", [F.careLeaver("A1", dob: "2006-05-10", line: 9, file: "903.xml")]),
        ])
        #expect(issues.map(\.rule) == ["INT15"])
        #expect(issues.first?.dataset == "care_leavers")
        #expect(issues.first?.message == "date of birth 10/05/2006 in OC3 differs from 01/05/2006 in Header at line 3")
    }

    @Test("An empty DOB or sex on either side is not a disagreement")
    func emptyValues() {
        let issues = SSDA903Integrity.check([
            ("Header", [F.header("A1", dob: "", sex: "F", line: 2), F.header("B2", dob: "2015-01-01", sex: "", line: 3)]),
            ("UASC", [F.uasc("A1", dob: "2015-03-01", sex: "F", line: 2), F.uasc("B2", dob: "", sex: "M", line: 3)]),
        ])
        #expect(issues.isEmpty)
    }
}
