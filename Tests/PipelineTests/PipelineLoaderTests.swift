import CSCCore
import Pipeline
import Testing

@Suite("Pipeline files")
struct PipelineLoaderTests {
    let good = """
        name: nightly
        as_of: 2025-11-14
        output: ../out
        fail_on: { error: 3, query: 50 }
        inputs:
          - kind: cin-census
            path: ../data/cin/*.xml
            year: 2024-25
        """

    @Test("Paths resolve against the pipeline's folder")
    func resolvesPaths() throws {
        let d = try PipelineLoader.parse(good, path: "/srv/cscpipe/pipelines/nightly.yaml")
        #expect(d.name == "nightly")
        #expect(d.asOf == .date(Day(iso: "2025-11-14")!))
        #expect(d.output == "/srv/cscpipe/out")
        #expect(d.reference == "/srv/cscpipe/pipelines/reference")
        #expect(d.inputs.first?.resolvedPattern == "/srv/cscpipe/pipelines/../data/cin/*.xml")
        #expect(d.inputs.first?.pattern == "../data/cin/*.xml")
        #expect(d.inputs.first?.year?.description == "2024-25")
        #expect(d.failOn.limits == [.error: 3, .query: 50])
        #expect(d.keepRuns == 14)
    }

    @Test("Thresholds: the first severity to reach its limit")
    func thresholds() throws {
        let d = try PipelineLoader.parse(good, path: "p.yaml")
        #expect(d.failOn.breach(in: [.error: 2, .query: 10]) == nil)
        #expect(d.failOn.breach(in: [.error: 3])?.0 == .error)
        #expect(d.failOn.breach(in: [.query: 50])?.0 == .query)
    }

    /// Each mistake must name the file, the line and the key.
    @Test("Mistakes name file, line and key", arguments: [
        ("name: x\noutput: o\ninputs:\n  - kind: cin-census\n    paht: a.xml\n", 5, "inputs[1].paht"),
        ("name: x\noutput: o\ninputs:\n  - kind: cin-censsu\n    path: a.xml\n", 4, "inputs[1].kind"),
        ("name: x\noutput: o\ninputs:\n  - kind: cin-census\n    path: a.xml\n    year: 2024-26\n", 6, "inputs[1].year"),
        ("name: x\noutptu: o\ninputs: []\n", 2, "outptu"),
        ("name: x\noutput: o\nas_of: yesterday\ninputs:\n  - kind: cin-census\n    path: a\n", 3, "as_of"),
        ("name: x\noutput: o\nfail_on: { eror: 1 }\ninputs:\n  - kind: cin-census\n    path: a\n", 3, "fail_on.eror"),
        ("name: x\noutput: o\nfail_on: { error: 0 }\ninputs:\n  - kind: cin-census\n    path: a\n", 3, "fail_on.error"),
        ("name: x\noutput: o\ninputs: a.xml\n", 3, "inputs"),
        ("name: x\noutput: o\ninputs:\n  - kind: cin-census\n", 4, "inputs[1].path"),
        ("name: x\noutput: o\nkeep_runs: many\ninputs:\n  - kind: cin-census\n    path: a\n", 3, "keep_runs"),
    ])
    func namesTheMistake(yaml: String, line: Int, key: String) {
        do {
            _ = try PipelineLoader.parse(yaml, path: "pipelines/bad.yaml")
            Testing.Issue.record("accepted a bad pipeline")
        } catch {
            #expect(error.file == "pipelines/bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.key == key, "\(error)")
        }
    }

    @Test("A misspelt key gets a suggestion")
    func suggestion() {
        do {
            _ = try PipelineLoader.parse("name: x\noutptu: o\ninputs: []\n", path: "p.yaml")
        } catch {
            #expect(error.description.contains("did you mean `output`"), "\(error)")
        }
    }

    @Test("Broken YAML gives its line")
    func yamlSyntax() {
        do {
            _ = try PipelineLoader.parse("name: x\ninputs:\n  - kind: [cin\n", path: "p.yaml")
            Testing.Issue.record("accepted broken YAML")
        } catch {
            #expect(error.line != nil, "\(error)")
            #expect(error.description.hasPrefix("p.yaml:"), "\(error)")
        }
    }
}
