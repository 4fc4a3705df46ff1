// Arabic messages of the "record" area (the same keys as en/record.ts). Records are public
// record: formal wording. Field names of the JSON copy are never translated (not in the catalog).
const PROBLEM =
  "{problem, select, edited {قد عُدِّل} deleted {قد حُذف} inserted {قد أُدرج} reordered {قد نُقل من موضعه في الترتيب} foreign {قد كتبه غير التطبيق} unanchored {قد تُرك بلا مرساة} other {قد أصبح غير مقروء}}";

export const record = {
  "record.heading":
    "{outcome, select, adopted {القيد {seq}: اعتُمد القرار} pushed {القيد {seq}: دفع مباشر إلى الفرع الافتراضي} other {القيد {seq}: سُحب القرار}}",
  "record.mergedWithoutSignoff":
    "**دُمج دون الموافقة متعددة القطاعات:** دُمج طلب الدمج هذا في حين لم تكن الموافقة متعددة القطاعات عليه مستوفاة (تجاوزٌ بقرار من أحد المسؤولين الإداريين).",
  "record.pullRequest": "طلب الدمج",
  "record.kinds": "أنواع القرار",
  "record.author": "مقدِّم الطلب",
  "record.authorSector": "{login} ({sector})",
  "record.authorUndeclared": "{login} (لا يوجد إقرار سارٍ)",
  "record.signedOff": "الموافقة متعددة القطاعات",
  "record.signedOff.value":
    "{held, select, yes {كانت مستوفاة عند إغلاق طلب الدمج} other {لم تكن مستوفاة عند إغلاق طلب الدمج}}",
  "record.approvals": "الموافقات المحتسبة",
  "record.approvals.sector": "{sector}: {logins}",
  "record.objections": "الاعتراضات",
  "record.objection": "{login} ({sector})",
  "record.opened": "تاريخ الفتح",
  "record.closed": "تاريخ الإغلاق",
  "record.mergeCommit": "إيداع الدمج",
  "record.none": "لا يوجد",
  "record.field": "{label}:",
  "record.votes": "الأصوات حسب القطاع",
  "record.votes.sector": "القطاع",
  "record.votes.yes": "المؤيدون",
  "record.votes.no": "المعارضون",
  "record.votes.abstain": "الممتنعون عن التصويت",
  "record.votes.recused": "المتنحّون",
  "record.carriedBy": "اعتُمد «{kind}» بموجب البديل {branch} من قاعدته.",
  "record.json":
    "القيد بصيغة JSON. قيمة `hash` فيه هي بصمة SHA-256 للقيد من دون `hash`، وفق مخطط توحيد صيغة JSON (JSON Canonicalization Scheme, RFC 8785)؛ وقيمة `prev` هي بصمة القيد السابق.",
  "record.log.intro":
    "هذه المسألة (issue) هي السجل العام للقرارات التي أُغلقت في {period}. يضيف التطبيق قيدًا واحدًا لكل قرار عند إغلاق طلب الدمج الخاص به؛ ويرتبط كل قيد بالقيد السابق له عن طريق بصمته (hash)، بحيث يمكن كشف أي تعديل للقيود أو حذف لها أو تغيير لترتيبها.",
  "record.log.comments": "تعليقات الأشخاص مُرحَّب بها هنا، ولكنها ليست جزءًا من السجل.",
  "record.log.duplicate": "هذه المسألة تكرار لسجل الفترة نفسها {url}، وقد أُغلقت؛ ويستمر السجل هناك.",
  "record.log.closedNoReport": "أُغلق سجل {period}: فقد فُتح سجل الفترة التالية.",
  "record.verify.usage":
    "الاستخدام: partnership-governance verify --repo OWNER/NAME [--period P] [--app SLUG] [--json]\n\nيقرأ جميع قيود السجل على GitHub (ومع --period، حتى تلك الفترة شاملةً إياها)، ويعيد حساب كل بصمة وكل رابط، ويقارن كل قيد بمرساته (فحص `Transparency record` الخاص بالتطبيق) وكل مرساة بالسجل، ويحدد كل قيد عُدِّل (تغيَّر نصه أو عُدِّل تعليقه بأي شكل) أو حُذف أو أُدرج أو غُيِّر ترتيبه أو كتبه غير التطبيق (SLUG[bot]؛ افتراضيًا التطبيق الذي تُستخدم بيانات اعتماده) أو تُرك بلا مرساة. يطبع --json كائن JSON واحدًا (ok وcount وhead وproblems). حالة الخروج: 0 سليم، 1 تعرَّض للعبث، 2 خطأ. بيانات الاعتماد: GITHUB_TOKEN (مع --app)، أو APP_ID و PRIVATE_KEY؛ و GITHUB_API_URL لـ GitHub Enterprise.",
  "record.verify.intact":
    "سليم: {count, plural, =0 {لا يحتوي السجل على أي قيد} zero {لا يحتوي السجل على أي قيد} one {قيد واحد} two {قيدان} few {# قيود} many {# قيدًا} other {# قيد}}{count, plural, =0 {} zero {} one {، رأس السلسلة {head}} two {، رأس السلسلة {head}} few {، رأس السلسلة {head}} many {، رأس السلسلة {head}} other {، رأس السلسلة {head}}}",
  "record.verify.tampered":
    `تعرَّض للعبث: تبيَّن أن القيد {seq} ({pr, select, none {طلب الدمج غير معروف} other {طلب الدمج {pr}}}) ${PROBLEM}`,
  "record.verify.where": "في {url}",
  "record.verify.detail": "التفاصيل: {detail}",
  "record.pushedWithoutPr": "**دفع مباشر إلى الفرع الافتراضي:** وصل هذا الإيداع إلى الفرع الافتراضي دون طلب دمج، ومن ثَمّ دون أي إقرار.",
  "record.forcePushed": "**دفع قسري:** لم يتقدّم الفرع الافتراضي: أرجعه هذا الدفع إلى الوراء أو استبدل تاريخه، ويُحكم عليه بكل ما يختلف عن الفرع قبله، بما في ذلك ما أزاله.",
  "record.judgedBy": "**القواعد غير صالحة:** كانت السياسة على الفرع الافتراضي قبل هذا الدفع غير صالحة، لذا يُسجَّل هذا الدفع أيًّا كان ما غيّره، ويُحكم عليه بآخر قواعد صالحة، وهي قواعد الإيداع {commit}.",
  "record.defaultBranchSwitched": "**تغيير الفرع الافتراضي** من {from} إلى {to}: تأتي القواعد والملفات الخاضعة للحوكمة الآن من فرع آخر، ويُحكم على ذلك بقواعد {from} قبل التغيير.",
  "record.pusher": "دفعه",
  "record.commit": "الإيداع",
  "record.rules": "حُكم عليه بقواعد الإيداع",
  "record.anchor.title": "القيد {seq} من سجل الشفافية",
  "record.anchor.summary": "يثبّت هذا الفحص القيد {seq} من سجل الشفافية للمستودع ({url}). لا يستطيع كتابته أو تغييره إلا التطبيق، ولا يستطيع أحد حذفه، ولذلك يقارنه `verify` بالسجل.\n\n- seq: {seq}\n- hash: `{hash}`\n- prev: `{prev}`",
  "record.anchor.follows": "هذه نسخة مكتوبة على إيداع القيد {prevSeq}، القيد السابق له: يجد `verify` القيد {seq} من هنا حتى إذا لم يعد الإيداع الخاص بالقيد {seq} (`{commit}`) على أي فرع.",
  "record.verify.needApp": "أي تطبيق كتب السجل؟ حدِّد --app SLUG (اسم التطبيق في عنوانه github.com/apps/SLUG)، أو شغِّل الأمر باستخدام APP_ID و PRIVATE_KEY الخاصين بالتطبيق.",
  "record.verify.badApp": "`{value}` ليس معرِّف تطبيق (حروف وأرقام وشرطات)",
} satisfies Record<string, string>;
