/** Fields `room list --sort-by` takes (kept apart so the command tree loads no list code). */
export const SORT_FIELDS = ['name', 'created', 'scheduled_time'] as const;

/** Room types `room list --type` takes. */
export const ROOM_TYPES = ['permanent', 'scheduled', 'adhoc'] as const;
