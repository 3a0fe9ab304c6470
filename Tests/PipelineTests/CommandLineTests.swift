import Foundation
import Testing

/// The `cscpipe` executable as cron and an analyst use it: exit codes,
/// messages on standard error, and the one-line summary.
@Suite("The cscpipe command")
struct CommandLineTests {
    /// The binary `swift build` put beside the test bundle, if it is there.
    static let executable: String? = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        for candidate in [folder + "/cscpipe", packageRoot + "/.build/debug/cscpipe"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func cscpipe(_ arguments: [String]) throws -> Outcome? {
        guard let exe = Self.executable else {
            print("skipped: the cscpipe executable is not built")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                       stderr: String(decoding: e, as: UTF8.self))
    }

    @Test("A bad argument is a usage error: exit 2, not ArgumentParser's 64")
    func usageError() throws {
        guard let r = try cscpipe(["run", "pipeline.yaml", "--as-of", "31/02/2024"]) else { return }
        #expect(r.status == 2)
        #expect(r.stderr.contains("error:"))
    }

    @Test("A mistake in the pipeline names file, line and key, and exits 2")
    func configurationError() throws {
        let ws = try Workspace()
        try ws.write("p.yaml", "output: out\ninputs:\n  - kind: cin-census\n    paht: a.xml\n")
        for command in ["run", "validate"] {
            guard let r = try cscpipe([command, ws.path + "/p.yaml"]) else { return }
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("p.yaml:4: `inputs[1].paht`"), "\(command): \(r.stderr)")
        }
    }

    @Test("Under --quiet a clean run prints one summary line and nothing else")
    func quietRun() throws {
        let ws = try Workspace()
        try ws.write("cin/a.xml", cinCensus(children: [cinChild(id: "001")]))
        try ws.write("p.yaml", """
            output: out
            reference: \(packageRoot)/pipelines/reference
            inputs:
              - kind: cin-census
                path: cin/a.xml

            """)
        guard let r = try cscpipe(["run", ws.path + "/p.yaml", "--quiet"]) else { return }
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("complete; 2 records, no issues") == true, "\(r.stdout)")
        #expect(lines.first?.hasSuffix("exit 0") == true)
    }

    @Test("bench --only csv runs the CSV part alone; an unknown part is a usage error naming the choices")
    func benchOnly() throws {
        let ws = try Workspace()
        guard let r = try cscpipe(["bench", "--only", "csv", "--episode-rows", "2000", "--rounds", "1", "--dir", ws.path,
                                   "--reference", packageRoot + "/pipelines/reference"]) else { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("SSDA903 Episodes: 2000 rows") && r.stdout.contains("mapped / SSDA903 time ratio"))
        #expect(!r.stdout.contains("synthetic council") && !ws.exists("cin"), "\(r.stdout)")
        guard let bad = try cscpipe(["bench", "--only", "xml"]) else { return }
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("cin") && bad.stderr.contains("csv"), "\(bad.stderr)")
    }
}
