{{/*
Names and labels.
*/}}

{{/* Chart name, truncated to 63 characters. */}}
{{- define "osinum.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every resource name. The service name (up to 13 characters) is appended, so it is kept to 48 characters. */}}
{{- define "osinum.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 48 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 48 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 48 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* chart label value */}}
{{- define "osinum.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of one service's objects: <fullname>-<service>. Call with (dict "ctx" $ "name" "identity"). */}}
{{- define "osinum.componentName" -}}
{{- printf "%s-%s" (include "osinum.fullname" .ctx) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels shared by every object. */}}
{{- define "osinum.labels" -}}
helm.sh/chart: {{ include "osinum.chart" . }}
{{ include "osinum.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: osinum
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "osinum.selectorLabels" -}}
app.kubernetes.io/name: {{ include "osinum.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one service's objects. Call with (dict "ctx" $ "name" "identity"). */}}
{{- define "osinum.componentLabels" -}}
{{ include "osinum.labels" .ctx }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Selector of one service's server pods (the migration pods have component <name>-migration). */}}
{{- define "osinum.componentSelectorLabels" -}}
{{ include "osinum.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Labels of one service's migration objects. */}}
{{- define "osinum.migrationLabels" -}}
{{ include "osinum.labels" .ctx }}
app.kubernetes.io/component: {{ .name }}-migration
{{- end -}}

{{- define "osinum.commonAnnotations" -}}
{{- with .Values.commonAnnotations }}
{{- toYaml . }}
{{- end }}
{{- end -}}

{{- define "osinum.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "osinum.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Image reference of a service. Call with (dict "ctx" $ "name" $name "svc" $svc). */}}
{{- define "osinum.image" -}}
{{- $img := .svc.image -}}
{{- $registry := default $img.registry .ctx.Values.global.imageRegistry -}}
{{- $repo := ternary (printf "%s/%s" $registry $img.repository) $img.repository (ne $registry "") -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $repo $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default .ctx.Chart.AppVersion $img.tag | toString) -}}
{{- end -}}
{{- end -}}

{{/*
Configuration values.
*/}}

{{- define "osinum.publicUrl" -}}
{{- required "config.publicUrl is required: the public base URL of the platform, e.g. https://osinum.example.fr" .Values.config.publicUrl | trimSuffix "/" -}}
{{- end -}}

{{/* Every public hostname: ingress.hosts / httpRoute.hostnames plus the operators' hostnames, without duplicates (JSON list). */}}
{{- define "osinum.operatorHostnames" -}}
{{- $hosts := list -}}
{{- range .Values.operators -}}
{{- range (.hostnames | default list) -}}
{{- $hosts = append $hosts . -}}
{{- end -}}
{{- end -}}
{{- toJson ($hosts | uniq) -}}
{{- end -}}

{{- define "osinum.corsOrigins" -}}
{{- if .Values.config.corsOrigins -}}
{{- join "," .Values.config.corsOrigins -}}
{{- else -}}
{{- $u := urlParse (include "osinum.publicUrl" .) -}}
{{- $origins := list (printf "%s://%s" $u.scheme $u.host) -}}
{{- range (include "osinum.operatorHostnames" . | fromJsonArray) -}}
{{- $origins = append $origins (printf "https://%s" .) -}}
{{- end -}}
{{- join "," ($origins | uniq) -}}
{{- end -}}
{{- end -}}

{{/* URL of the identity JWKS, inside the cluster unless overridden. */}}
{{- define "osinum.jwksUrl" -}}
{{- if .Values.config.jwksUrl -}}
{{- .Values.config.jwksUrl -}}
{{- else if .Values.services.identity.enabled -}}
{{- printf "http://%s.%s.svc.%s/.well-known/jwks.json" (include "osinum.componentName" (dict "ctx" . "name" "identity")) .Release.Namespace .Values.clusterDomain -}}
{{- else -}}
{{- fail "config.jwksUrl is required when services.identity.enabled is false: the services verify tokens with the identity JWKS" -}}
{{- end -}}
{{- end -}}

{{/* Mount points of the files taken from Secrets. */}}
{{- define "osinum.pgCaPath" -}}/etc/osinum/postgresql-ca/{{ .Values.postgresql.tls.caSecret.key }}{{- end -}}
{{- define "osinum.natsCaPath" -}}/etc/osinum/nats-ca/{{ .Values.nats.tls.caSecret.key }}{{- end -}}
{{- define "osinum.natsCredsPath" -}}/etc/osinum/nats-credentials/{{ .Values.nats.auth.credentialsKey }}{{- end -}}

{{/* True for a service without database nor event bus (web: the pages, which reach the API over HTTP). */}}
{{- define "osinum.stateless" -}}
{{- if eq .name "web" -}}true{{- end -}}
{{- end -}}

{{/* True when the service gets DATABASE_URL from an existing Secret. */}}
{{- define "osinum.dbFromSecret" -}}
{{- if not (include "osinum.stateless" .) -}}
{{- if or .svc.database.existingSecret .ctx.Values.postgresql.existingSecret -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{/* DATABASE_URL built from postgresql.host/port/database/user and tls (never contains a password: PGPASSWORD carries it). */}}
{{- define "osinum.databaseUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- $host := required "postgresql.host (or postgresql.existingSecret with a complete connection URL) is required" $pg.host -}}
{{- $params := list (printf "sslmode=%s" $pg.tls.mode) -}}
{{- if and (ne $pg.tls.mode "disable") $pg.tls.caSecret.name -}}
{{- $params = append $params (printf "sslrootcert=%s" (include "osinum.pgCaPath" .)) -}}
{{- end -}}
{{- if ne $pg.tls.mode "disable" -}}
{{/* node-postgres treats sslmode=require as verify-full unless asked for libpq semantics */}}
{{- $params = append $params "uselibpqcompat=true" -}}
{{- end -}}
{{- printf "postgresql://%s@%s:%d/%s?%s" (urlquery $pg.user) $host (int $pg.port) $pg.database (join "&" $params) -}}
{{- end -}}

{{/*
Non-secret environment of one service, as a YAML map (ConfigMap data, and inline env of the migration Job).
Call with (dict "ctx" $ "name" $name "svc" $svc).
*/}}
{{- define "osinum.configData" -}}
{{- $ctx := .ctx -}}
{{- $v := $ctx.Values -}}
{{- $publicUrl := include "osinum.publicUrl" $ctx -}}
PORT: "3000"
HOST: "0.0.0.0"
LOG_LEVEL: {{ $v.config.logLevel | quote }}
PUBLIC_URL: {{ $publicUrl | quote }}
CORS_ORIGINS: {{ include "osinum.corsOrigins" $ctx | quote }}
TRUST_PROXY: {{ $v.config.trustProxy | toString | quote }}
RATE_LIMIT_MAX: {{ $v.config.rateLimitMax | toString | quote }}
SHUTDOWN_DELAY_SECONDS: {{ $v.config.shutdownDelaySeconds | toString | quote }}
{{- if include "osinum.stateless" . }}
{{- /* web: no database, no bus; the API through its public URL (or services.web.apiUrl) */}}
API_URL: {{ default $publicUrl .svc.apiUrl | quote }}
{{- with .svc.operatorId }}
WEB_OPERATOR_ID: {{ . | quote }}
{{- end }}
{{- else }}
{{- if ne $v.nats.auth.type "url" }}
NATS_URL: {{ required "nats.url is required" $v.nats.url | quote }}
{{- end }}
EVENTS_NAMESPACE: {{ $v.nats.eventsNamespace | quote }}
NATS_STREAM_REPLICAS: {{ $v.nats.streamReplicas | toString | quote }}
OUTBOX_RETENTION_DAYS: {{ $v.config.outboxRetentionDays | toString | quote }}
DATABASE_SCHEMA: {{ .name | quote }}
{{- if not (include "osinum.dbFromSecret" .) }}
DATABASE_URL: {{ include "osinum.databaseUrl" $ctx | quote }}
{{- end }}
DATABASE_POOL_SIZE: {{ $v.postgresql.poolSize | toString | quote }}
{{- /* the migration Jobs migrate before the rollout; the servers do not */}}
MIGRATE_ON_START: {{ not $v.migrations.enabled | toString | quote }}
{{- end }}
JWKS_URL: {{ include "osinum.jwksUrl" $ctx | quote }}
JWT_ISSUER: {{ default $publicUrl $v.config.jwtIssuer | quote }}
JWT_AUDIENCE: {{ $v.config.jwtAudience | quote }}
OTEL_SERVICE_NAME: {{ .name | quote }}
OTEL_TRACES_SAMPLER: {{ $v.telemetry.sampler | quote }}
OTEL_TRACES_SAMPLER_ARG: {{ $v.telemetry.samplerRatio | toString | quote }}
{{- with $v.telemetry.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- if not (include "osinum.stateless" .) }}
{{- if and $v.nats.tls.enabled $v.nats.tls.caSecret.name }}
NATS_TLS_CA_FILE: {{ include "osinum.natsCaPath" $ctx | quote }}
{{- end }}
{{- if eq $v.nats.auth.type "credentials" }}
NATS_CREDS_FILE: {{ include "osinum.natsCredsPath" $ctx | quote }}
{{- end }}
{{- end }}
{{- if eq .name "identity" }}
ACCESS_TOKEN_TTL_SECONDS: {{ $v.config.accessTokenTtlSeconds | toString | quote }}
{{- $urls := $v.config.frontendUrls }}
{{- with $urls.magicLink }}
MAGIC_LINK_URL: {{ . | quote }}
{{- end }}
{{- with $urls.emailVerification }}
EMAIL_VERIFICATION_URL: {{ . | quote }}
{{- end }}
{{- with $urls.passwordReset }}
PASSWORD_RESET_URL: {{ . | quote }}
{{- end }}
{{- with $urls.invitation }}
INVITATION_URL: {{ . | quote }}
{{- end }}
{{- with $urls.oidcSuccess }}
OIDC_SUCCESS_REDIRECT: {{ . | quote }}
{{- end }}
{{- with $v.config.oidc.issuer }}
OIDC_ISSUER: {{ . | quote }}
OIDC_CLIENT_ID: {{ required "config.oidc.clientId is required when config.oidc.issuer is set" $v.config.oidc.clientId | quote }}
OIDC_REDIRECT_URI: {{ default (printf "%s/v1/auth/oidc/callback" $publicUrl) $v.config.oidc.redirectUri | quote }}
{{- end }}
{{- end }}
{{- if eq .name "diagnostics" }}
PANORAMA_MIN_GROUP_SIZE: {{ $v.config.panoramaMinGroupSize | toString | quote }}
{{- end }}
{{- if eq .name "notifications" }}
MAIL_FROM: {{ required "config.mailFrom is required when services.notifications is enabled (sender of the emails, e.g. \"OSINUM <no-reply@example.fr>\")" $v.config.mailFrom | quote }}
{{- end }}
{{- end -}}

{{/*
Secret values given explicitly in values for one service, as a YAML map (may be empty).
Never filled from the chart defaults: every default is "".
*/}}
{{- define "osinum.secretData" -}}
{{- $v := .ctx.Values -}}
{{- if and (not (include "osinum.stateless" .)) (not (include "osinum.dbFromSecret" .)) (not $v.postgresql.passwordSecret.name) $v.postgresql.password }}
PGPASSWORD: {{ $v.postgresql.password | b64enc | quote }}
{{- end }}
{{- if and (eq .name "web") (not .svc.sessionSecret.existingSecret) .svc.sessionSecret.value }}
WEB_SESSION_SECRET: {{ .svc.sessionSecret.value | b64enc | quote }}
{{- end }}
{{- if and (eq .name "identity") $v.config.oidc.issuer (not $v.config.oidc.clientSecret.existingSecret) $v.config.oidc.clientSecret.value }}
OIDC_CLIENT_SECRET: {{ $v.config.oidc.clientSecret.value | b64enc | quote }}
{{- end }}
{{- if eq .name "notifications" }}
{{- if and (not .svc.smtp.existingSecret) .svc.smtp.url }}
SMTP_URL: {{ .svc.smtp.url | b64enc | quote }}
{{- end }}
{{- if and (not .svc.unsubscribeSecret.existingSecret) .svc.unsubscribeSecret.value }}
UNSUBSCRIBE_SECRET: {{ .svc.unsubscribeSecret.value | b64enc | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Environment variables read from existing Secrets (secretKeyRef), as a YAML list (may be empty). */}}
{{- define "osinum.secretEnv" -}}
{{- $v := .ctx.Values -}}
{{- if include "osinum.stateless" . }}
{{- with .svc.sessionSecret.existingSecret }}
- name: WEB_SESSION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ . | quote }}
      key: {{ $.svc.sessionSecret.existingSecretKey | quote }}
{{- end }}
{{- else }}
{{- if .svc.database.existingSecret }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .svc.database.existingSecret | quote }}
      key: {{ .svc.database.existingSecretKey | quote }}
{{- else if $v.postgresql.existingSecret }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $v.postgresql.existingSecret | quote }}
      key: {{ $v.postgresql.existingSecretKey | quote }}
{{- else if $v.postgresql.passwordSecret.name }}
- name: PGPASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.postgresql.passwordSecret.name | quote }}
      key: {{ $v.postgresql.passwordSecret.key | quote }}
{{- end }}
{{- if eq $v.nats.auth.type "url" }}
- name: NATS_URL
  valueFrom:
    secretKeyRef:
      name: {{ $v.nats.existingSecret | quote }}
      key: {{ $v.nats.auth.urlKey | quote }}
{{- end }}
{{- end }}
{{- if eq .name "identity" }}
{{- if eq .svc.signingKeys.source "secret" }}
- name: SIGNING_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ .svc.signingKeys.existingSecret | quote }}
      key: {{ .svc.signingKeys.existingSecretKey | quote }}
{{- else }}
- name: SIGNING_KEY_ENCRYPTION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .svc.signingKeys.encryptionSecret.existingSecret | quote }}
      key: {{ .svc.signingKeys.encryptionSecret.existingSecretKey | quote }}
{{- end }}
{{- if and $v.config.oidc.issuer $v.config.oidc.clientSecret.existingSecret }}
- name: OIDC_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.config.oidc.clientSecret.existingSecret | quote }}
      key: {{ $v.config.oidc.clientSecret.existingSecretKey | quote }}
{{- end }}
{{- end }}
{{- if eq .name "notifications" }}
{{- with .svc.smtp.existingSecret }}
- name: SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ . | quote }}
      key: {{ $.svc.smtp.existingSecretKey | quote }}
{{- end }}
{{- with .svc.unsubscribeSecret.existingSecret }}
- name: UNSUBSCRIBE_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ . | quote }}
      key: {{ $.svc.unsubscribeSecret.existingSecretKey | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Volumes of a service pod: /tmp plus the certificate/credential files taken from Secrets. */}}
{{- define "osinum.volumes" -}}
{{- $v := .Values -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- if and (ne $v.postgresql.tls.mode "disable") $v.postgresql.tls.caSecret.name }}
- name: postgresql-ca
  secret:
    secretName: {{ $v.postgresql.tls.caSecret.name | quote }}
    items:
      - key: {{ $v.postgresql.tls.caSecret.key | quote }}
        path: {{ $v.postgresql.tls.caSecret.key | quote }}
{{- end }}
{{- if and $v.nats.tls.enabled $v.nats.tls.caSecret.name }}
- name: nats-ca
  secret:
    secretName: {{ $v.nats.tls.caSecret.name | quote }}
    items:
      - key: {{ $v.nats.tls.caSecret.key | quote }}
        path: {{ $v.nats.tls.caSecret.key | quote }}
{{- end }}
{{- if eq $v.nats.auth.type "credentials" }}
- name: nats-credentials
  secret:
    secretName: {{ $v.nats.existingSecret | quote }}
    items:
      - key: {{ $v.nats.auth.credentialsKey | quote }}
        path: {{ $v.nats.auth.credentialsKey | quote }}
{{- end }}
{{- end -}}

{{- define "osinum.volumeMounts" -}}
{{- $v := .Values -}}
- name: tmp
  mountPath: /tmp
{{- if and (ne $v.postgresql.tls.mode "disable") $v.postgresql.tls.caSecret.name }}
- name: postgresql-ca
  mountPath: /etc/osinum/postgresql-ca
  readOnly: true
{{- end }}
{{- if and $v.nats.tls.enabled $v.nats.tls.caSecret.name }}
- name: nats-ca
  mountPath: /etc/osinum/nats-ca
  readOnly: true
{{- end }}
{{- if eq $v.nats.auth.type "credentials" }}
- name: nats-credentials
  mountPath: /etc/osinum/nats-credentials
  readOnly: true
{{- end }}
{{- end -}}

{{/* Pod and container security contexts (restricted Pod Security Standard). Not configurable on purpose. */}}
{{- define "osinum.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "osinum.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Checks of settings that must be consistent across values (the schema checks each value alone).
Rendered once, from validate.yaml.
*/}}
{{- define "osinum.validate" -}}
{{- $v := .Values -}}
{{- $_ := include "osinum.publicUrl" . -}}
{{- $anyEnabled := false -}}
{{- range $name, $svc := $v.services -}}
{{- if $svc.enabled -}}
{{- $anyEnabled = true -}}
{{- if eq $name "web" -}}
{{- if not (or $svc.sessionSecret.existingSecret $svc.sessionSecret.value) -}}
{{- include "osinum.fail" "services.web.sessionSecret.existingSecret (or services.web.sessionSecret.value) is required: it encrypts the session cookie of the web pages (openssl rand -base64 48)" -}}
{{- end -}}
{{- else if and (not $svc.database.existingSecret) (not $v.postgresql.existingSecret) -}}
{{- $_ := required (printf "postgresql.existingSecret, services.%s.database.existingSecret or postgresql.host is required: the services need a PostgreSQL connection" $name) $v.postgresql.host -}}
{{- end -}}
{{- if and $svc.autoscaling.enabled (lt (int $svc.autoscaling.maxReplicas) (int $svc.autoscaling.minReplicas)) -}}
{{- include "osinum.fail" (printf "services.%s.autoscaling.maxReplicas must be >= services.%s.autoscaling.minReplicas" $name $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- with $v.apiDocs.service -}}
{{- if not (get $v.services .).enabled -}}
{{- include "osinum.fail" (printf "apiDocs.service: %s is not enabled" .) -}}
{{- end -}}
{{- end -}}
{{- if not $anyEnabled -}}
{{- include "osinum.fail" "services: at least one service must be enabled" -}}
{{- end -}}
{{- if gt (add (int $v.config.shutdownDelaySeconds) 15) (int $v.terminationGracePeriodSeconds) -}}
{{- include "osinum.fail" (printf "terminationGracePeriodSeconds (%v) must leave 15 s after config.shutdownDelaySeconds (%v) to finish requests and close: raise it to at least %v" $v.terminationGracePeriodSeconds $v.config.shutdownDelaySeconds (add (int $v.config.shutdownDelaySeconds) 15)) -}}
{{- end -}}
{{- if $v.services.identity.enabled -}}
{{- if eq $v.services.identity.signingKeys.source "secret" -}}
{{- $_ := required "services.identity.signingKeys.existingSecret is required: an existing Secret holding the JWK set that signs the access tokens (or set services.identity.signingKeys.source=database; see docs/operations.md)" $v.services.identity.signingKeys.existingSecret -}}
{{- else -}}
{{- $_ := required "services.identity.signingKeys.encryptionSecret.existingSecret is required when services.identity.signingKeys.source is database: it encrypts the private keys stored in the database" $v.services.identity.signingKeys.encryptionSecret.existingSecret -}}
{{- end -}}
{{- if $v.config.oidc.issuer -}}
{{- if not (or $v.config.oidc.clientSecret.existingSecret $v.config.oidc.clientSecret.value) -}}
{{- include "osinum.fail" "config.oidc.clientSecret.existingSecret (or config.oidc.clientSecret.value) is required when config.oidc.issuer is set" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $v.services.notifications.enabled -}}
{{- $n := $v.services.notifications -}}
{{- if not (or $n.smtp.existingSecret $n.smtp.url) -}}
{{- include "osinum.fail" "services.notifications.smtp.existingSecret (or services.notifications.smtp.url) is required: notifications sends emails through SMTP" -}}
{{- end -}}
{{- if not (or $n.unsubscribeSecret.existingSecret $n.unsubscribeSecret.value) -}}
{{- include "osinum.fail" "services.notifications.unsubscribeSecret.existingSecret (or services.notifications.unsubscribeSecret.value) is required: it signs the unsubscribe links" -}}
{{- end -}}
{{- end -}}
{{- if and (ne $v.nats.auth.type "none") (not $v.nats.existingSecret) -}}
{{- include "osinum.fail" (printf "nats.existingSecret is required when nats.auth.type is %q" $v.nats.auth.type) -}}
{{- end -}}
{{- if and $v.httpRoute.enabled (not $v.httpRoute.parentRefs) -}}
{{- include "osinum.fail" "httpRoute.parentRefs is required when httpRoute.enabled is true (the Gateway(s) the route attaches to)" -}}
{{- end -}}
{{- /* one owner per path prefix */ -}}
{{- $owners := dict -}}
{{- range $name, $svc := $v.services -}}
{{- if $svc.enabled -}}
{{- range $svc.paths -}}
{{- if hasKey $owners . -}}
{{- include "osinum.fail" (printf "services.%s.paths: %q is already owned by services.%s.paths (each path prefix routes to one service)" $name . (get $owners .)) -}}
{{- end -}}
{{- $_ := set $owners . $name -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Ingress/HTTPRoute hostnames: the given list plus the operators' hostnames (JSON list). */}}
{{- define "osinum.routeHostnames" -}}
{{- $hosts := .hosts | default list -}}
{{- range (include "osinum.operatorHostnames" .ctx | fromJsonArray) -}}
{{- $hosts = append $hosts . -}}
{{- end -}}
{{- toJson ($hosts | uniq) -}}
{{- end -}}

{{/* Network policy peers from {cidrs, namespaceSelector, podSelector}, as a JSON list (empty = no peer given). */}}
{{- define "osinum.networkPeers" -}}
{{- $peers := list -}}
{{- if or .namespaceSelector .podSelector -}}
{{- $peer := dict -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end -}}
{{- with .podSelector }}{{ $_ := set $peer "podSelector" . }}{{ end -}}
{{- $peers = append $peers $peer -}}
{{- end -}}
{{- range (.cidrs | default list) -}}
{{- $peers = append $peers (dict "ipBlock" (dict "cidr" .)) -}}
{{- end -}}
{{- toJson $peers -}}
{{- end -}}

{{/*
"true" when the PDB's minAvailable leaves no pod a node drain may evict: a number at least the
fewest replicas the service runs (autoscaling.minReplicas or replicaCount), or 100%.
*/}}
{{- define "osinum.pdbBlocksDrains" -}}
{{- $svc := .svc -}}
{{- $fewest := ternary $svc.autoscaling.minReplicas $svc.replicaCount $svc.autoscaling.enabled | int -}}
{{- $min := toString $svc.pdb.minAvailable -}}
{{- if hasSuffix "%" $min -}}
{{- if eq $min "100%" -}}true{{- end -}}
{{- else if ge (int $min) $fewest -}}true{{- end -}}
{{- end -}}

{{/*
`fail`, also under `helm lint` (which turns `fail` into a log line): the lint then reports the
message as an error, so `helm lint --strict` refuses what `helm template` refuses.
*/}}
{{- define "osinum.fail" -}}
{{- fail . -}}
{{- /* a function helm lint keeps: parsing the message as a year fails, quoting it */}}
{{- $_ := mustToDate "2006" (printf "invalid values: %s" .) -}}
{{- end -}}

{{/*
The path prefixes the Ingress/HTTPRoute send to a service, as a JSON list: its `paths`, plus
`/docs` and `/openapi.json` for the service named by `apiDocs.service` (its API documentation).
*/}}
{{- define "osinum.routedPaths" -}}
{{- $paths := .svc.paths | default list -}}
{{- if eq .ctx.Values.apiDocs.service .name -}}
{{- $paths = concat $paths (list "/docs" "/openapi.json") -}}
{{- end -}}
{{- toJson $paths -}}
{{- end -}}
