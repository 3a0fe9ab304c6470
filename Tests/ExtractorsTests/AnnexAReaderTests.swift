import CSCCore
import Foundation
import Testing
@testable import Extractors

struct AnnexAReaderTests {
    static func read(_ wb: XLSXTestWorkbook, year: CollectionYear = CollectionYear(startYear: 2024)) throws
        -> (AnnexAFileSummary, CollectingSink) {
        let sink = CollectingSink()
        let summary = try AnnexAReader(codes: AnnexAFixtureTests.codes())
            .read(path: wb.write(), displayName: "annex.xlsx", year: year, into: sink)
        return (summary, sink)
    }

    static func inline(_ ref: String, _ text: String) -> String {
        #"<c r="\#(ref)" t="inlineStr"><is><t>\#(XLSXTestWorkbook.escaped(text))</t></is></c>"#
    }

    @Test func sheetNamesHoweverSpelled() {
        #expect(AnnexAList(sheetName: "List_1") == .contacts)
        #expect(AnnexAList(sheetName: "List 1") == .contacts)
        #expect(AnnexAList(sheetName: "List1") == .contacts)
        #expect(AnnexAList(sheetName: "List 1 - Contacts") == .contacts)
        #expect(AnnexAList(sheetName: "List 10") == .adoption)
        #expect(AnnexAList(sheetName: "LIST_11 Adopters") == .adopters)
        #expect(AnnexAList(sheetName: "Annex A List 3") == .referrals)
        #expect(AnnexAList(sheetName: "List 12") == nil)
        #expect(AnnexAList(sheetName: "Guidance") == nil)
        #expect(AnnexAList(sheetName: "Codes_used") == nil)
    }

    @Test func everyColumnTargetIsInItsTable() {
        for list in AnnexAList.allCases {
            for c in list.columns {
                if case .row(let name) = c.target {
                    #expect(list.table.columns.contains(name), "\(list.title): \(c.heading) → \(list.table).\(name)")
                }
                if case .child(let name) = c.target { #expect(CanonicalTable.children.columns.contains(name)) }
            }
        }
    }

    @Test func templateSheetWithTitleRowBadDateAndMissingID() throws {
        var wb = XLSXTestWorkbook()
        wb.styleFormats = [0, 14]
        let i = Self.inline
        wb.sheets = [
            ("Front_Sheet", "<row r=\"1\">\(i("A1", "Annex A"))</row>"),
            ("List_3", """
            <row r="1">\(i("A1", "List 3: Referral"))</row>
            <row r="2">\(i("A2", "Child Unique ID"))\(i("B2", "GENDER"))\(i("C2", "Ethnicity"))\(i("D2", "Date of Birth"))\(i("E2", "Age of Child (Years)"))\(i("F2", "Date of referral"))\(i("G2", "Referral Source"))\(i("H2", "Referral NFA?"))\(i("I2", "Colour of front door"))</row>
            <row r="3">\(i("A3", " 007 "))\(i("B3", "a) Male"))\(i("C3", "a) WBRI"))<c r="D3" s="1"><v>44090</v></c><c r="E3"><v>4</v></c>\(i("F3", "16/09/2024"))\(i("G3", "q) 6: Police"))\(i("H3", "b) No"))</row>
            <row r="4">\(i("A4", "8"))\(i("B4", "F"))\(i("C4", "OOTH"))\(i("D4", "31/02/2024"))\(i("F4", "2024-09-17"))\(i("G4", "School"))\(i("H4", "yes"))</row>
            <row r="5">\(i("B5", "M"))\(i("F5", "18/09/2024"))</row>
            <row r="6">\(i("A6", "9"))\(i("B6", "c) Not stated/recorded (or unborn)"))\(i("D6", "01/12/2024"))<c r="E6"><v>-1</v></c><c r="F6" s="1"><v>60</v></c>\(i("G6", "Martian"))</row>
            <row r="9">\(i("K9", "Checked by the data team"))</row>
            """),
        ]
        let (summary, sink) = try Self.read(wb)
        #expect(summary.lists.map(\.list) == [.referrals])
        #expect(summary.lists.first?.headingRow == 2)
        #expect(summary.lists.first?.rows == 4)
        #expect(summary.otherSheets == ["Front_Sheet"])

        let referrals = sink.records.filter { $0.table == .referrals }
        #expect(referrals.map { $0["child_id"] } == ["007", "8", "9"])
        #expect(referrals[0]["referral_date"] == "2024-09-16")
        #expect(referrals[0]["referral_id"] == "007/2024-09-16")
        #expect(referrals[0]["referral_source"] == "6")
        #expect(referrals[0]["nfa"] == "0")
        #expect(referrals[0].source.line == "List_3!A3")
        #expect(referrals[1]["referral_date"] == "2024-09-17")
        #expect(referrals[1]["referral_source"] == "2A")
        #expect(referrals[1]["nfa"] == "1")
        #expect(referrals[2]["referral_date"] == "")

        let children = sink.records.filter { $0.table == .children }
        #expect(children[0]["sex"] == "M" && children[0]["ethnicity"] == "WBRI" && children[0]["birth_date"] == "2020-09-16")
        #expect(children[1]["sex"] == "F" && children[1]["birth_date"] == "")
        #expect(children[2]["sex"] == "U" && children[2]["birth_date"] == "" && children[2]["expected_birth_date"] == "2024-12-01")

        let issue = { (rule: String, line: Int) in sink.issues.first { $0.rule == rule && $0.line == line } }
        let badDOB = issue("bad-date", 4)
        #expect(badDOB?.column == "List_3!D (Date of Birth)")
        #expect(badDOB?.value == "31/02/2024")
        #expect(badDOB?.file == "annex.xlsx")
        #expect(badDOB?.childID == "8")
        #expect(issue("bad-date", 6)?.column == "List_3!F (Date of referral)")
        #expect(issue("unknown-code", 6)?.value == "Martian")
        #expect(issue("missing-child-id", 5)?.column == "List_3!A (Child Unique ID)")
        #expect(issue("annex-a-unknown-heading", 2)?.value == "Colour of front door")
        #expect(sink.issues.count == 5, "\(sink.issues.map { "\($0.rule) \($0.line ?? 0)" })")
    }

    @Test func careLeaversTakeTheYearGivenAndEpisodesTheLatestStart() throws {
        var wb = XLSXTestWorkbook()
        let i = Self.inline
        wb.sheets = [
            ("List 9 - Care leavers", """
            <row r="1">\(i("A1", "Child Unique ID"))\(i("B1", "Date of Birth"))\(i("C1", "LA In Touch"))\(i("D1", "Activity Status"))\(i("E1", "Type of Accommodation"))\(i("F1", "Suitability of Accommodation"))\(i("G1", "Eligibility Category"))</row>
            <row r="2">\(i("A2", "CL1"))\(i("B2", "01/05/2006"))\(i("C2", "a) Yes"))\(i("D2", "G4: NEET illness"))\(i("E2", "U: Independent living"))\(i("F2", "b) Unsuitable"))\(i("G2", "b) Former relevant child"))</row>
            """),
            ("List8", """
            <row r="1">\(i("A1", "Child Unique ID"))\(i("B1", "Date Started to be Looked After"))\(i("C1", "Start date of current legal status"))\(i("D1", "Start Date of Most Recent Placement"))\(i("E1", "Placement Type"))\(i("F1", "Date of Latest Statutory Review"))</row>
            <row r="2">\(i("A2", "C1"))\(i("B2", "01/01/2020"))\(i("C2", "01/06/2021"))\(i("D2", "01/03/2022"))\(i("E2", "f) U6: Foster placement"))\(i("F2", "05/05/2024"))</row>
            """),
        ]
        let (summary, sink) = try Self.read(wb, year: CollectionYear(startYear: 2025))
        #expect(summary.lists.map(\.list) == [.childrenInCare, .careLeavers])
        let leaver = sink.records.first { $0.table == .care_leavers }
        #expect(leaver?["year"] == "2025-26")
        #expect(leaver?["birth_date"] == "2006-05-01")
        #expect(leaver?["in_touch"] == "YES")
        #expect(leaver?["activity"] == "G4")
        #expect(leaver?["accommodation"] == "U")
        #expect(leaver?["accommodation_suitable"] == "0")
        #expect(leaver?["eligibility"] == "former_relevant")
        let episode = sink.records.first { $0.table == .cla_episodes }
        #expect(episode?["start_date"] == "2022-03-01")
        #expect(episode?["placement"] == "U6")
        #expect(sink.records.first { $0.table == .cla_reviews }?["review_date"] == "2024-05-05")
        #expect(sink.issues.isEmpty, "\(sink.issues)")
    }

    @Test func aWorkbookWithoutListsIsFatal() throws {
        var wb = XLSXTestWorkbook()
        wb.sheets = [("Sheet1", "<row r=\"1\">\(Self.inline("A1", "x"))</row>")]
        do {
            _ = try Self.read(wb)
            Testing.Issue.record("read a workbook with no list sheet")
        } catch let error as UnreadableInput {
            #expect(error.issue.rule == "not-annex-a")
            #expect(error.issue.severity == .fatal)
        }
    }

    @Test func inspectNamesTheLists() throws {
        var wb = XLSXTestWorkbook()
        wb.sheets = [("Guidance", ""), ("List 1", ""), ("List_7", "")]
        let d = FileInspector.inspect(path: try wb.write())
        #expect(d.kind == .annexA(lists: [1, 7]))
        #expect(d.summary.contains("2 lists"))
    }

    @Test("the reader's headings are the template's, in order, for every list: what the Annex A return writes reads back")
    func readerHeadingsAreTheTemplates() {
        for list in AnnexAList.allCases {
            #expect(list.columns.map(\.heading) == list.headings, "\(list.title)")
        }
    }
}
