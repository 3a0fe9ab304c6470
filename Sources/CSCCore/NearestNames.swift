/// "Did you mean" for configuration and header mistakes: the names nearest
/// one that was not found.
public enum NearestNames {
    /// Up to three of `names` within edit distance of `wanted` (at most 3, or
    /// half its length when longer), nearest first, both compared as `key` makes them.
    public static func closest(to wanted: String, in names: [String], comparing key: (String) -> String) -> [String] {
        let target = key(wanted)
        let limit = max(3, target.utf8.count / 2)
        let scored = names.compactMap { name -> (String, Int)? in
            let k = key(name)
            return k.isEmpty ? nil : (name, editDistance(k, target))
        }
        return scored.filter { $0.1 <= limit }.sorted { $0.1 < $1.1 }.prefix(3).map(\.0)
    }

    /// Levenshtein distance between the UTF-8 bytes of `a` and `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
