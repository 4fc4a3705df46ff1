// Russian messages of the "app" area (mirrors en/app.ts, ICU MessageFormat).
export const app = {
  "app.policy-deleted":
    "Этот запрос на слияние удаляет файл политики {file}. Репозиторий вышел бы из-под действия правил управления, поэтому в таком виде запрос не может быть согласован: восстановите файл или замените его действительной политикой.",
  "app.sweep.usage":
    "Использование: partnership-governance sweep [--repo ВЛАДЕЛЕЦ/ИМЯ]\n\nОдин проход планировщика: публикует доклады о прозрачности, срок которых наступил, и заново оценивает каждый открытый запрос на слияние в каждом управляемом репозитории.\nС APP_ID и PRIVATE_KEY — все установки приложения. С GITHUB_TOKEN — один репозиторий (--repo или GITHUB_REPOSITORY).",
  "app.sweep.need-repo":
    "При использовании GITHUB_TOKEN укажите, какой репозиторий обработать: --repo ВЛАДЕЛЕЦ/ИМЯ (или задайте GITHUB_REPOSITORY).",
  "app.sweep.done":
    "Проход завершен: {installations, plural, one {# установка} few {# установки} many {# установок} other {# установки}}, {repositories, plural, one {# репозиторий} few {# репозитория} many {# репозиториев} other {# репозитория}} (управляемых: {governed}), {pullRequests, plural, one {оценен # открытый запрос на слияние} few {оценено # открытых запроса на слияние} many {оценено # открытых запросов на слияние} other {оценено # открытого запроса на слияние}}, {failures, plural, =0 {сбоев оценки нет} one {# сбой оценки} few {# сбоя оценки} many {# сбоев оценки} other {# сбоя оценки}}, {errors, plural, =0 {других ошибок нет} one {# другая ошибка} few {# другие ошибки} many {# других ошибок} other {# другой ошибки}}.",
} satisfies Record<string, string>;
