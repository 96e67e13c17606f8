// The pages are written with the one HTML template tag of the platform (also the emails').
export { type Content, escapeHtml, html, raw, SafeHtml as Html } from '@osinum/html'
