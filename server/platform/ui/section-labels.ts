import { SECTIONS } from '#src/schema/sections.ts';

/** "Tin tức, Văn bản" for stored section ids; unknown ids (from old data) shown as they are. */
export function sectionLabels(ids: readonly string[]): string {
  return ids.map((id) => SECTIONS.find((s) => s.id === id)?.label ?? id).join(', ');
}

/** The eight Điều 7 sections as choices, the given ones ticked. */
export function sectionOptions(checked: readonly string[]) {
  return SECTIONS.map((section) => ({
    value: section.id,
    label: section.label,
    checked: checked.includes(section.id),
  }));
}
