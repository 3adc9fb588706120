/** A select of the roles, named in the page's language. */
import { el } from '../shared/dom.js';
import { ROLES, roleName, type Role } from '../shared/messages-session.js';

export function roleSelect(id: string, selected: Role): HTMLSelectElement {
  const select = el('select', 'role-select');
  select.id = id;
  for (const role of ROLES) {
    const option = el('option', undefined, roleName(role));
    option.value = role;
    select.append(option);
  }
  select.value = selected;
  return select;
}
