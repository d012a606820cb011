// Loaded by the CMS page (/quan-tri/) after Decap CMS: before an entry is saved, its text is made
// Unicode NFC (a keyboard may type a Vietnamese letter as a base letter and combining marks), and
// a field the editor filled and then cleared is left out rather than written as "" or [], which
// the schema refuses (an optional field is absent or has a value).

/** The parts of Immutable's Map and List that Decap hands over. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  delete(key: string): ImmutableMap;
  keySeq(): { toArray(): string[] };
}
interface ImmutableList {
  map(change: (value: unknown) => unknown): ImmutableList;
  filter(keep: (value: unknown) => boolean): ImmutableList;
  size: number;
}

interface DecapCms {
  registerEventListener(listener: { name: "preSave"; handler: (event: { entry: ImmutableMap }) => ImmutableMap }): void;
}

const isList = (value: unknown): value is ImmutableList =>
  typeof value === "object" && value !== null && typeof (value as ImmutableList).filter === "function" && typeof (value as ImmutableList).size === "number";

const blank = (value: unknown) => value === "" || (typeof value === "string" && value.trim() === "");

/** The entry's data, each text NFC, blank values and list items left out. */
export function cleanEntryData(data: ImmutableMap): ImmutableMap {
  let cleaned = data;
  for (const key of data.keySeq().toArray()) {
    const value = data.get(key);
    if (typeof value === "string") {
      cleaned = blank(value) ? cleaned.delete(key) : cleaned.set(key, value.normalize("NFC"));
    } else if (value === null) {
      cleaned = cleaned.delete(key);
    } else if (isList(value)) {
      const items = value.map((item) => (typeof item === "string" ? item.normalize("NFC") : item)).filter((item) => !blank(item) && item !== null);
      cleaned = items.size === 0 ? cleaned.delete(key) : cleaned.set(key, items);
    }
  }
  return cleaned;
}

const cms = (window as unknown as { CMS?: DecapCms }).CMS;
cms?.registerEventListener({ name: "preSave", handler: ({ entry }) => cleanEntryData(entry.get("data") as ImmutableMap) });
