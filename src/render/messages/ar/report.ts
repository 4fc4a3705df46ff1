// Arabic messages of the "report" area (the same keys as en/report.ts). Reports are public
// record, read by the public and auditors: formal wording.
const PROBLEM =
  "{problem, select, edited {قد عُدِّل} deleted {قد حُذف} inserted {قد أُدرج} reordered {قد نُقل من موضعه في الترتيب} other {قد أصبح غير مقروء}}";

export const report = {
  "report.heading": "تقرير الشفافية الخاص بـ {repo} عن الفترة {period}",
  "report.intro":
    "من {start} إلى {end} (بالتوقيت العالمي المنسق UTC، دون احتساب تاريخ النهاية). أُعِدّ هذا التقرير استنادًا إلى قيود سجل الشفافية، وتاريخ سجل أصحاب المصلحة، وقائمة طلبات الدمج.",
  "report.decisions": "القرارات المسجَّلة",
  "report.adopted": "القرارات المعتمدة ({count, number})",
  "report.withdrawn": "القرارات المسحوبة ({count, number})",
  "report.noDecisions": "لم يُسجَّل أي قرار في هذه الفترة.",
  "report.col.record": "القيد",
  "report.col.pr": "طلب الدمج",
  "report.col.kinds": "الأنواع",
  "report.col.author": "مقدِّم الطلب",
  "report.col.signoff": "الموافقة متعددة القطاعات",
  "report.col.closed": "تاريخ الإغلاق",
  "report.col.sector": "القطاع",
  "report.col.approvals": "الموافقات",
  "report.col.objections": "الاعتراضات",
  "report.col.opened": "طلبات الدمج المقدَّمة",
  "report.col.login": "اسم المستخدم",
  "report.col.organisation": "المنظمة",
  "report.col.declared": "تاريخ الإقرار",
  "report.col.lastDay": "سارٍ حتى",
  "report.col.prs": "طلبات الدمج",
  "report.signoff.held": "مستوفاة",
  "report.signoff.notHeld": "غير مستوفاة",
  "report.undeclaredSector": "لا يوجد إقرار",
  "report.closedEarlier": "أُغلق في {period}",
  "report.closedEarlier.note":
    "{count, plural, zero {لم يُكتب في هذه الفترة أي قيد عن طلب دمج أُغلق في فترة سابقة} one {كُتب في هذه الفترة قيد واحد عن طلب دمج أُغلق في فترة سابقة} two {كُتب في هذه الفترة قيدان عن طلبات دمج أُغلقت في فترات سابقة} few {كُتبت في هذه الفترة # قيود عن طلبات دمج أُغلقت في فترات سابقة} many {كُتب في هذه الفترة # قيدًا عن طلبات دمج أُغلقت في فترات سابقة} other {كُتب في هذه الفترة # قيد عن طلبات دمج أُغلقت في فترات سابقة}} (انظر الإشارة «أُغلق في …» في الجدول).",
  "report.overrides": "ما دُمج دون الموافقة متعددة القطاعات",
  "report.overrides.none": "لم يُدمج أي طلب دمج دون الموافقة متعددة القطاعات.",
  "report.overrides.some":
    "{count, plural, zero {لم يُدمج أي طلب دمج} one {دُمج طلب دمج واحد} two {دُمج طلبا دمج} few {دُمجت # طلبات دمج} many {دُمج # طلبَ دمج} other {دُمج # طلب دمج}} في حين لم تكن الموافقة متعددة القطاعات مستوفاة:",
  "report.open": "القرارات التي لا تزال مفتوحة",
  "report.open.none": "لا يوجد أي قرار مفتوح.",
  "report.participation": "المشاركة حسب القطاع",
  "report.participation.note":
    "الموافقات والاعتراضات المحتسبة في القرارات المسجَّلة في هذه الفترة؛ وطلبات الدمج المقدَّمة خلالها، حسب قطاع مقدِّم كل طلب.",
  "report.participation.undeclared": "لا يوجد إقرار",
  "report.chart.title": "الموافقات المحتسبة حسب القطاع",
  "report.chart.none": "لم تُحتسب أي موافقة في هذه الفترة.",
  "report.declarations": "الإقرارات",
  "report.declarations.added": "الإقرارات المضافة ({count, number})",
  "report.declarations.renewed": "الإقرارات المجدَّدة ({count, number})",
  "report.declarations.expiring":
    "الإقرارات التي تنتهي صلاحيتها خلال {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} من نهاية الفترة ({count, number})",
  "report.declarations.expired": "الإقرارات التي انتهت صلاحيتها خلال الفترة ({count, number})",
  "report.declarations.none": "لا شيء",
  "report.undeclared": "طلبات الدمج المقدَّمة دون إقرار",
  "report.undeclared.none": "كان لدى كل من قدَّم طلب دمج إقرار سارٍ.",
  "report.chain": "سلسلة التجزئة",
  "report.chain.head": "رأس السلسلة: {hash}",
  "report.chain.empty": "لا يحتوي السجل على أي قيد بعد.",
  "report.chain.intact":
    "نتيجة التحقق: السلسلة المؤلفة من {count, plural, zero {# قيد} one {قيد واحد} two {قيدين} few {# قيود} many {# قيدًا} other {# قيد}} سليمة.",
  "report.chain.tampered": `أخفق التحقق: تبيَّن أن القيد {seq} (طلب الدمج {pr}) ${PROBLEM}.`,
  "report.chain.tamperedNoPr": `أخفق التحقق: تبيَّن أن القيد {seq} ${PROBLEM}.`,
  "report.chain.howto":
    "يستطيع أي شخص التحقق من السلسلة: فنص JSON في كل قيد يتضمن قيمة `hash` الخاصة به وقيمة `prev` للبصمة التي يتصل بها (انظر ملف README).",
  "report.continued": "التتمة رقم {part, number} لتقرير الشفافية عن {period}.",
  "report.logClosed": "انتهت الفترة {period}؛ وتقرير الشفافية الخاص بها هو {url}.",
  "report.logClosedNoReport": "انتهت الفترة {period}، وفُتح سجل الفترة التالية.",
  "report.cli.usage":
    "الاستخدام: partnership-governance report --repo OWNER/NAME [--period P] [--dry-run]\n\nيُعِدّ تقرير الشفافية عن الفترة P (2026-W48 أو 2026-11 أو 2026-Q4؛ القيمة الافتراضية: آخر فترة منتهية) وينشره في مسألة (issue)، أو يطبعه عند استخدام --dry-run. بيانات الاعتماد: GITHUB_TOKEN، أو APP_ID و PRIVATE_KEY؛ و GITHUB_API_URL لـ GitHub Enterprise.",
  "report.cli.badArgs": "{message}",
  "report.cli.unknownOption": "`{option}` ليس خيارًا من خيارات هذا الأمر.",
  "report.cli.badRepo": "`{value}` ليس مستودعًا: اكتبه بالصيغة OWNER/NAME.",
  "report.cli.needRepo": "الخيار --repo OWNER/NAME مطلوب.",
  "report.cli.badPeriod": "`{value}` ليس فترة: اكتب 2026-W48 أو 2026-11 أو 2026-Q4.",
  "report.cli.noCredentials": "لا توجد بيانات اعتماد لـ GitHub: اضبط GITHUB_TOKEN، أو APP_ID و PRIVATE_KEY.",
  "report.cli.notGoverned": "{repo} غير خاضع للحوكمة: ليس فيه ملف .github/governance.yml (ولا لدى منظمته).",
  "report.cli.invalidPolicy":
    "في سياسة {repo} أخطاء؛ شغِّل `partnership-governance validate` في نسخة محلية من المستودع للاطلاع عليها.",
  "report.cli.notEnded": "لم تنتهِ الفترة {period} بعد: لا يمكن سوى معاينة تقريرها باستخدام --dry-run.",
  "report.cli.published": "نُشر تقرير الشفافية عن {period}: {url}",
  "report.cli.exists": "سبق نشر تقرير الشفافية عن {period}: {url}",
  "report.cli.empty": "لم يحدث شيء في {period} (لم يُقدَّم أي طلب دمج، ولم يُسجَّل أي قيد): لا يوجد تقرير.",
  "report.cli.failed": "تعذرت القراءة من GitHub أو الكتابة فيه: {message}",
} satisfies Record<string, string>;
