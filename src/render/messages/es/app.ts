// Spanish messages of the "app" area (ICU MessageFormat): the evaluation's own messages and the
// sweep command. Same keys and placeholders as en/app.ts.
export const app = {
  "app.policy-deleted":
    "Esta solicitud de incorporación de cambios (pull request) elimina el archivo de la política {file}. El repositorio dejaría de estar sujeto a gobernanza, por lo que la solicitud no puede recibir la aprobación multisectorial tal como está: restablezca el archivo o sustitúyalo por una política válida.",
  "app.sweep.usage":
    "Uso: partnership-governance sweep [--repo PROPIETARIO/NOMBRE]\n\nUna pasada del programador de tareas: publica los informes de transparencia que correspondan y vuelve a evaluar todas las solicitudes de incorporación de cambios abiertas de todos los repositorios sujetos a gobernanza.\nCon APP_ID y PRIVATE_KEY: todas las instalaciones de la aplicación. Con GITHUB_TOKEN: un solo repositorio (--repo, o GITHUB_REPOSITORY).",
  "app.sweep.need-repo":
    "Con GITHUB_TOKEN, indique qué repositorio se debe revisar: --repo PROPIETARIO/NOMBRE (o defina GITHUB_REPOSITORY).",
  "app.sweep.done":
    "Pasada finalizada: {installations, plural, one {# instalación} other {# instalaciones}}, {repositories, plural, one {# repositorio} other {# repositorios}} ({governed, plural, one {# sujeto a gobernanza} other {# sujetos a gobernanza}}), {pullRequests, plural, one {# solicitud de incorporación de cambios abierta evaluada} other {# solicitudes de incorporación de cambios abiertas evaluadas}}, {failures, plural, =0 {ninguna evaluación fallida} one {# evaluación fallida} other {# evaluaciones fallidas}}, {errors, plural, =0 {ningún otro error} one {# otro error} other {# otros errores}}.",
} satisfies Record<string, string>;
