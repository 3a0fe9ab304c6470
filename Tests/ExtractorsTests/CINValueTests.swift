import CSCCore
import Foundation
import Testing
@testable import Extractors

/// How single values are read: dates, codes, flags, counts, sex.
@Suite("CIN census: values")
struct CINValueTests {
    @Test("2024-02-30 is a bad date: reported with line, element, child and value; the record still loads")
    func badDate() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "B1", details: [CINTestFiles.referral(inner: """
                <CINclosureDate>2024-02-30</CINclosureDate>
            """)]),
        ])
        let result = try CINTestFiles.read(text: text)
        let issue = try #require(result.issues.first)
        #expect(result.issues.count == 1)
        #expect(issue.rule == Rule.badDate.id)
        #expect(issue.line == lineNumber(of: "2024-02-30", in: text))
        #expect(issue.column == "CINclosureDate")
        #expect(issue.childID == "B1")
        #expect(issue.value == "2024-02-30")
        #expect(issue.dataset == "referrals")
        let referral = try #require(result.records(.referrals).first)
        #expect(referral["closure_date"] == "")
        #expect(referral["referral_date"] == "2024-05-01")
    }

    @Test("dates must be YYYY-MM-DD exactly; 2024-02-29 is fine, UK order and times are not")
    func dateShapes() throws {
        let values = ["2024-02-29", "29/02/2024", "2024-2-29", "2024-02-29T10:00:00", "2023-02-29", " 2024-03-01 "]
        let blocks = values.map { "<CINPlanDates><CINPlanStartDate>\($0)</CINPlanStartDate></CINPlanDates>" }
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(details: [CINTestFiles.referral(inner: blocks.joined(separator: "\n"))]),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.records(.cin_plans).map { $0["start_date"] } == ["2024-02-29", "", "", "", "", "2024-03-01"])
        #expect(result.issues(.badDate).map(\.value) == ["29/02/2024", "2024-2-29", "2024-02-29T10:00:00", "2023-02-29"])
    }

    @Test("an unknown code is reported with the list and year, and left empty")
    func unknownCode() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(details: [CINTestFiles.referral(source: "9Z", need: "N1")]),
        ])
        let result = try CINTestFiles.read(text: text)
        let issue = try #require(result.issues(.unknownCode).first)
        #expect(issue.column == "ReferralSource")
        #expect(issue.value == "9Z")
        #expect(issue.dataset == "referrals")
        #expect(issue.message == "unknown code: 9Z is not a referral source code in 2024-25")
        #expect(result.records(.referrals).first?["referral_source"] == "")
        #expect(result.records(.referrals).first?["primary_need"] == "N1")
    }

    @Test("a code from a later year's list is unknown, and the message says from when it is valid")
    func codeNotYetValid() throws {
        let text = CINTestFiles.census(referenceDate: "2022-03-31", year: "2022", children: [
            CINTestFiles.child(sex: "<GenderCurrent>2</GenderCurrent>",
                               details: [CINTestFiles.referral(inner: "<ReasonForClosure>RC9</ReasonForClosure>")]),
        ])
        let result = try CINTestFiles.read(text: text)
        let issue = try #require(result.issues(.unknownCode).first)
        #expect(issue.value == "RC9")
        #expect(issue.message.contains("2021-22"))
        #expect(issue.message.contains("valid from 2022-23"))
        // The same code reads in a 2022-23 file.
        let later = try CINTestFiles.read(text: text, year: CollectionYear(startYear: 2022))
        #expect(later.records(.referrals).first?["closure_reason"] == "RC9")
    }

    @Test("a bad code in a list is dropped from the joined list and reported, the rest kept in order")
    func listsDropBadCodes() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(characteristics: """
                <Ethnicity>WBRI</Ethnicity>
                <Disabilities>
                  <Disability>HEAR</Disability>
                  <Disability>DEAF</Disability>
                  <Disability>MOB</Disability>
                </Disabilities>
            """),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.records(.children).first?["disabilities"] == "HEAR;MOB")
        #expect(result.issues(.unknownCode).map(\.value) == ["DEAF"])
        #expect(result.issues.first?.dataset == "children")
    }

    @Test("ReferralNFA and ICPCnotRequired accept 0, 1, true and false in any case")
    func flags() throws {
        let values = ["true", "FALSE", "1", "0", "True", "yes"]
        let details = values.enumerated().map { i, v in
            CINTestFiles.referral(date: "2024-05-0\(i + 1)", nfa: v)
        }
        let text = CINTestFiles.census(children: [CINTestFiles.child(details: details)])
        let result = try CINTestFiles.read(text: text)
        #expect(result.records(.referrals).map { $0["nfa"] } == ["1", "0", "1", "0", "1", ""])
        let bad = try #require(result.issues(.badValue).first)
        #expect(bad.value == "yes")
        #expect(bad.column == "ReferralNFA")
        #expect(bad.message == "ReferralNFA must be 0, 1, true or false")
    }

    @Test("NumberOfPreviousCPP must be a whole number, 0 or more")
    func previousPlans() throws {
        let plans = ["3", "007", "-1", "two"].map { n in
            """
            <ChildProtectionPlans>
              <CPPstartDate>2024-06-01</CPPstartDate>
              <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
              <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
              <NumberOfPreviousCPP>\(n)</NumberOfPreviousCPP>
            </ChildProtectionPlans>
            """
        }
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(details: [CINTestFiles.referral(inner: plans.joined(separator: "\n"))]),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.records(.cp_plans).map { $0["previous_plans"] } == ["3", "7", "", ""])
        #expect(result.issues(.badValue).map(\.value) == ["-1", "two"])
        #expect(result.records(.cp_plans).first?["latest_category"] == "EMO")
    }

    @Test("values are trimmed of surrounding whitespace, inside and across lines")
    func trimming() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "  T1 ", characteristics: "<Ethnicity>\n   WBRI\n   </Ethnicity>"),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.issues.isEmpty)
        #expect(result.records(.children).first?["child_id"] == "T1")
        #expect(result.records(.children).first?["ethnicity"] == "WBRI")
    }

    @Test("GenderCurrent in 2023-24 and Sex in 2024-25 both give sex M/F/U, with no warning")
    func sexByYear() throws {
        let gender = ["1": "M", "2": "F", "0": "U", "9": "U"]
        let older = CINTestFiles.census(referenceDate: "2024-03-31", year: "2024",
                                        children: gender.keys.sorted().map { code in
            CINTestFiles.child(id: "G\(code)", sex: "<GenderCurrent>\(code)</GenderCurrent>")
        })
        let oldResult = try CINTestFiles.read(text: older)
        #expect(oldResult.issues.isEmpty)
        for (code, sex) in gender {
            #expect(oldResult.records(.children, child: "G\(code)").first?["sex"] == sex)
        }

        let newer = CINTestFiles.census(children: ["M", "F", "U"].map { code in
            CINTestFiles.child(id: "S\(code)", sex: "<Sex>\(code)</Sex>")
        })
        let newResult = try CINTestFiles.read(text: newer)
        #expect(newResult.issues.isEmpty)
        #expect(newResult.records(.children).map { $0["sex"] } == ["M", "F", "U"])
    }

    @Test("the other year's sex element is read with its own list and warned about once per file")
    func sexElementInWrongYear() throws {
        let sexIn2023 = CINTestFiles.census(referenceDate: "2024-03-31", year: "2024", children: [
            CINTestFiles.child(id: "X1", sex: "<Sex>M</Sex>"),
            CINTestFiles.child(id: "X2", sex: "<Sex>F</Sex>"),
        ])
        let a = try CINTestFiles.read(text: sexIn2023)
        #expect(a.records(.children).map { $0["sex"] } == ["M", "F"])
        #expect(a.issues(.elementNotInYear).count == 1)
        #expect(a.issues.first?.line == lineNumber(of: "<Sex>M</Sex>", in: sexIn2023))
        #expect(a.issues.first?.dataset == "children")

        let genderIn2024 = CINTestFiles.census(children: [
            CINTestFiles.child(id: "Y1", sex: "<GenderCurrent>2</GenderCurrent>"),
            CINTestFiles.child(id: "Y2", sex: "<GenderCurrent>1</GenderCurrent>"),
        ])
        let b = try CINTestFiles.read(text: genderIn2024)
        #expect(b.records(.children).map { $0["sex"] } == ["F", "M"])
        #expect(b.issues(.elementNotInYear).count == 1)
        #expect(b.issues.first?.column == "GenderCurrent")
    }

    @Test("the same text read as different kinds of value gives each its own reading")
    func sameTextDifferentKinds() throws {
        let text = CINTestFiles.census(referenceDate: "2024-03-31", year: "2024", children: [
            CINTestFiles.child(id: "V1", sex: "<GenderCurrent>1</GenderCurrent>", details: [
                CINTestFiles.referral(nfa: "1", inner: """
                <ChildProtectionPlans>
                  <CPPstartDate>2024-01-01</CPPstartDate>
                  <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
                </ChildProtectionPlans>
                """),
            ]),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.issues.isEmpty)
        #expect(result.records(.children).first?["sex"] == "M")
        #expect(result.records(.referrals).first?["nfa"] == "1")
        #expect(result.records(.cp_plans).first?["previous_plans"] == "1")
    }

    @Test("a bad value repeated is reported every time, each with its own line and child")
    func repeatedBadValue() throws {
        let text = CINTestFiles.census(children: (1...3).map { i in
            CINTestFiles.child(id: "W\(i)", characteristics: "<Ethnicity>WHBR</Ethnicity>")
        })
        let result = try CINTestFiles.read(text: text)
        let issues = result.issues(.unknownCode)
        #expect(issues.map(\.childID) == ["W1", "W2", "W3"])
        #expect(issues.map(\.line) == (1...3).map { lineNumber(of: "WHBR", in: text, occurrence: $0) })
        #expect(result.records(.children).allSatisfy { $0["ethnicity"].isEmpty })
    }
}
