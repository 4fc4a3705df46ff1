// Messages français du domaine « signoff » (ICU MessageFormat). Traduction de en/signoff.ts.
// Les titres et les formules « première condition non remplie » sont les MessageRef que renvoient
// src/core/signoff.ts et src/core/rules.ts ; `op` vaut "at_least" ou "more_than", `needed` un nombre ou "2/3".
export const signoff = {
  "signoff.title.notDecision": "Pas une décision",
  "signoff.title.otherBase": "Pas une décision : vise {base}, non la branche par défaut {defaultBranch}",
  "signoff.title.invalid":
    "La politique de gouvernance ou le registre n’est pas valide ({count, plural, one {# erreur} other {# erreurs}})",
  "signoff.title.invalidHead":
    "La politique ou le registre de cette demande de fusion n’est pas valide ({count, plural, one {# erreur} other {# erreurs}})",
  "signoff.title.blocked": "Bloquée par une objection : {sectors}",
  "signoff.title.memoGap": "En attente d’un nouveau signal de {people} : l’application a perdu la trace de commandes sur cette demande de fusion",
  "signoff.title.draft": "Brouillon : la validation commencera lorsque la demande de fusion sera prête pour examen",
  // `end` est préformaté « AAAA-MM-JJ HH:mm UTC ».
  "signoff.title.commentPeriod": "Fin de la période de consultation : {end}",
  "signoff.title.commentPeriodUnknown": "Période de consultation : la demande de fusion n’a pas de date de création valide",
  "signoff.title.signedOff": "Validée par {n, plural, one {# secteur} other {# secteurs}}",

  "signoff.unmet.empty": "La règle de décision n’est pas remplie",
  "signoff.unmet.noVoters": "Le secteur {sector} n’a aucun votant ; la règle ne peut donc pas être remplie",
  "signoff.unmet.sectors":
    "Secteurs : {count} sur {needed} ; {missing, plural, one {encore # secteur attendu} other {encore # secteurs attendus}}",
  "signoff.unmet.sectors.required": "Secteurs : {count} sur {needed} ; en attente de : {sectors}",
  "signoff.unmet.approvals.count":
    "Approbations : {count, plural, one {# comptée} other {# comptées}} ; il en faut {op, select, more_than {plus de} other {au moins}} {needed}",
  "signoff.unmet.approvals.count.sector":
    "Approbations ({sector}) : {count, plural, one {# comptée} other {# comptées}} ; il en faut {op, select, more_than {plus de} other {au moins}} {needed}",
  "signoff.unmet.approvals.share":
    "Approbations : {yes} sur {total, plural, one {# {of, select, cast {suffrage exprimé} present {votant présent} other {votant inscrit}}} other {# {of, select, cast {suffrages exprimés} present {votants présents} other {votants inscrits}}}} ; il en faut {op, select, more_than {plus de} other {au moins}} {needed}",
  "signoff.unmet.approvals.share.sector":
    "Approbations ({sector}) : {yes} sur {total, plural, one {# {of, select, cast {suffrage exprimé} present {votant présent} other {votant inscrit}}} other {# {of, select, cast {suffrages exprimés} present {votants présents} other {votants inscrits}}}} ; il en faut {op, select, more_than {plus de} other {au moins}} {needed}",
  "signoff.unmet.approvals.equal":
    "Approbations : {share, number, percent}, les secteurs ayant le même poids ; il faut {op, select, more_than {plus de} other {au moins}} {needed}",
  "signoff.unmet.quorum":
    "Quorum : participation de {present} sur {registered} ; il faut {op, select, more_than {plus de} other {au moins}} {needed}",
  "signoff.unmet.quorum.sector":
    "Quorum ({sector}) : participation de {present} sur {registered} ; il faut {op, select, more_than {plus de} other {au moins}} {needed}",

  "signoff.notCounted.undeclared": "non déclaré",
  "signoff.notCounted.expired": "déclaration expirée",
  "signoff.notCounted.not-yet": "déclaration pas encore en vigueur",
  "signoff.notCounted.unknown-sector": "secteur absent de la politique",
  "signoff.notCounted.invalid-date": "la date de déclaration n’est pas une date réelle",
  "signoff.notCounted.no-id": "la déclaration ne donne pas d’identifiant de compte",
  "signoff.notCounted.author": "auteur de la demande de fusion",
  "signoff.notCounted.bot": "robot (bot)",
  "signoff.notCounted.earlier-commit": "a approuvé un commit antérieur",
  "signoff.notCounted.over-cap": "au-delà du plafond d’approbations de son secteur",
  "signoff.notCounted.edited-comment": "commentaire modifié",
  "signoff.notCounted.observer": "observateur",
  "signoff.notCounted.recused": "récusation",
  "signoff.notCounted.other-base": "approbation donnée sous une autre branche de base",

  "signoff.warning.noVoters": "Le secteur {sector} n’a aucun votant : une condition qui l’exige ne peut pas être remplie",
} satisfies Record<string, string>;
