import Foundation

/// Reads one file into a `Sheet`, or says why the whole sheet is refused.
public enum SheetReader {
    /// The whole sheet, its records held: for the small sheets (classes, decisions) and reports.
    public static func read(absolutePath: String, path: String, kind: SheetKind,
                            extraProhibited: [String]) -> Result<Sheet, Finding> {
        read(absolutePath: absolutePath, path: path, kind: kind, extraProhibited: extraProhibited, digests: nil)
    }

    static func read(absolutePath: String, path: String, kind: SheetKind, extraProhibited: [String],
                     digests: InputDigests?) -> Result<Sheet, Finding> {
        var records: [CSVRecord] = []
        return stream(absolutePath: absolutePath, path: path, kind: kind, extraProhibited: extraProhibited,
                      digests: digests) { record, _ in
            records.append(record)
        }.map { Sheet(head: $0, records: records) }
    }

    /// Files larger than this are refused before being read into memory.
    public static let maxBytes = 512 * 1024 * 1024

    private static func lineFeeds(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = p.baseAddress else { return 0 }
        var count = 0
        var at = UnsafeRawPointer(base)
        let end = at + p.count
        while at < end, let found = memchr(at, 0x0A, end - at) {
            count += 1
            at = UnsafeRawPointer(found) + 1
        }
        return count
    }

    /// Gives `body` each data record (row 2 on, blank ones included) as it is read, then the
    /// sheet's head, or why the sheet is refused. A sheet can be refused after some of its
    /// records were given (a quote left open near the end, a value under an empty header):
    /// what `body` made of them is then to be dropped, as the sheet is not read.
    /// `digests`, when given, notes the SHA-256 of the bytes read (refused sheets too, once read).
    public static func stream(absolutePath: String, path: String, kind: SheetKind, extraProhibited: [String],
                              _ body: (CSVRecord, SheetHead) -> Void) -> Result<SheetHead, Finding> {
        stream(absolutePath: absolutePath, path: path, kind: kind, extraProhibited: extraProhibited, digests: nil, body)
    }

    static func stream(absolutePath: String, path: String, kind: SheetKind, extraProhibited: [String],
                       digests: InputDigests?, _ body: (CSVRecord, SheetHead) -> Void) -> Result<SheetHead, Finding> {
        func refuse(_ code: FindingCode, _ message: String) -> Result<SheetHead, Finding> {
            .failure(Finding(file: path, row: nil, code: code, message: message))
        }
        let bytes: [UInt8]
        switch FileBytes.read(absolutePath, limit: maxBytes) {
        case .success(let b):
            bytes = b
            digests?.note(path, b)
        case .failure(.isDirectory):
            return refuse(.unreadableFile, "CSV ではなくフォルダです。フォルダの名前を変えるか、中のファイルを正しい場所へ移してください。")
        case .failure(.notAFile):
            return refuse(.unreadableFile, "ふつうのファイルではありません（名前付きパイプや装置など）。シートを CSV ファイルとして保存し直してください。")
        case .failure(.tooLarge(let size)):
            return refuse(.tooLarge, "ファイルが大きすぎます（\(size / 1_048_576) MB、上限 \(maxBytes / 1_048_576) MB）。月ごとなどに分けて保存してください。")
        case .failure(.unreadable) where path.unicodeScalars.contains("\u{FFFD}"):
            // A name saved in Shift_JIS (copied from a Windows share as raw bytes) reaches us as
            // replacement characters, a name no file has: "no such file" sent people to permissions.
            return refuse(.unreadableFile, "ファイル名が UTF-8 ではないため開けません（Windows の共有フォルダなどから Shift_JIS の名前のまま写した可能性）。ファイル名を付け直してください（例: 2018-05.csv）。")
        case .failure(.unreadable(let reason)):
            return refuse(.unreadableFile, "ファイルを開けません（\(reason)）。ファイルの権限や、他のソフトで開いたままでないかを確認してください。")
        }
        let decoded: (utf8: ArraySlice<UInt8>, encoding: TextEncoding)
        switch SheetDecoder.decode(bytes) {
        case .success(let d): decoded = d
        case .failure(.empty):
            return refuse(.emptyFile, "空のファイルです。1行目に見出しを入れて保存するか、ファイルを削除してください。")
        case .failure(.utf16):
            return refuse(.utf16, "UTF-16（Unicode テキスト）で保存されています。Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」を選んで保存し直してください。")
        case .failure(.binary(let what)):
            if what.hasPrefix("xls") {
                return refuse(.notCSV, "Excel ブック（.\(what)）の形式のままです。Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。")
            }
            return refuse(.notCSV, "文字ではないデータ（NUL バイト）が含まれています（\(what.dropFirst(4)) バイト目）。CSV として保存し直してください。")
        case .failure(.undecodable(let offset, let enc)):
            // A clerk finds a line, not a byte: 0x0A is a line feed in UTF-8 and CP932 alike (no
            // CP932 trail byte is below 0x40), so the lines are counted on the raw bytes.
            let line = bytes.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return refuse(.undecodable, "文字コードを判別できません。UTF-8 としても Shift_JIS としても読めない文字が \(line) 行目（改行で数えた行。\(enc) として読んだ場合、先頭から \(offset + 1) バイト目）にあります。文字化けを防ぐため読み込みませんでした。その行の文字を確かめ、Excel で開き直して「CSV UTF-8（コンマ区切り）」で保存し直してください。")
        }
        // The header is the first record; the refusals keep the order of a whole-sheet read: an
        // open quote first (it breaks every row after it), then the header, then the values under
        // an empty header.
        var header: Result<HeaderMap, HeaderMap.Problem>?
        var head: SheetHead?
        /// Column without a header → the first row with a value in it.
        var unnamedWithValues: [Int: Int] = [:]
        let open = decoded.utf8.withUnsafeBufferPointer { p in
            CSVParser.forEach(buffer: p) { record in
                guard header != nil else {
                    header = HeaderMap.read(record.cells, kind: kind, extraProhibited: extraProhibited)
                    if case .success(let map)? = header {
                        head = SheetHead(path: path, kind: kind, encoding: decoded.encoding, header: map,
                                         byteCount: bytes.count, lineFeeds: lineFeeds(p))
                    }
                    return
                }
                guard let head else { return }
                for i in head.header.unnamed where unnamedWithValues[i] == nil && i < record.cells.count
                    && !Text.isBlank(record.cells[i]) {
                    unnamedWithValues[i] = record.row
                }
                body(record, head)
            }
        }
        if let q = open {
            return .failure(Finding(
                file: path, row: q.row, code: .unterminatedQuote,
                message: "\(q.row)行目で始まる引用符（\"）が閉じられていないため、それ以降がすべて1つのセルになってしまいます。このシートは読み込みませんでした。\(q.row)行目のセルの \" を確認してください。"))
        }
        if case .failure(let p)? = header {
            return .failure(Finding(file: path, row: nil, column: p.column, code: p.code, message: p.message))
        }
        guard let head else { return refuse(.emptyFile, "見出しの行がありません。1行目に見出しを入れてください。") }
        // An empty column without a header is harmless; one with values cannot be read safely.
        if let col = head.header.unnamed.first(where: { unnamedWithValues[$0] != nil }), let row = unnamedWithValues[col] {
            return .failure(Finding(file: path, row: nil, column: "（\(col + 1)列目）", code: .unknownColumn,
                message: "1行目の見出しが空の列（\(col + 1)列目）に値があります（\(row)行目など）。このシートは読み込みませんでした。見出しを入れるか（使える見出し: \(kind.allowed.map(\.both).joined(separator: "、"))）、列ごと削除してください。"))
        }
        return .success(head)
    }
}
