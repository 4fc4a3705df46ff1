// Russian messages of the "action" area (mirrors en/action.ts): what the GitHub Action's entry
// prints in a workflow's log.
export const action = {
  "action.error.not-in-workflow":
    "Приложение Partnership Governance выполняется как шаг рабочего процесса (workflow) GitHub Actions, а переменная {variable} не задана. Чтобы запустить приложение в другой среде, используйте сервер (npm start) или командную строку.",
  "action.error.no-token":
    "Нет токена GitHub: передайте действию входной параметр github-token (по умолчанию — собственный токен рабочего процесса) или задайте GITHUB_TOKEN.",
  "action.error.bad-app-id":
    "Входной параметр app-id должен быть целым положительным числом (идентификатор приложения GitHub Actions, на github.com — 15368); сейчас его значение — `{value}`.",
  "action.error.bad-repository":
    "GITHUB_REPOSITORY должна указывать репозиторий в виде ВЛАДЕЛЕЦ/ИМЯ; сейчас ее значение — `{value}`.",
  "action.error.unreadable-event": "Не удается прочитать файл события {file}: {reason}",
  "action.error.pull-request-event":
    "Это действие запускается по событию pull_request_target и никогда по pull_request: рабочий процесс pull_request выполняет копию файла рабочего процесса из самого запроса на слияние, которую его автор может изменить. В файле рабочего процесса замените pull_request на pull_request_target.",
  "action.error.failed": "Сбой Partnership Governance при обработке события {event}: {message}",
  "action.fork-review":
    "Рецензия к запросу на слияние из форка: GitHub выдает этому рабочему процессу токен только для чтения, поэтому проверки сейчас не записываются. Их запишет следующий плановый проход (sweep); чтобы записать их сразу, оставьте в запросе на слияние комментарий /governance check.",
  "action.done": "Приложение Partnership Governance обработало событие {event}.",
} satisfies Record<string, string>;
