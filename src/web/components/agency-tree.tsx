// An agency and everything below it, as nested lists.
import type { Agency } from '../../db/schema.ts';

export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
}

/** Nests a flat list by parent_id; an agency whose parent is not in the list is a root. Order is kept. */
export function nestAgencies(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map(agencies.map((agency) => [agency.id, { agency, children: [] as AgencyNode[] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parent_id === null ? undefined : nodes.get(node.agency.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function Branch({ nodes }: { nodes: AgencyNode[] }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          {n.agency.name}
          {n.children.length > 0 ? <Branch nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function AgencyTree({ agencies, label }: { agencies: readonly Agency[]; label: string }) {
  return (
    <nav class="agency-tree" aria-label={label}>
      <Branch nodes={nestAgencies(agencies)} />
    </nav>
  );
}
