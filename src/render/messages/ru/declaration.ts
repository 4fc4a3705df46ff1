// Russian messages of the "declaration" area (mirrors en/declaration.ts, ICU MessageFormat).
export const declaration = {
  "declaration.title.success": "Все участники подали декларации",
  "declaration.title.failure":
    "{count, plural, one {# участник не подал} few {# участника не подали} many {# участников не подали} other {# участника не подали}} декларацию: {logins}",
  "declaration.title.invalid":
    "Политика управления или реестр недействительны ({count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}})",
  "declaration.title.commitsTruncated":
    "В этом pull request больше коммитов, чем перечисляет GitHub ({listed} из {total}): не всех авторов коммитов можно проверить. Объедините коммиты (squash) или разделите его на меньшие pull request",
  "declaration.reason.no-entry": "нет записи в реестре",
  "declaration.reason.expired": "декларация утратила силу с {expiredOn}",
  "declaration.reason.not-yet": "декларация датирована {declared} и еще не вступила в силу",
  "declaration.reason.unknown-sector": "сектора {sector} нет в политике",
  "declaration.reason.invalid-date": "дата декларации {value} не существует в календаре",
  "declaration.reason.no-id": "в декларации не указан идентификатор учетной записи",
  "declaration.reason.no-account": "адрес электронной почты в коммите {commit} не связан на GitHub ни с одной учетной записью",
  "declaration.inThisPr": "декларация подана в этом запросе на слияние",
  "declaration.exempt.bot": "учетная запись бота, декларация не требуется",
  "declaration.exempt.exempt": "освобождение от декларирования согласно политике",
} satisfies Record<string, string>;
