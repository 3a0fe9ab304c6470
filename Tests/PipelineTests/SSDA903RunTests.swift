import CSCCore
import Extractors
import Foundation
import Pipeline
import Testing

@Suite("Running a pipeline with SSDA903 inputs")
struct SSDA903RunTests {
    @Test("One input is checked as a return: a child missing from Header (Episodes, PrevPerm, DoLo) and overlapping episodes are reported")
    func integrityAcrossFiles() throws {
        let ws = try Workspace()
        try ws.write("ssda903/2024-25/header.csv", """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            001,M,01/02/2010,WBRI,UN2,,

            """)
        try ws.write("ssda903/2024-25/episodes.csv", """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            001,01/05/2024,S,C2,N1,U1,PR1,10/06/2024,X1,,AB1 2CD,AB3 4EF,SC123456
            001,01/06/2024,P,C2,N1,U3,PR1,,,CARPL,AB1 2CD,AB3 4EF,SC123456
            002,01/07/2024,S,V2,N2,U1,PR1,,,,AB1 2CD,AB3 4EF,SC123456

            """)
        try ws.write("ssda903/2024-25/previous_permanence.csv", """
            CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM
            001,01/02/2010,P2,,ZZ/04/2019
            003,01/02/2012,Z1,,

            """)
        try ws.write("ssda903/2024-25/dolo.csv", """
            CHILD,DOB,DOLO_START,DOLO_END
            004,01/02/2009,01/09/2024,

            """)
        let r = try ws.run(inputsYAML: "  - kind: ssda903\n    path: ssda903/2024-25/*.csv\n")
        #expect(r.published)
        let report = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions.csv")
        let rules = report.rows.map { [$0[0], $0[3], $0[4], $0[6]] }
        #expect(rules.contains(["INT03", "ssda903/2024-25/episodes.csv", "4", "002"]), "\(rules)")
        #expect(rules.contains(["INT07", "ssda903/2024-25/previous_permanence.csv", "3", "003"]), "\(rules)")
        #expect(rules.contains(["child-not-in-header", "ssda903/2024-25/dolo.csv", "2", "004"]), "\(rules)")
        #expect(r.records[.previous_permanence] == 2 && r.records[.deprivation_of_liberty] == 1)
        #expect(rules.contains { $0[0] == "episode-overlap" && $0[2] == "3" && $0[3] == "001" }, "\(rules)")
        // The records still load: the checks report, they do not drop.
        #expect(r.records[.cla_episodes] == 3)
        #expect(r.records[.children] == 1)
    }
}

@Suite("Running a pipeline with the SSDA903 XML form")
struct SSDA903XMLRunTests {
    func episode(_ start: String, _ end: String, _ rec: String) -> String {
        """
            <EPISODE>
              <DECOM>\(start)</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>
              <PL_POST>AB1 2CD</PL_POST><HOME_POST>AB3 4EF</HOME_POST><URN>SC123456</URN>
              <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>\(end)</DEC><REC>\(rec)</REC>
            </EPISODE>
        """
    }

    @Test("An EXPSSDA903 file loads into the same tables and is checked as a return, PERMANENCE blocks as PrevPerm")
    func xmlForm() throws {
        let ws = try Workspace()
        try ws.write("ssda903/2024-25.xml", """
            <?xml version="1.0" encoding="us-ascii"?>
            <EXPSSDA903>
              <CHILD>
                <HEADER>
                  <CHILDID>C1</CHILDID><UPN>UN2</UPN><SEX>M</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC><UASC />
                  <AREVIEW><REVIEW>10/06/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                  <PERMANENCE><PREV_PERM>Z1</PREV_PERM></PERMANENCE>
                  <PERMANENCE><PREV_PERM>P2</PREV_PERM><DATE_PERM>ZZ/05/2019</DATE_PERM></PERMANENCE>
                </HEADER>
            \(episode("01/04/2024", "01/07/2024", "X1"))
            \(episode("01/06/2024", "", ""))
              </CHILD>
            </EXPSSDA903>

            """)
        let r = try ws.run(inputsYAML: "  - kind: ssda903\n    path: ssda903/*.xml\n    year: 2024-25\n")
        #expect(r.published, "\(r.outcome)")
        #expect(r.records[.children] == 1)
        #expect(r.records[.cla_episodes] == 2)
        #expect(r.records[.cla_reviews] == 1)
        let report = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions.csv")
        #expect(report.rows.contains { $0[0] == "episode-overlap" && $0[3] == "ssda903/2024-25.xml" && $0[6] == "C1" },
                "\(report.rows)")
        // PERMANENCE blocks are PrevPerm rows: one child has one (INT35).
        #expect(r.records[.previous_permanence] == 2)
        #expect(report.rows.contains { $0[0] == "INT35" && $0[2] == "previous_permanence" && $0[6] == "C1" },
                "\(report.rows)")
    }
}
