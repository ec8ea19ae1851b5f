// libFuzzer target: encoding detection and decoding, then CSV, on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Shift_JIS by table reads as iconv does: the same text, or the same first bad byte.
    precondition(CP932.toUTF8(bytes) == CP932.iconvToUTF8(bytes), "CP932 table and iconv differ")
    if case .success(let d) = SheetDecoder.decode(bytes) {
        precondition(SheetDecoder.firstInvalidUTF8(d.utf8) == nil, "decoded text must be valid UTF-8")
        _ = CSVParser.parse(d.utf8)
    }
    return 0
}
