// Russian messages of the "policy" area (mirrors en/policy.ts, ICU MessageFormat): the words a
// secretariat reads for each problem in the policy or the registry.
export const policy = {
  // The file as a whole
  "policy.file.too-large": "Размер этого файла превышает {max} КБ — максимум, который считывает приложение. Уменьшите файл.",
  "policy.file.not-utf8": "Этот файл не является текстом в кодировке UTF-8. Сохраните его заново в кодировке UTF-8.",
  "policy.file.not-a-map": "Этот файл должен быть набором параметров (строк вида `key: value`), начинающимся с `sectors:`.",
  "policy.yaml.syntax": "Это недопустимый YAML ({detail}). Проверьте отступы (пробелы, а не табуляция) и закрыты ли все кавычки и скобки.",
  "policy.yaml.duplicate-key": "Ключ `{key}` указан дважды в одном и том же месте (впервые — в строке {line}). Оставьте только один.",
  "policy.yaml.several-documents": "Этот файл содержит более одного документа YAML (строка `---` начинает второй документ). Оставьте только один.",
  "policy.yaml.too-deep": "Здесь уровень вложенности параметров превышает допустимый ({max}). Упростите файл.",
  "policy.yaml.too-many-nodes": "Число значений в этом файле превышает допустимое ({max}). Уменьшите файл.",
  "policy.yaml.too-many-aliases": "Число псевдонимов YAML (`*name`) в этом файле превышает допустимое ({max}). Запишите значения полностью.",
  "policy.yaml.alias-expansion": "Псевдонимы YAML (`*name`) в этом файле развернулись бы в слишком большое число значений (более {max}) или ссылаются на несуществующий якорь. Запишите значения полностью.",

  // Schema problems
  "policy.schema.unknown-key": "`{key}` здесь не является параметром. Проверьте написание или удалите его. Допустимые здесь параметры: {allowed}.",
  "policy.schema.missing": "Здесь требуется `{field}`. Добавьте этот параметр.",
  "policy.schema.type":
    "Значение `{field}` должно быть {expected, select, wholenumber {целым числом} number {числом} text {текстом} boolean {значением true или false} list {списком} map {группой параметров (строк вида `key: value`)} date {датой} other {значением другого типа}}.",
  "policy.schema.too-few": "В `{field}` должно быть не менее {min, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}.",
  "policy.schema.too-many": "В `{field}` может быть не более {max, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}.",
  "policy.schema.too-short": "Значение `{field}` не может быть пустым.",
  "policy.schema.too-long": "Длина значения `{field}` не может превышать {max, plural, one {# символ} few {# символа} many {# символов} other {# символа}}.",
  "policy.schema.too-small": "Значение `{field}` должно быть не меньше {min}.",
  "policy.schema.too-big": "Значение `{field}` не может быть больше {max}.",
  "policy.schema.one-of": "Значение `{field}` должно быть одним из следующих: {allowed}.",
  "policy.schema.invalid": "Значение `{field}` здесь недопустимо.",
  "policy.id.format": "`{field}` может содержать только строчные латинские буквы (a-z), цифры и дефисы, например `civil-society`.",
  "policy.login.format": "Значение `{field}` должно быть логином GitHub: буквы, цифры и одиночные дефисы, не более 39 символов.",

  // Whole-policy checks
  "policy.sectors.duplicate-id": "Идентификатор сектора `{id}` уже используется (строка {line}). У каждого сектора должен быть свой идентификатор.",
  "policy.decisions.duplicate-id": "Идентификатор вида решений `{id}` уже используется (строка {line}). У каждого вида должен быть свой идентификатор.",
  "policy.sector-ref.unknown": "`{id}` не является сектором этой политики. Используйте один из следующих: {known}.",
  "policy.sector-ref.duplicate": "Сектор `{id}` указан дважды. Укажите его один раз.",
  "policy.scope.unknown": "`in: {id}` не указывает ни на один сектор этой политики. Напишите `all`, `each` или один из следующих секторов: {known}.",
  "policy.registry-ref.format":
    "`registry: {value}` не является ни путем в этом репозитории (например, `STAKEHOLDERS.yml`), ни файлом другого репозитория (например, `my-org/governance:STAKEHOLDERS.yml`).",
  "policy.governance.builtin-name": "Изменения правил управления",
  "policy.governance.one-sector":
    "Для вида `governance` должны требоваться одобрения как минимум от 2 секторов, чтобы ни один сектор не мог изменить правила в одиночку. Используйте `sign_off: '{' sectors: 2 '}'` или больше либо правило, начинающееся с `all:` и содержащее `sectors: '{' at_least: 2 '}'`.",
  "policy.declarations.admission-one-sector": "При `declarations.admission: sector` каждый сектор сам принимает своих участников, поэтому ни один вид решений не должен выполняться голосами одного сектора; вид `{kind}` выполняется голосами одного `{sector}`. Требуйте не менее 2 секторов (`sign_off: '{' sectors: 2 '}'` или правило с `sectors: '{' at_least: 2 '}'`) или оставьте `admission: governance`.",
  "policy.admission.name": "Приём новых участников сектора {sector}",
  "policy.kind.sign-off-and-rule": "У вида `{id}` заданы и `sign_off`, и `rule`. Оставьте что-то одно.",
  "policy.kind.never-applies": "У вида `{id}` нет ни `paths`, ни `labels`, поэтому ни один запрос на слияние никогда не будет отнесен к этому виду.",

  // sign_off
  "policy.sign-off.sectors-above-count": "`sectors: {value}` требует больше секторов, чем определено в политике ({count}). Уменьшите значение до {count} или меньше.",
  "policy.sign-off.required-above-sectors":
    "В `required_sectors` перечислено секторов: {count}, но `sectors` требует только {sectors}. Увеличьте `sectors` как минимум до {count} или перечислите меньше секторов.",
  "policy.sign-off.approvals-below-sectors":
    "`approvals: {approvals}` меньше, чем `sectors: {sectors}`: каждому сектору нужно хотя бы одно одобрение. Увеличьте `approvals` до {sectors} или больше.",
  "policy.sign-off.cap-too-low":
    "При `max_per_sector: {cap}` и числе секторов {count} может быть учтено не более {cap} × {count} одобрений, а это меньше, чем `approvals: {approvals}`. Увеличьте `max_per_sector` или уменьшите `approvals`.",

  // Charter rules
  "policy.rule.no-condition": "Это условие пусто. Напишите одно из следующих: `approvals`, `quorum`, `sectors`, `all`, `any`.",
  "policy.rule.several-conditions": "Одно условие состоит из нескольких частей ({keys}). Поместите каждую часть в отдельный элемент списка под `all:` или `any:`.",
  "policy.rule.empty": "В `{field}` должно быть указано хотя бы одно условие.",
  "policy.rule.too-deep": "Уровень вложенности условий превышает допустимый ({max}). Упростите правило.",
  "policy.rule.threshold-missing": "Укажите, сколько требуется: добавьте `at_least` или `more_than`.",
  "policy.rule.threshold-both": "Используйте либо `at_least`, либо `more_than`, но не оба сразу.",
  "policy.rule.threshold-type": "Значение `{field}` должно быть целым числом (количество голосов «за») или дробью, например `2/3` или `0.75`.",
  "policy.rule.in-type": "Значение `in` должно быть `all`, `each`, идентификатором сектора или списком идентификаторов секторов.",
  "policy.rule.share-needed": "Кворум — это доля зарегистрированных голосующих: укажите дробь, например `1/2`, а не число {value}.",
  "policy.rule.share-above-one": "{value} больше 1: доля не может превышать 1 (все).",
  "policy.rule.more-than-all": "Условие «более {value} (все)» никогда не может быть выполнено. Чтобы требовать участия всех, используйте `at_least: 1`.",
  "policy.rule.of-missing":
    "{value} — это доля: добавьте `of: cast`, `of: present` или `of: registered`, чтобы указать, от каких голосов она считается. Для количества голосов «за» укажите целое число.",
  "policy.rule.of-with-count":
    "`of` используется только с дробью. {value} — это количество голосов «за»: удалите `of` или укажите дробь, например `2/3`.",
  "policy.rule.weights-with-count": "`weights` используется только с долей голосов и `in: all`. Удалите этот параметр или укажите дробь.",
  "policy.rule.weights-needs-all": "`weights` применяется только к `in: all` (голоса всех секторов вместе). Удалите этот параметр или используйте `in: all`.",
  "policy.rule.cap-with-share": "`max_per_sector` используется только с количеством голосов «за», а не с дробью. Удалите этот параметр.",
  "policy.rule.sectors-above-count": "`at_least: {value}` требует больше секторов, чем определено в политике ({count}). Уменьшите значение до {count} или меньше.",
  "policy.rule.include-above-at-least": "В `include` перечислено секторов: {count}, но `at_least` требует только {value}. Увеличьте `at_least` или перечислите меньше секторов.",
  "policy.rule.sector-without-voters":
    "В секторе `{sector}` нет голосующих в реестре, поэтому решение вида `{kind}` не может быть принято, пока кто-либо из этого сектора не подаст декларацию.",
  "policy.fraction.format": "`{value}` не является числом: укажите целое число, дробь (например, `2/3`) или десятичное число (например, `0.75`).",
  "policy.fraction.too-precise": "В `{value}` слишком много знаков после точки (допускается не более 6). Вместо этого укажите дробь, например `2/3`.",
  "policy.fraction.zero-denominator": "В `{value}` происходит деление на ноль. Укажите дробь, например `2/3`.",
  "policy.fraction.too-large-terms": "В `{value}` используются числа больше 1000. Укажите более простую дробь.",
  "policy.fraction.near": "{value} не равно {fraction}: доли сравниваются точно. Если вы имеете в виду {fraction}, напишите {fraction}.",

  // Globs
  "policy.glob.negated": "`{glob}` начинается с `!`. Исключения не поддерживаются: перечислите только те файлы, изменение которых относит запрос на слияние к этому виду.",
  "policy.glob.too-long": "Длина шаблона `{glob}` превышает {max, plural, one {# символ} few {# символа} many {# символов} other {# символа}}. Сократите его.",
  "policy.glob.too-many-patterns": "Фигурные скобки в `{glob}` разворачиваются более чем в {max, plural, one {# шаблон} few {# шаблона} many {# шаблонов} other {# шаблона}}. Запишите его проще.",
  "policy.glob.too-many-globstars": "Число `**` в `{glob}` превышает допустимое ({max}). Запишите шаблон проще.",
  "policy.glob.too-many-stars": "Число `*` в одном имени папки или файла в `{glob}` превышает допустимое ({max}). Запишите шаблон проще.",
  "policy.glob.nested-extglob": "В `{glob}` одна группа шаблонов вложена в другую, например `@(a|+(b))`. Запишите шаблон проще.",
  "policy.glob.invalid": "`{glob}` не является допустимым шаблоном имен файлов.",

  // _extends
  "policy.extends.format": "`_extends: {value}` не указывает на политику, которую можно расширить. Напишите `.github`, `owner/repo` или `owner/repo:path.yml`.",
  "policy.extends.not-found": "Базовая политика `{ref}` не существует. Проверьте `_extends`.",
  "policy.extends.cycle": "`_extends` возвращается к `{ref}`, которая уже входит в эту политику. Устраните цикл.",
  "policy.extends.too-deep": "Глубина цепочки политик, расширяющих друг друга, превышает допустимую ({max}). Сократите цепочку `_extends`.",
  "policy.extends.not-checked": "Базовая политика `{ref}` находится в другом репозитории и здесь не проверялась.",
  "policy.registry.duplicate-id": "Идентификатор учетной записи {id} у `{login}` уже указан для `{other}` (строка {line}). Учетная запись декларируется один раз и за один сектор, каким бы ни был ее логин.",
  "policy.registry.id-type": "`id` должен быть числовым идентификатором учетной записи GitHub, целым числом вроде 5834017. Узнать его можно командой `gh api users/LOGIN --jq .id`.",
  "policy.registry.no-id": "В декларации `{login}` не указан `id` учетной записи, которого требует политика. Добавьте числовой идентификатор учетной записи GitHub (`gh api users/{login} --jq .id`). До тех пор декларация недействительна.",
  "policy.declarations.ids-optional": "При `ids: optional` декларации без `id` сопоставляются только по логину: тот, кто займет освобожденный кем-то логин, унаследует его декларацию и голос. Укажите в каждой записи `id` учетной записи и удалите эту строку.",
  "policy.rules.other-repository": "Правила читаются также из `{ref}` в другом репозитории: тот, кто может изменить тот репозиторий, меняет эти правила без решения здесь. Тот репозиторий тоже должен управляться (приложение установлено и там, а его файлы правил одобряются несколькими секторами).",

  // The registry
  "policy.registry.not-a-map": "Реестр должен начинаться с `stakeholders:` (заинтересованные стороны), за которым следует список деклараций.",
  "policy.registry.declared-type": "Значение `declared` должно быть датой в формате ГГГГ-ММ-ДД, например 2026-03-01.",
  "policy.registry.duplicate-login": "Декларация `{login}` указана более одного раза (впервые — в строке {line}). Каждый человек подает декларацию один раз и только от одного сектора.",
  "policy.registry.unknown-sector":
    "В декларации `{login}` указан сектор `{sector}`, который не определен в политике. Используйте один из следующих: {known}. До исправления декларация не действует.",
  "policy.registry.invalid-date":
    "Декларация `{login}` датирована `{value}`, но такой даты нет в календаре. Укажите дату в формате ГГГГ-ММ-ДД, например 2026-03-01. До исправления декларация не действует.",
} satisfies Record<string, string>;
