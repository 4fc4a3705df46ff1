// Russian messages of the "cli" area (mirrors en/cli.ts, ICU MessageFormat).
export const cli = {
  "cli.usage.main":
    "Использование: partnership-governance <команда> [параметры]\n\nКоманды:\n  validate   проверить политику и реестр на диске\n  simulate   показать, что сообщили бы проверки о запросе на слияние, описанном в файле\n  report     составить и опубликовать доклад о прозрачности за период\n  verify     проверить цепочку хешей журнала прозрачности\n  sweep      один проход планировщика по всем установкам\n\nПараметры команды: `partnership-governance <команда> --help`.",
  "cli.usage.validate":
    "Использование: partnership-governance validate [--config ФАЙЛ] [--registry ФАЙЛ] [--lang ЯЗЫК]\n\n  --config ФАЙЛ     политика (по умолчанию .github/governance.yml)\n  --registry ФАЙЛ   реестр (по умолчанию — `registry` из политики, если это путь в данном репозитории)\n  --lang ЯЗЫК       язык сообщений: en, fr, es, ru, zh или ar (по умолчанию en)\n\nКод завершения: 0 — файлы действительны (предупреждения допускаются), 1 — обнаружены проблемы, 2 — неверный вызов или файл, который невозможно прочитать.",
  "cli.error.unknown-command": "Неизвестная команда: `{command}`.",
  "cli.error.unknown-option": "У этой команды нет параметра `{option}`.",
  "cli.error.missing-value": "Для параметра `{option}` требуется значение.",
  "cli.error.bad-language": "Язык `{value}` приложением не поддерживается. Укажите один из следующих: {allowed}.",
  "cli.error.unreadable": "Не удается прочитать `{file}`: {reason, select, missing {такого файла нет} directory {это папка} denied {доступ запрещен} other {{reason}}}.",
  "cli.error.unexpected": "Внутренняя ошибка программы: {message}",
  "cli.validate.registry-needed":
    "Реестр политики — `{ref}`, он находится в другом репозитории. Чтобы проверить его, передайте его копию с помощью `--registry ФАЙЛ`.",
  "cli.validate.registry-absent": "Файла реестра `{file}` нет: никто не подал декларацию, поэтому проверка декларации каждого участника не проходит, и ни одно решение не может быть одобрено, пока его нет. Создайте его (первый вливает администратор) или укажите путь через `--registry`.",
  "cli.validate.registry-skipped": "Реестр не проверялся, так как в политике есть проблемы.",
  "cli.validate.registry-no-base": "Реестр не проверялся, так как базовая политика недоступна.",
  "cli.validate.valid":
    "{files}: {count, plural, one {файл действителен} few {файлы действительны} many {файлы действительны} other {файлы действительны}}{warnings, plural, =0 {.} one {, # предупреждение.} few {, # предупреждения.} many {, # предупреждений.} other {, # предупреждения.}}",
  "cli.validate.invalid":
    "{files}: {errors, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}{warnings, plural, =0 {} one { и # предупреждение} few { и # предупреждения} many { и # предупреждений} other { и # предупреждения}}.",
  "cli.error.unreachable":
    "Не удаётся связаться с GitHub по адресу {url} ({reason}). Проверьте сетевое подключение этого компьютера или GITHUB_API_URL для GitHub Enterprise.",
  "cli.error.timeout":
    "GitHub по адресу {url} не ответил за {seconds} с. Повторите попытку позже или увеличьте время ожидания через GITHUB_REQUEST_TIMEOUT (в секундах).",
} satisfies Record<string, string>;
