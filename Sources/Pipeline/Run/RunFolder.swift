import Foundation

/// A run's own folder under `<output>/runs/`, and the atomic switch that makes
/// a complete run `<output>/latest`.
///
/// `latest` is a symbolic link replaced with rename(2), which is atomic: a
/// reader sees the old run or the new one, never a half-written folder. A
/// failed run keeps its folder (with its exception report) and leaves
/// `latest` alone.
public struct RunFolder: Sendable {
    public let output: String
    public let id: String

    public var path: String { output + "/runs/" + id }
    public var latestPath: String { output + "/latest" }

    /// Creates a new, empty run folder named after the start time
    /// (`20261122T020000Z`), with a suffix if a run started in the same second
    /// (`20261122T020000Z-002`). The suffix is one past the highest in the
    /// folder (pruning removes the oldest first, so that is the newest run),
    /// never a gap a pruned run left: names sort in run order, and pruning
    /// relies on it.
    public static func create(in output: String, startedAt: Date) throws -> RunFolder {
        let fm = FileManager.default
        try fm.createDirectory(atPath: output + "/runs", withIntermediateDirectories: true)
        let base = Self.timestamp(startedAt)
        let sameSecond = try fm.contentsOfDirectory(atPath: output + "/runs").compactMap { name -> Int? in
            if name == base { return 1 }
            guard name.hasPrefix(base + "-") else { return nil }
            return Int(name.dropFirst(base.count + 1))
        }
        var n = (sameSecond.max() ?? 0) + 1
        while true {
            let id = n == 1 ? base : "\(base)-" + String(n).leftPadded(to: 3)
            do {
                try fm.createDirectory(atPath: output + "/runs/" + id, withIntermediateDirectories: false)
                return RunFolder(output: output, id: id)
            } catch where fm.fileExists(atPath: output + "/runs/" + id) {
                n += 1  // taken between the listing and now
            }
        }
    }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    /// Points `latest` at this run, atomically.
    public func publish() throws {
        let tmp = output + "/.latest-\(id)"
        try? FileManager.default.removeItem(atPath: tmp)
        try FileManager.default.createSymbolicLink(atPath: tmp, withDestinationPath: "runs/" + id)
        if rename(tmp, latestPath) != 0 {
            let err = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: tmp)
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: latestPath,
                NSLocalizedDescriptionKey: "cannot replace \(latestPath): \(err) (is it a real folder rather than the link cscpipe makes?)",
            ])
        }
    }

    /// Removes the oldest run folders, keeping `keep` besides the one `latest`
    /// points at and this run's own.
    public func pruneOlderRuns(keep: Int) {
        let fm = FileManager.default
        let runs = (try? fm.contentsOfDirectory(atPath: output + "/runs"))?.sorted() ?? []
        let latestTarget = (try? fm.destinationOfSymbolicLink(atPath: latestPath)).map { ($0 as NSString).lastPathComponent }
        let candidates = runs.filter { $0 != id && $0 != latestTarget }
        for old in candidates.dropLast(keep) {
            try? fm.removeItem(atPath: output + "/runs/" + old)
        }
    }
}
