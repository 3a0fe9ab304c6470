import CSCCore
import Foundation
import Testing
@testable import Extractors

/// How each 903 table's values become canonical values, and what is reported when they cannot.
@Suite("SSDA903: values and tables")
struct SSDA903ValueTests {
    static let y2324 = CollectionYear(startYear: 2023)
    static let y2425 = CollectionYear(startYear: 2024)
    static let y2526 = CollectionYear(startYear: 2025)

    static let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"

    private func episodes(_ rows: [String], year: CollectionYear?) throws -> SSDA903ReadResult {
        try SSDA903TestFiles.read(text: ([Self.episodesHeader] + rows).joined(separator: "\n") + "\n", year: year)
    }

    private func header(_ rows: [String], year: CollectionYear) throws -> SSDA903ReadResult {
        try SSDA903TestFiles.read(text: (["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"] + rows).joined(separator: "\n"),
                                  year: year)
    }

    // MARK: Tables

    @Test("a file whose columns are no 903 table is fatal, naming the closest table and what it lacks")
    func unknownTable() throws {
        let issue = try #require(try SSDA903TestFiles.fatalIssue("CHILD,DECOM,RNE,LS,CIN,PLACE,URN\n1,01/04/2024,S,C1,N1,U4,\n"))
        #expect(issue.rule == "unknown-table" && issue.severity == .fatal)
        #expect(issue.file == "table.csv" && issue.line == 1 && issue.dataset == "file")
        #expect(issue.message.contains("the closest is Episodes, which also needs PLACE_PROVIDER, DEC, REC, "
            + "REASON_PLACE_CHANGE, HOME_POST, PL_POST"))
        let unrelated = try #require(try SSDA903TestFiles.fatalIssue("Person ID,Visit Type\n1,CP Visit\n"))
        #expect(unrelated.rule == "unknown-table")
        #expect(unrelated.message.contains("no SSDA903 table has these columns (Person ID, Visit Type)"))
    }

    @Test("an empty file, or one of blank lines, is fatal empty-file")
    func emptyFile() throws {
        for text in ["", "\n\n", ",,,\n"] {
            let issue = try #require(try SSDA903TestFiles.fatalIssue(text))
            #expect(issue.rule == "empty-file" && issue.severity == .fatal && issue.file == "table.csv")
        }
    }

    @Test("an unclosed quote is the CSV reader's fatal issue, naming the file as the pipeline gave it")
    func unclosedQuote() throws {
        let issue = try #require(try SSDA903TestFiles.fatalIssue(Self.episodesHeader + "\n1,\"01/04/2024,S\n"))
        #expect(issue.rule == "unterminated-quote" && issue.file == "table.csv" && issue.line == 2)
    }

    @Test("columns are matched ignoring case, spaces and order; values come out in canonical order")
    func anyOrderAnyCase() throws {
        let text = """
            urn , dec,Decom,child,RNE,LS,CIN,place,PLACE_PROVIDER,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST
            SC1,,01/04/2024,42,S,C1,N1,U4,PR1,,,AB1 2CD,EF3 4GH
            """
        let result = try SSDA903TestFiles.read(text: text, year: Self.y2425)
        #expect(result.summary.table == .episodes)
        #expect(result.records.map(\.values) == [["42", "2024-04-01", "S", "C1", "N1", "U4", "PR1", "", "", "", "AB1 2CD",
                                                  "EF3 4GH", "SC1"]])
        // Issues name the column as the file writes it.
        let bad = try SSDA903TestFiles.read(text: text.replacingOccurrences(of: "01/04/2024", with: "1/4/2024"),
                                            year: Self.y2425)
        #expect(bad.issueKeys == ["bad-date@2:Decom=1/4/2024"])
    }

    @Test("an extra column is one warning on the header line, not one per row")
    func extraColumn() throws {
        let text = "CHILD,DOB,REVIEW,REVIEW_CODE,Notes\n1,01/01/2010,05/05/2024,PN1,x\n1,01/01/2010,05/11/2024,PN2,y\n"
        let result = try SSDA903TestFiles.read(text: text, year: Self.y2425)
        #expect(result.issueKeys == ["unexpected-column@1:Notes="])
        #expect(result.issues.first?.severity == .warning && result.issues.first?.dataset == "cla_reviews")
        #expect(result.records.map(\.values) == [["1", "2024-05-05", "PN1"], ["1", "2024-11-05", "PN2"]])
    }

    @Test("a file with both Header and UASC columns is a Header with DUC as an extra column")
    func largestTableWins() throws {
        let result = try SSDA903TestFiles.read(text: "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,DUC\n1,M,01/01/2010,WBRI,UN1,,,\n",
                                               year: Self.y2425)
        #expect(result.summary.table == .header)
        #expect(result.issueKeys == ["unexpected-column@1:DUC="])
    }

    // MARK: Rows

    @Test("a row with no CHILD is a missing-child-id error and is not loaded; a row of commas is skipped")
    func missingChild() throws {
        let result = try episodes([
            "1,01/04/2024,S,C1,N1,U4,PR1,,,,,,",
            "  ,02/04/2024,S,C1,N1,U4,PR1,,,,,,",
            ",,,,,,,,,,,,",
            "3,03/04/2024,S,C1,N1,U4,PR1,,,,,,",
        ], year: Self.y2425)
        #expect(result.issueKeys == ["missing-child-id@3:CHILD="])
        #expect(result.issues.first?.severity == .error && result.issues.first?.dataset == "cla_episodes")
        #expect(result.records.map(\.source.line) == ["2", "5"])
        #expect(result.summary.rows == 3 && result.summary.records == 2)
    }

    @Test("31/02/2024 is a bad date: the field is empty, the record still loaded, the value reported as written")
    func impossibleDate() throws {
        let result = try episodes(["0099,31/02/2024,S,C1,N1,U4,PR1,29/02/2024,E8,,,,"], year: Self.y2324)
        #expect(result.issueKeys == ["bad-date@2:DECOM=31/02/2024"])
        let issue = try #require(result.issues.first)
        #expect(issue.childID == "0099" && issue.message == "not a valid date" && issue.severity == .error)
        #expect(result.records.first?["start_date"] == "")
        #expect(result.records.first?["end_date"] == "2024-02-29")
    }

    @Test("dates must be DD/MM/YYYY exactly", arguments: ["1/4/2024", "01-04-2024", "01/04/24", "2024-04-01",
                                                         "00/04/2024", "01/13/2024", "29/02/2023", "01/04/0000"])
    func badDateShapes(value: String) throws {
        let result = try episodes(["1,\(value),S,C1,N1,U4,PR1,,,,,,"], year: Self.y2425)
        #expect(result.issueKeys == ["bad-date@2:DECOM=\(value)"])
    }

    @Test("a short row is a ragged-row warning naming the file as given; its missing cells read as empty")
    func raggedRow() throws {
        let result = try episodes(["7,01/04/2024,S,C1,N1,U4,PR1"], year: Self.y2425)
        #expect(result.issueKeys == ["ragged-row@2:="])
        #expect(result.issues.first?.file == "table.csv" && result.issues.first?.childID == "7")
        #expect(result.records.first?.values == ["7", "2024-04-01", "S", "C1", "N1", "U4", "PR1", "", "", "", "", "", ""])
    }

    @Test("a stray quote is reported with the column and child, and the value kept")
    func strayQuote() throws {
        let result = try episodes(["7,01/04/2024,S,C1,N1,U4,PR1,,,,,,SC1\"2"], year: Self.y2425)
        #expect(result.issueKeys == ["stray-quote@2:URN=SC1\"2"])
        #expect(result.issues.first?.childID == "7")
        #expect(result.records.first?["urn"] == "SC1\"2")
    }

    @Test("the child id is kept exactly, leading zeros and case included, without surrounding spaces")
    func childID() throws {
        let result = try episodes([" 000Ab12 ,01/04/2024,S,C1,N1,U4,PR1,,,,,,"], year: Self.y2425)
        #expect(result.records.first?["child_id"] == "000Ab12")
    }

    // MARK: Codes by year

    @Test("SEX 1/2 is the code up to 2023-24, M/F/U from 2024-25; both become M/F/U")
    func sexByYear() throws {
        let old = try header(["1,1,01/01/2010,WBRI,UN1,,", "2,2,01/01/2010,WBRI,UN1,,", "3,M,01/01/2010,WBRI,UN1,,"],
                             year: Self.y2324)
        #expect(old.records.map { $0["sex"] } == ["M", "F", ""])
        #expect(old.issueKeys == ["unknown-code@4:SEX=M"])
        #expect(old.issues.first?.message == "M is not a valid SEX code in 2023-24 (valid from 2024-25)")
        for year in [Self.y2425, Self.y2526] {
            let new = try header(["1,1,01/01/2010,WBRI,UN1,,", "2,F,01/01/2010,WBRI,UN1,,", "3,U,01/01/2010,WBRI,UN1,,",
                                  "4,m,01/01/2010,WBRI,UN1,,"], year: year)
            #expect(new.records.map { $0["sex"] } == ["", "F", "U", ""])
            #expect(new.issueKeys == ["unknown-code@2:SEX=1", "unknown-code@5:SEX=m"])
            #expect(new.issues.first?.message == "1 is not a valid SEX code in \(year) (valid up to 2023-24)")
        }
    }

    @Test("PLACE codes follow the schema changes: H5 and P2 end in 2023-24, K3 starts in 2024-25, Z1 gives way to Z11–Z14 in 2025-26", arguments: [
              ("H5", 2023, true), ("H5", 2024, false), ("P2", 2023, true), ("P2", 2024, false),
              ("K3", 2023, false), ("K3", 2024, true), ("K3", 2025, true),
              ("Z1", 2024, true), ("Z1", 2025, false), ("Z11", 2024, false), ("Z14", 2025, true),
              ("Z9", 2025, false), ("u4", 2024, false),
          ])
    func placementByYear(code: String, startYear: Int, valid: Bool) throws {
        let year = CollectionYear(startYear: startYear)
        let result = try episodes(["1,01/04/\(startYear),S,C1,N1,\(code),PR1,,,,,,"], year: year)
        #expect(result.records.first?["placement"] == (valid ? code : ""))
        #expect(result.issueKeys == (valid ? [] : ["unknown-code@2:PLACE=\(code)"]))
    }

    @Test("the unknown-code message says in which years the code was valid")
    func unknownCodeMessage() throws {
        let result = try episodes(["1,01/04/2024,S,C1,N1,H5,PR1,,E43,,,,"], year: Self.y2425)
        #expect(result.issues.map(\.message) == [
            "H5 is not a valid PLACE code in 2024-25 (valid up to 2023-24)",
            "E43 is not a valid REC code in 2024-25 (valid up to 2017-18)",
        ])
        #expect(result.issues.map(\.column) == ["PLACE", "REC"])
    }

    @Test("an issue carries the cell untouched and the column name without its surrounding spaces")
    func untouchedValue() throws {
        let text = Self.episodesHeader.replacingOccurrences(of: "PLACE,", with: " PLACE ,")
            + "\n1,01/04/2024,S,C1,N1, H5 ,PR1,,,,,,\n"
        let result = try SSDA903TestFiles.read(text: text, year: Self.y2425)
        #expect(result.issueKeys == ["unknown-code@2:PLACE= H5 "])
        #expect(result.issues.first?.message == "H5 is not a valid PLACE code in 2024-25 (valid up to 2023-24)")
    }

    @Test("every Episodes code list is checked", arguments: [
        (2, "X"), (3, "C9"), (4, "N9"), (6, "PR9"), (8, "E99"), (9, "MOVED"),
    ])
    func episodeCodes(column: Int, value: String) throws {
        var cells = ["1", "01/04/2024", "S", "C1", "N1", "U4", "PR1", "15/05/2024", "E4A", "CARPL", "", "", ""]
        cells[column] = value
        let result = try episodes([cells.joined(separator: ",")], year: Self.y2425)
        let name = Self.episodesHeader.split(separator: ",")[column]
        #expect(result.issueKeys == ["unknown-code@2:\(name)=\(value)"])
        #expect(result.records.first?.values[column] == "")
    }

    // MARK: Header and UASC

    @Test("UPN holds the pupil number, or a UN1–UN5 reason that goes to upn_unknown")
    func upn() throws {
        let result = try header(["1,M,01/01/2010,WBRI,A873123456789,,", "2,F,01/01/2010,WBRI,UN5,,",
                                 "3,F,01/01/2010,WBRI,UN7,,", "4,F,01/01/2010,WHBR,,1,01/01/2025"], year: Self.y2425)
        #expect(result.records.map { [$0["upn"], $0["upn_unknown"]] } == [["A873123456789", ""], ["", "UN5"], ["", ""],
                                                                          ["", ""]])
        #expect(result.issueKeys == ["unknown-code@4:UPN=UN7", "unknown-code@5:ETHNIC=WHBR"])
        #expect(result.records.first?.values == ["1", "A873123456789", "", "", "2010-01-01", "", "M", "WBRI", "", "", "",
                                                 ""])
    }

    @Test("UASC rows are children rows with uasc = 1; DUC is checked but not kept")
    func uasc() throws {
        let result = try SSDA903TestFiles.read(text: "CHILD,SEX,DOB,DUC\n5,M,01/01/2008,01/01/2026\n6,F,01/01/2009,31/09/2027\n",
                                               year: Self.y2425)
        #expect(result.records.map(\.values) == [["5", "", "", "", "2008-01-01", "", "M", "", "", "", "1", ""],
                                                 ["6", "", "", "", "2009-01-01", "", "F", "", "", "", "1", ""]])
        #expect(result.issueKeys == ["bad-date@3:DUC=31/09/2027"])
    }

    // MARK: Other tables

    @Test("OC3 ACCOM splits into the accommodation letter and suitability; 0 stands alone; other shapes are refused",
          arguments: [("U1", "U", "1"), ("U2", "U", "0"), ("Z1", "Z", "1"), ("0", "0", ""), ("", "", ""),
                      ("01", nil, nil), ("U3", nil, nil), ("u1", nil, nil), ("U", nil, nil), ("Q1", nil, nil),
                      ("U12", nil, nil)] as [(String, String?, String?)])
    func accommodation(value: String, letter: String?, suitable: String?) throws {
        let text = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n9,29/02/2004,YES,F2,\(value)\n"
        let result = try SSDA903TestFiles.read(text: text, year: Self.y2425)
        let record = try #require(result.records.first)
        #expect(record.values == ["9", "2024-25", "2004-02-29", "YES", "F2", letter ?? "", suitable ?? "", "", "", "", ""])
        #expect(result.issueKeys == (letter == nil ? ["unknown-code@2:ACCOM=\(value)"] : []))
    }

    @Test("OC3 activities F3/P3 end in 2020-21; F4, P4, F5, P5 start in 2021-22")
    func activityByYear() throws {
        let text = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/01/2003,YES,F3,U1\n2,01/01/2003,YES,F5,U1\n"
        let old = try SSDA903TestFiles.read(text: text, year: CollectionYear(startYear: 2020))
        #expect(old.issueKeys == ["unknown-code@3:ACTIV=F5"])
        let new = try SSDA903TestFiles.read(text: text, year: CollectionYear(startYear: 2021))
        #expect(new.issueKeys == ["unknown-code@2:ACTIV=F3"])
    }

    @Test("Reviews, Missing and SWEpisodes map column for column")
    func simpleTables() throws {
        let reviews = try SSDA903TestFiles.read(text: "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,05/05/2024,PN8\n",
                                                year: Self.y2425)
        #expect(reviews.records.map(\.values) == [["1", "2024-05-05", ""]])
        #expect(reviews.issueKeys == ["unknown-code@2:REVIEW_CODE=PN8"])
        let missing = try SSDA903TestFiles.read(
            text: "CHILD,DOB,MISSING,MIS_START,MIS_END\n1,01/01/2010,A,04/07/2025,\n1,01/01/2010,m,05/07/2025,06/07/2025\n",
            year: Self.y2526)
        #expect(missing.records.map(\.values) == [["1", "A", "2025-07-04", ""], ["1", "", "2025-07-05", "2025-07-06"]])
        #expect(missing.issueKeys == ["unknown-code@3:MISSING=m"])
        let workers = try SSDA903TestFiles.read(
            text: "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1,01/01/2010,SW12,01/05/2024,30/06/2024,LEFTRL\n",
            year: Self.y2425)
        #expect(workers.records.map(\.values) == [["1", "SW12", "", "2024-05-01", "2024-06-30", "LEFTRL"]])
        #expect(workers.records.first?.table == .allocations && workers.issues.isEmpty)
        // SW_REASON codes start with the table, in 2023-24.
        let early = try SSDA903TestFiles.read(
            text: "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1,01/01/2010,SW12,01/05/2022,30/06/2022,LEFTRL\n",
            year: CollectionYear(startYear: 2022))
        #expect(early.issues.first?.message == "LEFTRL is not a valid SW_REASON code in 2022-23 (valid from 2023-24)")
    }

    @Test("AD1 and PlacedAdoption both go to adoptions: decision, match, reversal and its reason")
    func adoptions() throws {
        let ad1 = try SSDA903TestFiles.read(
            text: "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
                + "1,01/01/2020,05/05/2023,01/09/2023,1,2,MF,L11\n2,01/01/2020,05/05/2023,01/09/2023,Y,3,MX,L5\n",
            year: Self.y2425)
        #expect(ad1.records.map(\.values) == [["1", "2023-05-05", "", "2023-09-01", "", "", "", ""],
                                              ["2", "2023-05-05", "", "2023-09-01", "", "", "", ""]])
        #expect(ad1.issueKeys == ["bad-value@3:FOSTER_CARE=Y", "bad-value@3:NB_ADOPTR=3", "unknown-code@3:SEX_ADOPTR=MX",
                                  "unknown-code@3:LS_ADOPTR=L5"])
        let placed = try SSDA903TestFiles.read(
            text: "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,01/01/2020,05/05/2023,01/02/2024,RD1\n",
            year: Self.y2425)
        #expect(placed.records.map(\.values) == [["1", "2023-05-05", "", "", "", "", "2024-02-01", "RD1"]])
        #expect(placed.records.first?.table == .adoptions && placed.issues.isEmpty)
    }

    @Test("OC2 loads into health_outcomes, with SDQ scores and the 0/1 outcomes checked")
    func healthOutcomes() throws {
        let oc2 = try SSDA903TestFiles.read(
            text: "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
                + "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
                + "1,01/01/2012,40,,0,1,1,1,1,0,,\n2,01/01/2012,41,SDQ6,2,1,1,1,1,0,,\n",
            year: Self.y2425)
        #expect(oc2.records.map(\.values) == [
            ["1", "2024-25", "40", "", "0", "1", "1", "1", "1", "0", "", ""],
            ["2", "2024-25", "", "", "", "1", "1", "1", "1", "0", "", ""],
        ])
        #expect(oc2.records.allSatisfy { $0.table == .health_outcomes } && oc2.summary.rows == 2)
        #expect(oc2.issueKeys == ["bad-value@3:SDQ_SCORE=41", "unknown-code@3:SDQ_REASON=SDQ6", "bad-value@3:CONVICTED=2"])
        #expect(oc2.issues.map(\.dataset) == ["health_outcomes", "health_outcomes", "health_outcomes"])
    }

    @Test("PrevPerm loads into previous_permanence; DATE_PERM keeps what is known of a date with ZZ parts")
    func previousPermanence() throws {
        let perm = try SSDA903TestFiles.read(
            text: "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,01/01/2012,P1,,ZZ/ZZ/2019\n2,01/01/2012,P2,,ZZ/05/2019\n"
                + "3,01/01/2012,P3,,ZZ/ZZ/ZZZZ\n4,01/01/2012,Z1,,\n5,01/01/2012,P4,,01/ZZ/2019\n"
                + "6,01/01/2012,P9,,12/05/2019\n7,01/01/2012,P1, 921 ,ZZ/13/2019\n8,01/01/2012,P1,,ZZ/05/ZZZZ\n",
            year: Self.y2425)
        #expect(perm.issueKeys == ["bad-date@6:DATE_PERM=01/ZZ/2019", "unknown-code@7:PREV_PERM=P9",
                                   "bad-date@8:DATE_PERM=ZZ/13/2019", "bad-date@9:DATE_PERM=ZZ/05/ZZZZ"])
        #expect(perm.records.map(\.values) == [
            ["1", "P1", "", "2019"], ["2", "P2", "", "2019-05"], ["3", "P3", "", ""], ["4", "Z1", "", ""],
            ["5", "P4", "", ""], ["6", "", "", "2019-05-12"], ["7", "P1", "921", ""], ["8", "P1", "", ""],
        ])
        #expect(perm.records.allSatisfy { $0.table == .previous_permanence })
        #expect(perm.issues.allSatisfy { $0.dataset == "previous_permanence" })
    }

    @Test("DoLo loads into deprivation_of_liberty with its dates checked")
    func deprivationOfLiberty() throws {
        let dolo = try SSDA903TestFiles.read(
            text: "CHILD,DOB,DOLO_START,DOLO_END\n1,01/01/2010,01/01/2027,32/01/2027\n2,01/01/2010,03/02/2027,\n",
            year: CollectionYear(startYear: 2026))
        #expect(dolo.issueKeys == ["bad-date@2:DOLO_END=32/01/2027"])
        #expect(dolo.records.map(\.values) == [["1", "2027-01-01", ""], ["2", "2027-02-03", ""]])
        #expect(dolo.records.allSatisfy { $0.table == .deprivation_of_liberty })
    }

    // MARK: Postcodes

    @Test("full UK postcodes in capitals with one space pass", arguments: [
        "AB1 2CD", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "SW1A 1AA", "GIR 0AA", "ZZ99 3VZ",
    ])
    func goodPostcode(_ value: String) throws {
        let result = try episodes(["1,01/04/2024,S,C1,N1,U4,PR1,,,,\(value),,"], year: Self.y2425)
        #expect(result.issues.isEmpty)
        #expect(result.records.first?["home_postcode"] == value)
    }

    @Test("other postcodes are a warning and kept as written", arguments: [
        "AB12CD", "ab1 2cd", "AB1  2CD", "2TR", "AB1 2C", "1AB 2CD", "ABC1 2DE", "AB1 2CD.", "AB123 4CD",
    ])
    func badPostcode(_ value: String) throws {
        let result = try episodes(["1,01/04/2024,S,C1,N1,U4,PR1,,,,,\(value),"], year: Self.y2425)
        #expect(result.issueKeys == ["bad-postcode@2:PL_POST=\(value)"])
        #expect(result.issues.first?.severity == .warning)
        #expect(result.records.first?["placement_postcode"] == value)
    }

    // MARK: Collection year

    @Test("the pipeline's year wins over the file name's")
    func pipelineYearWins() throws {
        let path = try SSDA903TestFiles.write(Self.episodesHeader + "\n1,01/04/2024,S,C1,N1,K3,PR1,,,,,,\n",
                                              name: "episodes_2023-24.csv")
        defer { SSDA903TestFiles.remove(path) }
        let named = try SSDA903TestFiles.read(path)
        #expect(named.summary.collectionYear == Self.y2324 && named.summary.yearSource == "file name")
        #expect(named.issueKeys == ["unknown-code@2:PLACE=K3"])
        let given = try SSDA903TestFiles.read(path, year: Self.y2425)
        #expect(given.summary.collectionYear == Self.y2425 && given.summary.yearSource == "pipeline")
        #expect(given.issues.isEmpty)
    }

    @Test("with no year given or named, the year holding the latest event date decides")
    func yearFromData() throws {
        let result = try episodes(["1,21/08/2021,S,C2,N1,U4,PR4,15/11/2024,X1,CARPL,,,",
                                   "1,15/11/2024,P,C2,N1,U4,PR0,10/06/2025,X1,OTHER,,,",
                                   "1,10/06/2025,P,C2,N1,U4,PR4,,,,,,"], year: nil)
        #expect(result.summary.collectionYear == Self.y2526)
        #expect(result.summary.yearSource == "data")
        #expect(result.issues.isEmpty)
    }

    @Test("with no year anywhere, the latest code lists are used and the unknown year is reported")
    func yearUnknown() throws {
        let result = try SSDA903TestFiles.read(text: "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n9,01/01/2005,YES,F5,U1\n")
        #expect(result.summary.yearSource == "latest code lists")
        #expect(result.summary.collectionYear == SSDA903CodeList.latestYear(in: SSDA903TestData.codes))
        #expect(result.issues.map(\.rule) == ["collection-year-unknown"])
        #expect(result.issues.first?.severity == .error)
        #expect(result.records.first?["year"] == result.summary.collectionYear.description)
    }

    @Test("years in file and folder names", arguments: [
        ("ssda903/episodes_2024.csv", "2023-24", "file name"), ("903_2023-24_episodes.csv", "2023-24", "file name"),
        ("903_2023_24_header.csv", "2023-24", "file name"), ("header202425.csv", "2024-25", "file name"),
        ("SSDA903_2425_oc3.csv", "2024-25", "file name"), ("data/2025-26/reviews.csv", "2025-26", "folder name"),
        ("SSDA903_2020_header.csv", "2019-20", "file name"),
    ])
    func yearsInNames(path: String, year: String, source: String) throws {
        let found = try #require(SSDA903FileYear.year(ofPath: "/tmp/" + path))
        #expect(found.year.description == year)
        #expect(found.source == source)
    }

    @Test("names with no year, two different years, or numbers that are not years name none",
          arguments: ["episodes.csv", "903_2023-24_vs_2024-25.csv", "export_0001.csv", "ssda903/header.csv",
                      "episodes_20250331.csv", "SSDA903.csv"])
    func noYearInName(path: String) {
        #expect(SSDA903FileYear.year(ofPath: "/tmp/" + path) == nil)
    }

    // MARK: Code lists

    @Test("every code list the reader needs is in pipelines/reference/codes, and has codes")
    func codeListsPresent() {
        for name in SSDA903Reader.requiredCodeLists {
            #expect(SSDA903TestData.codes.lists[name]?.entries.isEmpty == false, "\(name)")
        }
    }

    @Test("the code lists agree with the liia schema YAML of each year",
          .enabled(if: SSDA903TestData.hasFixtures, "needs ../shared/fixtures/ssda903"))
    func codeListsMatchSchemas() throws {
        let codes = SSDA903TestData.codes
        func valid(_ list: String, _ startYear: Int) -> Set<String> {
            Set(codes[list].entries.filter { $0.isValid(in: CollectionYear(startYear: startYear)) }.map(\.code))
        }
        // 2017 schema (2016-17) and the 2025 diff (2024-25); the 2026 diff keeps Z1 as well, but the DfE's
        // 2025-26 rule 146 no longer lists it.
        #expect(valid("ssda903_placement", 2016) == Set("A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1".split(separator: " ").map(String.init)))
        #expect(valid("ssda903_placement", 2024) == Set("A3 A4 A5 A6 K1 K2 K3 P1 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1".split(separator: " ").map(String.init)))
        #expect(valid("ssda903_placement", 2025) == Set("A3 A4 A5 A6 K1 K2 K3 P1 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z11 Z12 Z13 Z14".split(separator: " ").map(String.init)))
        #expect(valid("ssda903_reason_episode_ceased", 2016).isSuperset(of: ["E43", "E44"]))
        #expect(valid("ssda903_reason_episode_ceased", 2018).isDisjoint(with: ["E43", "E44"]))
        #expect(valid("ssda903_reason_episode_ceased", 2018).isSuperset(of: ["E45", "E46", "E47", "E48"]))
        #expect(valid("ssda903_sex", 2023) == ["1", "2"] && valid("ssda903_sex", 2024) == ["M", "F", "U"])
    }
}
