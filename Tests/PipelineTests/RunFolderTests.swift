import Foundation
import Pipeline
import Testing

@Suite("Run folders: names in run order, pruning")
struct RunFolderTests {
    let started = Date(timeIntervalSince1970: 1_795_000_000)

    func names(_ ws: Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: ws.path + "/out/runs").sorted()
    }

    @Test("runs started in the same second get rising suffixes, even after the first is pruned")
    func sameSecond() throws {
        let ws = try Workspace()
        let output = ws.path + "/out"
        let first = try RunFolder.create(in: output, startedAt: started)
        let second = try RunFolder.create(in: output, startedAt: started)
        let third = try RunFolder.create(in: output, startedAt: started)
        #expect(second.id == first.id + "-002" && third.id == first.id + "-003")
        try FileManager.default.removeItem(atPath: first.path)
        let fourth = try RunFolder.create(in: output, startedAt: started)
        #expect(fourth.id == first.id + "-004", "a pruned name is not taken again: it would sort before older runs")
        #expect(try names(ws).last == fourth.id)
    }

    @Test("pruning keeps the newest runs besides latest, by name")
    func pruning() throws {
        let ws = try Workspace()
        let output = ws.path + "/out"
        var runs: [RunFolder] = []
        for _ in 0..<5 { runs.append(try RunFolder.create(in: output, startedAt: started)) }
        try runs[4].publish()
        runs[4].pruneOlderRuns(keep: 2)
        #expect(try names(ws) == runs[2...].map(\.id))
    }
}
