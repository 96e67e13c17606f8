/**
 * Fixed identities of the embedded demo, shared by every service's seed so that the demo data
 * of one service refers to the people and collectivités seeded by identity. Never used outside
 * the embedded demo (seeds only run when OSINUM_SEED is on).
 */
export const DEMO = {
  password: 'osinum-demo-2026',
  operator: { id: '0193a000-0000-7000-8000-000000000001', name: 'Syndicat numérique de démonstration' },
  admin: { id: '0193a000-0000-7000-8000-000000000101', email: 'admin@demo.osinum.example' },
  editor: { id: '0193a000-0000-7000-8000-000000000102', email: 'editrice@demo.osinum.example' },
  advisor: { id: '0193a000-0000-7000-8000-000000000103', email: 'conseiller@demo.osinum.example' },
  communeA: {
    id: '0193a000-0000-7000-8000-000000000201',
    elected: { id: '0193a000-0000-7000-8000-000000000111', email: 'maire@commune-a.demo.osinum.example' },
    agent: { id: '0193a000-0000-7000-8000-000000000112', email: 'secretariat@commune-a.demo.osinum.example' },
  },
  communeB: {
    id: '0193a000-0000-7000-8000-000000000202',
    elected: { id: '0193a000-0000-7000-8000-000000000113', email: 'maire@commune-b.demo.osinum.example' },
  },
} as const
