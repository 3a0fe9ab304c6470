/// A list of values with integer weights, drawn from with a `SeededGenerator`.
///
/// Integer weights keep the draw exact and identical on every platform.
struct WeightedChoice<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulative: [Int]

    init(_ weighted: [(Value, Int)]) {
        precondition(!weighted.isEmpty, "a weighted choice needs at least one value")
        var running = 0
        var values: [Value] = []
        var cumulative: [Int] = []
        for (value, weight) in weighted where weight > 0 {
            running += weight
            values.append(value)
            cumulative.append(running)
        }
        self.values = values
        self.cumulative = cumulative
    }

    func pick(_ rng: inout SeededGenerator) -> Value {
        let r = rng.int(in: 0...(cumulative[cumulative.count - 1] - 1))
        var i = 0
        while cumulative[i] <= r { i += 1 }
        return values[i]
    }
}
