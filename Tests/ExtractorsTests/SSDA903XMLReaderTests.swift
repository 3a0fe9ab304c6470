import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The XML form of the 903 must give the records and issues the CSV form gives.
@Suite("SSDA903 XML reader")
struct SSDA903XMLReaderTests {
    static let year = CollectionYear(startYear: 2024)
    static let xmlReader = SSDA903XMLReader(codes: SSDA903TestData.codes)

    /// Three children: a child in care with a missing episode and a review, a
    /// care leaver with OC3 answers and an episode ending on an impossible date,
    /// and a child with an unknown placement code.
    static let document = """
        <?xml version="1.0" encoding="us-ascii"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>C1</CHILDID>
              <UPN>A123456789012</UPN>
              <SEX>M</SEX>
              <DOB>01/02/2010</DOB>
              <ETHNIC>WBRI</ETHNIC>
              <UASC />
              <AMISSING>
                <MISSING>M</MISSING>
                <MIS_START>03/05/2024</MIS_START>
                <MIS_END>04/05/2024</MIS_END>
              </AMISSING>
              <AREVIEW>
                <REVIEW>10/06/2024</REVIEW>
                <REVIEW_CODE>PN1</REVIEW_CODE>
              </AREVIEW>
            </HEADER>
            <EPISODE>
              <DECOM>01/04/2024</DECOM>
              <RNE>S</RNE>
              <LS>C2</LS>
              <CIN>N1</CIN>
              <PL>U1</PL>
              <PL_POST>AB1 2CD</PL_POST>
              <HOME_POST>AB3 4EF</HOME_POST>
              <URN>SC123456</URN>
              <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
              <DEC />
              <REC />
              <REASON_PLACE_CHANGE />
            </EPISODE>
          </CHILD>
          <CHILD>
            <HEADER>
              <CHILDID>C2</CHILDID>
              <UPN>UN2</UPN>
              <SEX>F</SEX>
              <DOB>15/08/2005</DOB>
              <ETHNIC>WBRI</ETHNIC>
              <UASC>0</UASC>
              <IN_TOUCH>YES</IN_TOUCH>
              <ACTIV>F2</ACTIV>
              <ACCOM>U1</ACCOM>
            </HEADER>
            <EPISODE>
              <DECOM>01/01/2023</DECOM>
              <RNE>S</RNE>
              <LS>C2</LS>
              <CIN>N1</CIN>
              <PL>U1</PL>
              <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
              <DEC>31/02/2024</DEC>
              <REC>E11</REC>
            </EPISODE>
          </CHILD>
          <CHILD>
            <HEADER>
              <CHILDID>C3</CHILDID>
              <UPN>B123456789012</UPN>
              <SEX>F</SEX>
              <DOB>20/11/2012</DOB>
              <ETHNIC>WBRI</ETHNIC>
              <UASC />
              <AMISSING>
                <MISSING>A</MISSING>
                <MIS_START>07/07/2024</MIS_START>
              </AMISSING>
            </HEADER>
            <EPISODE>
              <DECOM>02/09/2024</DECOM>
              <RNE>L</RNE>
              <LS>C2</LS>
              <CIN>N2</CIN>
              <PL>ZZ</PL>
              <PLACE_PROVIDER>PR2</PLACE_PROVIDER>
              <DEC>15/03/2025</DEC>
              <REC>E11</REC>
            </EPISODE>
          </CHILD>
        </EXPSSDA903>

        """

    /// The same children as the DfE's CSV tables.
    static let tables: [String: String] = [
        "header.csv": """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            C1,M,01/02/2010,WBRI,A123456789012,,
            C2,F,15/08/2005,WBRI,UN2,,
            C3,F,20/11/2012,WBRI,B123456789012,,

            """,
        "episodes.csv": """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            C1,01/04/2024,S,C2,N1,U1,PR1,,,,AB3 4EF,AB1 2CD,SC123456
            C2,01/01/2023,S,C2,N1,U1,PR1,31/02/2024,E11,,,,
            C3,02/09/2024,L,C2,N2,ZZ,PR2,15/03/2025,E11,,,,

            """,
        "reviews.csv": """
            CHILD,DOB,REVIEW,REVIEW_CODE
            C1,01/02/2010,10/06/2024,PN1

            """,
        "missing.csv": """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            C1,01/02/2010,M,03/05/2024,04/05/2024
            C3,20/11/2012,A,07/07/2024,

            """,
        "oc3.csv": """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            C2,15/08/2005,YES,F2,U1

            """,
    ]

    static func readXML(_ text: String, year: CollectionYear? = year, name: String = "return.xml")
        throws -> (summary: SSDA903XMLSummary, sink: CollectingSink) {
        let path = try SSDA903TestFiles.write(Array(text.utf8), name: name)
        let sink = CollectingSink()
        let summary = try xmlReader.read(path: path, displayName: "return.xml", year: year, into: sink)
        return (summary, sink)
    }

    /// A record without where it came from.
    static func key(_ record: Record) -> String { "\(record.table.name)|" + record.values.joined(separator: "|") }

    /// An issue without its file and line, with the CSV's column names.
    static func key(_ issue: CSCCore.Issue) -> String {
        let column = ["CHILDID": "CHILD", "PL": "PLACE"][issue.column] ?? issue.column
        return "\(issue.rule)|\(issue.childID)|\(column)|\(issue.value)|\(issue.message)"
    }

    /// The line (1-based) of the `n`th line of `document` holding `text`.
    static func line(of text: String, _ n: Int = 1) -> Int {
        let lines = document.components(separatedBy: "\n")
        let hits = lines.indices.filter { lines[$0].contains(text) }
        return hits[n - 1] + 1
    }

    @Test("the XML form gives the CSV form's canonical records and issues")
    func sameAsCSV() throws {
        let (summary, sink) = try Self.readXML(Self.document)
        let csvSink = CollectingSink()
        for (name, text) in Self.tables.sorted(by: { $0.key < $1.key }) {
            let path = try SSDA903TestFiles.write(Array(text.utf8), name: name)
            _ = try SSDA903TestData.reader.read(path: path, displayName: name, year: Self.year, into: csvSink)
        }
        // The XML also says C2 is not UASC (UASC 0), which no CSV table can say.
        let uasc = CanonicalTable.children.index(of: "uasc")
        let csvRecords = csvSink.records.map { record in
            var r = record
            if r.table == .children, r.values[0] == "C2" { r.values[uasc] = "0" }
            return r
        }
        #expect(sink.records.map { Self.key($0) }.sorted() == csvRecords.map { Self.key($0) }.sorted())
        #expect(sink.records.count == 10)
        #expect(Set(sink.issues.map { Self.key($0) }) == Set(csvSink.issues.map { Self.key($0) }))
        #expect(sink.issues.map(\.rule).sorted() == ["bad-date", "unknown-code"])
        #expect(summary == SSDA903XMLSummary(collectionYear: Self.year, yearSource: "pipeline", children: 3, records: 10))
    }

    @Test("records come from the line of their element's start tag; issues from the offending element's line")
    func lineNumbers() throws {
        let (_, sink) = try Self.readXML(Self.document)
        func lines(_ table: CanonicalTable) -> [Int] {
            sink.records.filter { $0.table == table }.map { Int($0.source.line) ?? 0 }
        }
        #expect(lines(.children) == [Self.line(of: "<HEADER>", 1), Self.line(of: "<HEADER>", 2), Self.line(of: "<HEADER>", 3)])
        #expect(lines(.care_leavers) == [Self.line(of: "<HEADER>", 2)])
        #expect(lines(.cla_episodes) == [1, 2, 3].map { Self.line(of: "<EPISODE>", $0) })
        #expect(lines(.cla_reviews) == [Self.line(of: "<AREVIEW>")])
        #expect(lines(.missing_episodes) == [Self.line(of: "<AMISSING>", 1), Self.line(of: "<AMISSING>", 2)])
        #expect(sink.records.allSatisfy { $0.source.file == "return.xml" })

        let badDate = try #require(sink.issues.first { $0.rule == Rule.badDate.id })
        #expect(badDate.line == Self.line(of: "<DEC>31/02/2024"))
        #expect(badDate.column == "DEC")
        #expect(badDate.childID == "C2")
        #expect(badDate.value == "31/02/2024")
        let unknown = try #require(sink.issues.first { $0.rule == Rule.unknownCode.id })
        #expect(unknown.line == Self.line(of: "<PL>ZZ"))
        #expect(unknown.column == "PL")
        #expect(unknown.file == "return.xml")
    }

    @Test("empty elements are empty values; UASC 1 marks the child as UASC")
    func emptyAndUASC() throws {
        let (_, sink) = try Self.readXML(Self.document.replacingOccurrences(of: "<UASC>0</UASC>", with: "<UASC>1</UASC>"))
        let children = sink.records.filter { $0.table == .children }
        let uasc = CanonicalTable.children.index(of: "uasc")
        #expect(children.map { $0.values[uasc] } == ["", "1", ""])
        let episode = try #require(sink.records.first { $0.table == .cla_episodes })
        #expect(episode.values[CanonicalTable.cla_episodes.index(of: "end_date")] == "")
        #expect(episode.values[CanonicalTable.cla_episodes.index(of: "placement")] == "U1")
    }

    @Test("without a pipeline year, the year holding the latest DECOM or DEC is used")
    func yearFromData() throws {
        let (summary, sink) = try Self.readXML(Self.document, year: nil)
        #expect(summary.collectionYear == CollectionYear(startYear: 2024))
        #expect(summary.yearSource == "data")
        let leaver = try #require(sink.records.first { $0.table == .care_leavers })
        #expect(leaver.values[CanonicalTable.care_leavers.index(of: "year")] == "2024-25")
    }

    @Test("with no year and no episode dates, the year is reported unknown")
    func yearUnknown() throws {
        let text = """
            <EXPSSDA903><CHILD><HEADER><CHILDID>C9</CHILDID><SEX>M</SEX><DOB>01/01/2015</DOB></HEADER></CHILD></EXPSSDA903>
            """
        let (summary, sink) = try Self.readXML(text, year: nil)
        #expect(summary.yearSource == "latest code lists")
        #expect(sink.issues.contains { $0.rule == Rule.collectionYearUnknown.id })
        #expect(summary.children == 1)
    }

    @Test("a truncated file is fatal malformed-xml with its line and column")
    func truncated() throws {
        let cut = String(Self.document.prefix(upTo: Self.document.range(of: "<DECOM>02/09/2024")!.lowerBound))
        let error = try #require(throws: UnreadableInput.self) { try Self.readXML(cut) }
        #expect(error.issue.rule == Rule.malformedXML.id)
        #expect(error.issue.severity == .fatal)
        #expect(error.issue.file == "return.xml")
        #expect(error.issue.line != nil)
        #expect(error.issue.message.contains("column"))
    }

    @Test("a well-formed file whose root is not EXPSSDA903 is fatal not-ssda903-xml")
    func wrongRoot() throws {
        let text = "<Message><Children><Child><LAchildID>1</LAchildID></Child></Children></Message>\n"
        for year in [Self.year, nil] {
            let sink = CollectingSink()
            let path = try SSDA903TestFiles.write(Array(text.utf8), name: "cin.xml")
            let error = try #require(throws: UnreadableInput.self) {
                try Self.xmlReader.read(path: path, displayName: "cin.xml", year: year, into: sink)
            }
            #expect(error.issue.rule == Rule.notSSDA903XML.id)
            #expect(error.issue.severity == .fatal)
            #expect(error.issue.line == 1)
            #expect(sink.records.isEmpty)
        }
        #expect(Rule.ssda903XMLRules.map(\.id) == ["not-ssda903-xml"])
    }

    @Test("a CHILD without CHILDID loads nothing; an element not in the schema is a warning and skipped")
    func missingIDAndUnknownElement() throws {
        let text = """
            <EXPSSDA903>
              <CHILD><HEADER><SEX>M</SEX><DOB>01/01/2015</DOB></HEADER>
                <EPISODE><DECOM>01/04/2024</DECOM></EPISODE></CHILD>
              <CHILD><HEADER><CHILDID>C5</CHILDID><SEX>M</SEX><DOB>01/01/2015</DOB>
                <NICKNAME><DOB>99/99/9999</DOB></NICKNAME></HEADER></CHILD>
            </EXPSSDA903>
            """
        let (summary, sink) = try Self.readXML(text)
        #expect(summary.children == 2)
        #expect(sink.records.map(\.table) == [.children])
        #expect(sink.records.first?.values.first == "C5")
        let missing = try #require(sink.issues.first { $0.rule == Rule.missingChildID.id })
        #expect(missing.line == 2)
        let unexpected = try #require(sink.issues.first { $0.rule == Rule.unexpectedElement.id })
        #expect(unexpected.column == "NICKNAME")
        #expect(unexpected.line == 5)
        #expect(!sink.issues.contains { $0.rule == Rule.badDate.id })
    }

    @Test("AD1 fields, AD_PLACED, OC2 and PERMANENCE read as the AD1, PlacedAdoption, OC2 and PrevPerm tables do")
    func adoptionAndCheckedGroups() throws {
        let text = """
            <EXPSSDA903>
              <CHILD>
                <HEADER>
                  <CHILDID>C7</CHILDID>
                  <SEX>F</SEX>
                  <DOB>01/01/2020</DOB>
                  <ETHNIC>WBRI</ETHNIC>
                  <DATE_INT>01/06/2024</DATE_INT>
                  <DATE_MATCH>01/08/2024</DATE_MATCH>
                  <FOSTER_CARE>7</FOSTER_CARE>
                  <NB_ADOPTR>1</NB_ADOPTR>
                  <SEX_ADOPTR>F1</SEX_ADOPTR>
                  <LS_ADOPTR>L0</LS_ADOPTR>
                  <PERMANENCE><PREV_PERM>P1</PREV_PERM><LA_PERM /><DATE_PERM>01/01/2021</DATE_PERM></PERMANENCE>
                  <OC2><SDQ_SCORE>39</SDQ_SCORE><CONVICTED>1</CONVICTED></OC2>
                  <AD_PLACED>
                    <DATE_PLACED>01/06/2024</DATE_PLACED>
                    <DATE_PLACED_CEASED>01/09/2024</DATE_PLACED_CEASED>
                    <REASON_PLACED_CEASED>RD1</REASON_PLACED_CEASED>
                  </AD_PLACED>
                </HEADER>
              </CHILD>
            </EXPSSDA903>
            """
        let (_, sink) = try Self.readXML(text)
        let csvSink = CollectingSink()
        let tables = [
            "header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC7,F,01/01/2020,WBRI,,,\n",
            "ad1.csv": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
                + "C7,01/01/2020,01/06/2024,01/08/2024,7,1,F1,L0\n",
            "placed.csv": "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
                + "C7,01/01/2020,01/06/2024,01/09/2024,RD1\n",
            "oc2.csv": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
                + "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
                + "C7,01/01/2020,39,,1,,,,,,,\n",
            "perm.csv": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC7,01/01/2020,P1,,01/01/2021\n",
        ]
        for (name, table) in tables {
            let path = try SSDA903TestFiles.write(Array(table.utf8), name: name)
            _ = try SSDA903TestData.reader.read(path: path, displayName: name, year: Self.year, into: csvSink)
        }
        #expect(sink.records.map { Self.key($0) }.sorted() == csvSink.records.map { Self.key($0) }.sorted())
        #expect(sink.records.filter { $0.table == .adoptions }.count == 2)
        #expect(sink.records.filter { $0.table == .previous_permanence }.map(\.values) == [["C7", "P1", "", "2021-01-01"]])
        #expect(Set(sink.issues.map { Self.key($0) }) == Set(csvSink.issues.map { Self.key($0) }))
        let flag = try #require(sink.issues.first { $0.rule == Rule.badValue.id })
        #expect(flag.column == "FOSTER_CARE")
        #expect(flag.line == 10)
    }
}
