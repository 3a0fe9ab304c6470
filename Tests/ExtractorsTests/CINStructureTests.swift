import CSCCore
import Foundation
import Testing
@testable import Extractors

/// Children, ids, headers and elements the schema does not have.
@Suite("CIN census: structure")
struct CINStructureTests {
    @Test("a child with no LAchildID: 8500 at ChildIdentifiers, missing-child-id per referral, nothing loaded")
    func missingChildID() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "K1"),
            CINTestFiles.child(id: nil, details: [
                CINTestFiles.referral(date: "2024-06-01"), CINTestFiles.referral(date: "2024-09-01"),
            ]),
            CINTestFiles.child(id: "K3"),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.summary.children == 3)
        #expect(result.records(.children).map { $0["child_id"] } == ["K1", "K3"])
        #expect(result.records(.referrals).count == 2)
        let missing = result.issues(.cinChildIDMissing)
        #expect(missing.count == 1)
        #expect(missing.first?.line == lineNumber(of: "<ChildIdentifiers>", in: text, occurrence: 2))
        #expect(missing.first?.column == "LAchildID")
        #expect(missing.first?.dataset == "children")
        #expect(missing.first?.severity == .error)
        let perReferral = result.issues(.missingChildID)
        #expect(perReferral.map(\.line) == [
            lineNumber(of: "<CINdetails>", in: text, occurrence: 2), lineNumber(of: "<CINdetails>", in: text, occurrence: 3),
        ])
        #expect(perReferral.allSatisfy { $0.dataset == "referrals" && $0.column == "LAchildID" })
    }

    @Test("a blank LAchildID counts as missing")
    func blankChildID() throws {
        let result = try CINTestFiles.read(text: CINTestFiles.census(children: [CINTestFiles.child(id: "   ")]))
        #expect(result.records.isEmpty)
        #expect(result.issues.map(\.rule) == [Rule.cinChildIDMissing.id, Rule.missingChildID.id])
    }

    @Test("the same LAchildID twice: duplicate-child at the second <Child>, both loaded")
    func duplicateChild() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "D1"), CINTestFiles.child(id: "D1", sex: "<Sex>M</Sex>"),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.records(.children).map { $0["sex"] } == ["F", "M"])
        let issue = try #require(result.issues(.duplicateChild).first)
        #expect(issue.line == lineNumber(of: "<Child>", in: text, occurrence: 2))
        #expect(issue.childID == "D1")
        #expect(issue.severity == .error)
    }

    @Test("records of a child come out in document order, each with the line of its start tag")
    func recordOrderAndLines() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "R1", details: [CINTestFiles.referral(date: "2024-04-10", inner: """
                <DateOfInitialCPC>2024-05-20</DateOfInitialCPC>
                <Assessments>
                  <AssessmentActualStartDate>2024-04-11</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2024-05-01</AssessmentAuthorisationDate>
                </Assessments>
                <CINPlanDates>
                  <CINPlanStartDate>2024-05-02</CINPlanStartDate>
                </CINPlanDates>
                <Section47>
                  <S47ActualStartDate>2024-05-03</S47ActualStartDate>
                  <InitialCPCtarget>2024-05-24</InitialCPCtarget>
                  <DateOfInitialCPC>2024-05-20</DateOfInitialCPC>
                  <ICPCnotRequired>false</ICPCnotRequired>
                </Section47>
                <ChildProtectionPlans>
                  <CPPstartDate>2024-05-20</CPPstartDate>
                  <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                  <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
                  <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                  <Reviews>
                    <CPPreviewDate>2024-07-01</CPPreviewDate>
                    <CPPreviewDate>2024-10-01</CPPreviewDate>
                  </Reviews>
                </ChildProtectionPlans>
            """)]),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.issues.isEmpty)
        #expect(result.records.map(\.table) == [
            .children, .referrals, .section47, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews, .cp_reviews,
        ])
        func line(_ needle: String, _ n: Int = 1) -> String { String(lineNumber(of: needle, in: text, occurrence: n)!) }
        #expect(result.records.map(\.source.line) == [
            line("<Child>"), line("<CINdetails>"), line("<DateOfInitialCPC>"), line("<Assessments>"),
            line("<CINPlanDates>"), line("<Section47>"), line("<ChildProtectionPlans>"),
            line("<CPPreviewDate>"), line("<CPPreviewDate>", 2),
        ])
        #expect(result.records.dropFirst().filter { $0.table != .cp_reviews }.allSatisfy { $0["referral_id"] == "R1/2024-04-10" })
        #expect(result.records(.cp_reviews).map { $0["plan_start_date"] } == ["2024-05-20", "2024-05-20"])
        #expect(result.records(.cp_reviews).map { $0["review_date"] } == ["2024-07-01", "2024-10-01"])
        #expect(result.records(.section47).last?["icpc_not_required"] == "0")
        #expect(result.records(.section47).last?["icpc_target_date"] == "2024-05-24")
    }

    @Test("a bad referral date leaves the date part of referral_id empty")
    func badReferralDate() throws {
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "Q1", details: [CINTestFiles.referral(date: "2024-13-01", inner: """
                <Assessments><AssessmentActualStartDate>2024-04-11</AssessmentActualStartDate></Assessments>
            """)]),
        ])
        let result = try CINTestFiles.read(text: text)
        #expect(result.records(.referrals).first?["referral_id"] == "Q1/")
        #expect(result.records(.assessments).first?["referral_id"] == "Q1/")
        #expect(result.issues(.badDate).count == 1)
    }

    @Test("an unknown element is skipped whole with one warning per name; a known one out of place too")
    func unexpectedElements() throws {
        let extra = "<Extra><Inner>1</Inner></Extra>"
        let text = CINTestFiles.census(children: [
            CINTestFiles.child(id: "U1", identifiers: "<Ethnicity>WBRI</Ethnicity>",
                               details: [CINTestFiles.referral(inner: extra)]),
            CINTestFiles.child(id: "U2", details: [CINTestFiles.referral(inner: extra)]),
        ])
        let result = try CINTestFiles.read(text: text)
        let warnings = result.issues(.unexpectedElement)
        #expect(warnings.map(\.column) == ["Ethnicity", "Extra"])
        #expect(warnings.last?.line == lineNumber(of: "<Extra>", in: text))
        #expect(warnings.last?.dataset == "referrals")
        #expect(warnings.first?.message.contains("not expected inside <ChildIdentifiers>") == true)
        #expect(result.records(.children).count == 2)
    }

    @Test("collection year: ReferenceDate, else Year (the end year), else the pipeline's, else an issue")
    func collectionYear() throws {
        let child = [CINTestFiles.child()]
        let yearOnly = try CINTestFiles.read(text: CINTestFiles.census(referenceDate: nil, year: "2025", children: child))
        #expect(yearOnly.summary.collectionYear == CollectionYear(startYear: 2024))
        #expect(yearOnly.issues.isEmpty)

        let mismatch = CINTestFiles.census(referenceDate: "2025-03-31", year: "2024", children: child)
        let m = try CINTestFiles.read(text: mismatch)
        #expect(m.summary.collectionYear == CollectionYear(startYear: 2024))
        #expect(m.issues(.headerYearMismatch).first?.line == lineNumber(of: "<Year>", in: mismatch))
        #expect(m.issues(.headerYearMismatch).first?.dataset == "file")

        let neither = CINTestFiles.census(referenceDate: nil, year: nil, children: child)
        let n = try CINTestFiles.read(text: neither)
        #expect(n.summary.collectionYear == nil)
        let unknown = try #require(n.issues(.collectionYearUnknown).first)
        #expect(n.issues.count == 1)
        #expect(unknown.message.contains("latest code lists"))
        #expect(n.records(.children).first?["sex"] == "F")

        let overridden = try CINTestFiles.read(text: neither, year: CollectionYear(startYear: 2025))
        #expect(overridden.summary.collectionYear == CollectionYear(startYear: 2025))
        #expect(overridden.issues.isEmpty)
        // The pipeline's year wins over the header's, and decides which sex element belongs.
        let older = try CINTestFiles.read(text: mismatch, year: CollectionYear(startYear: 2023))
        #expect(older.summary.collectionYear == CollectionYear(startYear: 2023))
        #expect(older.issues(.elementNotInYear).count == 1)
        #expect(older.issues(.headerYearMismatch).first?.message.contains("pipeline's year, 2023-24") == true)
    }

    @Test("la_code on every children row is the header's LEA")
    func laCode() throws {
        let result = try CINTestFiles.read(text: CINTestFiles.census(lea: "208", children: [
            CINTestFiles.child(id: "L1"), CINTestFiles.child(id: "L2"),
        ]))
        #expect(result.records(.children).map { $0["la_code"] } == ["208", "208"])
        #expect(result.summary.laCode == "208")
    }

    @Test("source lines stay exact in a census longer than 65,535 lines")
    func longFile() throws {
        let children = (1...3_500).map { CINTestFiles.child(id: "N\($0)") }
        let text = CINTestFiles.census(children: children)
        #expect(text.split(separator: "\n").count > 70_000)
        let result = try CINTestFiles.read(text: text)
        let last = try #require(result.records(.referrals, child: "N3500").first)
        #expect(last.source.line == String(lineNumber(of: "<CINdetails>", in: text, occurrence: 3_500)!))
        #expect(result.summary.children == 3_500)
    }
}
