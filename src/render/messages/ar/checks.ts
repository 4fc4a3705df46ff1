// Arabic messages of the "checks" area (the same keys as en/checks.ts): check run outputs, the
// instruction comment, error summaries. Identifiers (file names, YAML keys, commands, code) stay
// in English inside code spans; quotations use the Arabic guillemets « ».
const OP = "{op, select, at_least {ما لا يقل عن} other {أكثر من}}";
const THRESHOLD = "{isPct, select, yes {{thresholdPct, number, ::percent .#}} other {{thresholdText}}}";

export const checks = {
  // Shared by both checks
  "checks.shortened": "كان هذا الناتج أطول مما يسمح به GitHub فاختُصر. ويمكن الاطلاع على النص الكامل في [تبويب الفحوص في طلب الدمج]({url}).",
  "checks.diagnostic.error": "{where}: {text}",
  "checks.diagnostic.warning": "{where}: تحذير: {text}",
  "checks.invalid.intro":
    "{count, plural, zero {لا توجد مشكلات في ملفات الحوكمة} one {في ملفات الحوكمة مشكلة} two {في ملفات الحوكمة مشكلتان} few {في ملفات الحوكمة # مشكلات} many {في ملفات الحوكمة # مشكلةً} other {في ملفات الحوكمة # مشكلة}}، ولذا لا يمكن أن ينجح هذا الفحص إلى أن {count, plural, zero {تُصحَّح} one {تُصحَّح} two {تُصحَّحا} few {تُصحَّح} many {تُصحَّح} other {تُصحَّح}}. ويبيِّن كل سطر الملفَّ المعني، ورقم السطر والعمود، وما يجب تغييره:",
  "checks.invalid.fix":
    "صحِّح [السياسة]({policyUrl}) أو [السجل]({registryUrl}) في الفرع الافتراضي (أو في طلب الدمج هذا، إن كان هو الذي يغيِّرهما). وسيُعاد تشغيل الفحص تلقائيًا بمجرد أن يصبحا صالحين.",
  "checks.policyLink": "القواعد التي يُقيَّم بموجبها طلب الدمج هذا واردة في [سياسة الشراكة]({policyUrl}).",

  // Stakeholder declaration
  "checks.declaration.missingHeading": "من لم يقدِّم إقراره بعد",
  "checks.declaration.howHeading": "كيفية تقديم الإقرار",
  "checks.declaration.how":
    "أضِف إدخالًا واحدًا لكل شخص إلى [{registryPath}]({registryUrl}) في الفرع {branch}، تحت `stakeholders:`. وفيما يلي إدخال جاهز للصق، مؤرخ بتاريخ اليوم ({today, date, utc}): اختر قيمة `sector` من بين المعرِّفات المذكورة بعده، واكتب اسم منظمتك وأي تضارب في المصالح (ولا بأس بكتابة `none`). وإن كان لديك إدخال بالفعل، فحدِّثه بدلًا من إضافة إدخال ثانٍ: فالتجديد لا يتطلب سوى وضع تاريخ اليوم في `declared`.",
  "checks.declaration.merge":
    "يمكنك إضافة إدخالك في طلب الدمج هذا أو في طلب دمج مستقل. والتغييرات في السجل هي قرارات تتخذها الشراكة: فقد يلزم أن يوافق عليها أحد القائمين على السجل ويدمجها.",
  "checks.declaration.declaredHeading": "الإقرارات المقدَّمة",
  "checks.declaration.declared":
    "**{login}**: {sector}، {organisation}، {inThisPr, select, yes {قُدِّم الإقرار في طلب الدمج هذا} other {قُدِّم الإقرار في {date, date, utc}}}",
  "checks.declaration.exemptHeading": "من لا يُطلب منهم تقديم إقرار",
  "checks.declaration.exempt": "**{login}**: {why, select, bot {حساب آلي (bot)} other {معفى بموجب السياسة}}",
  "checks.declaration.nobody": "لا يتعين على أحد في طلب الدمج هذا تقديم إقرار.",
  "checks.reason.no-entry": "**{login}** ليس له إدخال في السجل.",
  "checks.reason.no-id": "**{login}**: لا يذكر الإقرار معرّف الحساب `id`. أضف إلى الإدخال المعرّف الرقمي لحساب GitHub، كما في الإدخال أدناه.",
  "checks.entry.idHint": "معرّف الحساب على GitHub؛ لا تغيّره",
  "checks.entry.idUnknown": "id: معرّف الحساب على GitHub، من gh api users/{login} --jq .id",
  "checks.reason.expired": "**{login}**: انتهت صلاحية الإقرار في {date, date, utc}. جدِّده بوضع تاريخ اليوم في `declared`.",
  "checks.reason.not-yet":
    "**{login}**: الإقرار مؤرخ في {date, date, utc}، وهو تاريخ لاحق لليوم؛ ولا يُعتدّ به إلا ابتداءً من ذلك اليوم. استخدم تاريخ اليوم أو انتظر حلول ذلك التاريخ.",
  "checks.reason.unknown-sector":
    "**{login}**: القطاع «{sector}» الوارد في الإقرار ليس من قطاعات السياسة. اختر أحد القطاعات المذكورة في السياسة.",
  "checks.reason.invalid-date":
    "**{login}**: التاريخ «{value}» الوارد في الإقرار ليس تاريخًا حقيقيًا. اكتبه بالصيغة YYYY-MM-DD، مثل 2026-03-01.",
  "checks.reason.no-account":
    "أُنشئ الإيداع (commit) `{sha}`{hasName, select, yes { الذي أجراه {name}} other {}}{hasLogin, select, yes { ({login})} other {}} بعنوان بريد إلكتروني لا يربطه GitHub بأي حساب، ولذا لا يمكن معرفة من أجراه ولا ما إذا كان قد قدَّم إقراره. فإما أن تضيف عنوان البريد الإلكتروني هذا إلى حسابك على GitHub (الإعدادات Settings، ثم Emails؛ فيُربط الإيداع بك عندئذ)، وإما أن تعدِّل الإيداع بعنوان بريد إلكتروني تابع لحسابك (`git commit --amend --reset-author`، أو `git rebase` للإيداعات الأقدم) ثم تدفعه (push) من جديد.",
  "checks.entry.sectorHint": "أحد ما يلي: {ids}",
  "checks.entry.organisationHint": "المنظمة التي تمثلها",
  "checks.entry.interestsHint": "أي تضارب في المصالح، أو none",

  // Multi-sector sign-off
  "checks.signoff.notDecision":
    "لا يغيِّر طلب الدمج هذا أي ملف ولا يحمل أي تسمية (label) تجعله السياسة قرارًا، ولذا لا يحتاج إلى الموافقة متعددة القطاعات.",
  "checks.signoff.otherBase":
    "طلب الدمج هذا موجَّه إلى `{base}`، لا إلى الفرع الافتراضي `{defaultBranch}`: لا يُحكم إلا على طلبات الدمج الموجَّهة إلى الفرع الافتراضي، ولا يُسجَّل هذا الطلب أبدًا. وما يأتي به يصل إلى `{defaultBranch}` عبر طلب دمج آخر يُحكم عليه حينئذ. ولا تُحتسب الموافقات المقدَّمة هنا إذا أُعيد توجيهه إلى `{defaultBranch}`.",
  "checks.signoff.kindStatus":
    "**{name}**: {holds, select, yes {حظي بالموافقة متعددة القطاعات} other {لم يحظَ بالموافقة متعددة القطاعات بعد}} {mark}{hasUnmet, select, yes { ({unmet})} other {}}",
  "checks.signoff.blockedBy":
    "{count, plural, zero {لا يوجد اعتراض يحول} one {ثمة اعتراض يحول} two {ثمة اعتراضان يحولان} few {ثمة # اعتراضات تحول} many {ثمة # اعتراضًا تحول} other {ثمة # اعتراض تحول}} دون دمج طلب الدمج هذا ({who}). ويظل الاعتراض قائمًا إلى أن يوافق صاحبه نفسه أو يمتنع عن التصويت أو يتنحّى أو يلغي مراجعته بنفسه؛ ولا يرفعه إلغاء المراجعة من أي شخص آخر.",
  "checks.signoff.memoGap":
    "تعذّر على التطبيق العثور على ذاكرته للأوامر التي رآها في طلب الدمج هذا (المحفوظة في عمليات التحقق الخاصة به على رؤوس سابقة صارت الآن خارج متناوله: رأس لم يعد GitHub يقدّمه، أو رأس استُبدل قبل أن يقيّمه التطبيق، أو سجل أطول مما يقرؤه). ومنذ ذلك الحين حذف شخص آخر تعليقًا لـ {people} أو عُدِّل، فربما نُسي امتناع أو تنحٍّ ورد فيه، ولا يسحب الموقف إلا صاحبه. وإلى أن {count, plural, zero {يعيد} one {يعيد هذا الشخص} two {يعيد كلٌّ منهما} few {يعيد كلٌّ منهم} many {يعيد كلٌّ منهم} other {يعيد كلٌّ منهم}} إبداء موقفه (الموافقة، أو طلب تغييرات، أو `/governance abstain` أو `/governance recuse` في تعليق جديد)، لا يُعدّ طلب الدمج هذا مُوقَّعًا. ولا يستطيع أحد غيرهم رفع هذا الحظر: يمكن للأمانة أن تطلب منهم ذلك، أو أن يفتح صاحب الطلب طلب دمج جديدًا.",
  "checks.signoff.commentPeriod":
    "فترة التعليق على **{name}** ({hours, plural, zero {صفر ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعةً} other {# ساعة}}): {over, select, yes {انتهت في} other {تنتهي في}} {end, time, utc}",
  "checks.signoff.details": "ترد أدناه قاعدة كل نوع من أنواع القرارات، مع أرقامها، وكل صوت لم يُحتسب.",
  "checks.signoff.warningsHeading": "تحذيرات",
  "checks.signoff.kindHeading": "{name} ({id}) {mark}",
  "checks.signoff.ruleHeading": "القاعدة",
  "checks.signoff.sectorsHeading": "القطاعات",
  "checks.signoff.objectionsHeading": "الاعتراضات",
  "checks.signoff.noObjections": "لا توجد اعتراضات.",
  "checks.signoff.objection":
    "**{login}** ({sector}): {blocking, select, yes {يحول دون الدمج إلى أن يوافق صاحبه أو يمتنع عن التصويت أو يتنحّى أو يلغي مراجعته بنفسه} other {مُسجَّل، ولا يحول دون الدمج}}",
  "checks.signoff.objectionDismissed":
    "{hasBy, select, yes {ألغى **{by}**} other {ألغى شخصٌ لا يسمّيه GitHub}} هذه المراجعة في {at, date, utc}؛ ولا يسحب الاعتراض إلا صاحبه، ولذا يظل قائمًا.",
  "checks.signoff.notCountedHeading": "ما لم يُحتسب",
  "checks.signoff.notCounted": "**{login}** ({source, select, review {مراجعة} other {تعليق}}): {why}",
  "checks.notCounted.undeclared": "ليس له إقرار في السجل",
  "checks.notCounted.expired": "انتهت صلاحية الإقرار",
  "checks.notCounted.not-yet": "الإقرار مؤرخ بتاريخ لاحق لليوم",
  "checks.notCounted.unknown-sector": "القطاع المذكور في الإقرار ليس من قطاعات السياسة",
  "checks.notCounted.invalid-date": "تاريخ الإقرار ليس تاريخًا حقيقيًا",
  "checks.notCounted.no-id": "لا يذكر الإقرار معرّف الحساب",
  "checks.notCounted.author": "مقدِّم طلب الدمج لا يشارك في الموافقة عليه",
  "checks.notCounted.bot": "الحساب الآلي (bot) لا يصوِّت",
  "checks.notCounted.earlier-commit": "وافق على إيداع سابق؛ والمطلوب موافقة على أحدث إيداع",
  "checks.notCounted.over-cap": "موافقات هذا القطاع تتجاوز العدد الذي تحتسبه القاعدة",
  "checks.notCounted.edited-comment": "الأمر وارد في تعليق عُدِّل؛ انشره مجددًا في تعليق جديد",
  "checks.notCounted.observer": "المراقب (voter: false في السجل) لا يصوِّت",
  "checks.notCounted.recused": "تنحّى عن طلب الدمج هذا",
  "checks.notCounted.other-base": "وافق حين كان طلب الدمج موجَّهًا إلى فرع آخر؛ وافق مجددًا الآن وقد صار موجَّهًا إلى الفرع الافتراضي",
  "checks.table.sector": "القطاع",
  "checks.table.approvers": "الموافقات المحتسبة",
  "checks.table.no": "المعارضون",
  "checks.table.abstain": "الممتنعون عن التصويت",
  "checks.table.recused": "المتنحّون",
  "checks.table.voters": "أصحاب حق التصويت",
  "checks.scope.all": "جميع القطاعات",
  "checks.scope.pooled": "جميع القطاعات مجتمعة",
  "checks.scope.each": "كل قطاع",
  "checks.cond.all": "جميع ما يلي {mark}",
  "checks.cond.any": "واحد على الأقل مما يلي {mark}",
  "checks.cond.carried": "(هذا البديل هو الذي حسم القرار)",
  "checks.cond.head": "{type, select, quorum {النصاب القانوني} other {الموافقات}} في {scope} {mark}",
  "checks.cond.sectors":
    "القطاعات: {n, plural, zero {لم يوافق أي قطاع} one {وافق قطاع واحد} two {وافق قطاعان} few {وافقت # قطاعات} many {وافق # قطاعًا} other {وافق # قطاع}}، والمطلوب {k} على الأقل {mark}",
  "checks.cond.include": "؛ ويجب أن تشمل {sectors}{hasMissing, select, yes {، ولا يزال ينقص: {missing}} other {}}",
  "checks.cond.sectorsWithoutVoters":
    "({sectors}: لا يوجد أصحاب حق في التصويت، ولذا لا يمكن أن يتحقق هذا الشرط إلى أن يقدِّم أحد من هذا القطاع إقراره)",
  "checks.cond.count":
    `{scope}: {n, plural, zero {لم تُحتسب أي موافقة} one {احتُسبت موافقة واحدة} two {احتُسبت موافقتان} few {احتُسبت # موافقات} many {احتُسبت # موافقةً} other {احتُسبت # موافقة}}، والمطلوب ${OP} {k}{cap, select, none {} other { (لا يُحتسب أكثر من {cap} لكل قطاع)}} {mark}`,
  "checks.cond.share":
    `{scope}: {of, select, cast {بلغت الأصوات الموافِقة {n} من أصل {d} من الأصوات المُدلى بها} present {وافق {n} من أصل {d} من أصحاب حق التصويت الحاضرين} other {وافق {n} من أصل {d} من أصحاب حق التصويت المسجلين}} ({pct, number, ::percent .#}، والمطلوب ${OP} ${THRESHOLD}) {mark}`,
  "checks.cond.shareEqual":
    `{scope}، مع ترجيح كل قطاع بالتساوي: بلغ متوسط نسبة الموافقة {pct, number, ::percent .#} (والمطلوب ${OP} ${THRESHOLD}) {mark}`,
  "checks.cond.shareEqualMissing": `{scope}، مع ترجيح كل قطاع بالتساوي: لا يوجد متوسط بعد، لأن {count, plural, one {القطاع {sectors} ليس فيه} other {القطاعات {sectors} ليس فيها}} {of, select, cast {أصوات مُدلى بها} present {أصحاب حق تصويت حاضرون} other {أصحاب حق تصويت مسجلون}} (والمطلوب في المتوسط ${OP} ${THRESHOLD}) {mark}`,
  "checks.cond.quorum":
    `{scope}: شارك {n} من أصل {d} من أصحاب حق التصويت المسجلين ({pct, number, ::percent .#}، والمطلوب ${OP} ${THRESHOLD}) {mark}`,
  "checks.cond.nobody":
    "{scope}: لا أحد يُحتسب ({type, select, quorum {لا يوجد أصحاب حق تصويت مسجلون} other {{of, select, cast {لم يُدلَ بأي صوت} present {لا يوجد أصحاب حق تصويت حاضرون} other {لا يوجد أصحاب حق تصويت مسجلون}}}})؛ والنسبة من لا أحد لا تتحقق أبدًا {mark}",
  "checks.cond.noVoters":
    "{scope}: ليس في هذا القطاع أي صاحب حق في التصويت، ولذا لا يمكن أن يتحقق هذا الشرط إلى أن يقدِّم أحد منه إقراره {mark}",

  // A GitHub error while gathering facts
  "checks.error.title": "تعذرت قراءة طلب الدمج هذا من GitHub",
  "checks.error.what":
    "ردَّ GitHub بخطأ{hasStatus, select, yes { (HTTP {status})} other {}} أثناء قراءة التطبيق لطلب الدمج هذا، ولذا تعذَّر البت في أي شيء. ويُخفق الفحص بدلًا من أن ينجح استنادًا إلى وقائع تعذرت قراءتها.",
  "checks.error.requestId": "معرِّف الطلب لدى GitHub: {id}. اذكره إذا تواصلت مع دعم GitHub.",
  "checks.error.noRequestId": "لم يقدِّم GitHub أي معرِّف للطلب.",
  "checks.error.rerun":
    "هذا الخطأ مؤقت في العادة. أعِد تشغيل الفحص بالزر **Re-run** الخاص بهذا الفحص، أو اكتب التعليق `/governance check` على طلب الدمج.",
  "checks.error.message": "رسالة GitHub: {message}",

  // The instruction comment
  "checks.comment.heading": "يُرجى الإقرار بالجهة التي تمثلها",
  "checks.comment.why":
    "أهلًا بك، وشكرًا على مساهمتك! ينتمي هذا المستودع إلى شراكة تضم عدة قطاعات (مثل الحكومة وقطاع الأعمال والمجتمع المدني). ولكي يتمكن الجميع من معرفة من يتحدث باسم من، يسجِّل كل مساهم مرةً واحدة القطاعَ والمنظمةَ اللذين يمثلهما، وأي تضارب في المصالح، في ملف مشترك يُسمى السجل. ويمكن دمج طلب الدمج هذا بعد إتمام ذلك لكل من:",
  "checks.comment.steps":
    "طريقة ذلك، في بضع دقائق:\n\n1. افتح [{registryPath}]({registryUrl}) في الفرع {branch} وانقر على أيقونة القلم لتحريره.\n2. تحت `stakeholders:`، الصق {count, plural, zero {الإدخالات الواردة} one {الإدخال الوارد} two {الإدخالين الواردين} few {الإدخالات الواردة} many {الإدخالات الواردة} other {الإدخالات الواردة}} أدناه، واختر قيمة `sector` من بين المعرِّفات المذكورة بعد كل إدخال، واكتب اسم منظمتك وأي تضارب في المصالح (ولا بأس بكتابة `none`). والتاريخ هو تاريخ اليوم ({today, date, utc}). وإن كان لديك إدخال بالفعل، فيكفي تغيير تاريخه في `declared`، أو تصحيح ما تذكر القائمة أعلاه أنه خاطئ.\n3. اقترح التغيير في طلب دمج (pull request) جديد (أو أضِفه إلى هذا الطلب).",
  "checks.comment.entryFor": "إدخال **{login}**:",
  "checks.comment.after":
    "التغييرات في السجل هي قرارات تتخذها الشراكة: فقد يلزم أن يوافق أحد القائمين على السجل على تغييرك ويدمجه. وسيُعاد تشغيل الفحص على طلب الدمج هذا تلقائيًا بمجرد أن يتضمن السجل إدخالك، وعندئذ سيتحول هذا التعليق إلى رسالة شكر.",
  "checks.comment.help": "هل لديك أسئلة؟ اطرحها في تعليق هنا. ويمكنك أيضًا كتابة التعليق `/governance check` لإعادة تشغيل الفحص.",
  "checks.comment.thanks":
    "شكرًا لك: قدَّم الآن كل من في طلب الدمج هذا إقراره بالجهة التي يمثلها في [السجل]({registryUrl}). لا يلزمك أي إجراء آخر في هذا الشأن.",

  // The simulate command (src/cli/simulate.ts)
  "checks.simulate.usage":
    "الاستخدام: partnership-governance simulate --config FILE --registry FILE --pr PR.json [--now DATE] [--json] [--lang en|fr|es|ru|zh|ar]",
  "checks.simulate.usage.args": "simulate: {detail}",
  "checks.simulate.usage.missing": "simulate: ينقص {options}",
  "checks.simulate.usage.now": "simulate: القيمة {value} للخيار --now ليست تاريخًا (2026-11-28) ولا تاريخًا ووقتًا (2026-11-28T14:00:00Z)",
  "checks.simulate.usage.lang": "simulate: القيمة {value} للخيار --lang ليست إحدى اللغات en أو fr أو es أو ru أو zh أو ar",
  "checks.simulate.read": "تتعذر قراءة {file} ({detail})",
  "checks.simulate.pr.json": "{file} ليس JSON صالحًا: {detail}",
  "checks.simulate.pr.problem": "{file}: {field}: {problem}",
  "checks.simulate.pr.unknownKeys": "مفتاح غير معروف {keys}",
  "checks.simulate.pr.missing": "مفقود",
  "checks.simulate.pr.type": "يجب أن يكون من النوع {expected}",
  "checks.simulate.pr.oneOf": "يجب أن يكون إحدى القيم {values}",
  "checks.simulate.pr.time": "يجب أن يكون تاريخًا ووقتًا مثل 2026-11-20T10:00:00Z",
  "checks.simulate.pr.invalid": "غير صالح",
  "checks.simulate.check": "{name}: {outcome, select, success {نجاح} failure {إخفاق} other {قيد الانتظار}}",
  "checks.simulate.input-invalid":
    "تعذرت قراءة المدخلات: {count, plural, zero {لا مشكلات} one {مشكلة واحدة} two {مشكلتان} few {# مشكلات} many {# مشكلة} other {# مشكلة}}",
} satisfies Record<string, string>;
