// Spanish messages of the "declaration" area (ICU MessageFormat). Same keys and placeholders as
// en/declaration.ts. A person "presenta su declaración" (Spanish does not use "declarar" alone).
export const declaration = {
  "declaration.title.success": "Todas las personas colaboradoras han presentado su declaración",
  "declaration.title.failure":
    "{count, plural, one {# persona colaboradora no ha} other {# personas colaboradoras no han}} presentado su declaración: {logins}",
  "declaration.title.invalid":
    "La política de gobernanza o el registro no son válidos ({count, plural, one {# error} other {# errores}})",
  "declaration.title.commitsTruncated":
    "Esta pull request tiene más commits de los que GitHub lista ({listed} de {total}): no se puede comprobar a todos sus autores de commits. Combine sus commits (squash) o divídala en pull requests más pequeñas",
  "declaration.reason.no-entry": "no figura en el registro",
  "declaration.reason.expired": "declaración vencida el {expiredOn}",
  "declaration.reason.not-yet": "declaración con fecha {declared}, aún no vigente",
  "declaration.reason.unknown-sector": "el sector {sector} no figura en la política",
  "declaration.reason.invalid-date": "la fecha de la declaración, {value}, no es una fecha real",
  "declaration.reason.no-id": "la declaración no indica el identificador de la cuenta",
  "declaration.reason.no-account": "la confirmación (commit) {commit} tiene una dirección de correo electrónico que GitHub no vincula a ninguna cuenta",
  "declaration.inThisPr": "declaración presentada en esta solicitud de incorporación de cambios",
  "declaration.exempt.bot": "cuenta de bot; nunca se le pide la declaración",
  "declaration.exempt.exempt": "exención prevista en la política",
} satisfies Record<string, string>;
