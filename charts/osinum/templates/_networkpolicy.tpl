{{/*
Egress rules of the NetworkPolicies. Each is a YAML list with one rule; a destination with no
cidrs and no selectors leaves out `to`, i.e. the port is allowed to any destination.
*/}}

{{- define "osinum.egressRule" -}}
{{- $peers := include "osinum.networkPeers" .peers | fromJsonArray -}}
{{- $rule := dict "ports" .ports -}}
{{- if $peers }}{{ $_ := set $rule "to" $peers }}{{ end -}}
{{- toYaml (list $rule) -}}
{{- end -}}

{{- define "osinum.egressDns" -}}
{{- include "osinum.egressRule" (dict "peers" .Values.networkPolicy.dns "ports" (list (dict "protocol" "UDP" "port" 53) (dict "protocol" "TCP" "port" 53))) -}}
{{- end -}}

{{- define "osinum.egressPostgresql" -}}
{{- include "osinum.egressRule" (dict "peers" .Values.networkPolicy.postgresql "ports" (list (dict "protocol" "TCP" "port" (int .Values.postgresql.port)))) -}}
{{- end -}}

{{- define "osinum.egressNats" -}}
{{- include "osinum.egressRule" (dict "peers" .Values.networkPolicy.nats "ports" (list (dict "protocol" "TCP" "port" (int .Values.networkPolicy.nats.port)))) -}}
{{- end -}}

{{- define "osinum.egressSmtp" -}}
{{- include "osinum.egressRule" (dict "peers" .Values.networkPolicy.smtp "ports" (list (dict "protocol" "TCP" "port" (int .Values.services.notifications.smtp.port)))) -}}
{{- end -}}

{{- define "osinum.egressOtlp" -}}
{{- $ports := list -}}
{{- range .Values.networkPolicy.otlp.ports -}}
{{- $ports = append $ports (dict "protocol" "TCP" "port" (int .)) -}}
{{- end -}}
{{- include "osinum.egressRule" (dict "peers" .Values.networkPolicy.otlp "ports" $ports) -}}
{{- end -}}

{{- define "osinum.egressWebhooks" -}}
{{- $ports := list -}}
{{- range .Values.networkPolicy.webhooks.ports -}}
{{- $ports = append $ports (dict "protocol" "TCP" "port" (int .)) -}}
{{- end -}}
{{- include "osinum.egressRule" (dict "peers" (dict "cidrs" .Values.networkPolicy.webhooks.cidrs) "ports" $ports) -}}
{{- end -}}

{{- define "osinum.egressWebApi" -}}
{{- $ports := list -}}
{{- range .Values.networkPolicy.webApi.ports -}}
{{- $ports = append $ports (dict "protocol" "TCP" "port" (int .)) -}}
{{- end -}}
{{- include "osinum.egressRule" (dict "peers" .Values.networkPolicy.webApi "ports" $ports) -}}
{{- end -}}
