// es: messages of the "setup" area, translated from en/setup.ts (same keys, same params).
export const setup = {
  "setup.title":
    "Registrar Partnership Governance en GitHub",
  "setup.problems":
    "Antes de poder registrar la aplicación, defina:",
  "setup.problem.org":
    "GH_ORG: el identificador de la organización de la alianza en GitHub. La aplicación se registra como aplicación privada de esa organización, para que solo la organización pueda instalarla.",
  "setup.problem.webhook":
    "WEBHOOK_URL: la dirección pública en la que GitHub alcanza este servidor, por ejemplo https://governance.example.org/api/github/webhooks (detrás de un proxy TLS). Para una prueba sin dirección pública, WEBHOOK_PROXY_URL en su lugar: un canal creado en https://smee.io/new, que este servidor lee después.",
  "setup.problem.webhook-invalid":
    "WEBHOOK_URL es {value}: GitHub no puede alcanzarla. Indique una dirección http o https en un servidor público (no localhost).",
  "setup.problem.name":
    "APP_NAME es {value}: GitHub admite como máximo {max} caracteres.",
  "setup.restart":
    "Defínalas en el entorno o en el archivo .env de esta carpeta, reinicie la aplicación (npm start) y vuelva a cargar esta página.",
  "setup.explain.register":
    "El botón de abajo abre la página de GitHub que registra una GitHub App privada de la organización {org}, propuesta con el nombre {name}. Los nombres de las GitHub Apps son únicos en GitHub: si GitHub indica que ya existe, cámbielo en esa página.",
  "setup.explain.webhook":
    "GitHub enviará los webhooks de la aplicación a {url}.",
  "setup.explain.proxy":
    "GitHub enviará los webhooks de la aplicación al canal de reenvío {url}, que este servidor lee mientras funciona: solo para pruebas, el canal es público.",
  "setup.explain.after":
    "Una vez registrada, la aplicación escribe sus credenciales en el archivo .env de esta carpeta, y GitHub pregunta dónde instalarla: elija {org}. Después reinicie la aplicación (npm start): a partir de entonces gobierna.",
} satisfies Record<string, string>;
