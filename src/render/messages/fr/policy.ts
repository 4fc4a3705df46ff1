// Messages français du domaine « policy » (ICU MessageFormat). Traduction de en/policy.ts.
// Le code de chaque diagnostic est sa clé : les mots que lit le secrétariat pour ce problème.
// Les clés YAML, valeurs et noms de fichiers entre accents graves restent tels quels.
export const policy = {
  // Le fichier dans son ensemble
  "policy.file.too-large": "Ce fichier dépasse {max} Ko, la taille maximale que l’application lit. Réduisez-le.",
  "policy.file.not-utf8": "Ce fichier n’est pas un texte UTF-8. Enregistrez-le de nouveau avec l’encodage UTF-8.",
  "policy.file.not-a-map": "Ce fichier doit être une liste de paramètres (lignes `clé: valeur`), commençant par `sectors:`.",
  "policy.yaml.syntax": "Ce texte n’est pas du YAML valide ({detail}). Vérifiez l’indentation (des espaces, pas de tabulations) et que chaque guillemet et chaque crochet est bien fermé.",
  "policy.yaml.duplicate-key": "`{key}` figure deux fois au même endroit (la première fois à la ligne {line}). N’en gardez qu’une.",
  "policy.yaml.several-documents": "Ce fichier contient plus d’un document YAML (une ligne `---` en commence un second). N’en gardez qu’un.",
  "policy.yaml.too-deep": "Les paramètres sont imbriqués ici sur plus de {max} niveaux. Simplifiez le fichier.",
  "policy.yaml.too-many-nodes": "Ce fichier contient plus de {max} valeurs. Réduisez-le.",
  "policy.yaml.too-many-aliases": "Ce fichier utilise plus de {max} alias YAML (`*nom`). Écrivez plutôt les valeurs en toutes lettres.",
  "policy.yaml.alias-expansion": "Les alias YAML (`*nom`) de ce fichier produiraient un trop grand nombre de valeurs (plus de {max}), ou renvoient à une ancre qui n’existe pas. Écrivez plutôt les valeurs en toutes lettres.",

  // Problèmes de schéma
  "policy.schema.unknown-key": "`{key}` n’est pas un paramètre admis à cet endroit. Vérifiez l’orthographe ou supprimez-le. Paramètres admis ici : {allowed}.",
  "policy.schema.missing": "`{field}` est obligatoire à cet endroit. Ajoutez-le.",
  "policy.schema.type":
    "`{field}` doit être {expected, select, wholenumber {un nombre entier} number {un nombre} text {du texte} boolean {true ou false} list {une liste} map {un groupe de paramètres (lignes `clé: valeur`)} date {une date} other {d’un autre type}}.",
  "policy.schema.too-few": "`{field}` doit comporter au moins {min, plural, one {# entrée} other {# entrées}}.",
  "policy.schema.too-many": "`{field}` peut comporter au plus {max, plural, one {# entrée} other {# entrées}}.",
  "policy.schema.too-short": "`{field}` ne peut pas être vide.",
  "policy.schema.too-long": "`{field}` peut compter au plus {max} caractères.",
  "policy.schema.too-small": "`{field}` doit valoir au moins {min}.",
  "policy.schema.too-big": "`{field}` peut valoir au plus {max}.",
  "policy.schema.one-of": "`{field}` doit prendre l’une des valeurs suivantes : {allowed}.",
  "policy.schema.invalid": "`{field}` n’est pas valide à cet endroit.",
  "policy.id.format": "`{field}` ne peut contenir que des lettres minuscules (a-z), des chiffres et des traits d’union, comme `civil-society`.",
  "policy.login.format": "`{field}` doit être un identifiant GitHub : lettres, chiffres et traits d’union isolés, 39 caractères au plus.",

  // Vérifications de l’ensemble de la politique
  "policy.sectors.duplicate-id": "L’identifiant de secteur `{id}` est déjà utilisé (ligne {line}). Chaque secteur doit avoir son propre identifiant.",
  "policy.decisions.duplicate-id": "L’identifiant de type de décision `{id}` est déjà utilisé (ligne {line}). Chaque type doit avoir son propre identifiant.",
  "policy.sector-ref.unknown": "`{id}` n’est pas un secteur de cette politique. Utilisez l’un des secteurs suivants : {known}.",
  "policy.sector-ref.duplicate": "Le secteur `{id}` figure deux fois dans la liste. Ne le mentionnez qu’une fois.",
  "policy.scope.unknown": "`in: {id}` ne désigne aucun secteur de cette politique. Écrivez `all`, `each`, ou l’un des secteurs suivants : {known}.",
  "policy.registry-ref.format":
    "`registry: {value}` n’est ni un chemin dans ce dépôt (comme `STAKEHOLDERS.yml`) ni un fichier d’un autre dépôt (comme `my-org/governance:STAKEHOLDERS.yml`).",
  "policy.governance.builtin-name": "Modifications des règles de gouvernance",
  "policy.governance.one-sector":
    "Le type `governance` doit exiger des approbations d’au moins 2 secteurs, afin qu’aucun secteur ne puisse modifier seul les règles. Utilisez `sign_off: '{' sectors: 2 '}'` ou plus, ou une règle commençant par `all:` qui contient `sectors: '{' at_least: 2 '}'`.",
  "policy.declarations.admission-one-sector": "Avec `declarations.admission: sector`, chaque secteur admet ses propres membres : aucun type de décision ne doit donc pouvoir être satisfait par les votes d’un seul secteur ; le type `{kind}` l’est par les seuls votes de `{sector}`. Exigez au moins 2 secteurs (`sign_off: '{' sectors: 2 '}'`, ou une règle avec `sectors: '{' at_least: 2 '}'`), ou gardez `admission: governance`.",
  "policy.admission.name": "Admission de nouveaux membres du secteur {sector}",
  "policy.kind.sign-off-and-rule": "Le type `{id}` comporte à la fois `sign_off` et `rule`. N’en conservez qu’un.",
  "policy.kind.never-applies": "Le type `{id}` n’a ni `paths` ni `labels` : aucune demande de fusion ne relèvera jamais de ce type.",

  // sign_off
  "policy.sign-off.sectors-above-count": "`sectors: {value}` exige plus de secteurs que la politique n’en déclare ({count}). Ramenez cette valeur à {count} ou moins.",
  "policy.sign-off.required-above-sectors":
    "{count} secteurs figurent dans `required_sectors`, mais `sectors` n’en exige que {sectors}. Portez `sectors` à {count} au moins, ou réduisez la liste.",
  "policy.sign-off.approvals-below-sectors":
    "`approvals: {approvals}` est inférieur à `sectors: {sectors}` : chaque secteur doit fournir au moins une approbation. Portez `approvals` à {sectors} ou plus.",
  "policy.sign-off.cap-too-low":
    "Avec `max_per_sector: {cap}` et {count} secteurs, au plus {cap} × {count} approbations peuvent être comptées, soit moins que `approvals: {approvals}`. Augmentez `max_per_sector` ou réduisez `approvals`.",

  // Règles de type charte
  "policy.rule.no-condition": "Cette condition est vide. Écrivez l’une des conditions suivantes : `approvals`, `quorum`, `sectors`, `all`, `any`.",
  "policy.rule.several-conditions": "Une même condition comporte plusieurs éléments ({keys}). Placez chacun d’eux dans une entrée distincte de la liste, sous `all:` ou `any:`.",
  "policy.rule.empty": "`{field}` doit énumérer au moins une condition.",
  "policy.rule.too-deep": "Les conditions sont imbriquées sur plus de {max} niveaux. Simplifiez la règle.",
  "policy.rule.threshold-missing": "Précisez le seuil : ajoutez `at_least` ou `more_than`.",
  "policy.rule.threshold-both": "Utilisez soit `at_least`, soit `more_than`, mais pas les deux.",
  "policy.rule.threshold-type": "`{field}` doit être un nombre entier (un nombre de votes « oui ») ou une fraction telle que `2/3` ou `0.75`.",
  "policy.rule.in-type": "`in` doit valoir `all`, `each`, un identifiant de secteur ou une liste d’identifiants de secteur.",
  "policy.rule.share-needed": "Un quorum est une proportion des votants inscrits : écrivez une fraction telle que `1/2`, et non le nombre {value}.",
  "policy.rule.share-above-one": "{value} est supérieur à 1 : une proportion ne peut pas dépasser 1 (l’ensemble des votants).",
  "policy.rule.more-than-all": "Plus de {value} (l’ensemble des votants) est impossible. Utilisez `at_least: 1` pour exiger l’unanimité.",
  "policy.rule.of-missing":
    "{value} est une proportion : ajoutez `of: cast`, `of: present` ou `of: registered` pour préciser de quels votes il s’agit. Pour un nombre de votes « oui », écrivez un nombre entier.",
  "policy.rule.of-with-count":
    "`of` ne s’emploie qu’avec une fraction. {value} est un nombre de votes « oui » : supprimez `of`, ou écrivez une fraction telle que `2/3`.",
  "policy.rule.weights-with-count": "`weights` ne s’emploie qu’avec une fraction des votes et `in: all`. Supprimez-le, ou écrivez une fraction.",
  "policy.rule.weights-needs-all": "`weights` ne s’applique qu’à `in: all` (les votes de tous les secteurs réunis). Supprimez-le, ou utilisez `in: all`.",
  "policy.rule.cap-with-share": "`max_per_sector` ne s’emploie qu’avec un nombre de votes « oui », non avec une fraction. Supprimez-le.",
  "policy.rule.sectors-above-count": "`at_least: {value}` exige plus de secteurs que la politique n’en déclare ({count}). Ramenez cette valeur à {count} ou moins.",
  "policy.rule.include-above-at-least": "{count} secteurs figurent dans `include`, mais `at_least` n’en exige que {value}. Augmentez `at_least` ou réduisez la liste.",
  "policy.rule.sector-without-voters":
    "Le secteur `{sector}` n’a aucun votant dans le registre ; aucune décision du type `{kind}` ne pourra donc être prise tant que personne de ce secteur ne s’est déclaré.",
  "policy.fraction.format": "`{value}` n’est pas un nombre : écrivez un nombre entier, une fraction telle que `2/3` ou un nombre décimal tel que `0.75`.",
  "policy.fraction.too-precise": "`{value}` comporte trop de chiffres après le point décimal (6 au plus). Écrivez plutôt une fraction telle que `2/3`.",
  "policy.fraction.zero-denominator": "`{value}` comporte une division par zéro. Écrivez une fraction telle que `2/3`.",
  "policy.fraction.too-large-terms": "`{value}` utilise des nombres supérieurs à 1000. Écrivez une fraction plus simple.",
  "policy.fraction.near": "{value} n’est pas égal à {fraction} : les proportions sont comparées de manière exacte. Si vous voulez dire {fraction}, écrivez {fraction}.",

  // Motifs de fichiers (globs)
  "policy.glob.negated": "`{glob}` commence par `!`. Les exclusions ne sont pas prises en charge : énumérez uniquement les fichiers qui font relever une demande de fusion de ce type.",
  "policy.glob.too-long": "`{glob}` dépasse {max} caractères. Raccourcissez-le.",
  "policy.glob.too-many-patterns": "`{glob}` produit, par ses accolades, plus de {max} motifs. Écrivez-le plus simplement.",
  "policy.glob.too-many-globstars": "`{glob}` contient plus de {max} `**`. Écrivez-le plus simplement.",
  "policy.glob.too-many-stars": "`{glob}` contient plus de {max} `*` dans un même nom de dossier ou de fichier. Écrivez-le plus simplement.",
  "policy.glob.nested-extglob": "`{glob}` imbrique un groupe de motifs dans un autre, comme `@(a|+(b))`. Écrivez-le plus simplement.",
  "policy.glob.invalid": "`{glob}` n’est pas un motif de fichier valide.",

  // _extends
  "policy.extends.format": "`_extends: {value}` ne désigne pas une politique pouvant servir de base. Écrivez `.github`, `owner/repo` ou `owner/repo:path.yml`.",
  "policy.extends.not-found": "La politique de base `{ref}` n’existe pas. Vérifiez `_extends`.",
  "policy.extends.cycle": "`_extends` renvoie à `{ref}`, qui fait déjà partie de cette politique. Supprimez la boucle.",
  "policy.extends.too-deep": "Les politiques s’étendent les unes les autres sur plus de {max} niveaux. Raccourcissez la chaîne de `_extends`.",
  "policy.extends.not-checked": "La politique de base `{ref}` se trouve dans un autre dépôt et n’a pas été vérifiée ici.",
  "policy.registry.duplicate-id": "L’identifiant de compte {id} de `{login}` est déjà déclaré pour `{other}` (ligne {line}). Un compte se déclare une seule fois, pour un seul secteur, quel que soit son identifiant de connexion.",
  "policy.registry.id-type": "`id` doit être l’identifiant numérique du compte GitHub, un nombre entier comme 5834017. Obtenez-le avec `gh api users/LOGIN --jq .id`.",
  "policy.registry.no-id": "La déclaration de `{login}` ne donne pas d’`id` de compte, que la politique exige. Ajoutez l’identifiant numérique du compte GitHub (`gh api users/{login} --jq .id`). D’ici là, elle n’est pas en vigueur.",
  "policy.declarations.ids-optional": "Avec `ids: optional`, les déclarations sans `id` sont reconnues par l’identifiant de connexion seul : quiconque reprend un identifiant abandonné hérite de la déclaration et du vote. Donnez à chaque entrée l’`id` de son compte et supprimez cette ligne.",
  "policy.rules.other-repository": "Les règles sont aussi lues dans `{ref}`, qui se trouve dans un autre dépôt : quiconque peut modifier ce dépôt modifie ces règles sans décision ici. Ce dépôt doit lui aussi être gouverné (l’application y est installée, ses fichiers de règles approuvés par plusieurs secteurs).",

  // Le registre
  "policy.registry.not-a-map": "Le registre doit commencer par `stakeholders:`, suivi d’une liste de déclarations.",
  "policy.registry.declared-type": "`declared` doit être une date au format AAAA-MM-JJ, comme 2026-03-01.",
  "policy.registry.duplicate-login": "`{login}` est déclaré plus d’une fois (la première fois à la ligne {line}). Chaque personne se déclare une seule fois, pour un seul secteur.",
  "policy.registry.unknown-sector":
    "La déclaration de `{login}` mentionne le secteur `{sector}`, que la politique ne déclare pas. Utilisez l’un des secteurs suivants : {known}. D’ici là, cette déclaration n’est pas en vigueur.",
  "policy.registry.invalid-date":
    "La déclaration de `{login}` est datée du `{value}`, qui n’est pas une date du calendrier. Écrivez-la au format AAAA-MM-JJ, comme 2026-03-01. D’ici là, cette déclaration n’est pas en vigueur.",
} satisfies Record<string, string>;
