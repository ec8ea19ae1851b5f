import Foundation
import Mustache

/// The Mustache templates of `Templates/`, loaded once per run so that the
/// manager can change wording without recompiling.
public struct PageTemplates: Sendable {
    public let directory: String
    let library: MustacheLibrary

    /// A template that is missing or would render unsafely, by file.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file): \(reason)" }
    }

    public init(directory: String) throws(Problem) {
        self.directory = directory
        var lib = MustacheLibrary()
        MustacheContentTypes.register(HTMLEscape.ContentType(), named: HTMLEscape.contentTypeName)
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw Problem(file: directory,
                          reason: "テンプレートのフォルダが見つかりません。ikigai のフォルダ（Templates のあるところ）で実行するか、--templates でテンプレートのフォルダを指定してください"
                              + " (templates folder not found: run ikigai in its own folder, or pass --templates DIR)")
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Problem(file: path, reason: "読めません (unreadable)")
            }
            do {
                // Each template, partials too, escapes its values with `HTMLEscape`. The pragma leads the
                // first line and renders as nothing, so the template's own lines keep their numbers.
                try lib.register("{{% CONTENT_TYPE: \(HTMLEscape.contentTypeName)}}" + text,
                                 named: String(name.dropLast(".mustache".count)))
            } catch {
                throw Problem(file: path, reason: "テンプレートの書き方に誤りがあります (template syntax error): \(error)")
            }
        }
        self.library = lib
    }

    /// Fails naming the first of `pages` (templates) or `files` (plain files) that the folder
    /// lacks: a command checks this before it reads any sheet, rather than after all its work.
    public func require(pages: [String], files: [String] = []) throws(Problem) {
        for name in pages where library.getTemplate(named: name) == nil {
            throw Problem(file: "\(directory)/\(name).mustache", reason: "テンプレートがありません (template missing)")
        }
        for name in files where !FileManager.default.isReadableFile(atPath: directory + "/" + name) {
            throw Problem(file: "\(directory)/\(name)", reason: "ファイルがありません (file missing)")
        }
    }

    /// A plain file of the templates folder, copied into the output as is.
    public func text(_ name: String) throws(Problem) -> String {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path), let s = String(data: data, encoding: .utf8) else {
            throw Problem(file: path, reason: "ファイルがありません (file missing)")
        }
        return s
    }

    /// Renders a page and checks it with `HTMLGuard`; a missing template or a
    /// page that fails the guard is an error naming the template.
    public func page(_ name: String, _ context: Any, output: String) throws(Problem) -> String {
        guard library.getTemplate(named: name) != nil,
              let html = library.render(context, withTemplate: name) else {
            throw Problem(file: "\(directory)/\(name).mustache", reason: "テンプレートがありません (template missing)")
        }
        if let r = HTMLGuard.check(html, page: output) {
            throw Problem(file: "\(directory)/\(name).mustache", reason: "出力 \(output) が安全な HTML になりません (page rejected): \(r.reason)")
        }
        return html
    }

    /// A rendered page as an output file, or why it could not be made.
    func file(_ name: String, _ context: Any, path: String, confidential: Bool) -> Result<OutputFile, Problem> {
        do throws(Problem) {
            return .success(OutputFile(path: path, text: try page(name, context, output: path), confidential: confidential))
        } catch {
            return .failure(error)
        }
    }

    /// A plain file of the templates folder as an output file, or why it could not be read.
    func copy(_ name: String, path: String, confidential: Bool) -> Result<OutputFile, Problem> {
        do throws(Problem) {
            return .success(OutputFile(path: path, text: try text(name), confidential: confidential))
        } catch {
            return .failure(error)
        }
    }
}
