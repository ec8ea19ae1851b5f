import Foundation
import Synchronization

/// The Mustache templates of `Templates/`, loaded once per run so that the
/// manager can change wording without recompiling.
public struct PageTemplates: Sendable {
    public let directory: String
    /// Each template by its file name without `.mustache`; partials are templates too.
    let library: [String: Template]

    /// A template that is missing or would render unsafely, by file.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// Shown each page rendered while it is set, with the folder of its template: the tests
    /// compare every page of a run with what the reference Mustache library makes of the same
    /// view. The folder tells the run's pages from those of tests running beside it, which
    /// render templates of their own (a `p.mustache` of a test in `HTMLEscapeTests` was taken
    /// for a page of the run and compared, failing the test now and then).
    static let pageWatch = Mutex<(@Sendable (_ directory: String, _ template: String, _ view: Any, _ html: String) -> Void)?>(nil)

    public init(directory: String) throws(Problem) {
        self.directory = directory
        var lib: [String: Template] = [:]
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
            do throws(Template.SyntaxError) {
                lib[String(name.dropLast(".mustache".count))] = try Template(text)
            } catch {
                throw Problem(file: path, reason: "テンプレートの書き方に誤りがあります (template syntax error): \(error)")
            }
        }
        // A partial that is missing is named now, before any sheet is read, not when a page needs it.
        for name in lib.keys.sorted() {
            for (partial, line) in lib[name]?.partials ?? [] where lib[partial] == nil {
                throw Problem(file: "\(directory)/\(name).mustache",
                              reason: "\(line)行目: 部品テンプレート \(partial).mustache がありません (partial missing)")
            }
        }
        self.library = lib
    }

    /// Fails naming the first of `pages` (templates) or `files` (plain files) that the folder
    /// lacks: a command checks this before it reads any sheet, rather than after all its work.
    public func require(pages: [String], files: [String] = []) throws(Problem) {
        for name in pages where library[name] == nil {
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
        guard let template = library[name] else {
            throw Problem(file: "\(directory)/\(name).mustache", reason: "テンプレートがありません (template missing)")
        }
        let html: String
        do throws(TemplateRenderer.Failure) {
            html = try TemplateRenderer.render(template, context, library: library)
        } catch {
            throw Problem(file: "\(directory)/\(name).mustache", reason: error.reason)
        }
        if let watch = PageTemplates.pageWatch.withLock({ $0 }) { watch(directory, name, context, html) }
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
