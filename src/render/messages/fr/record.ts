// Messages français du domaine « record » (ICU MessageFormat). Traduction de en/record.ts.
// Les inscriptions au journal sont des documents publics : registre soutenu, formulation exacte.
export const record = {
  "record.heading":
    "{outcome, select, adopted {Inscription n° {seq} : décision adoptée} pushed {Inscription n° {seq} : envoi direct sur la branche par défaut} other {Inscription n° {seq} : décision retirée}}",
  "record.mergedWithoutSignoff":
    "**Fusion sans validation :** cette demande de fusion a été fusionnée alors que sa validation n’était pas acquise (passage outre par un administrateur).",
  "record.pullRequest": "Demande de fusion (pull request)",
  "record.kinds": "Types de décision",
  "record.author": "Auteur",
  "record.authorSector": "{login} ({sector})",
  "record.authorUndeclared": "{login} (aucune déclaration en vigueur)",
  "record.signedOff": "Validation",
  "record.signedOff.value": "{held, select, yes {acquise à la clôture de la demande de fusion} other {non acquise à la clôture de la demande de fusion}}",
  "record.approvals": "Approbations comptées",
  "record.approvals.sector": "{sector} : {logins}",
  "record.objections": "Objections",
  "record.objection": "{login} ({sector})",
  "record.opened": "Ouverture",
  "record.closed": "Clôture",
  "record.mergeCommit": "Commit de fusion",
  "record.none": "néant",
  "record.field": "{label} :",
  "record.votes": "Votes par secteur",
  "record.votes.sector": "Secteur",
  "record.votes.yes": "Pour",
  "record.votes.no": "Contre",
  "record.votes.abstain": "Abstentions",
  "record.votes.recused": "Récusations",
  "record.carriedBy": "Type « {kind} » : la règle a été satisfaite par sa variante {branch}.",
  "record.json":
    "L’inscription au format JSON. Son `hash` est l’empreinte SHA-256 de l’inscription sans `hash`, sérialisée selon le schéma de canonicalisation JSON (JSON Canonicalization Scheme, RFC 8785) ; `prev` est l’empreinte de l’inscription précédente.",
  "record.log.intro":
    "Ce ticket (issue) constitue le journal public des décisions clôturées au cours de la période {period}. L’application y ajoute une inscription par décision, à la clôture de la demande de fusion (pull request) correspondante ; chaque inscription est chaînée à la précédente par son empreinte (hash), de sorte que toute modification, suppression ou réorganisation des inscriptions peut être détectée.",
  "record.log.comments": "Les commentaires sont les bienvenus ici ; ils ne font pas partie du journal.",
  "record.log.duplicate": "Ce ticket fait double emploi avec le journal {url} de la même période et est clos ; le journal se poursuit à cette adresse.",
  "record.log.closedNoReport": "Le journal de la période {period} est clos : le journal de la période suivante est ouvert.",
  "record.verify.usage":
    "Utilisation : partnership-governance verify --repo PROPRIÉTAIRE/NOM [--period P] [--app SLUG] [--json]\n\nLit toutes les inscriptions du journal sur GitHub (avec --period, jusqu’à cette période incluse), recalcule chaque empreinte et chaque lien, compare chaque inscription à son ancre (la vérification `Transparency record` de l’application) et chaque ancre au journal, et désigne chaque inscription modifiée (son texte changé, ou son commentaire modifié de quelque façon que ce soit), supprimée, insérée, déplacée, écrite par un autre que l’application (SLUG[bot] ; par défaut, l’application dont les identifiants sont utilisés) ou laissée sans ancre. --json affiche un objet JSON (ok, count, head, problems). Code de sortie : 0 intact, 1 altéré, 2 erreur. Identifiants de connexion : GITHUB_TOKEN (avec --app), ou APP_ID et PRIVATE_KEY ; GITHUB_API_URL pour GitHub Enterprise.",
  "record.verify.intact":
    "intact : {count, plural, =0 {le journal ne contient aucune inscription} one {# inscription} other {# inscriptions}}{count, plural, =0 {} other {, dernier maillon {head}}}",
  "record.verify.tampered":
    "altéré : l’inscription n° {seq} ({pr, select, none {demande de fusion inconnue} other {demande de fusion {pr}}}) a été {problem, select, edited {modifiée} deleted {supprimée} inserted {insérée} reordered {déplacée hors de son ordre} foreign {écrite par un autre que l’application} unanchored {laissée sans son ancre} other {rendue illisible}}",
  "record.verify.where": "à l’adresse {url}",
  "record.verify.detail": "détail : {detail}",
  "record.pushedWithoutPr": "**Envoi direct sur la branche par défaut :** ce commit est arrivé sur la branche par défaut sans demande de fusion, donc sans aucune validation.",
  "record.forcePushed": "**Envoi forcé :** la branche par défaut n’a pas avancé : cet envoi l’a ramenée en arrière ou a remplacé son historique, et il est jugé sur tout ce qui diffère de la branche d’avant, y compris ce qu’il a retiré.",
  "record.judgedBy": "**Règles invalides :** la politique de la branche par défaut avant cet envoi était invalide ; cet envoi est donc consigné quoi qu’il ait changé, jugé par les dernières règles valides, celles du commit {commit}.",
  "record.defaultBranchSwitched": "**Branche par défaut changée** de {from} à {to} : les règles et les fichiers gouvernés viennent désormais d’une autre branche, jugée selon celles de {from} avant le changement.",
  "record.pusher": "Envoyé par",
  "record.commit": "Commit",
  "record.rules": "Jugée selon les règles du commit",
  "record.anchor.title": "Inscription n° {seq} du journal de transparence",
  "record.anchor.summary": "Cette vérification ancre l’inscription n° {seq} du journal de transparence du dépôt ({url}). Seule l’application peut l’écrire ou la modifier et personne ne peut la supprimer : `verify` la compare donc au journal.\n\n- seq : {seq}\n- hash : `{hash}`\n- prev : `{prev}`",
  "record.anchor.follows": "Ceci est une copie, écrite sur le commit de l’inscription n° {prevSeq}, celle qui la précède : `verify` retrouve l’inscription n° {seq} à partir de là, même quand son propre commit (`{commit}`) n’est plus sur aucune branche.",
  "record.verify.needApp": "Quelle application a écrit le journal ? Indiquez --app SLUG (le nom de l’application dans son adresse, github.com/apps/SLUG), ou lancez la commande avec les APP_ID et PRIVATE_KEY de l’application.",
  "record.verify.badApp": "`{value}` n’est pas l’identifiant d’une application (lettres, chiffres et tirets)",
} satisfies Record<string, string>;
