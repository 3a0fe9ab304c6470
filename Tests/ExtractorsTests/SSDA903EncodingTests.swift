import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The same 903 file saved the ways councils' tools save CSV gives the same records and issues.
@Suite("SSDA903: encodings and line ends")
struct SSDA903EncodingTests {
    /// Episodes with a non-ASCII character in a kept value (URN) and in a checked one (PL_POST),
    /// a quoted cell, a bad date and an unknown code, so issues are compared too.
    static let episodes = """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        0012345,01/04/2024,S,C1,N1,U4,PR1,15/06/2024,X1,CARPL,AB1 2CD,EF3 4GH,SC123456
        0012345,15/06/2024,P,C1,N1,K2,PR4,,,,AB1 2CD,Sté 4GH,"Résidence, SC654321"
        0067890,31/02/2025,S,V2,N2,H5,PR1,,,,ZZ99 3VZ,M1 1AE,

        0067890,03/03/2025,L,C2,N2,U6,PR2,,,,ZZ99 3VZ,M1 1AE,SC111111
        """

    static let header = """
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        0012345,F,29/02/2008,WBRI,A873123456789,,
        0067890,M,01/09/2010,AOTH,UN3,1,01/01/2025
        """

    private struct Outcome: Equatable {
        var records: [[String]]
        var lines: [String]
        var issues: [String]
    }

    private func outcome(_ bytes: [UInt8], name: String) throws -> (Outcome, String) {
        let path = try SSDA903TestFiles.write(bytes, name: name)
        defer { SSDA903TestFiles.remove(path) }
        let result = try SSDA903TestFiles.read(path, as: name, year: CollectionYear(startYear: 2024))
        let outcome = Outcome(records: result.records.map(\.values), lines: result.records.map(\.source.line),
                              issues: result.issueKeys)
        return (outcome, result.summary.encoding)
    }

    @Test("UTF-8, UTF-8 with BOM, UTF-16 LE, Windows-1252 and CRLF give identical records and issues",
          arguments: ["episodes.csv", "header.csv"])
    func sameEverywhere(name: String) throws {
        let text = name == "episodes.csv" ? Self.episodes : Self.header
        let variants: [(String, [UInt8])] = [
            ("utf-8", Array(text.utf8)),
            ("utf-8-bom", SSDA903TestEncoding.utf8BOM(text)),
            ("utf-16le", SSDA903TestEncoding.utf16LE(text)),
            ("windows-1252", SSDA903TestEncoding.windows1252(text)),
            ("utf-8", Array(SSDA903TestEncoding.crlf(text).utf8)),
            ("utf-16le", SSDA903TestEncoding.utf16LE(SSDA903TestEncoding.crlf(text))),
        ]
        let (reference, _) = try outcome(variants[0].1, name: name)
        for (encoding, bytes) in variants {
            let (got, found) = try outcome(bytes, name: name)
            #expect(found == encoding || (encoding == "windows-1252" && name == "header.csv" && found == "utf-8"))
            #expect(got == reference, "\(encoding)")
        }
        if name == "episodes.csv" {
            #expect(reference.lines == ["2", "3", "4", "6"])
            #expect(reference.records[1][12] == "Résidence, SC654321")
            #expect(reference.records[1][11] == "Sté 4GH")
            #expect(reference.issues == ["bad-postcode@3:PL_POST=Sté 4GH", "bad-date@4:DECOM=31/02/2025",
                                         "unknown-code@4:PLACE=H5"])
        } else {
            #expect(reference.records.map(\.first) == ["0012345", "0067890"])
            #expect(reference.issues.isEmpty)
        }
    }
}
