/// How one kind of result is written into the data section of its cache entry (framed by
/// ``CacheEntry``) and read back.
///
/// Each builder that computes has one: ``ResultCache`` stores and reads every kind through
/// this protocol, so a new kind is its coding and its key, with no new cache method.
protocol ResultCoding {
    associatedtype Result
    /// What the result is computed from; decoding checks every count and value against it.
    associatedtype Source

    /// The data section of `result`'s entry.
    static func encode(_ result: Result) -> [UInt8]

    /// The result in `data`, or nil unless it is one `source` can produce: a forged entry
    /// with a valid checksum is refused, not trusted.
    static func decode(_ data: ArraySlice<UInt8>, of source: Source) -> Result?
}
