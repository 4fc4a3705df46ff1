// Spanish messages of the "action" area (ICU MessageFormat): what the GitHub Action's entry
// (src/action.ts) prints in a workflow's log. Same keys and placeholders as en/action.ts; event
// names, inputs and variables stay as GitHub spells them.
export const action = {
  "action.error.not-in-workflow":
    "Partnership Governance se ejecuta como un paso de un flujo de trabajo de GitHub Actions, y {variable} no está definida. Para ejecutar la aplicación en otro entorno, utilice el servidor (npm start) o la línea de comandos.",
  "action.error.no-token":
    "No hay token de GitHub: proporcione a la acción su parámetro de entrada github-token (por defecto, el token del propio flujo de trabajo) o defina GITHUB_TOKEN.",
  "action.error.bad-app-id":
    "El parámetro de entrada app-id debe ser un número entero positivo (el identificador de aplicación de GitHub Actions, 15368 en github.com); su valor es `{value}`.",
  "action.error.bad-repository":
    "GITHUB_REPOSITORY debe indicar el repositorio con el formato PROPIETARIO/NOMBRE; su valor es `{value}`.",
  "action.error.unreadable-event": "No se puede leer el archivo del evento {file}: {reason}",
  "action.error.pull-request-event":
    "Esta acción se ejecuta con pull_request_target, nunca con pull_request: un flujo de trabajo pull_request ejecuta la copia del archivo del flujo de trabajo que contiene la propia solicitud de incorporación de cambios, que quien la crea puede modificar. En el archivo del flujo de trabajo, sustituya pull_request por pull_request_target.",
  "action.error.failed": "Partnership Governance ha fallado al procesar el evento {event}: {message}",
  "action.fork-review":
    "Revisión de una solicitud de incorporación de cambios (pull request) procedente de un fork: GitHub da a este flujo de trabajo un token de solo lectura, por lo que las comprobaciones no se escriben ahora. Las escribirá el próximo barrido programado o, de inmediato, un comentario /governance check en la solicitud.",
  "action.done": "Partnership Governance ha procesado el evento {event}.",
} satisfies Record<string, string>;
