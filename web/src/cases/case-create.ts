/**
 * A short form to open a case file, as the map's "Ouvrir un dossier" links to it
 * (`cases.html?new=1&claim_id=4&claim_id=9`): a title, a status and the day of referral, with
 * the contested zone's claims as its places. Steps are added afterwards through the API. The
 * server decides who may write (editors and admins); its refusal is shown in words.
 */
import { ApiError } from '../shared/api.js';
import { el, labelled } from '../shared/dom.js';
import { isIsoDate } from '../shared/iso-dates.js';
import { today } from '../shared/today.js';
import { CASE_STATUSES, type CaseStatus } from '../../../server/cases/case-vocabulary.js';
import { caseHref } from './case-address.js';
import { createCase } from './cases-api.js';
import { fetchShape } from './cases-api.js';
import { onLangChange, placeWords, statusWords, t } from './translate.js';

export function createCaseForm(container: HTMLElement, prefill: { claimIds: number[]; zoneIds: number[] }): void {
  const places = [...prefill.claimIds.map((id) => ({ kind: 'claim' as const, id })), ...prefill.zoneIds.map((id) => ({ kind: 'zone' as const, id }))];
  const names = new Map<string, string>();

  const heading = el('h2', undefined);
  const help = el('p', 'help');
  const form = el('form', 'case-form');
  form.noValidate = true;
  const title = labelled('new-title', el('input'));
  title.control.type = 'text';
  title.control.required = true;
  title.control.maxLength = 300;
  const status = labelled('new-status', el('select'));
  const opened = labelled('new-opened', el('input'));
  opened.control.type = 'text';
  opened.control.inputMode = 'numeric';
  opened.control.value = today();
  opened.control.pattern = '\\d{4}-\\d{2}-\\d{2}';
  const placeBox = el('fieldset', 'case-form-places');
  const placeLegend = el('legend');
  const placeList = el('ul', 'case-list-compact');
  placeBox.append(placeLegend, placeList);
  const checks = places.map((p) => {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.id = `new-place-${p.kind}-${p.id}`;
    box.dataset.kind = p.kind;
    box.dataset.id = String(p.id);
    return box;
  });
  const error = el('p', 'field-error');
  error.setAttribute('role', 'alert');
  const submit = el('button', 'primary');
  submit.type = 'submit';
  form.append(title.wrapper, status.wrapper, opened.wrapper, placeBox, error, submit);
  container.replaceChildren(heading, help, form);

  let saving = false;
  const render = () => {
    heading.textContent = t('new.heading');
    help.textContent = t('new.help');
    title.label.textContent = t('new.title');
    status.label.textContent = t('new.status');
    const chosen = (status.control.value || 'referred') as CaseStatus;
    status.control.replaceChildren(
      ...CASE_STATUSES.map((s) => {
        const option = el('option', undefined, statusWords(s));
        option.value = s;
        return option;
      }),
    );
    status.control.value = chosen;
    opened.label.textContent = t('new.opened');
    placeLegend.textContent = t('new.places');
    placeList.replaceChildren(
      ...places.map((p, i) => {
        const li = el('li');
        const label = el('label', undefined, `${placeWords(p.kind)} ${names.get(`${p.kind}-${p.id}`) ?? t('place.recordId', { id: p.id })}`);
        label.htmlFor = checks[i]!.id;
        li.append(checks[i]!, ' ', label);
        return li;
      }),
    );
    if (places.length === 0) placeList.append(el('li', 'case-none', t('new.noPlace')));
    submit.textContent = t(saving ? 'new.saving' : 'new.submit');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });

  async function save(): Promise<void> {
    const text = title.control.value.trim();
    error.textContent = '';
    title.control.removeAttribute('aria-invalid');
    opened.control.removeAttribute('aria-invalid');
    if (!text) {
      error.textContent = t('new.titleMissing');
      title.control.setAttribute('aria-invalid', 'true');
      title.control.focus();
      return;
    }
    if (!isIsoDate(opened.control.value)) {
      error.textContent = t('new.dateInvalid');
      opened.control.setAttribute('aria-invalid', 'true');
      opened.control.focus();
      return;
    }
    saving = true;
    submit.disabled = true;
    render();
    try {
      const created = await createCase({
        title: text,
        status: status.control.value as CaseStatus,
        opened_on: opened.control.value,
        places: checks.filter((c) => c.checked).map((c) => ({ kind: c.dataset.kind as 'claim' | 'zone', record_id: Number(c.dataset.id) })),
      });
      location.assign(caseHref(created.id));
    } catch (failure) {
      saving = false;
      submit.disabled = false;
      render();
      const message = failure instanceof ApiError ? failure.detail : failure instanceof Error ? failure.message : String(failure);
      error.textContent = t('new.error', { message });
    }
  }

  onLangChange(render);
  render();
  // The claims' names, to say which they are; the form works without them.
  void Promise.all(
    places.map(async (p) => {
      const shape = await fetchShape(p.kind === 'claim' ? 'claims' : 'zones', p.id);
      const name = shape?.properties[p.kind === 'claim' ? 'name' : 'code'];
      if (typeof name === 'string' && name) names.set(`${p.kind}-${p.id}`, name);
    }),
  ).then(render);
}
