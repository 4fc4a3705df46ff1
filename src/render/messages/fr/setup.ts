// fr: messages of the "setup" area, translated from en/setup.ts (same keys, same params).
export const setup = {
  "setup.title":
    "Enregistrer Partnership Governance sur GitHub",
  "setup.problems":
    "Avant de pouvoir enregistrer l’application, définissez :",
  "setup.problem.org":
    "GH_ORG : l’identifiant de l’organisation du partenariat sur GitHub. L’application est enregistrée comme application privée de cette organisation, pour que seule l’organisation puisse l’installer.",
  "setup.problem.webhook":
    "WEBHOOK_URL : l’adresse publique à laquelle GitHub joint ce serveur, par exemple https://governance.example.org/api/github/webhooks (derrière un proxy TLS). Pour un essai sans adresse publique, WEBHOOK_PROXY_URL à la place : un canal créé sur https://smee.io/new, que ce serveur lit ensuite.",
  "setup.problem.webhook-invalid":
    "WEBHOOK_URL vaut {value} : GitHub ne peut pas la joindre. Donnez une adresse http ou https sur un hôte public (pas localhost).",
  "setup.problem.name":
    "APP_NAME vaut {value} : GitHub accepte au plus {max} caractères.",
  "setup.restart":
    "Définissez-les dans l’environnement ou dans le fichier .env de ce dossier, puis redémarrez l’application (npm start) et rechargez cette page.",
  "setup.explain.register":
    "Le bouton ci-dessous ouvre la page de GitHub qui enregistre une GitHub App privée de l’organisation {org}, proposée sous le nom {name}. Les noms des GitHub Apps sont uniques sur GitHub : si GitHub indique qu’il est pris, changez-le sur cette page.",
  "setup.explain.webhook":
    "GitHub enverra les webhooks de l’application à {url}.",
  "setup.explain.proxy":
    "GitHub enverra les webhooks de l’application au canal relais {url}, que ce serveur lit tant qu’il tourne : pour un essai seulement, le canal est public.",
  "setup.explain.after":
    "Une fois l’application enregistrée, elle écrit ses identifiants dans le fichier .env de ce dossier, et GitHub demande où l’installer : choisissez {org}. Redémarrez ensuite l’application (npm start) : elle gouverne dès lors.",
} satisfies Record<string, string>;
