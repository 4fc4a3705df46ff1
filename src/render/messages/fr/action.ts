// Messages français du domaine « action » (ICU MessageFormat) : ce qu’affiche le point d’entrée de
// l’action GitHub (src/action.ts) dans le journal d’un workflow. Traduction de en/action.ts.
export const action = {
  "action.error.not-in-workflow":
    "Partnership Governance s’exécute comme une étape d’un workflow GitHub Actions, et la variable {variable} n’est pas définie. Pour exécuter l’application ailleurs, utilisez le serveur (npm start) ou la ligne de commande.",
  "action.error.no-token":
    "Aucun jeton GitHub : renseignez l’entrée github-token de l’action (par défaut, le jeton propre au workflow) ou définissez GITHUB_TOKEN.",
  "action.error.bad-app-id":
    "L’entrée app-id doit être un nombre entier positif (l’identifiant d’application de GitHub Actions, 15368 sur github.com) ; sa valeur est `{value}`.",
  "action.error.bad-repository":
    "GITHUB_REPOSITORY doit désigner le dépôt sous la forme PROPRIÉTAIRE/NOM ; sa valeur est `{value}`.",
  "action.error.unreadable-event": "Impossible de lire le fichier d’événement {file} : {reason}",
  "action.error.pull-request-event":
    "Cette action s’exécute sur pull_request_target, jamais sur pull_request : un workflow pull_request exécute la copie du fichier de workflow contenue dans la demande de fusion (pull request) elle-même, que son auteur peut modifier. Dans le fichier de workflow, remplacez pull_request par pull_request_target.",
  "action.error.failed": "Échec de Partnership Governance sur l’événement {event} : {message}",
  "action.fork-review":
    "Revue d’une demande de fusion (pull request) issue d’un fork : GitHub donne à ce workflow un jeton en lecture seule, les vérifications ne sont donc pas écrites maintenant. Le prochain balayage planifié les écrira, ou tout de suite un commentaire /governance check sur la demande de fusion.",
  "action.done": "Partnership Governance a traité l’événement {event}.",
} satisfies Record<string, string>;
