/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator used to expand a seed into xoshiro state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The internal counter.
    public private(set) var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman, Vigna 2018) seeded through SplitMix64: the generator behind every random
/// choice in DuxueSynth. Its helpers (`below`, `unit`, `shuffle`, …) use only `next()`, so the same seed
/// gives the same district on every platform and Swift version.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`; different `stream` numbers give independent sequences for the same seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in `0..<bound` (Lemire's unbiased multiply-shift); `bound` must be positive.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform double in `range`.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An approximately normal deviate with mean 0 and standard deviation 1, bounded by ±3
    /// (Irwin–Hall sum of three uniforms, rescaled).
    public mutating func bell() -> Double { (unit() + unit() + unit() - 1.5) * 2 }

    /// A uniformly chosen element; `elements` must not be empty.
    public mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }

    /// An index chosen with probability proportional to its weight; `nil` when no weight is positive.
    public mutating func weightedIndex(_ weights: [Double]) -> Int? {
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0 else { return nil }
        var target = unit() * total
        var last: Int?
        for (index, weight) in weights.enumerated() where weight > 0 {
            last = index
            if target < weight { return index }
            target -= weight
        }
        return last
    }

    /// Shuffles in place (Fisher–Yates).
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, below(i + 1))
        }
    }

    /// Up to `count` distinct elements, in random order.
    public mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
        var copy = elements
        let k = max(0, min(count, copy.count))
        for i in 0..<k { copy.swapAt(i, i + below(copy.count - i)) }
        return Array(copy[0..<k])
    }
}
