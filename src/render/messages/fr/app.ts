// Messages français du domaine « app » (ICU MessageFormat) : messages propres à l’évaluation et
// commande sweep. Traduction de en/app.ts, mêmes clés et mêmes paramètres.
export const app = {
  "app.policy-deleted":
    "Cette demande de fusion (pull request) supprime le fichier de politique de gouvernance {file}. Le dépôt ne serait plus soumis à la gouvernance ; elle ne peut donc pas être validée en l’état : rétablissez le fichier ou remplacez-le par une politique valide.",
  "app.sweep.usage":
    "Utilisation : partnership-governance sweep [--repo PROPRIÉTAIRE/NOM]\n\nEffectue un passage du planificateur : publie les rapports de transparence arrivés à échéance et évalue de nouveau chaque demande de fusion (pull request) ouverte de chaque dépôt soumis à la gouvernance.\nAvec APP_ID et PRIVATE_KEY : toutes les installations de l’application. Avec GITHUB_TOKEN : un seul dépôt (--repo, ou GITHUB_REPOSITORY).",
  "app.sweep.need-repo":
    "Avec GITHUB_TOKEN, indiquez le dépôt à traiter : --repo PROPRIÉTAIRE/NOM (ou définissez GITHUB_REPOSITORY).",
  "app.sweep.done":
    "Passage terminé : {installations, plural, one {# installation} other {# installations}}, {repositories, plural, one {# dépôt} other {# dépôts}} (dont {governed} soumis à la gouvernance), {pullRequests, plural, one {# demande de fusion ouverte évaluée} other {# demandes de fusion ouvertes évaluées}}, {failures, plural, =0 {aucune évaluation en échec} one {# évaluation en échec} other {# évaluations en échec}}, {errors, plural, =0 {aucune autre erreur} one {# autre erreur} other {# autres erreurs}}.",
} satisfies Record<string, string>;
