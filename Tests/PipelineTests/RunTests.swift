import CSCCore
import Foundation
import Pipeline
import Testing

@Suite("Running a pipeline")
struct RunTests {
    @Test("A clean run publishes every output and exits 0")
    func cleanRun() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "001"), cinChild(id: "002", sex: "M")]))
        let r = try ws.run(inputs: [("cin-census", "cin/*.xml")])
        #expect(r.outcome == .complete)
        #expect(r.outcome.exitCode == 0)
        #expect(r.published)
        for f in ["manifest.json", "warehouse.sqlite", "exceptions.csv", "exceptions_by_rule.csv",
                  "exceptions_by_child.csv", "conflicts.csv", "datasets/children.csv", "datasets/referrals.csv",
                  "datasets/audit_grades.csv"] {
            #expect(ws.exists("out/latest/" + f), "missing \(f)")
        }
        let children = try ws.csvRows("out/latest/datasets/children.csv")
        #expect(children.count == 3)
        #expect(children[1].first == "001")
        #expect(children[1].last == "15")  // source_line of <Child>
        #expect(children[1][children[1].count - 2] == "cin/a.xml")
    }

    @Test("The manifest records each input's size and sha256")
    func manifest() throws {
        let ws = try Workspace()
        let text = cinCensus(children: [cinChild(id: "001")])
        try ws.write("cin/a.xml", text)
        _ = try ws.run(inputs: [("cin-census", "cin/a.xml")])
        let data = try Data(contentsOf: URL(fileURLWithPath: ws.path + "/out/latest/manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.first?["path"] as? String == "cin/a.xml")
        #expect(inputs.first?["bytes"] as? Int == text.utf8.count)
        #expect((inputs.first?["detected"] as? String)?.contains("2024-25") == true)
        #expect(json["exit_code"] as? Int == 0)
        #expect(json["as_of"] as? String == "2025-11-14")
        // Known answer from the sha256sum tool where the machine has it.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = [ws.path + "/cin/a.xml"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            p.waitUntilExit()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(inputs.first?["sha256"] as? String == String(out.prefix(64)))
        }
    }

    @Test("A truncated file stops the run with exit 3 and leaves latest on the last good run")
    func truncatedInput() throws {
        let ws = try Workspace()
        let good = cinCensus(children: [cinChild(id: "001")])
        try ws.write("cin/a.xml", good)
        let first = try ws.run(inputs: [("cin-census", "cin/a.xml")])
        #expect(first.published)
        let before = ws.latestTarget
        try ws.write("cin/a.xml", String(good.prefix(good.count / 2)))
        let second = try ws.run(inputs: [("cin-census", "cin/a.xml")])
        #expect(second.outcome.exitCode == 3)
        #expect(!second.published)
        #expect(ws.latestTarget == before)
        // The failed run keeps its exception report in its own folder.
        let failedFolder = try #require(second.runFolder)
        let report = try String(contentsOfFile: failedFolder + "/exceptions.csv", encoding: .utf8)
        #expect(report.contains("malformed-xml,fatal,file,cin/a.xml,"))
        #expect(!FileManager.default.fileExists(atPath: failedFolder + "/warehouse.sqlite"))
    }

    @Test("An input whose glob matches nothing is fatal")
    func missingInput() throws {
        let ws = try Workspace()
        let r = try ws.run(inputs: [("cin-census", "cin/*.xml")])
        #expect(r.outcome.exitCode == 3)
        #expect(ws.latestTarget == nil)
    }

    @Test("A second run while the lock is held exits 4 at once, naming the holder")
    func lockHeld() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "001")]))
        try FileManager.default.createDirectory(atPath: ws.path + "/out", withIntermediateDirectories: true)
        let lock = try RunLock(outputFolder: ws.path + "/out", describing: "pid 42 on test-host")
        let r = try ws.run(inputs: [("cin-census", "cin/a.xml")])
        #expect(r.outcome.exitCode == 4)
        if case let .locked(why) = r.outcome { #expect(why.contains("pid 42 on test-host")) }
        withExtendedLifetime(lock) {}
    }

    @Test("Error issues at the threshold give exit 1, outputs still published")
    func threshold() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "001", birth: "2024-02-30")]))
        let r = try ws.run(inputs: [("cin-census", "cin/a.xml")], failOn: "{ error: 1 }")
        #expect(r.outcome.exitCode == 1)
        #expect(r.published)
        let report = try ws.read("out/latest/exceptions.csv")
        #expect(report.contains("bad-date,error,children,cin/a.xml,"))
        #expect(report.contains(",PersonBirthDate,001,2024-02-30,"))
    }

    @Test("Two files disagreeing on a birth date: conflicting-values, later value kept")
    func conflictingBirthDates() throws {
        let ws = try Workspace()
        try ws.write("cin/2024.xml", cinCensus(children: [cinChild(id: "9087943", birth: "2015-07-29")]))
        try ws.write("cin/2025.xml", cinCensus(referenceDate: "2026-03-31", children: [
            cinChild(id: "9087943", birth: "2015-08-29", referral: "2025-06-01"),
        ]))
        let r = try ws.run(inputs: [("cin-census", "cin/2024.xml"), ("cin-census", "cin/2025.xml")])
        #expect(r.outcome.exitCode == 0)
        let report = try ws.read("out/latest/exceptions.csv")
        #expect(report.contains("conflicting-values,warning,children,cin/2025.xml,"))
        let conflicts = try ws.csvRows("out/latest/conflicts.csv")
        #expect(conflicts.count == 2)
        #expect(conflicts[1] == ["children", "9087943", "birth_date", "2015-07-29", "cin/2024.xml", "15",
                                 "2015-08-29", "cin/2025.xml", "15"])
        let children = try ws.csvRows("out/latest/datasets/children.csv")
        #expect(children[1][4] == "2015-08-29")
        #expect(try ws.csvRows("out/latest/datasets/referrals.csv").count == 3)
    }

    @Test("The same inputs give the same report, byte for byte")
    func deterministic() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [
            cinChild(id: "001", birth: "2024-02-30"), cinChild(id: "002", sex: "X"), cinChild(id: "003"),
        ]))
        _ = try ws.run(inputs: [("cin-census", "cin/a.xml")])
        let first = try ["exceptions.csv", "exceptions_by_rule.csv", "exceptions_by_child.csv", "datasets/children.csv"].map {
            try ws.read("out/latest/" + $0)
        }
        _ = try ws.run(inputs: [("cin-census", "cin/a.xml")])
        let second = try ["exceptions.csv", "exceptions_by_rule.csv", "exceptions_by_child.csv", "datasets/children.csv"].map {
            try ws.read("out/latest/" + $0)
        }
        #expect(first == second)
        #expect(first[0].contains("unknown-code"))
    }

    @Test("Old run folders are pruned to keep_runs")
    func pruning() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "001")]))
        var outcomes: [String] = []
        for _ in 0..<4 {
            let result = try ws.run(inputs: [("cin-census", "cin/a.xml")], extra: "keep_runs: 1")
            outcomes.append("\(result.published) \(result.outcome)")
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: ws.path + "/out/runs")
        #expect(runs.count == 2, "\(runs.sorted()); \(outcomes)")
        #expect(runs.contains(try #require(ws.latestTarget).replacingOccurrences(of: "runs/", with: "")))
    }
}
