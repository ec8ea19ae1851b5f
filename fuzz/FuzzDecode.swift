// libFuzzer target: encoding detection and decoding, then CSV, on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let d) = SheetDecoder.decode(bytes) {
        precondition(SheetDecoder.firstInvalidUTF8(d.utf8) == nil, "decoded text must be valid UTF-8")
        _ = CSVParser.parse(d.utf8)
    }
    return 0
}
