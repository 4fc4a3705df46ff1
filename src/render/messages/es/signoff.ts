// Spanish messages of the "signoff" area (ICU MessageFormat). Same keys and placeholders as
// en/signoff.ts. "Sign-off" is "aprobación multisectorial"; one reviewer's approval is "aprobación".
// `op` is "at_least" or "more_than", `needed` a count or a fraction such as "2/3".
export const signoff = {
  "signoff.title.notDecision": "No es una decisión",
  "signoff.title.otherBase": "No es una decisión: apunta a {base}, no a la rama predeterminada {defaultBranch}",
  "signoff.title.invalid":
    "La política de gobernanza o el registro no son válidos ({count, plural, one {# error} other {# errores}})",
  "signoff.title.invalidHead":
    "La política o el registro de esta solicitud de incorporación de cambios no son válidos ({count, plural, one {# error} other {# errores}})",
  "signoff.title.blocked": "Bloqueada por una objeción de {sectors}",
  "signoff.title.memoGap": "A la espera de que {people} vuelva a dar su señal: la aplicación perdió el rastro de comandos en esta solicitud de incorporación de cambios",
  "signoff.title.draft": "Borrador: la aprobación multisectorial empieza cuando la solicitud de incorporación de cambios está lista para revisión",
  // `end` is preformatted "YYYY-MM-DD HH:mm UTC".
  "signoff.title.commentPeriod": "El período de consulta finaliza el {end}",
  "signoff.title.commentPeriodUnknown": "Período de consulta: la solicitud de incorporación de cambios no tiene una fecha de creación válida",
  "signoff.title.signedOff": "Aprobada por {n, plural, one {# sector} other {# sectores}}",

  "signoff.unmet.empty": "No se cumple la regla de decisión",
  "signoff.unmet.noVoters": "El sector {sector} no tiene votantes, por lo que la regla no puede cumplirse",
  "signoff.unmet.sectors":
    "{count} de {needed} sectores: a la espera de {missing, plural, one {# sector más} other {# sectores más}}",
  "signoff.unmet.sectors.required": "{count} de {needed} sectores: a la espera de {sectors}",
  "signoff.unmet.approvals.count":
    "Aprobaciones computadas: {count}; {op, select, more_than {se necesitan más de {needed}} other {{needed, plural, one {se necesita al menos #} other {se necesitan al menos #}}}}",
  "signoff.unmet.approvals.count.sector":
    "Aprobaciones computadas en el sector {sector}: {count}; {op, select, more_than {se necesitan más de {needed}} other {{needed, plural, one {se necesita al menos #} other {se necesitan al menos #}}}}",
  "signoff.unmet.approvals.share":
    "Aprobaciones: {yes} de {total} {of, select, cast {votos emitidos} present {votantes presentes} other {votantes inscritos}} a favor; se necesita {op, select, more_than {más de} other {al menos}} {needed}",
  "signoff.unmet.approvals.share.sector":
    "Aprobaciones en el sector {sector}: {yes} de {total} {of, select, cast {votos emitidos} present {votantes presentes} other {votantes inscritos}} a favor; se necesita {op, select, more_than {más de} other {al menos}} {needed}",
  "signoff.unmet.approvals.equal":
    "Aprobaciones: {share, number, percent} con igual peso para cada sector; se necesita {op, select, more_than {más de} other {al menos}} {needed}",
  "signoff.unmet.quorum":
    "Quórum: participaron {present} de {registered}; se necesita {op, select, more_than {más de} other {al menos}} {needed}",
  "signoff.unmet.quorum.sector":
    "Quórum en el sector {sector}: participaron {present} de {registered}; se necesita {op, select, more_than {más de} other {al menos}} {needed}",

  "signoff.notCounted.undeclared": "sin declaración",
  "signoff.notCounted.expired": "declaración vencida",
  "signoff.notCounted.not-yet": "declaración aún no vigente",
  "signoff.notCounted.unknown-sector": "sector que no figura en la política",
  "signoff.notCounted.invalid-date": "la fecha de la declaración no es una fecha real",
  "signoff.notCounted.no-id": "la declaración no indica el identificador de la cuenta",
  "signoff.notCounted.author": "autor o autora de la solicitud de incorporación de cambios",
  "signoff.notCounted.bot": "bot",
  "signoff.notCounted.earlier-commit": "aprobó una confirmación (commit) anterior",
  "signoff.notCounted.over-cap": "supera el máximo de aprobaciones de su sector",
  "signoff.notCounted.edited-comment": "comentario editado",
  "signoff.notCounted.observer": "en calidad de observador, sin voto",
  "signoff.notCounted.recused": "se inhibió",
  "signoff.notCounted.other-base": "aprobó con otra rama base",

  "signoff.warning.noVoters": "El sector {sector} no tiene votantes: una condición que lo requiera no puede cumplirse",
} satisfies Record<string, string>;
