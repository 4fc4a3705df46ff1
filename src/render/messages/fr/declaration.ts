// Messages français du domaine « declaration » (ICU MessageFormat). Traduction de en/declaration.ts.
// Les titres sont ceux que renvoie src/core/declarations.ts ; chaque motif correspond à un code NotDeclaredReason.
export const declaration = {
  "declaration.title.success": "Tous les contributeurs se sont déclarés",
  "declaration.title.failure":
    "{count, plural, one {# contributeur ne s’est pas déclaré} other {# contributeurs ne se sont pas déclarés}} : {logins}",
  "declaration.title.invalid":
    "La politique de gouvernance ou le registre n’est pas valide ({count, plural, one {# erreur} other {# erreurs}})",
  "declaration.title.commitsTruncated":
    "Cette pull request a plus de commits que GitHub n’en liste ({listed} sur {total}) : ses auteurs de commits ne peuvent pas tous être vérifiés. Fusionnez ses commits (squash) ou divisez-la en pull requests plus petites",
  "declaration.reason.no-entry": "aucune entrée dans le registre",
  "declaration.reason.expired": "déclaration expirée le {expiredOn}",
  "declaration.reason.not-yet": "déclaration datée du {declared}, pas encore en vigueur",
  "declaration.reason.unknown-sector": "le secteur {sector} ne figure pas dans la politique",
  "declaration.reason.invalid-date": "la date de déclaration {value} n’est pas une date réelle",
  "declaration.reason.no-id": "la déclaration ne donne pas d’identifiant de compte",
  "declaration.reason.no-account": "le commit {commit} porte une adresse électronique que GitHub ne relie à aucun compte",
  "declaration.inThisPr": "déclaration faite dans cette demande de fusion",
  "declaration.exempt.bot": "compte de robot (bot), jamais tenu de se déclarer",
  "declaration.exempt.exempt": "exempté par la politique",
} satisfies Record<string, string>;
