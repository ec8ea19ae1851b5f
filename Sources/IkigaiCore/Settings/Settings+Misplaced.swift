extension Settings {
    /// A key of the contract written under the wrong table. In TOML every line below a
    /// `[table]` or `[[handlers]]` header belongs to that table, so `min_age = 65` added at the
    /// end of the file, after the last `[[handlers]]`, is a key of that handler: it was only a
    /// notice (W902), and the run went on with the default of 60, judging every row of a
    /// 60–64-year-old against what the manager had written. A key whose name is that of
    /// exactly one contract key elsewhere (`min_age`, `fiscal_year`, `lottery_seed`,
    /// `closed_dates` …) stops the run instead, saying where it belongs. Names several tables
    /// use (`name`, `towns`) stay notices: which one was meant cannot be told.
    ///
    /// The contract fixes these keys, and this project adds none whose name repeats one of
    /// them, so that no later version's key is taken for a misplaced one.
    static func misplacedKeyError(unknown: [String], file: String) -> SettingsError? {
        for key in unknown {
            guard let leaf = key.split(separator: ".").last.map(String.init), let home = home(ofLeaf: leaf, besides: key) else {
                continue
            }
            let parent = String(key.dropLast(leaf.count + 1))
            let under = parent.split(separator: ".").first.map(String.init) == "handlers" ? "[[handlers]]" : "[\(parent)]"
            // Above every header (`min_age = 65` on the first lines): read as a key of no table.
            let whereItIs = parent.isEmpty ? "最初の [ ] の見出しより上にあるため、どの表の項目にもならず" : "\(under) の見出しより下にあるため \(under) の項目として読まれ、"
            let whereItIsEnglish = parent.isEmpty ? "above the first header it is read as a key of no table" : "below the \(under) header it is read as part of \(under)"
            let table = String(home.dropLast(leaf.count + 1))
            let header = table == "handlers" ? "[[handlers]]" : "[\(table)]"
            // A table itself (`handlers`, `ward`) goes above the first header, or under a header of its own.
            let ownHeader = home == "handlers" ? "[[handlers]]" : "[\(home)]"
            let isTable = knownKeys.contains { $0.hasPrefix(home + ".") }
            let place = isTable ? "ファイルの先頭（最初の [ ] の見出しより上）か \(ownHeader) の見出し"
                : table.isEmpty ? "ファイルの先頭（最初の [ ] の見出しより上）" : "\(header) の見出しの下"
            let placeEnglish = isTable ? "at the top of the file, above the first [ ] header, or as \(ownHeader)"
                : table.isEmpty ? "at the top of the file, above the first [ ] header" : "under the \(header) header"
            return SettingsError(
                file: file, key: key,
                expected: "「\(leaf)」は\(place.hasPrefix("[") ? " " : "")\(place)に書く設定ですが、\(whereItIs)使われません。"
                    + "\(place)へ移してください（そこにも書いてあるなら、どちらか一方にしてください）",
                expectedEnglish: "'\(leaf)' belongs \(placeEnglish) (\(home)); \(whereItIsEnglish) "
                    + "and would be ignored. Move it there (keep one if it is written in both places)")
        }
        return nil
    }

    /// The one contract key named `leaf`, if only one is. Tables too: `handlers = [{ name = … }]`
    /// written below `[calendar]` is the calendar's, and the run stopped for want of handlers.
    static func home(ofLeaf leaf: String, besides key: String) -> String? {
        let homes = knownKeys.filter { k in k != key && (k == leaf || k.hasSuffix("." + leaf)) }
        return homes.count == 1 ? homes.first : nil
    }
}
