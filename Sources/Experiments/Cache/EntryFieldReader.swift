/// The reads both cache formats share (the binary ``EntryReader`` and the token reader of
/// older training entries): a list is a bounded count followed by its elements.
protocol EntryFieldReader {
    /// A count, bounded by what is left so that a corrupt count cannot allocate wildly.
    mutating func count() -> Int?
    mutating func int() -> Int?
    mutating func string() -> String?
}

extension EntryFieldReader {
    /// A count followed by that many elements, each read by `element`; nil if any is missing.
    mutating func list<Element>(_ element: (inout Self) -> Element?) -> [Element]? {
        guard let n = count() else { return nil }
        var values: [Element] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            guard let value = element(&self) else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func ints() -> [Int]? { list { $0.int() } }
    mutating func strings() -> [String]? { list { $0.string() } }
}
