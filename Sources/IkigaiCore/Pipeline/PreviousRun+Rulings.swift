/// Rulings written into the previous run's review list instead of `Input/decisions.csv`.
///
/// The review list asks for 同一 or 別人 in its 判定 column, so a manager who opens
/// `Output/people/review.csv` in Excel fills it there and presses save. The next run replaces
/// `Output/` whole, and those answers would be gone with nothing said.
extension PreviousRun {
    /// The rulings in the previous run's `people/review.csv` that `saved` (the rulings of
    /// `Input/decisions.csv`) does not hold, by pair: empty when there is no such file or every
    /// answer in it is already saved.
    static func unsavedRulings(outputDir: String, saved: Rulings) -> [Rulings.Entry] {
        let path = outputDir + "/people/review.csv"
        guard case .success(let sheet) = SheetReader.read(absolutePath: path, path: "people/review.csv", kind: .decisions,
                                                          extraProhibited: []) else { return [] }
        let known = Set(saved.entries.map(\.pair))
        return Rulings(sheet: sheet).entries.filter { !known.contains($0.pair) }
    }
}
