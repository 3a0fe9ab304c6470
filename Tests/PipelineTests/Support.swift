import CSCCore
import Foundation
import Logging
import Pipeline

/// The package root, found from this file's path.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// `../shared` beside the package, or nil (tests that need it skip).
let sharedFolder: String? = {
    let path = (packageRoot as NSString).deletingLastPathComponent + "/shared"
    return FileManager.default.fileExists(atPath: path + "/calibration") ? path : nil
}()

let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// A scratch folder with a pipeline in it, removed when the test ends.
final class Workspace {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "cscpipe-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path + "/" + relative, encoding: .utf8) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }

    /// Writes `pipeline.yaml` reading `inputs` (kind, path) and runs it.
    func run(inputs: [(String, String)], asOf: String = "2025-11-14", failOn: String = "{ error: 100 }",
             extra: String = "") throws -> PipelineRunner.Result {
        try run(inputsYAML: inputs.map { "  - kind: \($0.0)\n    path: \($0.1)\n" }.joined(), asOf: asOf, failOn: failOn, extra: extra)
    }

    /// Writes `pipeline.yaml` with `inputsYAML` as its `inputs:` list and runs it.
    func run(inputsYAML: String, asOf: String = "2025-11-14", failOn: String = "{ error: 100 }",
             extra: String = "") throws -> PipelineRunner.Result {
        var yaml = """
            name: test
            as_of: \(asOf)
            output: out
            reference: \(packageRoot)/pipelines/reference
            fail_on: \(failOn)
            \(extra)
            inputs:

            """
        yaml += inputsYAML
        try write("pipeline.yaml", yaml)
        let definition = try PipelineLoader.load(path: path + "/pipeline.yaml")
        return PipelineRunner(definition: definition, logger: quietLogger).run()
    }

    /// The run folder `out/latest` points at, if any.
    var latestTarget: String? { try? FileManager.default.destinationOfSymbolicLink(atPath: path + "/out/latest") }

    /// Rows of a CSV written by the run (simple split: test data has no quoted commas).
    func csvRows(_ relative: String) throws -> [[String]] {
        try read(relative).split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

/// Runs the README's first command (the nightly pipeline on the bundled
/// sample) into a scratch workspace's `out/`; the workspace and the pipeline.
func runBundledSample() throws -> (Workspace, PipelineDefinition, PipelineRunner.Result) {
    let ws = try Workspace()
    let definition = try PipelineLoader.load(path: packageRoot + "/pipelines/nightly.yaml")
    let result = PipelineRunner(definition: definition, options: .init(output: ws.path + "/out"), logger: quietLogger).run()
    return (ws, definition, result)
}

/// A small, valid CIN census for 2024-25 with the given children.
func cinCensus(referenceDate: String = "2025-03-31", children: [String]) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <Message>
      <Header>
        <CollectionDetails>
          <Collection>CIN</Collection>
          <Year>\(referenceDate.prefix(4))</Year>
          <ReferenceDate>\(referenceDate)</ReferenceDate>
        </CollectionDetails>
        <Source>
          <SourceLevel>L</SourceLevel>
          <LEA>999</LEA>
        </Source>
      </Header>
      <Children>
    \(children.joined(separator: "\n"))
      </Children>
    </Message>

    """
}

func cinChild(id: String, birth: String = "2015-07-29", sex: String = "F", referral: String = "2024-06-12") -> String {
    """
        <Child>
          <ChildIdentifiers>
            <LAchildID>\(id)</LAchildID>
            <PersonBirthDate>\(birth)</PersonBirthDate>
            <Sex>\(sex)</Sex>
          </ChildIdentifiers>
          <ChildCharacteristics>
            <Ethnicity>WBRI</Ethnicity>
          </ChildCharacteristics>
          <CINdetails>
            <CINreferralDate>\(referral)</CINreferralDate>
            <ReferralSource>2A</ReferralSource>
            <PrimaryNeedCode>N1</PrimaryNeedCode>
            <ReferralNFA>false</ReferralNFA>
          </CINdetails>
        </Child>
    """
}
