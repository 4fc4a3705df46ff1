// Spanish messages of the "record" area (ICU MessageFormat). Same keys and placeholders as
// en/record.ts. A record is an "acta"; the transparency log, a "libro de actas" (so that it is
// never confused with the registry, "registro").
export const record = {
  "record.heading":
    "{outcome, select, adopted {Acta {seq}: decisión adoptada} pushed {Acta {seq}: envío directo a la rama predeterminada} other {Acta {seq}: decisión retirada}}",
  "record.mergedWithoutSignoff":
    "**Fusionada sin aprobación multisectorial:** esta solicitud de incorporación de cambios se fusionó sin haberse obtenido su aprobación multisectorial (por decisión de una persona con permisos de administración).",
  "record.pullRequest": "Solicitud de incorporación de cambios",
  "record.kinds": "Tipos de decisión",
  "record.author": "Autoría",
  "record.authorSector": "{login} ({sector})",
  "record.authorUndeclared": "{login} (sin declaración vigente)",
  "record.signedOff": "Aprobación multisectorial",
  "record.signedOff.value": "{held, select, yes {obtenida al cerrarse la solicitud de incorporación de cambios} other {no obtenida al cerrarse la solicitud de incorporación de cambios}}",
  "record.approvals": "Aprobaciones computadas",
  "record.approvals.sector": "{sector}: {logins}",
  "record.objections": "Objeciones",
  "record.objection": "{login} ({sector})",
  "record.opened": "Apertura",
  "record.closed": "Cierre",
  "record.mergeCommit": "Confirmación de fusión (merge commit)",
  "record.none": "ninguna",
  "record.field": "{label}:",
  "record.votes": "Votos por sector",
  "record.votes.sector": "Sector",
  "record.votes.yes": "A favor",
  "record.votes.no": "En contra",
  "record.votes.abstain": "Abstenciones",
  "record.votes.recused": "Inhibiciones",
  "record.carriedBy": "El tipo “{kind}” quedó aprobado en virtud de la alternativa {branch} de su regla.",
  "record.json":
    "El acta en formato JSON. Su `hash` es el SHA-256 del acta sin `hash`, según el esquema de canonicalización JSON (JSON Canonicalization Scheme, RFC 8785); `prev` es el hash del acta anterior.",
  "record.log.intro":
    "Esta incidencia (issue) es el libro de actas público de las decisiones cerradas en {period}. La aplicación añade un acta por decisión cuando se cierra su solicitud de incorporación de cambios; cada acta está encadenada a la anterior mediante su hash, de modo que se puede detectar cualquier modificación, supresión o reordenación de las actas.",
  "record.log.comments": "Los comentarios de cualquier persona son bienvenidos aquí; no forman parte del libro de actas.",
  "record.log.duplicate": "Esta incidencia duplica el libro de actas {url} del mismo período y se ha cerrado; el libro de actas continúa allí.",
  "record.log.closedNoReport": "El libro de actas de {period} está cerrado: se ha abierto el del período siguiente.",
  "record.verify.usage":
    "Uso: partnership-governance verify --repo PROPIETARIO/NOMBRE [--period P] [--app SLUG] [--json]\n\nLee en GitHub todas las actas del libro (con --period, hasta ese período inclusive), vuelve a calcular cada hash y cada enlace, compara cada acta con su ancla (la comprobación `Transparency record` de la aplicación) y cada ancla con el libro, e indica cada acta modificada (su texto cambiado, o su comentario editado de cualquier modo), suprimida, insertada, reordenada, escrita por alguien distinto de la aplicación (SLUG[bot]; por defecto, la aplicación cuyas credenciales se usan) o sin ancla. --json imprime un objeto JSON (ok, count, head, problems). Código de salida: 0 íntegro, 1 alterado, 2 error. Credenciales: GITHUB_TOKEN (con --app), o APP_ID y PRIVATE_KEY; GITHUB_API_URL para GitHub Enterprise.",
  "record.verify.intact":
    "íntegro: {count, plural, =0 {el libro no contiene ninguna acta} one {# acta} other {# actas}}{count, plural, =0 {} other {, cabeza de la cadena {head}}}",
  "record.verify.tampered":
    "alterado: el acta {seq} ({pr, select, none {solicitud de incorporación de cambios desconocida} other {solicitud de incorporación de cambios {pr}}}) {problem, select, edited {se modificó} deleted {se suprimió} inserted {se insertó} reordered {se desplazó de su orden} foreign {la escribió alguien distinto de la aplicación} unanchored {quedó sin su ancla} other {quedó ilegible}}",
  "record.verify.where": "en {url}",
  "record.verify.detail": "detalle: {detail}",
  "record.pushedWithoutPr": "**Envío directo a la rama predeterminada:** esta confirmación llegó a la rama predeterminada sin solicitud de incorporación de cambios y, por tanto, sin ninguna aprobación.",
  "record.forcePushed": "**Envío forzado:** la rama predeterminada no avanzó: este envío la hizo retroceder o reemplazó su historial, y se juzga sobre todo lo que difiere de la rama anterior, incluido lo que quitó.",
  "record.judgedBy": "**Reglas no válidas:** la política de la rama predeterminada antes de este envío no era válida; por eso este envío queda registrado cambiara lo que cambiara, juzgado por las últimas reglas válidas, las del commit {commit}.",
  "record.defaultBranchSwitched": "**Rama predeterminada cambiada** de {from} a {to}: las reglas y los archivos gobernados vienen ahora de otra rama, juzgada según las de {from} antes del cambio.",
  "record.pusher": "Enviado por",
  "record.commit": "Confirmación (commit)",
  "record.rules": "Juzgada según las reglas de la confirmación",
  "record.anchor.title": "Acta {seq} del libro de transparencia",
  "record.anchor.summary": "Esta comprobación ancla el acta {seq} del libro de transparencia del repositorio ({url}). Solo la aplicación puede escribirla o modificarla y nadie puede eliminarla, por lo que `verify` la compara con el libro.\n\n- seq: {seq}\n- hash: `{hash}`\n- prev: `{prev}`",
  "record.anchor.follows": "Esta es una copia, escrita en el commit del acta {prevSeq}, la anterior: `verify` encuentra el acta {seq} desde allí aunque el commit propio del acta {seq} (`{commit}`) ya no esté en ninguna rama.",
  "record.verify.needApp": "¿Qué aplicación escribió el libro? Indique --app SLUG (el nombre de la aplicación en su dirección, github.com/apps/SLUG), o ejecute el comando con el APP_ID y la PRIVATE_KEY de la aplicación.",
  "record.verify.badApp": "`{value}` no es el identificador de una aplicación (letras, cifras y guiones)",
} satisfies Record<string, string>;
