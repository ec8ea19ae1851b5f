import ArgumentParser
import Foundation
import IkigaiCore

/// The folders and the handler that every data command takes.
struct FolderOptions: ParsableArguments {
    @Option(name: .long, help: "入力フォルダ (input folder)")
    var input = "Input"

    @Option(name: .long, help: "出力フォルダ (output folder)")
    var output = "Output"

    @Option(name: .long, help: "テンプレートのフォルダ (Mustache templates; default: Templates here, or the one of this program's checkout)")
    var templates: String?

    var templatesDir: String { templates ?? PageTemplates.defaultDirectory() }

    @Option(name: .customLong("operator"), help: "実行する取扱者の氏名。環境変数 IKIGAI_OPERATOR でも可")
    var operatorName: String?

    var handler: String? { operatorName ?? ProcessInfo.processInfo.environment["IKIGAI_OPERATOR"] }
}
