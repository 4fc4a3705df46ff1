// Spanish messages of the "policy" area (ICU MessageFormat). Same keys and placeholders as
// en/policy.ts. YAML keys, values and file names stay as written in the files; illustrative
// syntax (`clave: valor`, `*nombre`, AAAA-MM-DD) is Spanish.
export const policy = {
  // The file as a whole
  "policy.file.too-large": "Este archivo supera los {max} KB, el máximo que lee la aplicación. Redúzcalo.",
  "policy.file.not-utf8": "Este archivo no es texto UTF-8. Vuelva a guardarlo con la codificación UTF-8.",
  "policy.file.not-a-map": "Este archivo debe ser una lista de parámetros (líneas `clave: valor`) que empiece por `sectors:`.",
  "policy.yaml.syntax": "Esto no es YAML válido ({detail}). Compruebe la sangría (espacios, no tabulaciones) y que todas las comillas y todos los corchetes estén cerrados.",
  "policy.yaml.duplicate-key": "`{key}` figura dos veces en el mismo lugar (la primera vez, en la línea {line}). Conserve solo una.",
  "policy.yaml.several-documents": "Este archivo contiene más de un documento YAML (una línea `---` inicia un segundo documento). Conserve solo uno.",
  "policy.yaml.too-deep": "Aquí los parámetros están anidados en más de {max} niveles. Simplifique el archivo.",
  "policy.yaml.too-many-nodes": "Este archivo tiene más de {max} valores. Redúzcalo.",
  "policy.yaml.too-many-aliases": "Este archivo utiliza más de {max} alias YAML (`*nombre`). Escriba los valores completos.",
  "policy.yaml.alias-expansion": "Los alias YAML (`*nombre`) de este archivo se expandirían en demasiados valores (más de {max}) o remiten a un ancla que no existe. Escriba los valores completos.",

  // Schema problems
  "policy.schema.unknown-key": "`{key}` no es un parámetro admitido aquí. Compruebe cómo está escrito o elimínelo. Parámetros admitidos aquí: {allowed}.",
  "policy.schema.missing": "`{field}` es obligatorio aquí. Añádalo.",
  "policy.schema.type":
    "`{field}` debe ser {expected, select, wholenumber {un número entero} number {un número} text {un texto} boolean {true o false} list {una lista} map {un grupo de parámetros (líneas `clave: valor`)} date {una fecha} other {otro tipo de valor}}.",
  "policy.schema.too-few": "`{field}` necesita al menos {min, plural, one {# elemento} other {# elementos}}.",
  "policy.schema.too-many": "`{field}` puede tener como máximo {max, plural, one {# elemento} other {# elementos}}.",
  "policy.schema.too-short": "`{field}` no puede estar vacío.",
  "policy.schema.too-long": "`{field}` puede tener como máximo {max} caracteres.",
  "policy.schema.too-small": "`{field}` debe ser como mínimo {min}.",
  "policy.schema.too-big": "`{field}` puede ser como máximo {max}.",
  "policy.schema.one-of": "`{field}` debe ser uno de los siguientes valores: {allowed}.",
  "policy.schema.invalid": "`{field}` no es válido aquí.",
  "policy.id.format": "`{field}` solo puede contener letras minúsculas (a-z), dígitos y guiones, como `civil-society`.",
  "policy.login.format": "`{field}` debe ser un nombre de usuario (login) de GitHub: letras, dígitos y guiones no consecutivos, con un máximo de 39 caracteres.",

  // Whole-policy checks
  "policy.sectors.duplicate-id": "El identificador de sector `{id}` ya está en uso (línea {line}). Cada sector necesita su propio identificador.",
  "policy.decisions.duplicate-id": "El identificador de tipo de decisión `{id}` ya está en uso (línea {line}). Cada tipo necesita su propio identificador.",
  "policy.sector-ref.unknown": "`{id}` no es un sector de esta política. Utilice uno de los siguientes: {known}.",
  "policy.sector-ref.duplicate": "El sector `{id}` figura dos veces. Inclúyalo solo una vez.",
  "policy.scope.unknown": "`in: {id}` no corresponde a ningún sector de esta política. Escriba `all`, `each` o uno de los siguientes: {known}.",
  "policy.registry-ref.format":
    "`registry: {value}` no es ni una ruta de este repositorio (como `STAKEHOLDERS.yml`) ni un archivo de otro repositorio (como `my-org/governance:STAKEHOLDERS.yml`).",
  "policy.governance.builtin-name": "Cambios en las normas de gobernanza",
  "policy.governance.one-sector":
    "El tipo `governance` debe exigir aprobaciones de al menos 2 sectores, para que ningún sector pueda cambiar las normas por sí solo. Utilice `sign_off: '{' sectors: 2 '}'` o más, o una regla que empiece por `all:` y contenga `sectors: '{' at_least: 2 '}'`.",
  "policy.declarations.admission-one-sector": "Con `declarations.admission: sector` cada sector admite a sus propios miembros, así que ningún tipo de decisión puede cumplirse con los votos de un solo sector; el tipo `{kind}` se cumple con los votos de `{sector}` solamente. Exija al menos 2 sectores (`sign_off: '{' sectors: 2 '}'`, o una regla con `sectors: '{' at_least: 2 '}'`), o mantenga `admission: governance`.",
  "policy.admission.name": "Admisión de nuevos miembros del sector {sector}",
  "policy.kind.sign-off-and-rule": "El tipo `{id}` tiene a la vez `sign_off` y `rule`. Conserve solo uno de los dos.",
  "policy.kind.never-applies": "El tipo `{id}` no tiene `paths` ni `labels`, por lo que ninguna solicitud de incorporación de cambios será nunca de este tipo.",

  // sign_off
  "policy.sign-off.sectors-above-count": "`sectors: {value}` exige más sectores de los que declara la política ({count}). Redúzcalo a {count} o menos.",
  "policy.sign-off.required-above-sectors":
    "En `required_sectors` figuran {count} sectores, pero `sectors` solo exige {sectors}. Aumente `sectors` a {count} como mínimo o incluya menos sectores en la lista.",
  "policy.sign-off.approvals-below-sectors":
    "`approvals: {approvals}` es inferior a `sectors: {sectors}`: cada sector necesita al menos una aprobación. Aumente `approvals` a {sectors} o más.",
  "policy.sign-off.cap-too-low":
    "Con `max_per_sector: {cap}` y {count} sectores, se pueden computar como máximo {cap} × {count} aprobaciones, menos que `approvals: {approvals}`. Aumente `max_per_sector` o reduzca `approvals`.",

  // Charter rules
  "policy.rule.no-condition": "Esta condición está vacía. Escriba una de las siguientes: `approvals`, `quorum`, `sectors`, `all`, `any`.",
  "policy.rule.several-conditions": "Una misma condición tiene varias partes ({keys}). Coloque cada una en su propio elemento de la lista bajo `all:` o `any:`.",
  "policy.rule.empty": "`{field}` debe enumerar al menos una condición.",
  "policy.rule.too-deep": "Las condiciones están anidadas en más de {max} niveles. Simplifique la regla.",
  "policy.rule.threshold-missing": "Indique cuántos: añada `at_least` o `more_than`.",
  "policy.rule.threshold-both": "Utilice `at_least` o `more_than`, pero no ambos.",
  "policy.rule.threshold-type": "`{field}` debe ser un número entero (un número de votos a favor) o una fracción como `2/3` o `0.75`.",
  "policy.rule.in-type": "`in` debe ser `all`, `each`, un identificador de sector o una lista de identificadores de sector.",
  "policy.rule.share-needed": "Un quórum es una proporción de los votantes inscritos: escriba una fracción como `1/2`, no el número {value}.",
  "policy.rule.share-above-one": "{value} es mayor que 1: una proporción puede ser como máximo 1 (la totalidad).",
  "policy.rule.more-than-all": "Nunca puede superarse {value} (la totalidad). Utilice `at_least: 1` para exigir la totalidad.",
  "policy.rule.of-missing":
    "{value} es una proporción: añada `of: cast`, `of: present` u `of: registered` para indicar de qué votos. Para un número de votos a favor, escriba un número entero.",
  "policy.rule.of-with-count":
    "`of` solo se usa con una fracción. {value} es un número de votos a favor: elimine `of` o escriba una fracción como `2/3`.",
  "policy.rule.weights-with-count": "`weights` solo se usa con una fracción de votos e `in: all`. Elimínelo o escriba una fracción.",
  "policy.rule.weights-needs-all": "`weights` solo se aplica a `in: all` (los votos de todos los sectores en conjunto). Elimínelo o utilice `in: all`.",
  "policy.rule.cap-with-share": "`max_per_sector` solo se usa con un número de votos a favor, no con una fracción. Elimínelo.",
  "policy.rule.sectors-above-count": "`at_least: {value}` exige más sectores de los que declara la política ({count}). Redúzcalo a {count} o menos.",
  "policy.rule.include-above-at-least": "En `include` figuran {count} sectores, pero `at_least` solo exige {value}. Aumente `at_least` o incluya menos sectores en la lista.",
  "policy.rule.sector-without-voters":
    "El sector `{sector}` no tiene votantes en el registro, por lo que no se puede decidir sobre el tipo `{kind}` hasta que alguien de ese sector presente su declaración.",
  "policy.fraction.format": "`{value}` no es un número: escriba un número entero, una fracción como `2/3` o un decimal como `0.75`.",
  "policy.fraction.too-precise": "`{value}` tiene demasiados decimales (como máximo 6). Escriba en su lugar una fracción como `2/3`.",
  "policy.fraction.zero-denominator": "`{value}` divide por cero. Escriba una fracción como `2/3`.",
  "policy.fraction.too-large-terms": "`{value}` utiliza números mayores que 1000. Escriba una fracción más sencilla.",
  "policy.fraction.near": "{value} no es {fraction}: las proporciones se comparan con exactitud. Si quiere decir {fraction}, escriba {fraction}.",

  // Globs
  "policy.glob.negated": "`{glob}` empieza por `!`. No se admiten exclusiones: enumere solo los archivos que hacen que una solicitud de incorporación de cambios sea de este tipo.",
  "policy.glob.too-long": "`{glob}` tiene más de {max} caracteres. Acórtelo.",
  "policy.glob.too-many-patterns": "`{glob}` se expande en más de {max} patrones a causa de sus llaves. Escríbalo de forma más sencilla.",
  "policy.glob.too-many-globstars": "`{glob}` contiene más de {max} `**`. Escríbalo de forma más sencilla.",
  "policy.glob.too-many-stars": "`{glob}` contiene más de {max} `*` en un mismo nombre de carpeta o de archivo. Escríbalo de forma más sencilla.",
  "policy.glob.nested-extglob": "`{glob}` anida un grupo de patrones dentro de otro, como `@(a|+(b))`. Escríbalo de forma más sencilla.",
  "policy.glob.invalid": "`{glob}` no es un patrón de archivo válido.",

  // _extends
  "policy.extends.format": "`_extends: {value}` no es una política que se pueda extender. Escriba `.github`, `owner/repo` u `owner/repo:path.yml`.",
  "policy.extends.not-found": "La política de base `{ref}` no existe. Compruebe `_extends`.",
  "policy.extends.cycle": "`_extends` vuelve a `{ref}`, que ya forma parte de esta política. Elimine el bucle.",
  "policy.extends.too-deep": "Las políticas se extienden unas a otras en más de {max} niveles. Acorte la cadena de `_extends`.",
  "policy.extends.not-checked": "La política de base `{ref}` está en otro repositorio y no se ha comprobado aquí.",
  "policy.registry.duplicate-id": "El identificador de cuenta {id} de `{login}` ya está declarado para `{other}` (línea {line}). Una cuenta se declara una sola vez, para un solo sector, sea cual sea su nombre de usuario.",
  "policy.registry.id-type": "`id` debe ser el identificador numérico de la cuenta de GitHub, un número entero como 5834017. Obténgalo con `gh api users/LOGIN --jq .id`.",
  "policy.registry.no-id": "La declaración de `{login}` no indica el `id` de la cuenta, que la política exige. Añada el identificador numérico de la cuenta de GitHub (`gh api users/{login} --jq .id`). Hasta entonces no está vigente.",
  "policy.declarations.ids-optional": "Con `ids: optional`, las declaraciones sin `id` se reconocen solo por el nombre de usuario: quien tome un nombre de usuario abandonado hereda la declaración y el voto. Dé a cada entrada el `id` de su cuenta y elimine esta línea.",
  "policy.rules.other-repository": "Las reglas también se leen de `{ref}`, en otro repositorio: quien pueda modificar ese repositorio modifica estas reglas sin una decisión aquí. Ese repositorio también debe estar gobernado (la aplicación instalada allí y sus archivos de reglas aprobados por varios sectores).",

  // The registry
  "policy.registry.not-a-map": "El registro debe empezar por `stakeholders:`, seguido de una lista de declaraciones.",
  "policy.registry.declared-type": "`declared` debe ser una fecha con el formato AAAA-MM-DD, como 2026-03-01.",
  "policy.registry.duplicate-login": "`{login}` figura más de una vez (la primera vez, en la línea {line}). Cada persona presenta una sola declaración, para un solo sector.",
  "policy.registry.unknown-sector":
    "La declaración de `{login}` indica el sector `{sector}`, que la política no declara. Utilice uno de los siguientes: {known}. Mientras tanto, la declaración no está vigente.",
  "policy.registry.invalid-date":
    "La declaración de `{login}` tiene fecha `{value}`, que no es una fecha del calendario. Escríbala con el formato AAAA-MM-DD, como 2026-03-01. Mientras tanto, la declaración no está vigente.",
} satisfies Record<string, string>;
