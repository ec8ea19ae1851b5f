/// Plays the adversary of the published statistics: from everything a
/// reader has (this report and the previous one), finds the least and the
/// greatest value each hidden cell can take. A hidden cell is disclosed when
/// only one whole number remains.
public enum Attacker {
    /// Ranges of this report's hidden cells.
    public static func ranges(current: PublishedStats, previous: PublishedStats?) -> [String: (min: Double, max: Double)] {
        let (model, values) = model(current: current, previous: previous)
        return Dictionary(uniqueKeysWithValues: model.ranges(values: values).map { (model.ids[$0.key], $0.value) })
    }

    /// The range of one hidden cell.
    public static func range(of id: String, current: PublishedStats, previous: PublishedStats?) -> (min: Double, max: Double)? {
        let (model, values) = model(current: current, previous: previous)
        return model.ids.firstIndex(of: id).flatMap { model.range(of: $0, values: values) }
    }

    /// The equations a reader can write, over the hidden cells as unknowns (`AttackModel`):
    /// unknowns are this report's hidden cells and the previous report's; a closed month's
    /// cell is one unknown in both reports, a growing cell two (then ≤ now). Each cell's value
    /// as this report prints it, by its place in the model.
    static func model(current: PublishedStats, previous: PublishedStats?) -> (AttackModel, values: [Int?]) {
        let model = AttackModel(ids: current.cells.keys, growing: current.growing, equations: current.equations, previous: previous)
        return (model, model.ids.map { current.cells[$0] ?? nil })
    }

    /// Whether a range leaves a single whole number.
    public static func discloses(_ r: (min: Double, max: Double)) -> Bool {
        r.max.isFinite && (r.max + 1e-6).rounded(.down) - (r.min - 1e-6).rounded(.up) < 1
    }
}
