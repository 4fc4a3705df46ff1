// Russian messages of the "signoff" area (mirrors en/signoff.ts, ICU MessageFormat).
// `op` is "at_least" or "more_than"; `needed` a count or a fraction such as "2/3".
export const signoff = {
  "signoff.title.notDecision": "Не является решением",
  "signoff.title.otherBase": "Не является решением: направлен в {base}, а не в ветку по умолчанию {defaultBranch}",
  "signoff.title.invalid":
    "Политика управления или реестр недействительны ({count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}})",
  "signoff.title.invalidHead":
    "Политика или реестр в этом запросе на слияние недействительны ({count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}})",
  "signoff.title.blocked": "Заблокировано возражением: {sectors}",
  "signoff.title.memoGap": "Ожидается повторный сигнал от {people}: приложение потеряло сведения о командах в этом запросе на слияние",
  "signoff.title.draft": "Черновик: согласование начнется, когда запрос на слияние будет готов к рассмотрению",
  // `end` is preformatted "YYYY-MM-DD HH:mm UTC".
  "signoff.title.commentPeriod": "Период обсуждения: до {end}",
  "signoff.title.commentPeriodUnknown": "Период обсуждения: у запроса на слияние нет действительного времени создания",
  "signoff.title.signedOff":
    "Согласовано {n, plural, one {# сектором} few {# секторами} many {# секторами} other {# секторами}}",

  "signoff.unmet.empty": "Правило принятия решения не выполнено",
  "signoff.unmet.noVoters": "В секторе {sector} нет голосующих, поэтому правило не может быть выполнено",
  "signoff.unmet.sectors":
    "Секторы: {count} из {needed}; ожидается еще {missing, plural, one {# сектор} few {# сектора} many {# секторов} other {# сектора}}",
  "signoff.unmet.sectors.required": "Секторы: {count} из {needed}; ожидаются: {sectors}",
  "signoff.unmet.approvals.count":
    "Одобрения: учтено {count}, требуется {op, select, more_than {более} other {не менее}} {needed}",
  "signoff.unmet.approvals.count.sector":
    "Одобрения ({sector}): учтено {count}, требуется {op, select, more_than {более} other {не менее}} {needed}",
  "signoff.unmet.approvals.share":
    "Одобрения: {of, select, cast {поданных голосов} present {присутствующих голосующих} other {зарегистрированных голосующих}} — {total}, из них «за» — {yes}; требуется {op, select, more_than {более} other {не менее}} {needed}",
  "signoff.unmet.approvals.share.sector":
    "Одобрения ({sector}): {of, select, cast {поданных голосов} present {присутствующих голосующих} other {зарегистрированных голосующих}} — {total}, из них «за» — {yes}; требуется {op, select, more_than {более} other {не менее}} {needed}",
  "signoff.unmet.approvals.equal":
    "Одобрения: {share, number, percent} при равном весе секторов, требуется {op, select, more_than {более} other {не менее}} {needed}",
  "signoff.unmet.quorum":
    "Кворум: участвовали {present} из {registered}, требуется {op, select, more_than {более} other {не менее}} {needed}",
  "signoff.unmet.quorum.sector":
    "Кворум ({sector}): участвовали {present} из {registered}, требуется {op, select, more_than {более} other {не менее}} {needed}",

  "signoff.notCounted.undeclared": "декларация не подана",
  "signoff.notCounted.expired": "срок действия декларации истек",
  "signoff.notCounted.not-yet": "декларация еще не вступила в силу",
  "signoff.notCounted.unknown-sector": "сектора нет в политике",
  "signoff.notCounted.invalid-date": "дата декларации не существует в календаре",
  "signoff.notCounted.no-id": "в декларации не указан идентификатор учетной записи",
  "signoff.notCounted.author": "автор запроса на слияние",
  "signoff.notCounted.bot": "бот",
  "signoff.notCounted.earlier-commit": "одобрен более ранний коммит",
  "signoff.notCounted.over-cap": "сверх предельного числа одобрений для своего сектора",
  "signoff.notCounted.edited-comment": "комментарий отредактирован",
  "signoff.notCounted.observer": "наблюдатель",
  "signoff.notCounted.recused": "самоотвод",
  "signoff.notCounted.other-base": "одобрено при другой базовой ветке",

  "signoff.warning.noVoters": "В секторе {sector} нет голосующих: условие, требующее его участия, не может быть выполнено",
} satisfies Record<string, string>;
