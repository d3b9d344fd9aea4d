// The words the Policy Checklist view and its status-bar item show, computed from the server's answer alone.
// Kept free of the `vscode` module so that the wording can be tested without a running editor.
import type { ChecklistItem, ChecklistLaw, ChecklistResult } from '../../server/src/protocol';

export function missingIn(law: ChecklistLaw): number {
  return law.items.filter((i) => i.status === 'missing').length;
}

/** The law's description in the view: "2 missing" or "complete". */
export function lawDescription(law: ChecklistLaw): string {
  const missing = missingIn(law);
  return missing === 0 ? 'complete' : `${missing} missing`;
}

/** The status-bar text, with its codicon. */
export function statusText(result: ChecklistResult): string {
  if (result.laws.length === 0) return '$(checklist) No law applies';
  return result.missing === 0 ? '$(pass) Checklist complete' : `$(checklist) ${result.missing} missing`;
}

/** What a screen reader says for the status-bar item. */
export function statusLabel(result: ChecklistResult): string {
  if (result.laws.length === 0) return 'Policy checklist: no law applies';
  if (result.missing === 0) return 'Policy checklist complete';
  return `Policy checklist: ${result.missing} ${result.missing === 1 ? 'item' : 'items'} missing`;
}

/** The status-bar tooltip, as Markdown: each law with its count, then the server's summary. */
export function statusTooltip(result: ChecklistResult): string {
  const laws = result.laws.map((law) => `- ${escapeMarkdown(law.name)}: ${lawDescription(law)}`);
  return ['**Policy Checklist**', '', ...(laws.length > 0 ? laws : ['No law applies yet.']), '', escapeMarkdown(result.summary), '', 'Click to show the checklist.'].join('\n');
}

/** The item's tooltip, as Markdown: the provision, whether the policy has it, and what a click does. */
export function itemTooltip(item: ChecklistItem): string {
  const lines = [`**${escapeMarkdown(item.title)}**`, '', escapeMarkdown(item.article), ''];
  if (item.status === 'present') lines.push('Present in the policy. Click to show the passage.');
  else if (item.fix) lines.push(`Missing from the policy. Click to insert a clause: ${escapeMarkdown(item.fix.title)}.`);
  else lines.push('Missing from the policy. Click to show where the finding is.');
  lines.push('', `Rule: \`${item.ruleId}\``);
  return lines.join('\n');
}

/** What a screen reader says for an item; the e2e test reads it too. */
export function itemLabel(item: ChecklistItem): string {
  return `${item.title}, ${item.article}, ${item.status}`;
}

/** The item with this law and id in a newer answer, if it is still there. */
export function findItem(result: ChecklistResult | null | undefined, lawId: string, itemId: string): ChecklistItem | undefined {
  return result?.laws.find((l) => l.id === lawId)?.items.find((i) => i.id === itemId);
}

/** The confirmation asked before a missing item's clause is inserted. */
export function insertQuestion(item: ChecklistItem): { message: string; detail: string } {
  return {
    message: `The policy does not yet say: ${item.title} (${item.article}).`,
    detail: `${item.fix?.title ?? 'Insert a clause'}. The clause is a starting point: read it and adapt it to the client. Undo removes it.`,
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
