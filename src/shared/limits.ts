/** Limits shared by the server and the sidebar (one place, never copied). */

/** SPEC §5: more entries than this in one save are rejected. */
export const MAX_ENTRIES = 1000;
/** Longest accepted theme / animateur / lieu. */
export const MAX_FIELD_LENGTH = 200;
/** Longest accepted participant ID in a save (longer cannot be an ID of the sheet in practice). */
export const MAX_ID_LENGTH = 100;
