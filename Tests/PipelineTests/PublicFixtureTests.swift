import CSCCore
import Extractors
import Foundation
import Pipeline
import Testing

/// Every public CIN fixture (../shared/fixtures/cin) through a whole run: all
/// children loaded, and their deliberate errors in exceptions.csv with lines.
@Suite("Public CIN fixtures through a run")
struct PublicFixtureTests {
    @Test("Every fixture is read; its children are counted and its planted errors reported")
    func fixtures() throws {
        guard let shared = sharedFolder else {
            print("skipped: ../shared/fixtures is absent")
            return
        }
        let ws = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/cin", withDestinationPath: shared + "/fixtures/cin")
        let r = try ws.run(inputs: [("cin-census", "cin/*.xml")], failOn: "{ fatal: 1 }")
        #expect(r.published, "\(r.outcome)")

        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: ws.path + "/out/latest/manifest.json"))) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let files = try FileManager.default.contentsOfDirectory(atPath: shared + "/fixtures/cin").filter { $0.hasSuffix(".xml") }
        #expect(inputs.count == files.count)
        for input in inputs {
            let path = try #require(input["path"] as? String)
            let text = try String(contentsOfFile: ws.path + "/" + path, encoding: .utf8)
            let childElements = text.components(separatedBy: "<Child>").count - 1
            #expect((input["detected"] as? String)?.contains("\(childElements) child") == true, "\(path): \(input)")
        }

        let report = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions.csv")
        func has(_ rule: String, _ file: String, _ line: Int, _ column: String, _ value: String) -> Bool {
            report.rows.contains { $0[0] == rule && $0[3] == file && $0[4] == String(line) && $0[5] == column && $0[7] == value }
        }
        #expect(has("unknown-code", "cin/CIN_Census_2024.xml", 46, "AssessmentFactors", "RB"))
        #expect(has("unknown-code", "cin/CIN_Census_2024.xml", 25, "Sex", "1"))
        #expect(has("unexpected-text", "cin/CIN_Census_2024.xml", 23, "ChildIdentifiers", "PersonBirthDate"))
        #expect(report.rows.contains { $0[0] == "unexpected-element" && $0[3] == "cin/CIN_Census_2026.xml" && $0[4] == "71" })
    }
}
