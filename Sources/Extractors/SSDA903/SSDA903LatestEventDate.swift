import CSCCore

/// The latest event date in a 903 file, for telling its collection year when
/// neither the pipeline nor the file's name says: a return holds the events of
/// its year (and open items from earlier ones), so the year holding its latest
/// episode, review or missing date is the year it was made for.
enum SSDA903LatestEventDate {
    /// Reads the file at `path` through once; nil when no event date in it is readable.
    static func find(path: String, columns: [Int]) throws(CSVError) -> Day? {
        guard !columns.isEmpty else { return nil }
        let reader = try CSVReader(path: path)
        var latest = 0
        var pastHeader = false
        while let record = try reader.next() {
            if !pastHeader {
                pastHeader = !record.isBlank
                continue
            }
            for column in columns {
                let packed = record.withCell(column) { raw -> Int in
                    guard let d = SSDA903Bytes.ukDate(CellBytes.trimmed(raw)) else { return 0 }
                    return d.year * 10_000 + d.month * 100 + d.day
                }
                if packed > latest { latest = packed }
            }
        }
        guard latest > 0 else { return nil }
        return Day(year: latest / 10_000, month: latest / 100 % 100, day: latest % 100)
    }
}
