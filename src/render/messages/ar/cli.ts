// Arabic messages of the "cli" area (the same keys as en/cli.ts).
export const cli = {
  "cli.usage.main":
    "الاستخدام: partnership-governance <command> [options]\n\nالأوامر:\n  validate   التحقق من سياسة وسجل محفوظين على القرص\n  simulate   عرض ما ستقوله الفحوص عن طلب دمج موصوف في ملف\n  report     إعداد تقرير الشفافية لفترة ما ونشره\n  verify     التحقق من سلسلة التجزئة في سجل الشفافية\n  sweep      دورة واحدة للمُجدوِل على جميع عمليات التثبيت\n\nشغِّل `partnership-governance <command> --help` لعرض خيارات أي أمر.",
  "cli.usage.validate":
    "الاستخدام: partnership-governance validate [--config FILE] [--registry FILE] [--lang LANG]\n\n  --config FILE     السياسة (القيمة الافتراضية .github/governance.yml)\n  --registry FILE   السجل (القيمة الافتراضية: قيمة `registry` في السياسة، إن كانت مسارًا في هذا المستودع)\n  --lang LANG       لغة الرسائل: en أو fr أو es أو ru أو zh أو ar (القيمة الافتراضية en)\n\nحالة الخروج: 0 صالح (مع جواز وجود تحذيرات)، 1 وُجدت مشكلات، 2 استخدام خاطئ أو ملف تتعذر قراءته.",
  "cli.error.unknown-command": "`{command}` ليس أمرًا.",
  "cli.error.unknown-option": "`{option}` ليس خيارًا من خيارات هذا الأمر.",
  "cli.error.missing-value": "الخيار `{option}` يحتاج إلى قيمة.",
  "cli.error.bad-language": "`{value}` ليست لغة من لغات التطبيق. استخدم إحدى اللغات التالية: {allowed}.",
  "cli.error.unreadable": "تتعذر قراءة `{file}`: {reason, select, missing {لا يوجد ملف بهذا الاسم} directory {إنه مجلد} denied {لا يوجد إذن بقراءته} other {{reason}}}.",
  "cli.error.unexpected": "حدث خطأ داخل البرنامج: {message}",
  "cli.validate.registry-needed":
    "سجل السياسة هو `{ref}`، وهو في مستودع آخر. قدِّم نسخة منه باستخدام `--registry FILE` للتحقق منه.",
  "cli.validate.registry-absent": "لا يوجد ملف سجل `{file}`: لم يقدّم أحد إقراره، فيفشل فحص الإقرار لكل مساهم ولا يمكن إقرار أي قرار ما دام غير موجود. أنشئه (يدمج المسؤول الملف الأول)، أو حدّد مساره عبر `--registry`.",
  "cli.validate.registry-skipped": "لم يُتحقَّق من السجل، لأن في السياسة مشكلات.",
  "cli.validate.registry-no-base": "لم يُتحقَّق من السجل، لأن السياسة الأساسية لم تكن متاحة.",
  "cli.validate.valid":
    "{files} {count, plural, zero {صالحة} one {صالح} two {صالحان} few {صالحة} many {صالحة} other {صالحة}}{warnings, plural, =0 {.} zero {.} one {، مع تحذير واحد.} two {، مع تحذيرين.} few {، مع # تحذيرات.} many {، مع # تحذيرًا.} other {، مع # تحذير.}}",
  "cli.validate.invalid":
    "{errors, plural, zero {لا توجد أي مشكلة} one {مشكلة واحدة} two {مشكلتان} few {# مشكلات} many {# مشكلةً} other {# مشكلة}}{warnings, plural, =0 {} zero {} one { وتحذير واحد} two { وتحذيران} few { و# تحذيرات} many { و# تحذيرًا} other { و# تحذير}} في {files}.",
  "cli.error.unreachable":
    "تعذر الوصول إلى GitHub على {url} ‏({reason}). تحقق من اتصال هذا الجهاز بالشبكة، أو من GITHUB_API_URL لـ GitHub Enterprise.",
  "cli.error.timeout":
    "لم يُجب GitHub على {url} خلال {seconds} ثانية. أعد المحاولة لاحقًا، أو امنح وقتًا أطول عبر GITHUB_REQUEST_TIMEOUT (بالثواني).",
} satisfies Record<string, string>;
