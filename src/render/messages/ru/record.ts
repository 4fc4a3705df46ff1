// Russian messages of the "record" area (mirrors en/record.ts, ICU MessageFormat). Records are
// public record: formal wording.
export const record = {
  "record.heading":
    "{outcome, select, adopted {Запись {seq}: решение принято} pushed {Запись {seq}: прямая отправка в основную ветку} other {Запись {seq}: решение отозвано}}",
  "record.mergedWithoutSignoff":
    "**Слияние без согласования:** этот запрос на слияние был слит, хотя согласование не было получено (вмешательство администратора в обход правил).",
  "record.pullRequest": "Запрос на слияние",
  "record.kinds": "Виды решений",
  "record.author": "Автор",
  "record.authorSector": "{login} ({sector})",
  "record.authorUndeclared": "{login} (нет действующей декларации)",
  "record.signedOff": "Согласование",
  "record.signedOff.value": "{held, select, yes {получено на момент закрытия запроса на слияние} other {не получено на момент закрытия запроса на слияние}}",
  "record.approvals": "Учтенные одобрения",
  "record.approvals.sector": "{sector}: {logins}",
  "record.objections": "Возражения",
  "record.objection": "{login} ({sector})",
  "record.opened": "Открыт",
  "record.closed": "Закрыт",
  "record.mergeCommit": "Коммит слияния",
  "record.none": "нет",
  "record.field": "{label}:",
  "record.votes": "Голоса по секторам",
  "record.votes.sector": "Сектор",
  "record.votes.yes": "За",
  "record.votes.no": "Против",
  "record.votes.abstain": "Воздержались",
  "record.votes.recused": "Самоотвод",
  "record.carriedBy": "Решение вида «{kind}» принято по варианту {branch} его правила.",
  "record.json":
    "Запись в формате JSON. Ее `hash` — это хеш SHA-256 записи без поля `hash`, приведенной к каноническому виду по схеме JSON Canonicalization Scheme (RFC 8785); `prev` — хеш предыдущей записи.",
  "record.log.intro":
    "В этом обсуждении (issue) ведется публичный журнал решений, закрытых в период {period}. Приложение добавляет по одной записи на каждое решение при закрытии соответствующего запроса на слияние; каждая запись связана с предыдущей посредством хеша, поэтому любое изменение, удаление или перестановку записей можно обнаружить.",
  "record.log.comments": "Комментарии участников здесь приветствуются; в журнал они не входят.",
  "record.log.duplicate": "Это обсуждение (issue) дублирует журнал {url} за тот же период и поэтому закрыто; журнал продолжается там.",
  "record.log.closedNoReport": "Журнал за период {period} закрыт: открыт журнал следующего периода.",
  "record.verify.usage":
    "Использование: partnership-governance verify --repo ВЛАДЕЛЕЦ/ИМЯ [--period P] [--app SLUG] [--json]\n\nСчитывает все записи журнала на GitHub (с --period — до указанного периода включительно), заново вычисляет каждый хеш и каждую связь, сверяет каждую запись с ее якорем (проверкой `Transparency record` приложения) и каждый якорь с журналом и называет каждую запись, которая была изменена (изменен ее текст или комментарий вообще редактировался), удалена, вставлена, переставлена, написана не приложением (SLUG[bot]; по умолчанию — приложение, чьи учетные данные используются) или оставлена без якоря. --json выводит один объект JSON (ok, count, head, problems). Код завершения: 0 — цепочка цела, 1 — обнаружено вмешательство, 2 — ошибка. Учетные данные: GITHUB_TOKEN (с --app) либо APP_ID и PRIVATE_KEY; GITHUB_API_URL — для GitHub Enterprise.",
  "record.verify.intact":
    "цепочка цела: {count, plural, =0 {в журнале нет записей} one {# запись} few {# записи} many {# записей} other {# записи}}{count, plural, =0 {} one {, последний хеш {head}} few {, последний хеш {head}} many {, последний хеш {head}} other {, последний хеш {head}}}",
  "record.verify.tampered":
    "цепочка нарушена: запись {seq} ({pr, select, none {запрос на слияние неизвестен} other {запрос на слияние {pr}}}) была {problem, select, edited {изменена} deleted {удалена} inserted {вставлена} reordered {перемещена с нарушением порядка} foreign {написана не приложением} unanchored {оставлена без якоря} other {повреждена так, что ее невозможно прочитать}}",
  "record.verify.where": "по адресу {url}",
  "record.verify.detail": "подробности: {detail}",
  "record.pushedWithoutPr": "**Прямая отправка в основную ветку:** этот коммит попал в основную ветку без запроса на слияние, а значит, без какого-либо одобрения.",
  "record.forcePushed": "**Принудительная отправка:** основная ветка не продвинулась вперёд: эта отправка откатила её или заменила её историю и оценивается по всему, что отличается от ветки до неё, включая то, что она удалила.",
  "record.judgedBy": "**Правила недействительны:** политика основной ветки перед этой отправкой была недействительной, поэтому отправка внесена в запись, что бы она ни изменила, и оценена по последним действительным правилам — правилам коммита {commit}.",
  "record.defaultBranchSwitched": "**Основная ветка сменена** с {from} на {to}: правила и управляемые файлы теперь берутся из другой ветки, оценённой по правилам {from} до смены.",
  "record.pusher": "Отправил",
  "record.commit": "Коммит",
  "record.rules": "Оценено по правилам коммита",
  "record.anchor.title": "Запись {seq} журнала прозрачности",
  "record.anchor.summary": "Эта проверка закрепляет запись {seq} журнала прозрачности репозитория ({url}). Только приложение может создать или изменить ее, и никто не может ее удалить, поэтому `verify` сверяет ее с журналом.\n\n- seq: {seq}\n- hash: `{hash}`\n- prev: `{prev}`",
  "record.anchor.follows": "Это копия, записанная на коммит записи {prevSeq}, предыдущей: `verify` находит запись {seq} оттуда, даже если собственный коммит записи {seq} (`{commit}`) больше не находится ни в одной ветке.",
  "record.verify.needApp": "Какое приложение вело журнал? Укажите --app SLUG (имя приложения в его адресе, github.com/apps/SLUG) или запустите команду с APP_ID и PRIVATE_KEY самого приложения.",
  "record.verify.badApp": "`{value}` не является идентификатором приложения (буквы, цифры и дефисы)",
} satisfies Record<string, string>;
