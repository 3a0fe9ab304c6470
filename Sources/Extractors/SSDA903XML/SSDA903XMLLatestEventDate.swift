import CSCCore

/// The latest episode start or end date (DECOM, DEC) in an `EXPSSDA903`
/// file, for telling its collection year when the pipeline does not: the
/// return is made for the year holding its latest episode event. Stops at
/// once when the root is not `EXPSSDA903`.
struct SSDA903XMLLatestEventDate: XMLContentHandler {
    private let rootName, episodeName, startName, endName: XMLName
    private var inEpisode = false
    private var reading = false
    private var text: [UInt8] = []
    private var latest = 0
    private(set) var wrongRoot = false

    init(interning name: (String) -> XMLName) {
        rootName = name(SSDA903XMLLayout.root)
        episodeName = name(SSDA903XMLLayout.episode)
        startName = name("DECOM")
        endName = name("DEC")
    }

    var wantsMore: Bool { !wrongRoot }

    /// The latest readable date; nil when there is none.
    var day: Day? {
        latest > 0 ? Day(year: latest / 10_000, month: latest / 100 % 100, day: latest % 100) : nil
    }

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        if depth == 0, name != rootName { wrongRoot = true }
        if depth == 2, name == episodeName { inEpisode = true }
        if depth == 3, inEpisode, name == startName || name == endName {
            reading = true
            text.removeAll(keepingCapacity: true)
        }
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {
        if depth == 2 { inEpisode = false }
        guard reading, depth == 3 else { return }
        reading = false
        let packed = text.withUnsafeBytes { raw -> Int in
            guard let d = SSDA903Bytes.ukDate(CellBytes.trimmed(raw)) else { return 0 }
            return d.year * 10_000 + d.month * 100 + d.day
        }
        if packed > latest { latest = packed }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        if reading { text.append(contentsOf: bytes) }
    }
}
