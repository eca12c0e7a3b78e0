/// Percentiles of a sample by linear interpolation between the closest ranks (the method of
/// spreadsheets' PERCENTILE and of most statistics packages): the median of 1, 2, 3, 4 is 2.5.
public enum Percentile {
    /// The `p`-th percentile (0…100) of `values`; nil for an empty sample.
    public static func of(_ values: [Int], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = min(max(p, 0), 100) / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = rank - Double(lower)
        return Double(sorted[lower]) + (Double(sorted[upper]) - Double(sorted[lower])) * weight
    }
}
