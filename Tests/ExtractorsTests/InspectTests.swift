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
            ("CHILD,SEX,DOB\n1,1,01/01/2015\n", "unknown: not XML (first bytes look like CSV)"),
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
}
