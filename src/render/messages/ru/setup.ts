// ru: messages of the "setup" area, translated from en/setup.ts (same keys, same params).
export const setup = {
  "setup.title":
    "Регистрация Partnership Governance на GitHub",
  "setup.problems":
    "Прежде чем зарегистрировать приложение, задайте:",
  "setup.problem.org":
    "GH_ORG: логин организации партнёрства на GitHub. Приложение регистрируется как закрытое приложение этой организации, чтобы установить его могла только она.",
  "setup.problem.webhook":
    "WEBHOOK_URL: публичный адрес, по которому GitHub достигает этого сервера, например https://governance.example.org/api/github/webhooks (за TLS-прокси). Для пробы без публичного адреса — вместо него WEBHOOK_PROXY_URL: канал, созданный на https://smee.io/new, из которого этот сервер затем читает.",
  "setup.problem.webhook-invalid":
    "WEBHOOK_URL равен {value}: GitHub не может до него достучаться. Укажите адрес http или https на публичном хосте (не localhost).",
  "setup.problem.name":
    "APP_NAME равен {value}: GitHub допускает не более {max} символов.",
  "setup.restart":
    "Задайте их в окружении или в файле .env этой папки, затем перезапустите приложение (npm start) и обновите эту страницу.",
  "setup.explain.register":
    "Кнопка ниже открывает страницу GitHub, на которой регистрируется закрытое GitHub App организации {org} с предложенным именем {name}. Имена GitHub App уникальны на всём GitHub: если GitHub сообщит, что имя занято, измените его на той странице.",
  "setup.explain.webhook":
    "GitHub будет отправлять вебхуки приложения на {url}.",
  "setup.explain.proxy":
    "GitHub будет отправлять вебхуки приложения в прокси-канал {url}, из которого этот сервер читает, пока работает: только для пробы, канал публичный.",
  "setup.explain.after":
    "После регистрации приложение запишет свои учётные данные в файл .env этой папки, а GitHub спросит, куда его установить: выберите {org}. Затем перезапустите приложение (npm start): с этого момента оно управляет процессом.",
} satisfies Record<string, string>;
