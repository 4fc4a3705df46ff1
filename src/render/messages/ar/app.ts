// Arabic messages of the "app" area (the same keys as en/app.ts): the evaluation's own messages
// and the sweep command.
export const app = {
  "app.policy-deleted":
    "يحذف طلب الدمج هذا ملف السياسة {file}. وبذلك لن يبقى المستودع خاضعًا للحوكمة، ولذا لا يمكن منحه الموافقة متعددة القطاعات بصيغته الحالية: أعِد الملف، أو ضع مكانه سياسة صالحة.",
  "app.sweep.usage":
    "الاستخدام: partnership-governance sweep [--repo OWNER/NAME]\n\nدورة واحدة للمُجدوِل: تنشر تقارير الشفافية التي حان موعدها، وتعيد تقييم كل طلب دمج مفتوح في كل مستودع خاضع للحوكمة.\nمع APP_ID و PRIVATE_KEY: جميع عمليات تثبيت التطبيق. مع GITHUB_TOKEN: مستودع واحد (--repo، أو GITHUB_REPOSITORY).",
  "app.sweep.need-repo":
    "مع GITHUB_TOKEN، حدِّد المستودع المطلوب مسحه: --repo OWNER/NAME (أو اضبط GITHUB_REPOSITORY).",
  "app.sweep.done":
    "اكتمل المسح الدوري: {installations, plural, zero {لا توجد أي عملية تثبيت} one {عملية تثبيت واحدة} two {عمليتا تثبيت} few {# عمليات تثبيت} many {# عملية تثبيت} other {# عملية تثبيت}}، و{repositories, plural, zero {لا يوجد أي مستودع} one {مستودع واحد} two {مستودعان} few {# مستودعات} many {# مستودعًا} other {# مستودع}} (عدد الخاضع منها للحوكمة: {governed})، {pullRequests, plural, zero {ولم يكن هناك أي طلب دمج مفتوح لتقييمه} one {وقُيِّم طلب دمج مفتوح واحد} two {وقُيِّم طلبا دمج مفتوحان} few {وقُيِّمت # طلبات دمج مفتوحة} many {وقُيِّم # طلب دمج مفتوحًا} other {وقُيِّم # طلب دمج مفتوح}}، {failures, plural, =0 {ولم يُخفق أي تقييم} zero {ولم يُخفق أي تقييم} one {وأخفق تقييم واحد} two {وأخفق تقييمان} few {وأخفقت # تقييمات} many {وأخفق # تقييمًا} other {وأخفق # تقييم}}، {errors, plural, =0 {ولم يقع أي خطأ آخر} zero {ولم يقع أي خطأ آخر} one {ووقع خطأ آخر واحد} two {ووقع خطآن آخران} few {ووقعت # أخطاء أخرى} many {ووقع # خطأً آخر} other {ووقع # خطأ آخر}}.",
} satisfies Record<string, string>;
