// Arabic messages of the "declaration" area (the same keys as en/declaration.ts).
export const declaration = {
  "declaration.title.success": "قدَّم جميع المساهمين إقراراتهم",
  "declaration.title.failure":
    "{count, plural, zero {لا يوجد مساهم لم يقدِّم إقراره} one {مساهم واحد لم يقدِّم إقراره بعد} two {مساهمان لم يقدِّما إقراريهما بعد} few {# مساهمين لم يقدِّموا إقراراتهم بعد} many {# مساهمًا لم يقدِّموا إقراراتهم بعد} other {# مساهم لم يقدِّموا إقراراتهم بعد}}: {logins}",
  "declaration.title.invalid":
    "سياسة الحوكمة أو السجل غير صالح ({count, plural, zero {لا أخطاء} one {خطأ واحد} two {خطآن} few {# أخطاء} many {# خطأً} other {# خطأ}})",
  "declaration.title.commitsTruncated":
    "يحتوي طلب السحب هذا على إيداعات أكثر مما يسرده GitHub ‏({listed} من {total}): لا يمكن التحقق من جميع أصحاب الإيداعات. ادمج إيداعاته (squash) أو قسّمه إلى طلبات سحب أصغر",
  "declaration.reason.no-entry": "لا يوجد له إدخال في السجل",
  "declaration.reason.expired": "انتهت صلاحية الإقرار في {expiredOn}",
  "declaration.reason.not-yet": "الإقرار مؤرخ في {declared}، ولم يصبح ساريًا بعد",
  "declaration.reason.unknown-sector": "القطاع {sector} غير وارد في السياسة",
  "declaration.reason.invalid-date": "تاريخ الإقرار {value} ليس تاريخًا حقيقيًا",
  "declaration.reason.no-id": "لا يذكر الإقرار معرّف الحساب",
  "declaration.reason.no-account": "الإيداع (commit) {commit} يحمل بريدًا إلكترونيًا لا يربطه GitHub بأي حساب",
  "declaration.inThisPr": "قُدِّم الإقرار في طلب الدمج هذا",
  "declaration.exempt.bot": "حساب آلي (bot)، لا يُطلب منه تقديم إقرار أبدًا",
  "declaration.exempt.exempt": "معفى بموجب السياسة",
} satisfies Record<string, string>;
