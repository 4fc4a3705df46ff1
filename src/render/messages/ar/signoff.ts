// Arabic messages of the "signoff" area (the same keys as en/signoff.ts). Check titles are
// plain text on GitHub; `op` is "at_least" or "more_than", `needed` a count or "2/3".
export const signoff = {
  "signoff.title.notDecision": "ليس قرارًا",
  "signoff.title.otherBase": "ليس قرارًا: موجَّه إلى {base} لا إلى الفرع الافتراضي {defaultBranch}",
  "signoff.title.invalid":
    "سياسة الحوكمة أو السجل غير صالح ({count, plural, zero {لا أخطاء} one {خطأ واحد} two {خطآن} few {# أخطاء} many {# خطأً} other {# خطأ}})",
  "signoff.title.invalidHead":
    "السياسة أو السجل في طلب الدمج هذا غير صالح ({count, plural, zero {لا أخطاء} one {خطأ واحد} two {خطآن} few {# أخطاء} many {# خطأً} other {# خطأ}})",
  "signoff.title.blocked": "متوقف بسبب اعتراض من {sectors}",
  "signoff.title.memoGap": "بانتظار أن يُعيد {people} إبداء موقفه: فقد التطبيق أثر أوامر في طلب الدمج هذا",
  "signoff.title.draft": "مسودة: تبدأ الموافقة متعددة القطاعات عندما يصبح طلب الدمج جاهزًا للمراجعة",
  "signoff.title.commentPeriod": "تنتهي فترة التعليق في {end}",
  "signoff.title.commentPeriodUnknown": "فترة التعليق: ليس لطلب الدمج وقت إنشاء صالح",
  "signoff.title.signedOff":
    "حظي بموافقة {n, plural, zero {لا قطاع} one {قطاع واحد} two {قطاعين} few {# قطاعات} many {# قطاعًا} other {# قطاع}}",

  "signoff.unmet.empty": "قاعدة اتخاذ القرار غير مستوفاة",
  "signoff.unmet.noVoters": "ليس في {sector} أي صاحب حق في التصويت، ولذا لا يمكن استيفاء القاعدة",
  "signoff.unmet.sectors":
    "القطاعات: {count} من أصل {needed}، في انتظار {missing, plural, zero {لا قطاع} one {قطاع آخر واحد} two {قطاعين آخرين} few {# قطاعات أخرى} many {# قطاعًا آخر} other {# قطاع آخر}}",
  "signoff.unmet.sectors.required": "القطاعات: {count} من أصل {needed}، في انتظار {sectors}",
  "signoff.unmet.approvals.count":
    "الموافقات: احتُسبت {count}، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",
  "signoff.unmet.approvals.count.sector":
    "الموافقات في {sector}: احتُسبت {count}، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",
  "signoff.unmet.approvals.share":
    "الموافقات: {yes} من أصل {total} ({of, select, cast {الأصوات المُدلى بها} present {أصحاب حق التصويت الحاضرون} other {أصحاب حق التصويت المسجلون}})، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",
  "signoff.unmet.approvals.share.sector":
    "الموافقات في {sector}: {yes} من أصل {total} ({of, select, cast {الأصوات المُدلى بها} present {أصحاب حق التصويت الحاضرون} other {أصحاب حق التصويت المسجلون}})، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",
  "signoff.unmet.approvals.equal":
    "الموافقات: {share, number, percent} مع ترجيح القطاعات بالتساوي، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",
  "signoff.unmet.quorum":
    "النصاب القانوني: شارك {present} من أصل {registered}، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",
  "signoff.unmet.quorum.sector":
    "النصاب القانوني في {sector}: شارك {present} من أصل {registered}، والمطلوب {op, select, more_than {أكثر من} other {ما لا يقل عن}} {needed}",

  "signoff.notCounted.undeclared": "لم يقدِّم إقرارًا",
  "signoff.notCounted.expired": "انتهت صلاحية الإقرار",
  "signoff.notCounted.not-yet": "الإقرار لم يصبح ساريًا بعد",
  "signoff.notCounted.unknown-sector": "القطاع غير وارد في السياسة",
  "signoff.notCounted.invalid-date": "تاريخ الإقرار ليس تاريخًا حقيقيًا",
  "signoff.notCounted.no-id": "لا يذكر الإقرار معرّف الحساب",
  "signoff.notCounted.author": "مقدِّم طلب الدمج",
  "signoff.notCounted.bot": "حساب آلي (bot)",
  "signoff.notCounted.earlier-commit": "وافق على إيداع سابق",
  "signoff.notCounted.over-cap": "تجاوز الحد الأقصى للموافقات المحتسبة لقطاعه",
  "signoff.notCounted.edited-comment": "تعليق معدَّل",
  "signoff.notCounted.observer": "مراقب",
  "signoff.notCounted.recused": "تنحّى",
  "signoff.notCounted.other-base": "وافق في ظل فرع أساسي آخر",

  "signoff.warning.noVoters": "ليس في القطاع {sector} أي صاحب حق في التصويت: لا يمكن استيفاء أي شرط يحتاج إليه",
} satisfies Record<string, string>;
