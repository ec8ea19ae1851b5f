import Foundation

/// `ikigai run` as a list of named steps: settings (and the handler check) →
/// intake and eligibility → schedule → identity → lottery → statistics →
/// rendering → the public-file guard → output and audit. Each failure names
/// its step; nothing is written unless every step before output succeeded.
public struct RunPipeline: Sendable {
    public let options: RunOptions
    public let resolver: any IdentityResolver

    public init(options: RunOptions, resolver: any IdentityResolver = EvidenceResolver()) {
        self.options = options
        self.resolver = resolver
    }

    public func run(progress: @escaping (String) -> Void = { _ in }) throws(RunFailure) -> RunOutcome {
        var clock = StepClock(progress: progress)

        clock.start("設定 settings")
        let granted = try Authorisation.check(inputDir: options.inputDir, operatorName: options.operatorName)
        let settings = granted.settings
        let lock = try OutputLock.taken(for: options.outputDir, step: "output")
        defer { withExtendedLifetime(lock) {} }
        // Before anything reads the previous run's audit, numbers or history.
        OutputWriter(outputDir: options.outputDir).recoverInterruptedSwap()
        // Said before the sheets are read, not after the whole run; the writer checks again.
        if let refused = OutputWriter(outputDir: options.outputDir).refusal() {
            throw RunFailure(step: "output", file: refused.path, japanese: "書き出し先に問題があるため、何もしていません（\(refused.reason)）",
                             english: "nothing was done: the output folder cannot be used")
        }
        let undecodable = OutputWriter(outputDir: options.outputDir).undecodableNames()
        if undecodable > 0 {
            throw RunFailure(step: "output", file: options.outputDir,
                             japanese: "Output の中に、名前が UTF-8 ではないファイル・フォルダが \(undecodable) 件あります（Windows の共有フォルダなどから Shift_JIS の名前のまま写した可能性）。入れ替えると消えてしまうため、何もしていません。名前を付け直すか、Output の外へ移してください。",
                             english: "names in the output folder that are not UTF-8 would be lost in the swap; nothing was done")
        }
        // Each run replaces Output/ whole: sheets kept inside it would be swapped out with it.
        if OutputWriter(outputDir: options.outputDir).holds(options.inputDir) {
            throw RunFailure(step: "output", file: options.inputDir,
                             japanese: "入力フォルダが出力フォルダ（\(options.outputDir)）の中にあります。実行のたびに出力フォルダは丸ごと入れ替わるため、Input は Output の外に置いてください。何もしていません。",
                             english: "the input folder lies inside the output folder; nothing was done")
        }

        // Loaded before any sheet is read: a missing or broken template stops the run here, not
        // after all its work (a binary copied away from its checkout has none beside it).
        let templates: PageTemplates
        do throws(PageTemplates.Problem) {
            templates = try PageTemplates(directory: options.templatesDir)
            try templates.require(pages: RunDocuments.templatePages, files: RunDocuments.templateFiles)
        } catch {
            throw RunFailure(step: "templates", file: error.file, japanese: error.reason, english: "templates could not be loaded")
        }

        clock.start("読込・資格確認 intake+eligibility")
        // The previous run's person numbers (an 11 MB file at 100×, half a second to read) are
        // read in the background: the last sheet of intake leaves a core idle for about as long.
        let previousNumbers = BackgroundJob { [dir = options.outputDir] in PreviousRun.personNumbers(outputDir: dir) }
        var intake: IntakeResult
        do {
            intake = try IntakeStage.run(inputDir: options.inputDir, settings: settings, through: options.through, today: options.today)
        } catch {
            throw RunFailure(step: "intake", file: "--through",
                             japanese: "\(error.through) は\(settings.fiscalYear)年度（\(YearMonth(settings.fiscalYearStart))〜\(YearMonth(settings.fiscalYearEnd))）の外です。",
                             english: "\(error.through) is outside fiscal year \(settings.fiscalYear)")
        }

        // Answers saved into the review list of Output/ would be swapped out with it: stop first.
        let unsaved = PreviousRun.unsavedRulings(outputDir: options.outputDir, saved: intake.rulings)
        if let first = unsaved.first {
            throw RunFailure(step: "identity", file: options.outputDir + "/people/review.csv",
                             japanese: "前回の確認の組（review.csv）に「判定」が \(unsaved.count) 組書かれていますが、\(options.inputDir)/decisions.csv にはありません（最初は \(first.source.row)行目）。"
                                 + "Output は実行のたびに作り直すため、このまま実行すると判定が消えます。何もしていません。"
                                 + "このファイルを \(options.inputDir)/decisions.csv として保存して（すでにあるなら、判定した行をそこへ書き足して）から、もう一度実行してください。"
                                 + "判定を使わないなら、review.csv の「判定」の列を空にしてください。",
                             english: "rulings written into the previous review.csv are not in decisions.csv and would be lost; nothing was done")
        }

        clock.start("日程 schedule")
        let schedule = ClassSchedule(classes: intake.classes, settings: settings)
        intake.add(schedule.findings)
        intake.reject(OffScheduleVisits.find(intake, schedule: schedule))

        clock.start("名寄せ identity")
        // What the public-file guard looks for is gathered in the background until the guard
        // step, on whatever core the steps in between leave idle. It is taken before repeated
        // visits are rejected, so a repeat's spelling or phone, personal data all the same, is
        // guarded too. (Rejecting repeats below then copies only the sheets that hold one.)
        let needles = BackgroundJob { [intake] in PublicGuard.Needles(intake: intake) }
        var register = resolver.resolve(IdentityRows(checked: intake.rows), rulings: intake.rulings,
                                        previous: previousNumbers.value())
        intake.add(register.findings)
        let repeats = RepeatedVisits.find(intake, register: register)
        intake.reject(repeats)
        register = register.dropping(Set(repeats.keys))

        clock.start("抽選 lottery")
        let lotteries: [ClassLottery]
        if intake.classes.contains(where: { $0.kind == .lottery }) {
            guard let seed = settings.lotterySeed else {
                throw RunFailure(step: "lottery", file: options.inputDir + "/settings.toml",
                                 japanese: "抽選の講座があるのに classes.lottery_seed（抽選前に公開する種）がありません。settings.toml に書いてください。",
                                 english: "classes.lottery_seed is required when classes.csv has lottery classes")
            }
            if let unknown = options.redraw.sorted().first(where: { id in !intake.classes.contains { $0.kind == .lottery && $0.id == id } }) {
                throw RunFailure(step: "lottery", file: "--redraw",
                                 japanese: "--redraw の講座「\(unknown)」は classes.csv の抽選の講座にありません。講座IDを確認してください。",
                                 english: "--redraw names \(unknown), which is not a lottery class")
            }
            // Drawn from this run's sheets, then each class already drawn kept as published.
            let publishedFiles = PreviousRun.lotteryRecordFiles(outputDir: options.outputDir)
            let published = publishedFiles.mapValues(\.record)
            let (kept, changed) = ClassLottery.keepingPublished(
                ClassLottery.drawAll(intake: intake, register: register, seed: seed, today: options.today), previous: published,
                holders: PreviousRun.ticketHolders(outputDir: options.outputDir, draws: published),
                redraw: options.redraw)
            let keptLater = ClassLottery.keepingLaterDraws(kept, previous: publishedFiles, redraw: options.redraw) { [outputDir = options.outputDir] id in
                PreviousRun.lotteryLists(outputDir: outputDir, classID: id)
            }
            let (attended, outsiders) = ClassLottery.attended(keptLater, intake: intake, register: register)
            lotteries = attended
            intake.add(changed + outsiders)
        } else {
            lotteries = []
        }

        // Files someone saved in Output/ are kept by the write; the front page says how many
        // (never their names), so that copies of confidential pages do not pile up unseen.
        // The previous run's outputs are read once: the lock is held, so its audit cannot change.
        let writer = OutputWriter(outputDir: options.outputDir), keep = PreviousRun.carriedFolders
        let previouslyWritten = PreviousRun.writtenFiles(outputDir: options.outputDir)
        let kept = writer.othersFiles(written: previouslyWritten, keep: keep).count
        if kept > 0 {
            intake.add([Finding(file: "Output/", row: nil, code: .keptFiles,
                                message: "ikigai が作っていないファイルが \(kept) 件あり、そのまま残しました（所有者だけが読める権限にしています）。名簿の写しなど個人情報を含むものは、不要になったら消してください。")])
        }

        clock.start("集計 statistics")
        let final = intake, people = register
        // Independent counts over the same rows: one per core.
        var (summary, usage) = Parallel.both(
            { Summary(intake: final, register: people, sessionsPlanned: schedule.held.count) },
            { UsageStatistics(intake: final, register: people, lotteries: lotteries, schedule: schedule) })
        let previousMonth = YearMonth(intake.through.firstDay.adding(days: -1))
        DisclosureControl.apply(&usage, minCell: settings.minCell, previous: PreviousRun.stats(outputDir: options.outputDir, month: previousMonth))
        let status = RunStatus(intake: intake)

        let digest = RunDigest(summary: summary, register: register, findings: intake.findings)
        let changes = PreviousRun.digest(outputDir: options.outputDir).flatMap { digest.changes(since: $0) }

        clock.start("文書作成 rendering")
        var files: [OutputFile]
        let documents = RunDocuments(intake: final, register: people, summary: summary, status: status,
                                     schedule: schedule, lotteries: lotteries, usage: usage, changes: changes, templates: templates)
        do throws(PageTemplates.Problem) {
            files = [OutputFile(path: "history/last-run.json", bytes: Array(digest.json), confidential: false)] + (try documents.files())
        } catch {
            throw RunFailure(step: "rendering", file: error.file, japanese: error.reason, english: "a page could not be rendered safely")
        }

        clock.start("公開前の確認 guard")
        do { try PublicGuard.check(files, needles: needles.value()) } catch {
            throw RunFailure(step: "guard", file: error.file,
                             japanese: "公開用の文書に個人の\(error.what)が含まれていたため、書き出しを中止しました。講座名・会場名などに個人名を入れていないか確認してください。",
                             english: "a public document contained personal data; nothing was written")
        }

        clock.start("書き出し output")
        // Taken again: a file saved while the run went on is kept too.
        let others = writer.othersFiles(written: previouslyWritten, keep: keep)
        let audit = RunAudit.file(files, inputs: [granted.settingsDigest] + intake.inputDigests, options: options,
                                  operatorName: granted.handler.name, summary: summary, status: status,
                                  reviews: register.reviews.count, lotteries: lotteries.count, keptFiles: others.count)
        let refusals = intake.findings.filter { $0.code.kind == .refusedSheet }, rowsHeld = intake.rowsHeld
        let findingsCount = intake.findings.count, reviewPairs = register.reviews.count
        let notices = intake.findings.filter { $0.code.kind == .notice }.count
        let lotteriesDrawn = lotteries.filter { $0.record != nil }.count
        // Nothing below reads the rows, the people or the pages' views again.
        Release.inBackground((consume intake, consume final, consume register, consume people, consume documents,
                              consume needles, consume usage))
        do { try writer.write(files + [audit], keep: keep, carry: others) } catch {
            throw RunFailure(step: "output", file: error.path,
                             japanese: "書き出せませんでした。前回の Output はそのままです（\(error.reason)）" + (error.advice.map { " " + $0 } ?? ""),
                             english: "could not write; the previous output is untouched (\(error.reason))")
        }
        clock.stop()

        return RunOutcome(
            status: status, summary: summary, outputDir: options.outputDir,
            refusals: refusals, rowsHeld: rowsHeld, findingsCount: findingsCount, notices: notices, stepSeconds: clock.laps,
            reviewPairs: reviewPairs, lotteriesDrawn: lotteriesDrawn, changes: changes, keptFiles: others.count)
    }
}

/// Times the named steps of a run and reports each as it starts.
struct StepClock {
    let progress: (String) -> Void
    private(set) var laps: [(step: String, seconds: Double)] = []
    private var current: (String, DispatchTime)?

    init(progress: @escaping (String) -> Void) { self.progress = progress }

    mutating func start(_ step: String) {
        stop()
        progress(step)
        current = (step, DispatchTime.now())
    }

    mutating func stop() {
        if let (name, t0) = current {
            laps.append((name, Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9))
        }
        current = nil
    }
}
