// Arabic messages of the "policy" area (the same keys as en/policy.ts): the words a secretariat
// reads for each problem of the policy or the registry. YAML keys and values stay in code spans.
export const policy = {
  // The file as a whole
  "policy.file.too-large": "يتجاوز حجم هذا الملف {max} كيلوبايت، وهو أقصى حجم يقرؤه التطبيق. قلِّص حجمه.",
  "policy.file.not-utf8": "هذا الملف ليس نصًّا بترميز UTF-8. احفظه مجددًا بترميز UTF-8.",
  "policy.file.not-a-map": "يجب أن يكون هذا الملف قائمة إعدادات (أسطر بالصيغة `key: value`)، تبدأ بـ `sectors:`.",
  "policy.yaml.syntax":
    "هذا ليس YAML صالحًا ({detail}). تحقَّق من المسافات البادئة (مسافات لا علامات جدولة) ومن إغلاق كل علامة اقتباس وكل قوس.",
  "policy.yaml.duplicate-key": "المفتاح `{key}` مكتوب مرتين في الموضع نفسه (أول مرة في السطر {line}). أبقِ على واحد فقط.",
  "policy.yaml.several-documents": "يحتوي هذا الملف على أكثر من مستند YAML واحد (السطر `---` يبدأ مستندًا ثانيًا). أبقِ على مستند واحد فقط.",
  "policy.yaml.too-deep": "يتجاوز عدد مستويات تداخل الإعدادات هنا {max}. بسِّط الملف.",
  "policy.yaml.too-many-nodes": "يتجاوز عدد القيم في هذا الملف {max}. قلِّص حجمه.",
  "policy.yaml.too-many-aliases": "يتجاوز عدد الأسماء المستعارة في YAML (`*name`) التي يستخدمها هذا الملف {max}. اكتب القيم كاملةً بدلًا منها.",
  "policy.yaml.alias-expansion":
    "الأسماء المستعارة في YAML (`*name`) في هذا الملف ستتوسع إلى عدد مفرط من القيم (أكثر من {max})، أو تشير إلى مرساة (anchor) غير موجودة. اكتب القيم كاملةً بدلًا منها.",

  // Schema problems
  "policy.schema.unknown-key": "`{key}` ليس إعدادًا مقبولًا هنا. تحقَّق من تهجئته، أو احذفه. المسموح به هنا: {allowed}.",
  "policy.schema.missing": "`{field}` مطلوب هنا. أضِفه.",
  "policy.schema.type":
    "يجب أن يكون `{field}` {expected, select, wholenumber {عددًا صحيحًا} number {عددًا} text {نصًّا} boolean {true أو false} list {قائمةً} map {مجموعةَ إعدادات (أسطر بالصيغة `key: value`)} date {تاريخًا} other {شيئًا آخر}}.",
  "policy.schema.too-few":
    "يحتاج `{field}` إلى {min, plural, zero {# إدخال} one {إدخال واحد} two {إدخالين} few {# إدخالات} many {# إدخالًا} other {# إدخال}} على الأقل.",
  "policy.schema.too-many":
    "لا يجوز أن يتضمن `{field}` أكثر من {max, plural, zero {# إدخال} one {إدخال واحد} two {إدخالين} few {# إدخالات} many {# إدخالًا} other {# إدخال}}.",
  "policy.schema.too-short": "لا يجوز أن يكون `{field}` فارغًا.",
  "policy.schema.too-long": "لا يجوز أن يتجاوز عدد أحرف `{field}` {max}.",
  "policy.schema.too-small": "يجب ألا تقل قيمة `{field}` عن {min}.",
  "policy.schema.too-big": "يجب ألا تزيد قيمة `{field}` على {max}.",
  "policy.schema.one-of": "يجب أن تكون قيمة `{field}` إحدى القيم التالية: {allowed}.",
  "policy.schema.invalid": "`{field}` غير صالح هنا.",
  "policy.id.format": "لا يجوز أن يحتوي `{field}` إلا على أحرف لاتينية صغيرة (a-z) وأرقام وشرطات، مثل `civil-society`.",
  "policy.login.format": "يجب أن يكون `{field}` اسم مستخدم على GitHub: أحرف وأرقام وشرطات مفردة، بحد أقصى 39 حرفًا.",

  // Whole-policy checks
  "policy.sectors.duplicate-id": "معرِّف القطاع `{id}` مستخدم بالفعل (السطر {line}). يحتاج كل قطاع إلى معرِّف خاص به.",
  "policy.decisions.duplicate-id": "معرِّف نوع القرار `{id}` مستخدم بالفعل (السطر {line}). يحتاج كل نوع إلى معرِّف خاص به.",
  "policy.sector-ref.unknown": "`{id}` ليس قطاعًا من قطاعات هذه السياسة. استخدم أحد القطاعات التالية: {known}.",
  "policy.sector-ref.duplicate": "القطاع `{id}` مذكور مرتين. اذكره مرة واحدة.",
  "policy.scope.unknown": "`in: {id}` لا يشير إلى أي قطاع من قطاعات هذه السياسة. اكتب `all` أو `each` أو أحد ما يلي: {known}.",
  "policy.registry-ref.format":
    "`registry: {value}` ليس مسارًا في هذا المستودع (مثل `STAKEHOLDERS.yml`) ولا ملفًا في مستودع آخر (مثل `my-org/governance:STAKEHOLDERS.yml`).",
  "policy.governance.builtin-name": "التغييرات في قواعد الحوكمة",
  "policy.governance.one-sector":
    "يجب أن يتطلب النوع `governance` موافقات من قطاعين على الأقل، حتى لا يستطيع أي قطاع تغيير القواعد منفردًا. استخدم `sign_off: '{' sectors: 2 '}'` أو أكثر، أو قاعدة تبدأ بـ `all:` وتتضمن `sectors: '{' at_least: 2 '}'`.",
  "policy.declarations.admission-one-sector": "مع `declarations.admission: sector` يقبل كل قطاع أعضاءه بنفسه، ولذا لا يجوز أن يتحقق أي نوع من القرارات بأصوات قطاع واحد وحده؛ والنوع `{kind}` يتحقق بأصوات `{sector}` وحدها. اشترط قطاعين على الأقل (`sign_off: '{' sectors: 2 '}'`، أو قاعدة فيها `sectors: '{' at_least: 2 '}'`)، أو أبقِ `admission: governance`.",
  "policy.admission.name": "قبول أعضاء جدد في قطاع {sector}",
  "policy.kind.sign-off-and-rule": "النوع `{id}` يتضمن `sign_off` و`rule` معًا. أبقِ على أحدهما فقط.",
  "policy.kind.never-applies": "النوع `{id}` ليس له `paths` ولا `labels`، ولذا لن يكون أي طلب دمج من هذا النوع أبدًا.",

  // sign_off
  "policy.sign-off.sectors-above-count":
    "`sectors: {value}` يطلب عددًا من القطاعات يفوق ما تعلنه السياسة ({count}). اخفضه إلى {count} أو أقل.",
  "policy.sign-off.required-above-sectors":
    "عدد القطاعات المذكورة في `required_sectors` هو {count}، في حين أن `sectors` لا يطلب سوى {sectors}. ارفع `sectors` إلى {count} على الأقل، أو اذكر عددًا أقل من القطاعات.",
  "policy.sign-off.approvals-below-sectors":
    "`approvals: {approvals}` أقل من `sectors: {sectors}`: فكل قطاع يحتاج إلى موافقة واحدة على الأقل. ارفع `approvals` إلى {sectors} أو أكثر.",
  "policy.sign-off.cap-too-low":
    "مع `max_per_sector: {cap}` و{count} من القطاعات، لا يمكن أن يُحتسب أكثر من {cap} × {count} من الموافقات، وهو أقل من `approvals: {approvals}`. ارفع `max_per_sector` أو اخفض `approvals`.",

  // Charter rules
  "policy.rule.no-condition": "هذا الشرط فارغ. اكتب أحد ما يلي: `approvals` أو `quorum` أو `sectors` أو `all` أو `any`.",
  "policy.rule.several-conditions": "يتضمن أحد الشروط عدة أجزاء ({keys}). ضع كل جزء في إدخال مستقل من القائمة تحت `all:` أو `any:`.",
  "policy.rule.empty": "يجب أن يتضمن `{field}` شرطًا واحدًا على الأقل.",
  "policy.rule.too-deep": "يتجاوز عدد مستويات تداخل الشروط {max}. بسِّط القاعدة.",
  "policy.rule.threshold-missing": "حدِّد العدد المطلوب: أضِف `at_least` أو `more_than`.",
  "policy.rule.threshold-both": "استخدم `at_least` أو `more_than`، لا كليهما.",
  "policy.rule.threshold-type": "يجب أن يكون `{field}` عددًا صحيحًا (عدد أصوات «نعم») أو كسرًا مثل `2/3` أو `0.75`.",
  "policy.rule.in-type": "يجب أن تكون قيمة `in` هي `all` أو `each` أو معرِّف قطاع أو قائمة بمعرِّفات القطاعات.",
  "policy.rule.share-needed": "النصاب القانوني نسبة من أصحاب حق التصويت المسجلين: اكتب كسرًا مثل `1/2`، لا العدد {value}.",
  "policy.rule.share-above-one": "{value} أكبر من 1: لا يجوز أن تتجاوز النسبة 1 (الجميع).",
  "policy.rule.more-than-all": "«أكثر من {value}» (أي أكثر من الجميع) أمر مستحيل. استخدم `at_least: 1` لاشتراط موافقة الجميع.",
  "policy.rule.of-missing":
    "{value} نسبة: أضِف `of: cast` أو `of: present` أو `of: registered` لتحديد الأصوات التي تُحسب منها. أما لعدد من أصوات «نعم»، فاكتب عددًا صحيحًا.",
  "policy.rule.of-with-count":
    "لا يُستخدم `of` إلا مع كسر. {value} عدد من أصوات «نعم»: احذف `of`، أو اكتب كسرًا مثل `2/3`.",
  "policy.rule.weights-with-count": "لا يُستخدم `weights` إلا مع كسر من الأصوات ومع `in: all`. احذفه، أو اكتب كسرًا.",
  "policy.rule.weights-needs-all": "لا ينطبق `weights` إلا على `in: all` (أصوات جميع القطاعات مجتمعة). احذفه، أو استخدم `in: all`.",
  "policy.rule.cap-with-share": "لا يُستخدم `max_per_sector` إلا مع عدد من أصوات «نعم»، لا مع كسر. احذفه.",
  "policy.rule.sectors-above-count":
    "`at_least: {value}` يطلب عددًا من القطاعات يفوق ما تعلنه السياسة ({count}). اخفضه إلى {count} أو أقل.",
  "policy.rule.include-above-at-least":
    "عدد القطاعات المذكورة في `include` هو {count}، في حين أن `at_least` لا يطلب سوى {value}. ارفع `at_least` أو اذكر عددًا أقل من القطاعات.",
  "policy.rule.sector-without-voters":
    "ليس للقطاع `{sector}` أي صاحب حق في التصويت في السجل، ولذا لا يمكن البت في النوع `{kind}` إلى أن يقدِّم أحد من هذا القطاع إقراره.",
  "policy.fraction.format": "`{value}` ليس عددًا: اكتب عددًا صحيحًا، أو كسرًا مثل `2/3`، أو عددًا عشريًا مثل `0.75`.",
  "policy.fraction.too-precise": "في `{value}` أرقام كثيرة بعد الفاصلة العشرية (6 على الأكثر). اكتب بدلًا منه كسرًا مثل `2/3`.",
  "policy.fraction.zero-denominator": "`{value}` يتضمن قسمة على صفر. اكتب كسرًا مثل `2/3`.",
  "policy.fraction.too-large-terms": "`{value}` يستخدم أعدادًا تتجاوز 1000. اكتب كسرًا أبسط.",
  "policy.fraction.near": "{value} لا يساوي {fraction}: فالنسب تُقارن بدقة تامة. وإن كنت تقصد {fraction}، فاكتب {fraction}.",

  // Globs
  "policy.glob.negated":
    "`{glob}` يبدأ بالعلامة `!`. الاستثناءات غير مدعومة: اذكر فقط الملفات التي تجعل طلب الدمج من هذا النوع.",
  "policy.glob.too-long": "يتجاوز عدد أحرف `{glob}` {max}. اختصره.",
  "policy.glob.too-many-patterns": "يتوسع `{glob}` عبر أقواسه المعقوصة إلى عدد من الأنماط يتجاوز {max}. اكتبه بصيغة أبسط.",
  "policy.glob.too-many-globstars": "يتضمن `{glob}` أكثر من {max} من `**`. اكتبه بصيغة أبسط.",
  "policy.glob.too-many-stars": "يتضمن `{glob}` أكثر من {max} من `*` في اسم مجلد أو ملف واحد. اكتبه بصيغة أبسط.",
  "policy.glob.nested-extglob": "يضع `{glob}` مجموعة أنماط داخل مجموعة أخرى، مثل `@(a|+(b))`. اكتبه بصيغة أبسط.",
  "policy.glob.invalid": "`{glob}` ليس نمط ملفات صالحًا.",

  // _extends
  "policy.extends.format": "`_extends: {value}` لا يشير إلى سياسة يمكن البناء عليها. اكتب `.github` أو `owner/repo` أو `owner/repo:path.yml`.",
  "policy.extends.not-found": "السياسة الأساسية `{ref}` غير موجودة. تحقَّق من `_extends`.",
  "policy.extends.cycle": "يعود `_extends` إلى `{ref}`، وهي جزء من هذه السياسة بالفعل. أزِل هذه الحلقة.",
  "policy.extends.too-deep": "يتجاوز عدد مستويات بناء السياسات بعضها على بعض {max}. اختصر سلسلة `_extends`.",
  "policy.extends.not-checked": "السياسة الأساسية `{ref}` موجودة في مستودع آخر ولم يُتحقَّق منها هنا.",
  "policy.registry.duplicate-id": "معرّف الحساب {id} الخاص بـ `{login}` مُقرّ به بالفعل لـ `{other}` (السطر {line}). يُقرّ كل حساب مرة واحدة فقط، لقطاع واحد، أيًّا كان اسم دخوله.",
  "policy.registry.id-type": "يجب أن يكون `id` المعرّف الرقمي لحساب GitHub، عددًا صحيحًا مثل 5834017. يمكنك معرفته بالأمر `gh api users/LOGIN --jq .id`.",
  "policy.registry.no-id": "لا يذكر إقرار `{login}` معرّف الحساب `id` الذي تشترطه السياسة. أضف المعرّف الرقمي لحساب GitHub (`gh api users/{login} --jq .id`). وإلى أن يُضاف، لا يكون الإقرار ساريًا.",
  "policy.declarations.ids-optional": "مع `ids: optional` تُطابَق الإقرارات التي لا `id` لها باسم الدخول وحده: من يأخذ اسم دخول تخلّى عنه غيره يرث إقراره وصوته. أعطِ كل إدخال معرّف `id` لحسابه واحذف هذا السطر.",
  "policy.rules.other-repository": "تُقرأ القواعد أيضًا من `{ref}` في مستودع آخر: من يستطيع تعديل ذلك المستودع يغيّر هذه القواعد دون قرار هنا. يجب أن يخضع ذلك المستودع للحوكمة أيضًا (التطبيق مثبّت فيه، وملفات قواعده توافق عليها عدة قطاعات).",

  // The registry
  "policy.registry.not-a-map": "يجب أن يبدأ السجل بـ `stakeholders:`، تليه قائمة بالإقرارات.",
  "policy.registry.declared-type": "يجب أن تكون قيمة `declared` تاريخًا مكتوبًا بالصيغة YYYY-MM-DD، مثل 2026-03-01.",
  "policy.registry.duplicate-login":
    "`{login}` مذكور أكثر من مرة (أول مرة في السطر {line}). يقدِّم كل شخص إقرارًا واحدًا، عن قطاع واحد.",
  "policy.registry.unknown-sector":
    "إقرار `{login}` يذكر القطاع `{sector}`، وهو قطاع لا تعلنه السياسة. استخدم أحد القطاعات التالية: {known}. وإلى أن يُصحَّح ذلك، لا يكون الإقرار ساريًا.",
  "policy.registry.invalid-date":
    "إقرار `{login}` مؤرخ في `{value}`، وهو ليس تاريخًا موجودًا في التقويم. اكتبه بالصيغة YYYY-MM-DD، مثل 2026-03-01. وإلى أن يُصحَّح ذلك، لا يكون الإقرار ساريًا.",
} satisfies Record<string, string>;
