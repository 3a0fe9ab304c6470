import CSCCore
import Foundation
import Synthesis

/// A large SSDA903 Episodes file for the benchmark: valid rows of realistic
/// shape (DD/MM/YYYY dates, codes of 2024-25, UK-shaped postcodes), written
/// straight as bytes so making it costs a fraction of reading it.
enum EpisodesFileMaker {
    static let header = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"

    /// The Episodes file of `rows` rows from `seed` in the benchmark's
    /// `folder`, made unless a run with the same folder already made it (a
    /// note beside it records the rows and seed), so tuning runs reuse it.
    static func file(rows: Int, seed: UInt64, in folder: String) throws -> String {
        let fm = FileManager.default
        let folder = folder + "/ssda903/2024-25"
        let path = folder + "/episodes.csv", note = path + ".made"
        let made = "\(rows) rows, seed \(seed)\n"
        if fm.fileExists(atPath: path), (try? String(contentsOfFile: note, encoding: .utf8)) == made { return path }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? fm.removeItem(atPath: note)
        try write(rows: rows, seed: seed, to: path)
        try made.write(toFile: note, atomically: true, encoding: .utf8)
        return path
    }

    static func write(rows: Int, seed: UInt64, to path: String) throws {
        var rng = SeededGenerator(seed: seed)
        let rne = ["S", "P", "T", "L", "B", "U"], ls = ["C1", "C2", "V2", "E1"], cin = ["N1", "N2", "N4", "N5"]
        let place = ["U1", "U3", "U4", "U6", "K2", "R1", "S1"], provider = ["PR1", "PR2", "PR4", "PR5"]
        let rec = ["E4A", "E11", "E13", "E41", "E8", "X1"], change = ["CARPL", "CHILD", "LAREQ", "PLACE"]
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let out = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkError("cannot write \(path)")
        }
        defer { try? out.close() }
        var buffer = Array(header.utf8)
        buffer.reserveCapacity(1 << 21)
        func date(_ d: Day) -> String { d.ukFormat }
        let base = Day(iso: "2019-04-01")!
        for i in 0..<rows {
            let start = base.adding(days: rng.int(in: 0...2000))
            let ended = rng.chance(0.6)
            let end = start.adding(days: rng.int(in: 1...400))
            let line = [
                String(1_000_000 + i / 3), date(start), rng.pick(rne), rng.pick(ls), rng.pick(cin), rng.pick(place),
                rng.pick(provider), ended ? date(end) : "", ended ? rng.pick(rec) : "", ended ? rng.pick(change) : "",
                "AB\(rng.int(in: 1...9)) \(rng.int(in: 1...9))CD", "XY\(rng.int(in: 10...99)) \(rng.int(in: 1...9))EF",
                "SC\(rng.int(in: 100_000...999_999))",
            ].joined(separator: ",")
            buffer.append(contentsOf: line.utf8)
            buffer.append(10)
            if buffer.count >= 1 << 20 {
                try out.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try out.write(contentsOf: buffer)
    }
}
