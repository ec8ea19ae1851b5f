// libFuzzer target: the page templates (which the manager edits) read and rendered. Built by
// fuzz/run.sh. Promises: reading never crashes and names a line of the text; a template that
// reads renders without crashing or looping, a partial that includes itself stops with a failure.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let template: Template
    do {
        template = try Template(text)
    } catch {
        let lines = text.utf8.filter { $0 == 0x0A }.count + 1
        precondition((1...lines).contains(error.line), "line \(error.line) of \(lines)")
        return 0
    }
    let view: [String: Any] = FuzzTemplateView.value
    // The template is its own partial under every name it may ask for, so that nesting and
    // self-inclusion are both reached.
    var library: [String: Template] = [:]
    for (name, _) in template.partials { library[name] = template }
    do { _ = try TemplateRenderer.render(template, view, library: library) } catch {}
    return 0
}

enum FuzzTemplateView {
    static let value: [String: Any] = [
        "title": "<見出し> & \"引用\" 'x'",
        "rows": [["name": "架空 太郎", "n": 1, "flag": true], ["name": "A&B", "n": 2, "flag": false]],
        "empty": [Any](),
        "yes": true, "no": false,
        "nested": ["label": "内側", "list": ["a", "b"]],
    ]
}
