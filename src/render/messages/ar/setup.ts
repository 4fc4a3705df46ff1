// ar: messages of the "setup" area, translated from en/setup.ts (same keys, same params).
export const setup = {
  "setup.title":
    "تسجيل Partnership Governance على GitHub",
  "setup.problems":
    "قبل أن يمكن تسجيل التطبيق، اضبط ما يلي:",
  "setup.problem.org":
    "GH_ORG: اسم دخول منظمة الشراكة على GitHub. يُسجَّل التطبيق تطبيقًا خاصًا بهذه المنظمة، كي لا يثبّته أحد سواها.",
  "setup.problem.webhook":
    "WEBHOOK_URL: العنوان العام الذي يصل به GitHub إلى هذا الخادم، مثل https://governance.example.org/api/github/webhooks (خلف وكيل TLS). ولتجربة بلا عنوان عام، استخدم بدلًا منه WEBHOOK_PROXY_URL: قناة تُنشأ على https://smee.io/new يقرأ منها هذا الخادم.",
  "setup.problem.webhook-invalid":
    "قيمة WEBHOOK_URL هي {value}: لا يستطيع GitHub الوصول إليها. أعطِ عنوان http أو https على مضيف عام (لا localhost).",
  "setup.problem.name":
    "قيمة APP_NAME هي {value}: يسمح GitHub بـ {max} حرفًا على الأكثر.",
  "setup.restart":
    "اضبطها في البيئة أو في الملف ‎.env في هذا المجلد، ثم أعد تشغيل التطبيق (npm start) وأعد تحميل هذه الصفحة.",
  "setup.explain.register":
    "يفتح الزر أدناه صفحة GitHub لتسجيل GitHub App خاص بالمنظمة {org}، مقترح باسم {name}. أسماء GitHub Apps فريدة على GitHub كله: إن قال GitHub إن الاسم مأخوذ، فغيّره في تلك الصفحة.",
  "setup.explain.webhook":
    "سيرسل GitHub إشعارات الويب (webhooks) الخاصة بالتطبيق إلى {url}.",
  "setup.explain.proxy":
    "سيرسل GitHub إشعارات الويب الخاصة بالتطبيق إلى قناة الوكيل {url}، التي يقرأ منها هذا الخادم ما دام يعمل: للتجربة فقط، فالقناة عامة.",
  "setup.explain.after":
    "بعد التسجيل، يكتب التطبيق بيانات اعتماده في الملف ‎.env في هذا المجلد، ويسأل GitHub أين يُثبَّت: اختر {org}. ثم أعد تشغيل التطبيق (npm start): فيبدأ الحوكمة من حينها.",
} satisfies Record<string, string>;
