import CSCCore
import Foundation
import Testing
@testable import Extractors

@Suite("File inspector")
struct InspectTests {
    @Test("a CIN fixture: its year, LA and number of children", .enabled(if: SharedTestData.hasCINFixtures, "needs ../shared/fixtures/cin"))
    func cinFixture() throws {
        let path = try #require(SharedTestData.cinFixtures).appendingPathComponent("CIN_Census_2024.xml").path
        let d = FileInspector.inspect(path: path)
        #expect(d.kind == .cinCensus(year: CollectionYear(startYear: 2023), children: 2))
        #expect(d.summary == "CIN census 2023-24 (ReferenceDate 2024-03-31), LA 201, 2 children")
    }

    @Test("the calibration census", .enabled(if: SharedTestData.hasCalibration, "needs ../shared/calibration"))
    func calibration() throws {
        let path = try #require(SharedTestData.calibration).appendingPathComponent("cin/cin_2024-25.xml").path
        #expect(FileInspector.inspect(path: path).summary == "CIN census 2024-25 (ReferenceDate 2025-03-31), LA 873, 255 children")
    }

    @Test("a hand-made census with only a Year")
    func yearOnly() throws {
        let path = try CINTestFiles.write(CINTestFiles.census(referenceDate: nil, year: "2026", children: [CINTestFiles.child()]))
        defer { CINTestFiles.remove(path) }
        let d = FileInspector.inspect(path: path)
        #expect(d.kind == .cinCensus(year: CollectionYear(startYear: 2025), children: 1))
        #expect(d.summary == "CIN census 2025-26 (Year 2026), LA 873, 1 child")
    }

    @Test("files that are not CIN censuses say what they look like")
    func notCIN() throws {
        let cases: [(String, String)] = [
            ("CHILD\tSEX\tDOB\n1\t1\t01/01/2015\n", "unknown: not XML (first bytes look like CSV, but not comma-separated)"),
            ("<?xml version=\"1.0\"?>\n<Foo><Bar/></Foo>\n", "unknown: XML root <Foo>, not a CIN census Message"),
            ("", "unknown: the file is empty"),
            ("<Message><Header/></Message>", "unknown: XML root <Message> but no <Children>: not a CIN census"),
            ("hello world\n", "unknown: not XML (it starts \"hello world\")"),
        ]
        for (text, summary) in cases {
            let path = try CINTestFiles.write(text)
            defer { CINTestFiles.remove(path) }
            let d = FileInspector.inspect(path: path)
            #expect(d.summary == summary)
            if case .unknown = d.kind {} else { Issue.record("\(summary): not unknown") }
        }
        let zip = try CINTestFiles.write([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
        defer { CINTestFiles.remove(zip) }
        #expect(FileInspector.inspect(path: zip).summary.contains("ZIP"))
    }

    @Test("a census cut short is described as not well-formed, with where")
    func truncated() throws {
        let text = CINTestFiles.census(children: [CINTestFiles.child()])
        let path = try CINTestFiles.write(String(text.prefix(text.count / 2)))
        defer { CINTestFiles.remove(path) }
        let d = FileInspector.inspect(path: path)
        #expect(d.summary.hasPrefix("unknown: XML root <Message>, but not well-formed XML (line "))
    }

    @Test("a missing file cannot be opened")
    func missing() {
        let d = FileInspector.inspect(path: CINTestFiles.folder.appendingPathComponent("nope.xml").path)
        #expect(d.summary == "unknown: the file cannot be opened (No such file or directory)")
    }

    @Test("SSDA903 fixtures: the table their columns make and their rows", .enabled(if: SSDA903TestData.hasFixtures, "needs ../shared/fixtures/ssda903"))
    func ssda903Fixtures() throws {
        let folder = try #require(SSDA903TestData.fixtures)
        let expected: [(String, SSDA903Table, String)] = [
            ("header.csv", .header, "SSDA903 Header (collection year not in the file's or folder's name), 2675 rows"),
            ("oc3.csv", .oc3, "SSDA903 OC3 (collection year not in the file's or folder's name), 53 rows"),
            ("missing.csv", .missing, "SSDA903 Missing (collection year not in the file's or folder's name), 43 rows"),
            ("SSDA903_2020_episodes.csv", .episodes, "SSDA903 Episodes 2019-20 (year from file name), 5 rows"),
        ]
        for (name, table, summary) in expected {
            let d = FileInspector.inspect(path: folder.appendingPathComponent(name).path)
            #expect(d.summary == summary, "\(name)")
            guard case .ssda903(let found, _, _) = d.kind else {
                Issue.record("\(name): \(d.summary)")
                continue
            }
            #expect(found == table)
        }
        let rules = FileInspector.inspect(path: folder.appendingPathComponent("903_2024_25_rule_info.csv").path)
        #expect(rules.summary == "unknown: CSV whose columns match no SSDA903 table")
    }

    @Test("an SSDA903 CSV in a year folder: the year from the folder, blank lines not counted")
    func ssda903YearFolder() throws {
        let folder = CINTestFiles.folder.appendingPathComponent("ssda903/2024-25")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("eps.csv").path
        defer { CINTestFiles.remove(path) }
        let text = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "1,01/05/2024,S,V2,N1,U4,PR1,,,,ZZ1 1AA,ZZ2 2BB,SC123456\n\n"
            + "2,01/06/2024,S,C1,N4,K2,PR4,,,,ZZ1 1AA,ZZ2 2BB,SC123457\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let d = FileInspector.inspect(path: path)
        #expect(d.kind == .ssda903(table: .episodes, year: CollectionYear(startYear: 2024), rows: 2))
        #expect(d.summary == "SSDA903 Episodes 2024-25 (year from folder name), 2 rows")
    }

    @Test("a CSV that is no SSDA903 table names the closest and what it lacks")
    func ssda903Unknown() throws {
        let path = try CINTestFiles.write("CHILD,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,V2\n", name: "x.csv")
        defer { CINTestFiles.remove(path) }
        let d = FileInspector.inspect(path: path)
        #expect(d.summary == "unknown: CSV whose columns match no SSDA903 table (closest: Episodes, missing DECOM, RNE)")
        let one = try CINTestFiles.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n", name: "h.csv")
        defer { CINTestFiles.remove(one) }
        #expect(FileInspector.inspect(path: one).summary == "SSDA903 Header (collection year not in the file's or folder's name), 0 rows")
    }
}
