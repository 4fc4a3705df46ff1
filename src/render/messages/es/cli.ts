// Spanish messages of the "cli" area (ICU MessageFormat). Same keys and placeholders as en/cli.ts.
// Commands, options and file names stay as typed; only the prose and the metavariables are Spanish.
export const cli = {
  "cli.usage.main":
    "Uso: partnership-governance <comando> [opciones]\n\nComandos:\n  validate   comprueba una política y un registro guardados en disco\n  simulate   muestra lo que dirían las comprobaciones sobre una solicitud de incorporación de cambios descrita en un archivo\n  report     elabora y publica el informe de transparencia de un período\n  verify     comprueba la cadena de hashes del libro de actas de transparencia\n  sweep      una pasada del programador de tareas por todas las instalaciones\n\nEjecute `partnership-governance <comando> --help` para ver las opciones de un comando.",
  "cli.usage.validate":
    "Uso: partnership-governance validate [--config ARCHIVO] [--registry ARCHIVO] [--lang IDIOMA]\n\n  --config ARCHIVO     la política (por defecto, .github/governance.yml)\n  --registry ARCHIVO   el registro (por defecto, el `registry` de la política, cuando es una ruta de este repositorio)\n  --lang IDIOMA        el idioma de los mensajes: en, fr, es, ru, zh o ar (por defecto, en)\n\nCódigo de salida: 0 válido (se admiten advertencias), 1 se encontraron problemas, 2 uso incorrecto o un archivo que no se puede leer.",
  "cli.error.unknown-command": "`{command}` no es un comando.",
  "cli.error.unknown-option": "`{option}` no es una opción de este comando.",
  "cli.error.missing-value": "La opción `{option}` necesita un valor.",
  "cli.error.bad-language": "`{value}` no es un idioma de la aplicación. Utilice uno de los siguientes: {allowed}.",
  "cli.error.unreadable": "No se puede leer `{file}`: {reason, select, missing {no existe ese archivo} directory {es una carpeta} denied {permiso denegado} other {{reason}}}.",
  "cli.error.unexpected": "Se ha producido un error interno en el programa: {message}",
  "cli.validate.registry-needed":
    "El registro de la política es `{ref}`, en otro repositorio. Proporcione una copia con `--registry ARCHIVO` para comprobarlo.",
  "cli.validate.registry-absent": "No existe el archivo de registro `{file}`: nadie se ha declarado, así que la comprobación de declaración de cada colaborador falla y ninguna decisión puede aprobarse mientras no exista. Créelo (el primero lo incorpora un administrador), o indique su ruta con `--registry`.",
  "cli.validate.registry-skipped": "No se ha comprobado el registro porque la política tiene problemas.",
  "cli.validate.registry-no-base": "No se ha comprobado el registro porque la política de base no estaba disponible.",
  "cli.validate.valid":
    "{files} {count, plural, one {es válido} other {son válidos}}{warnings, plural, =0 {.} one {, con # advertencia.} other {, con # advertencias.}}",
  "cli.validate.invalid":
    "{errors, plural, one {# problema} other {# problemas}}{warnings, plural, =0 {} one { y # advertencia} other { y # advertencias}} en {files}.",
  "cli.error.unreachable":
    "No se puede contactar con GitHub en {url} ({reason}). Compruebe la conexión de red de este equipo, o GITHUB_API_URL para GitHub Enterprise.",
  "cli.error.timeout":
    "GitHub en {url} no respondió en {seconds} segundos. Inténtelo más tarde, o conceda más tiempo con GITHUB_REQUEST_TIMEOUT (en segundos).",
} satisfies Record<string, string>;
