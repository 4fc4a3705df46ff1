// Arabic messages of the "action" area (the same keys as en/action.ts): what the GitHub Action's
// entry prints in a workflow's log. Inputs, variables and event names stay in English.
export const action = {
  "action.error.not-in-workflow":
    "يعمل Partnership Governance بوصفه خطوة في سير عمل GitHub Actions، والمتغير {variable} غير مضبوط. لتشغيل التطبيق في مكان آخر، استخدم الخادم (npm start) أو سطر الأوامر.",
  "action.error.no-token":
    "لا يوجد رمز GitHub: قدِّم للإجراء المُدخل github-token (وهو افتراضيًا الرمز الخاص بسير العمل نفسه) أو اضبط GITHUB_TOKEN.",
  "action.error.bad-app-id":
    "يجب أن يكون المُدخل app-id عددًا صحيحًا موجبًا (معرِّف تطبيق GitHub Actions، وهو 15368 على github.com)؛ وقيمته الحالية `{value}`.",
  "action.error.bad-repository":
    "يجب أن يسمِّي GITHUB_REPOSITORY المستودع بالصيغة OWNER/NAME؛ وقيمته الحالية `{value}`.",
  "action.error.unreadable-event": "تتعذر قراءة ملف الحدث {file}: {reason}",
  "action.error.pull-request-event":
    "يعمل هذا الإجراء على pull_request_target، ولا يعمل أبدًا على pull_request: فسير العمل المرتبط بـ pull_request يشغِّل نسخة ملف سير العمل الموجودة في طلب الدمج نفسه، وهي نسخة يستطيع مقدِّم الطلب تغييرها. في ملف سير العمل، ضع pull_request_target مكان pull_request.",
  "action.error.failed": "أخفق Partnership Governance في معالجة الحدث {event}: {message}",
  "action.fork-review":
    "مراجعة على طلب دمج وارد من نسخة متفرعة (fork): يمنح GitHub سير العمل هذا رمزًا للقراءة فقط، ولذا لا تُكتب الفحوص الآن. وستكتبها دورة المسح المجدولة التالية، أو فورًا تعليقٌ بالأمر /governance check على طلب الدمج.",
  "action.done": "عالج Partnership Governance الحدث {event}.",
} satisfies Record<string, string>;
