// Messages français du domaine « cli » (ICU MessageFormat). Traduction de en/cli.ts.
// Les noms de commandes et d’options restent en anglais ; seules les métavariables sont traduites.
export const cli = {
  "cli.usage.main":
    "Utilisation : partnership-governance <commande> [options]\n\nCommandes :\n  validate   vérifie une politique et un registre sur disque\n  simulate   montre ce que diraient les vérifications d’une demande de fusion (pull request) décrite dans un fichier\n  report     établit et publie le rapport de transparence d’une période\n  verify     vérifie la chaîne d’empreintes (hash) du journal de transparence\n  sweep      effectue un passage du planificateur sur toutes les installations\n\nPour connaître les options d’une commande : `partnership-governance <commande> --help`.",
  "cli.usage.validate":
    "Utilisation : partnership-governance validate [--config FICHIER] [--registry FICHIER] [--lang LANGUE]\n\n  --config FICHIER     la politique (par défaut .github/governance.yml)\n  --registry FICHIER   le registre (par défaut : le `registry` de la politique, s’il s’agit d’un chemin dans ce dépôt)\n  --lang LANGUE        la langue des messages : en, fr, es, ru, zh ou ar (par défaut en)\n\nCode de sortie : 0 valide (avertissements admis), 1 problèmes détectés, 2 utilisation incorrecte ou fichier illisible.",
  "cli.error.unknown-command": "`{command}` n’est pas une commande.",
  "cli.error.unknown-option": "`{option}` n’est pas une option de cette commande.",
  "cli.error.missing-value": "L’option `{option}` exige une valeur.",
  "cli.error.bad-language": "`{value}` n’est pas une langue de l’application. Choisissez parmi : {allowed}.",
  "cli.error.unreadable": "Impossible de lire `{file}` : {reason, select, missing {ce fichier n’existe pas} directory {il s’agit d’un dossier} denied {accès refusé} other {{reason}}}.",
  "cli.error.unexpected": "Une erreur interne au programme s’est produite : {message}",
  "cli.validate.registry-needed":
    "Le registre de la politique est `{ref}`, dans un autre dépôt. Pour le vérifier, fournissez-en une copie avec `--registry FICHIER`.",
  "cli.validate.registry-absent": "Le fichier de registre `{file}` n’existe pas : personne ne s’est déclaré, donc la vérification de déclaration de chaque contributeur échoue et aucune décision ne peut être validée tant qu’il n’existe pas. Créez-le (le premier est fusionné par un administrateur), ou indiquez son chemin avec `--registry`.",
  "cli.validate.registry-skipped": "Le registre n’a pas été vérifié, car la politique comporte des problèmes.",
  "cli.validate.registry-no-base": "Le registre n’a pas été vérifié, car la politique de base n’était pas disponible.",
  "cli.validate.valid":
    "{files} {count, plural, one {est valide} other {sont valides}}{warnings, plural, =0 {.} one {, avec # avertissement.} other {, avec # avertissements.}}",
  "cli.validate.invalid":
    "{errors, plural, one {# problème} other {# problèmes}}{warnings, plural, =0 {} one { et # avertissement} other { et # avertissements}} dans {files}.",
  "cli.error.unreachable":
    "Impossible de joindre GitHub à {url} ({reason}). Vérifiez la connexion réseau de cette machine, ou GITHUB_API_URL pour GitHub Enterprise.",
  "cli.error.timeout":
    "GitHub à {url} n’a pas répondu en {seconds} secondes. Réessayez plus tard, ou accordez plus de temps avec GITHUB_REQUEST_TIMEOUT (en secondes).",
} satisfies Record<string, string>;
