import CSCCore
import Foundation
import Testing
@testable import Extractors

/// Files that cannot be read at all give one fatal issue, thrown.
@Suite("CIN census: unreadable files")
struct CINUnreadableFileTests {
    private let valid = CINTestFiles.census(children: [CINTestFiles.child()])

    @Test("an empty or whitespace-only file is empty-file")
    func empty() throws {
        for text in ["", "\n  \n\t", "\u{FEFF}\r\n"] {
            let issue = try #require(try CINTestFiles.fatalIssue(text))
            #expect(issue.rule == Rule.emptyFile.id)
            #expect(issue.severity == .fatal)
            #expect(issue.dataset == "file")
            #expect(issue.file == "census.xml")
        }
    }

    @Test("a path that cannot be opened is unreadable-file, naming the reason")
    func missing() {
        let issue = CINTestFiles.fatalIssue(path: CINTestFiles.folder.appendingPathComponent("absent.xml").path)
        #expect(issue?.rule == Rule.unreadableFile.id)
        #expect(issue?.severity == .fatal)
        #expect(issue?.message.contains("No such file or directory") == true)
    }

    @Test("a truncated file is malformed-xml with the line and column in the message")
    func truncated() throws {
        let cut = String(valid.prefix(upTo: valid.range(of: "<ChildCharacteristics>")!.upperBound))
        let issue = try #require(try CINTestFiles.fatalIssue(cut))
        #expect(issue.rule == Rule.malformedXML.id)
        #expect(issue.severity == .fatal)
        #expect(issue.dataset == "file")
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(issue.line == lines)
        #expect(issue.message.contains("line \(lines), column "))
        #expect(issue.message.contains("Premature end of data in tag ChildCharacteristics"))
    }

    @Test("mismatched tags anywhere in the file are malformed-xml at that line")
    func mismatched() throws {
        let broken = valid.replacingOccurrences(of: "</ReferralSource>", with: "</ReferralSorce>")
        let issue = try #require(try CINTestFiles.fatalIssue(broken))
        #expect(issue.rule == Rule.malformedXML.id)
        #expect(issue.line == lineNumber(of: "</ReferralSorce>", in: broken))
    }

    @Test("XML that is not a CIN census is not-cin-census, naming its root")
    func otherXML() throws {
        let issue = try #require(try CINTestFiles.fatalIssue("<?xml version=\"1.0\"?>\n<Foo/>\n"))
        #expect(issue.rule == Rule.notCINCensus.id)
        #expect(issue.severity == .fatal)
        #expect(issue.line == 2)
        #expect(issue.message.contains("<Foo>"))
    }

    @Test("a Message with no Children is not a CIN census")
    func noChildren() throws {
        let issue = try #require(try CINTestFiles.fatalIssue("<Message>\n  <Header/>\n</Message>\n"))
        #expect(issue.rule == Rule.notCINCensus.id)
        #expect(issue.message.contains("no <Children>"))
    }

    @Test("a CSV file given as a census is not-cin-census, saying it is not XML, at line 1")
    func csv() throws {
        let issue = try #require(try CINTestFiles.fatalIssue("CHILD,SEX,DOB\n123,1,01/02/2015\n"))
        #expect(issue.rule == Rule.notCINCensus.id)
        #expect(issue.line == 1)
        #expect(issue.message.contains("not XML"))
        #expect(issue.message.contains("line 1, column 1"))
    }
}

/// Encodings and line ends that must read transparently.
@Suite("CIN census: byte order mark and line ends")
struct CINEncodingTests {
    private let text = CINTestFiles.census(children: [
        CINTestFiles.child(id: "A1"),
        CINTestFiles.child(id: "A2", details: [CINTestFiles.referral(date: "2024-07-01", inner: """
                <Assessments>
                  <AssessmentActualStartDate>2024-07-02</AssessmentActualStartDate>
                  <FactorsIdentifiedAtAssessment>
                    <AssessmentFactors>1A</AssessmentFactors>
                    <AssessmentFactors>4B</AssessmentFactors>
                  </FactorsIdentifiedAtAssessment>
                </Assessments>
        """)]),
    ])

    @Test("a UTF-8 byte order mark changes nothing")
    func bom() throws {
        let plain = try CINTestFiles.read(text: text)
        let path = try CINTestFiles.write([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        defer { CINTestFiles.remove(path) }
        let bom = try CINTestFiles.read(path)
        #expect(bom.records == plain.records)
        #expect(bom.issues.isEmpty)
        #expect(bom.records(.assessments).first?["factors"] == "1A;4B")
    }

    @Test("CRLF line ends give the same records, values and lines as LF")
    func crlf() throws {
        let plain = try CINTestFiles.read(text: text)
        let crlf = try CINTestFiles.read(text: text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.records == plain.records)
        #expect(crlf.issues == plain.issues)
        #expect(crlf.records.count == 5)
    }

    @Test("a stray text in a CRLF file is one warning at its own line, like LF")
    func crlfStrayText() throws {
        let stray = CINTestFiles.census(children: [
            CINTestFiles.child(identifiers: "<UPNunknown>UN1</UPNunknown>PersonBirthDate"),
        ])
        let lf = try CINTestFiles.read(text: stray)
        let crlf = try CINTestFiles.read(text: stray.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(lf.issues(.unexpectedText).map(\.value) == ["PersonBirthDate"])
        #expect(crlf.issues == lf.issues)
        #expect(lf.issues.first?.line == lineNumber(of: "</UPNunknown>PersonBirthDate", in: stray))
    }
}
